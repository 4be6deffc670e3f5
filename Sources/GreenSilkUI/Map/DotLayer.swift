/// A grid of braille dots for a canvas of `columns` x `rows` cells, stored
/// as one pattern byte per cell, with a tag per cell naming what was drawn
/// there last (which route, for instance). Lines are clipped to the canvas
/// before they are stepped, so a zoomed-in map with vertices far off
/// screen costs no more than what shows.
struct DotLayer {
  let columns: Int
  let rows: Int
  var bits: [UInt8]
  var tags: [UInt8]

  init(columns: Int, rows: Int) {
    self.columns = max(0, columns)
    self.rows = max(0, rows)
    bits = Array(repeating: 0, count: self.columns * self.rows)
    tags = Array(repeating: 0, count: self.columns * self.rows)
  }

  var dotsWide: Int { columns * 2 }
  var dotsHigh: Int { rows * 4 }

  /// Sets the dot at (x, y) if it is on the canvas.
  mutating func plot(_ x: Int, _ y: Int, tag: UInt8 = 0) {
    guard x >= 0, y >= 0, x < dotsWide, y < dotsHigh else { return }
    let cell = (y >> 2) * columns + (x >> 1)
    bits[cell] |= BrailleDots.bitAt[(y & 3) << 1 | (x & 1)]
    tags[cell] = tag
  }

  /// A straight line between two points in dot coordinates (dot centres
  /// at half-integers), `thickness` 1 or 2 dots.
  mutating func line(from a: (x: Double, y: Double), to b: (x: Double, y: Double), tag: UInt8 = 0, thickness: Int = 1) {
    guard let (p, q) = Self.clip(a, b, width: Double(dotsWide), height: Double(dotsHigh)) else { return }
    var x0 = Int(p.x.rounded(.down))
    var y0 = Int(p.y.rounded(.down))
    let x1 = Int(q.x.rounded(.down))
    let y1 = Int(q.y.rounded(.down))
    let dx = abs(x1 - x0)
    let dy = -abs(y1 - y0)
    let stepX = x0 < x1 ? 1 : -1
    let stepY = y0 < y1 ? 1 : -1
    // A thick line widens across its direction: sideways for a steep one.
    let (extraX, extraY) = dx >= -dy ? (0, 1) : (1, 0)
    var error = dx + dy
    while true {
      plot(x0, y0, tag: tag)
      if thickness > 1 { plot(x0 + extraX, y0 + extraY, tag: tag) }
      if x0 == x1 && y0 == y1 { break }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x0 += stepX
      }
      if doubled <= dx {
        error += dx
        y0 += stepY
      }
    }
  }

  /// The part of segment a-b inside [0, width) x [0, height) (Liang-Barsky),
  /// or nil when none is.
  static func clip(
    _ a: (x: Double, y: Double), _ b: (x: Double, y: Double), width: Double, height: Double
  ) -> ((x: Double, y: Double), (x: Double, y: Double))? {
    guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { return nil }
    let maxX = width - 0.001
    let maxY = height - 0.001
    let dx = b.x - a.x
    let dy = b.y - a.y
    var t0 = 0.0
    var t1 = 1.0
    for (p, q) in [(-dx, a.x), (dx, maxX - a.x), (-dy, a.y), (dy, maxY - a.y)] {
      if p == 0 {
        if q < 0 { return nil }
      } else {
        let t = q / p
        if p < 0 {
          if t > t1 { return nil }
          t0 = max(t0, t)
        } else {
          if t < t0 { return nil }
          t1 = min(t1, t)
        }
      }
    }
    return ((a.x + t0 * dx, a.y + t0 * dy), (a.x + t1 * dx, a.y + t1 * dy))
  }
}
