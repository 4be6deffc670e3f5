/// Fills polygons into a grid of dots, even-odd, by scanlines: every edge
/// adds where it crosses each dot row's centre line, the crossings are
/// sorted once, and each row fills between pairs. The cost follows the
/// outline's length in rows, not the area, and rows off the canvas are
/// never touched.
struct ScanlineFill {
  let width: Int
  let height: Int
  /// Crossings of the polygon being filled: row in the high 32 bits, x as
  /// an order-preserving float in the low ones, so one integer sort orders
  /// them by row, then x.
  private var crossings: [UInt64] = []

  init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  /// Starts a new polygon.
  mutating func reset() { crossings.removeAll(keepingCapacity: true) }

  /// Adds an edge (dot coordinates; dot centres at half-integers).
  mutating func addEdge(from a: (x: Double, y: Double), to b: (x: Double, y: Double)) {
    guard a.y != b.y, a.y.isFinite, b.y.isFinite else { return }
    let (low, high) = a.y < b.y ? (a, b) : (b, a)
    // Rows whose centre r + 0.5 lies in [low.y, high.y).
    let first = max(0, Int((low.y - 0.5).rounded(.up)))
    let last = min(height - 1, Int((high.y - 0.5).rounded(.up)) - 1)
    guard first <= last else { return }
    let slope = (high.x - low.x) / (high.y - low.y)
    let limit = Double(width + 2)
    for row in first...last {
      let x = min(max(low.x + (Double(row) + 0.5 - low.y) * slope, -2), limit)
      crossings.append(UInt64(row) << 32 | UInt64(Self.orderable(Float(x))))
    }
  }

  /// Calls `fill(row, fromX, toX)` (inclusive, clamped to the canvas) for
  /// every span inside the polygon added since `reset()`.
  mutating func forEachSpan(_ fill: (Int, Int, Int) -> Void) {
    crossings.sort()
    var index = 0
    while index + 1 < crossings.count {
      let a = crossings[index]
      let b = crossings[index + 1]
      let row = Int(a >> 32)
      guard Int(b >> 32) == row else {
        index += 1
        continue
      }
      let start = max(0, Int((Double(Self.float(UInt32(truncatingIfNeeded: a))) - 0.5).rounded(.up)))
      let end = min(width - 1, Int((Double(Self.float(UInt32(truncatingIfNeeded: b))) - 0.5).rounded(.up)) - 1)
      if start <= end { fill(row, start, end) }
      index += 2
    }
  }

  /// A float's bits, flipped so that unsigned order is numeric order.
  static func orderable(_ value: Float) -> UInt32 {
    let bits = value.bitPattern
    return bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
  }

  static func float(_ orderable: UInt32) -> Float {
    Float(bitPattern: orderable & 0x8000_0000 != 0 ? orderable & 0x7FFF_FFFF : ~orderable)
  }
}
