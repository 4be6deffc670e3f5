import GreenSilkCore

/// The base map rasterised for one viewport and canvas size: which country
/// every dot lies in, and the outline dots of every cell. Building it is
/// the expensive part of a map frame (projecting, stepping and filling
/// every outline); a frame that only changes the selection, the markers
/// or the routes reuses it. Keep it while `fits(viewport:columns:rows:)`.
///
/// Equality compares what it was built for, not the grids, so a state
/// that holds one stays cheap to compare.
public struct MapRaster: Sendable, Equatable {
  public let viewport: MapViewport
  public let columns: Int
  public let rows: Int
  public let transform: MapTransform
  /// Per dot, row by row: 0 for the sea, `i + 1` for the base map's
  /// country `i`.
  let countryAtDot: [UInt16]
  /// Per cell: the one value `countryAtDot` has on all 8 of its dots, or
  /// `mixed` when they differ (a coast or a border runs through it).
  let cellCountry: [UInt16]
  /// Per cell: its outline dots (coasts and borders) as a braille pattern.
  let outline: [UInt8]

  static let mixed = UInt16.max

  /// Rasterises `baseMap` for a canvas of `columns` x `rows` cells.
  public init(baseMap: BaseMap = .naturalEarth, viewport: MapViewport, columns: Int, rows: Int) {
    let transform = viewport.transform(columns: columns, rows: rows)
    self.viewport = viewport
    self.columns = max(0, columns)
    self.rows = max(0, rows)
    self.transform = transform
    let width = transform.dotsWide
    let height = transform.dotsHigh
    var countryAtDot = [UInt16](repeating: 0, count: width * height)
    var lines = DotLayer(columns: max(0, columns), rows: max(0, rows))
    var fill = ScanlineFill(width: width, height: height)
    let viewRight = transform.left + Double(width) / max(transform.scale, .leastNonzeroMagnitude)
    let viewBottom = transform.top - Double(height) / max(transform.scale, .leastNonzeroMagnitude)
    var dots: [(x: Double, y: Double)] = []
    for (index, country) in baseMap.countries.enumerated() {
      guard country.east >= transform.left, country.west <= viewRight,
        country.projectedNorth >= viewBottom, country.projectedSouth <= transform.top
      else { continue }
      fill.reset()
      for ring in country.rings {
        let start = baseMap.ringStarts[ring]
        let end = baseMap.ringStarts[ring + 1]
        dots.removeAll(keepingCapacity: true)
        for vertex in start..<end {
          dots.append(transform.dot(longitude: baseMap.longitudes[vertex], projectedY: baseMap.projectedY[vertex]))
        }
        guard var previous = dots.last else { continue }
        for point in dots {
          lines.line(from: previous, to: point)
          fill.addEdge(from: previous, to: point)
          previous = point
        }
      }
      let value = UInt16(truncatingIfNeeded: index + 1)
      countryAtDot.withUnsafeMutableBufferPointer { grid in
        fill.forEachSpan { row, from, to in
          let base = row * width
          for x in from...to { grid[base + x] = value }
        }
      }
    }
    let (columns, rows) = (self.columns, self.rows)
    var cellCountry = [UInt16](repeating: 0, count: columns * rows)
    countryAtDot.withUnsafeBufferPointer { grid in
      for row in 0..<rows {
        for column in 0..<columns {
          let top = row * 4 * width + column * 2
          let first = grid[top]
          var same = true
          for dy in 0..<4 where grid[top + dy * width] != first || grid[top + dy * width + 1] != first {
            same = false
            break
          }
          cellCountry[row * columns + column] = same ? first : MapRaster.mixed
        }
      }
    }
    self.countryAtDot = countryAtDot
    self.cellCountry = cellCountry
    self.outline = lines.bits
  }

  /// Whether this raster is the one for `viewport` on a canvas of that size.
  public func fits(viewport: MapViewport, columns: Int, rows: Int) -> Bool {
    self.viewport == viewport && self.columns == columns && self.rows == rows
  }

  /// The country drawn at dot (x, y), as filled on this canvas (which can
  /// differ from `BaseMap.country(at:)` by a dot along a border).
  public func country(atDotX x: Int, y: Int, in baseMap: BaseMap = .naturalEarth) -> CountryCode? {
    guard x >= 0, y >= 0, x < transform.dotsWide, y < transform.dotsHigh else { return nil }
    let value = Int(countryAtDot[y * transform.dotsWide + x])
    return value == 0 || value > baseMap.countries.count ? nil : baseMap.countries[value - 1].code
  }

  public static func == (lhs: MapRaster, rhs: MapRaster) -> Bool {
    lhs.viewport == rhs.viewport && lhs.columns == rhs.columns && lhs.rows == rhs.rows
  }
}
