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
      let (dotX, dotY) = raster.transform.dot(place)
      let left = Int(((dotX - Double(shape.width)) / 2).rounded(.down))
      let top = Int(((dotY - 2 * Double(shape.height)) / 4).rounded(.down))
      let onScreen = Rect(x: area.x + left, y: area.y + top, width: shape.width, height: shape.height)
      guard !onScreen.intersection(area).isEmpty else {
        frame.offCanvas.append(marker.country)
        continue
      }
      let roles = marker.roles(cells: shape.width * shape.height)
      let emphasis: Emphasis = marker.country == scene.selectedCountry ? .selected : .none
      for dx in 0..<shape.width {
        for dy in 0..<shape.height {
          let x = onScreen.x + dx
          let y = onScreen.y + dy
          guard area.contains(Point(x: x, y: y)) else { continue }
          let role = roles[dx * shape.height + dy]
          let glyph = ascii ? shape.ascii[dy * shape.width + dx] : BrailleDots.glyphs[Int(shape.braille[dy * shape.width + dx])]
          buffer[x, y] = Cell(glyph, style: Style(role, emphasis: emphasis))
          labels.take(x: x, y: y)
        }
      }
      frame.markerAreas[marker.country] = onScreen.intersection(area)
      drawn.append(DrawnMarker(marker: marker, area: onScreen))
    }
    return drawn
  }
}
