import GreenSilkCore

/// Labels: the selected country, corridor codes, node names, counts.
extension MapRenderer {
  /// Places and writes every label. The chosen country's label goes last,
  /// where the others leave room for it (its code and count, else its
  /// code alone, which fits where its count would have gone), so that
  /// moving the choice moves two labels and no others (bytes per cursor
  /// move); only when it fits nowhere then are the labels placed again
  /// with it first.
  static func placeLabels(
    _ scene: MapScene, markers: [DrawnMarker], raster: MapRaster, baseMap: BaseMap, area: Rect,
    labels: inout MapLabeler, into buffer: inout Buffer
  ) {
    let before = labels
    if !placeLabels(scene, markers: markers, raster: raster, baseMap: baseMap, area: area, selectedFirst: false, labels: &labels) {
      labels = before
      placeLabels(scene, markers: markers, raster: raster, baseMap: baseMap, area: area, selectedFirst: true, labels: &labels)
    }
    labels.write(into: &buffer)
  }

  /// Places the labels in order (the chosen country's first or last);
  /// returns whether the chosen country's label found a place (true when
  /// there is none to place).
  @discardableResult
  static func placeLabels(
    _ scene: MapScene, markers: [DrawnMarker], raster: MapRaster, baseMap: BaseMap, area: Rect, selectedFirst: Bool,
    labels: inout MapLabeler
  ) -> Bool {
    // Right of a box, then left, above and below it; counts never go
    // left, where they would read as belonging to the marker before.
    func around(_ box: Rect, _ width: Int, left: Bool = true) -> [(x: Int, y: Int)] {
      let right = [(box.maxX, box.y), (box.maxX, box.maxY - 1)]
      let sides = left ? [(box.x - width, box.y), (box.x - width, box.maxY - 1)] : []
      return right + sides + [(box.x + (box.width - width) / 2, box.y - 1), (box.x + (box.width - width) / 2, box.maxY)]
    }
    // The selected country: its code and count, beside its marker or at
    // its marker point.
    func placeSelected() -> Bool {
      guard let selected = scene.selectedCountry, let place = baseMap.markerPoint(of: selected) else { return true }
      let marker = markers.first { $0.marker.country == selected }
      let code = selected.description
      let text = code + (marker.map { " " + Presentation.count($0.marker.total) } ?? "")
      let box: Rect
      if let marker {
        box = marker.area
      } else {
        let (x, y) = raster.transform.dot(place)
        box = Rect(x: area.x + Int(x.rounded(.down)) / 2, y: area.y + Int(y.rounded(.down)) / 4, width: 1, height: 1)
      }
      return labels.place(text, style: Style(.selection), at: around(box, TextWidth.columns(of: text)))
        || (!selectedFirst && labels.place(code, style: Style(.selection), at: around(box, TextWidth.columns(of: code))))
    }
    var selectedPlaced = selectedFirst ? placeSelected() : true
    // Each corridor's code beside its first route, near the middle.
    var labelled = Set<CorridorCode>()
    let routes = scene.routes.filter { $0.corridor == scene.selectedCorridor }
      + scene.routes.filter { $0.corridor != scene.selectedCorridor }
    for route in routes where !labelled.contains(route.corridor) {
      labelled.insert(route.corridor)
      let text = route.corridor.rawValue
      let width = TextWidth.columns(of: text)
      let dots = route.nodes.map { raster.transform.dot($0.location) }
      var candidates: [(x: Int, y: Int)] = []
      for fraction in [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8] {
        guard let (x, y) = pointAlong(dots, fraction: fraction) else { continue }
        let column = area.x + Int(x.rounded(.down)) / 2
        let row = area.y + Int(y.rounded(.down)) / 4
        candidates += [
          (column + 1, row - 1), (column + 1, row + 1), (column - width, row - 1), (column - width, row + 1),
        ]
      }
      labels.place(text, style: routeStyle(route.corridor, scene: scene), at: candidates, sparingRoutes: true)
    }
    // Node names of the selected corridor when zoomed in far enough for
    // them to fit, of every route when further in.
    let zoom = raster.viewport.zoom
    for route in routes where (route.corridor == scene.selectedCorridor && zoom >= 2.25) || zoom >= 5 {
      for node in route.nodes {
        let (x, y) = raster.transform.dot(node.location)
        guard x >= 0, y >= 0 else { continue }
        let box = Rect(x: area.x + Int(x) / 2, y: area.y + Int(y) / 4, width: 1, height: 1)
        labels.place(
          node.name, style: Style(.muted), at: around(box, TextWidth.columns(of: node.name)), sparingRoutes: true)
      }
    }
    // Project counts beside the markers, biggest first.
    if scene.showsCounts {
      for drawn in markers.sorted(by: { $0.marker.total > $1.marker.total })
      where drawn.marker.country != scene.selectedCountry {
        let text = compactCount(drawn.marker.total)
        labels.place(text, style: Style(.muted), at: around(drawn.area, text.count, left: false))
      }
    }
    if !selectedFirst { selectedPlaced = placeSelected() }
    return selectedPlaced
  }

  /// The point a fraction of the way along a polyline (by length).
  static func pointAlong(_ points: [(x: Double, y: Double)], fraction: Double) -> (x: Double, y: Double)? {
    guard let first = points.first else { return nil }
    let segments = zip(points, points.dropFirst()).map { a, b in ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot() }
    let total = segments.reduce(0, +)
    guard total > 0 else { return first }
    var remaining = total * fraction
    for (index, length) in segments.enumerated() {
      if remaining <= length {
        let t = length > 0 ? remaining / length : 0
        let a = points[index]
        let b = points[index + 1]
        return (a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
      }
      remaining -= length
    }
    return points.last
  }

  /// `7`, `212`, `1.2k`, `21k`: a count short enough to sit beside a marker.
  static func compactCount(_ value: Int) -> String {
    if value < 1000 { return String(value) }
    if value < 10_000 {
      let tenths = (value + 50) / 100
      return tenths % 10 == 0 ? "\(tenths / 10)k" : "\(tenths / 10).\(tenths % 10)k"
    }
    return "\((value + 500) / 1000)k"
  }
}
