#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import GreenSilkCore

/// Projects with coordinates and country markers.
extension MapRenderer {
  static func drawPoints(
    _ points: [MapPoint], raster: MapRaster, area: Rect, ascii: Bool, into buffer: inout Buffer
  ) {
    guard !points.isEmpty else { return }
    var layer = DotLayer(columns: raster.columns, rows: raster.rows)
    // Per cell: how many green, yellow, red and unscreened points.
    var lights: [Int: [Int]] = [:]
    for point in points {
      let (x, y) = raster.transform.dot(point.location)
      guard x >= 0, y >= 0, x < Double(layer.dotsWide), y < Double(layer.dotsHigh) else { continue }
      layer.plot(Int(x), Int(y))
      let cell = (Int(y) / 4) * raster.columns + Int(x) / 2
      let light: Int
      switch point.light {
      case .green: light = 0
      case .yellow: light = 1
      case .red: light = 2
      case nil: light = 3
      }
      lights[cell, default: [0, 0, 0, 0]][light] += 1
    }
    for (cell, tally) in lights {
      let column = cell % raster.columns
      let row = cell / raster.columns
      guard column < area.width, row < area.height else { continue }
      let role = CountryMarker.roles(counts: tally, cells: 1).first ?? .mapMarkerNone
      buffer[area.x + column, area.y + row] = Cell(
        ascii ? "*" : BrailleDots.glyphs[Int(layer.bits[cell])], style: Style(role))
    }
  }

  /// A marker as drawn: its country, its cells on screen, its count.
  struct DrawnMarker {
    let marker: CountryMarker
    let area: Rect
  }

  static func drawMarkers(
    _ scene: MapScene, raster: MapRaster, baseMap: BaseMap, area: Rect, ascii: Bool, labels: inout MapLabeler,
    frame: inout MapFrame, into buffer: inout Buffer
  ) -> [DrawnMarker] {
    // Largest first, so small markers stay visible on top of big ones; the
    // selected country's last of all.
    let ordered = scene.markers.filter { $0.total > 0 }.sorted {
      let a = ($0.country == scene.selectedCountry ? 1 : 0, -$0.total)
      let b = ($1.country == scene.selectedCountry ? 1 : 0, -$1.total)
      return a != b ? a < b : $0.country < $1.country
    }
    var drawn: [DrawnMarker] = []
    for marker in ordered {
      guard let place = baseMap.markerPoint(of: marker.country) else {
        frame.unplaced.append(marker.country)
        continue
      }
      let shape = MarkerShape.of(marker.size)
      let (left, top) = markerOrigin(
        of: shape, at: raster.transform.dot(place), country: baseMap.indexByCode[marker.country], raster: raster)
      let onScreen = Rect(x: area.x + left, y: area.y + top, width: shape.width, height: shape.height)
      guard !onScreen.intersection(area).isEmpty else {
        frame.offCanvas.append(marker.country)
        continue
      }
      let roles = marker.roles(cells: shape.width * shape.height)
      // The chosen country is marked by its label (code and count, in the
      // selection's style), not by its marker's cells: a cursor move then
      // rewrites the two labels only, not two markers as well (bytes).
      for dx in 0..<shape.width {
        for dy in 0..<shape.height {
          let x = onScreen.x + dx
          let y = onScreen.y + dy
          guard area.contains(Point(x: x, y: y)) else { continue }
          let role = roles[dx * shape.height + dy]
          let glyph = ascii ? shape.ascii[dy * shape.width + dx] : BrailleDots.glyphs[Int(shape.braille[dy * shape.width + dx])]
          buffer[x, y] = Cell(glyph, style: Style(role))
          labels.take(x: x, y: y)
        }
      }
      frame.markerAreas[marker.country] = onScreen.intersection(area)
      drawn.append(DrawnMarker(marker: marker, area: onScreen))
    }
    return drawn
  }

  /// The top-left cell of a marker centred on `dot`: the nearest cells to
  /// it, unless they are not wholly inside the marker's country (`country`,
  /// its index in the base map) while cells one step away are. A cell is
  /// two dots by four, so a marker can sit up to half a cell off its point
  /// and reach over a nearby border at a coarse scale; one step (the
  /// nearest that fits) keeps a project in Pakistan drawn in Pakistan.
  static func markerOrigin(
    of shape: MarkerShape, at dot: (x: Double, y: Double), country: Int?, raster: MapRaster
  ) -> (column: Int, row: Int) {
    // The block's corner, in cells, with the block centred on the dot.
    let x = (dot.x - Double(shape.width)) / 2
    let y = (dot.y - 2 * Double(shape.height)) / 4
    let nearest = (column: Int(x.rounded()), row: Int(y.rounded()))
    guard let country else { return nearest }
    let value = UInt16(truncatingIfNeeded: country + 1)
    func inside(_ column: Int, _ row: Int) -> Bool {
      guard column >= 0, row >= 0, column + shape.width <= raster.columns, row + shape.height <= raster.rows else {
        return false
      }
      for r in row..<(row + shape.height) {
        for c in column..<(column + shape.width) where raster.cellCountry[r * raster.columns + c] != value {
          return false
        }
      }
      return true
    }
    if inside(nearest.column, nearest.row) { return nearest }
    var candidates: [(column: Int, row: Int, distance: Double)] = []
    for dy in -1...1 {
      for dx in -1...1 where dx != 0 || dy != 0 {
        let column = nearest.column + dx
        let row = nearest.row + dy
        // Distance in dots from where the block would be centred.
        let distance = hypot((Double(column) - x) * 2, (Double(row) - y) * 4)
        candidates.append((column, row, distance))
      }
    }
    for candidate in candidates.sorted(by: { $0.distance < $1.distance }) where inside(candidate.column, candidate.row) {
      return (candidate.column, candidate.row)
    }
    return nearest
  }
}
