import GreenSilkCore

/// Screen 6, the map: the six corridors' routes on the base map, the
/// chosen corridor highlighted with its member countries shaded, and the
/// projects the pipeline's filter lets through as markers per country
/// (size by count, colour by traffic-light mix), or as dots where a
/// project has a place of its own.
///
///     ⡔⠊⠁ ⡇ ⢠⠒⠑⡅   ⡨⠋             ┌ Corridors ─────── projects ┐
///     ⠈⢉⠵⣾⡀⢀⡎  ⣖⣽⡒⣻ NELB        │  All corridors          101 │
///     ⢔⣒⠒⠒⠺⣤⣄⡤⠒⠕⣵⢆⡓ ⣿22 CMREC   │▶ CPEC  China-Pakistan    20 │
///     ⡸⢽⠁  ⡰⠊  ⠐⣿ ⠈⠲⣕⠶PAK 20     ┌ CPEC countries ─ west→east ┐
///     …                           ┌ Key ───────────────────────┐
///
/// A wide window has the side column (corridors, the chosen corridor's
/// countries west to east, the key); a narrow one has the key under the
/// map and says what is chosen in the status line. The rasterised base
/// map comes from the state (`MapState.canvas`); everything above it is
/// drawn per frame from counts made once per data or filter change.
enum MapScreen {
  /// Where each part goes in the screen's body.
  struct Areas: Equatable {
    var map: Rect
    /// The key under the map, when there is no side column.
    var legend: Rect?
    var sidebar: MapSidebar.Areas?
  }

  /// The side column appears from this width of the body.
  static let sidebarFromWidth = 110

  static func layout(_ area: Rect) -> Areas {
    if area.width >= sidebarFromWidth && area.height >= 20 {
      let (map, side) = area.splitRight(min(40, max(32, area.width / 5)))
      return Areas(map: map, legend: nil, sidebar: MapSidebar.layout(side))
    }
    // Room for the key with a corridor chosen (its longest form), so the
    // map keeps its size, and so its raster, while the choice changes.
    let legendRows = min(3, longestLegend.rows(width: area.width))
    guard area.height - legendRows >= 6 else { return Areas(map: area, legend: nil, sidebar: nil) }
    let (map, legend) = area.splitBottom(legendRows)
    return Areas(map: map, legend: legend, sidebar: nil)
  }

  static let longestLegend = MapLegend(glyphs: .unicode, selectedCorridor: .ccwaec)

  /// The map's canvas in a window of `size`: what the reducer rasterises
  /// the base map for and zooms and pans by.
  static func canvasSize(in size: Size) -> Size { layout(AppView.body(for: size)).map.size }

  static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let areas = layout(area)
    let glyphs = state.settings.glyphs
    // Normally a no-op: the reducer synced the map for this size. A state
    // made without the reducer (a test, a first kiosk frame) still draws
    // the right markers.
    var map = state.map
    map.sync(state.context, rows: state.pipeline.visible, canvas: areas.map.size)
    map.canvas.render(scene(state, map), viewport: map.viewport, in: areas.map, glyphs: glyphs, into: &buffer)
    if let legend = areas.legend {
      MapLegend(glyphs: glyphs, selectedCorridor: map.corridor).render(in: legend, into: &buffer)
    }
    if let sidebar = areas.sidebar { MapSidebar.render(state, map, in: sidebar, into: &buffer) }
  }

  /// What the renderer draws for the state.
  static func scene(_ state: AppState, _ map: MapState) -> MapScene {
    let members = map.corridor.flatMap { state.data.corridorMembers[$0] } ?? []
    return MapScene(
      routes: state.data.routes, selectedCorridor: map.corridor, shadedCountries: Set(members),
      markers: map.projects.markers, points: map.projects.points, selectedCountry: map.country)
  }

  /// The status line: what is chosen and its projects, and the filter
  /// when one narrows them (the zoom goes on its right, `zoomLabel`).
  static func summary(_ state: AppState) -> String {
    let map = state.map
    let projects = map.projects
    var parts: [String] = []
    if let country = map.country {
      let marker = projects.marker(of: country)
      var text = "\(state.data.countryName(country)) (\(country)): \(projectCount(marker.total))"
      let lights = [(marker.green, "green"), (marker.yellow, "yellow"), (marker.red, "red"), (marker.unscreened, "not screened")]
        .filter { $0.0 > 0 }.map { "\(Presentation.count($0.0)) \($0.1)" }
      if !lights.isEmpty { text += " (" + lights.joined(separator: ", ") + ")" }
      parts.append(text)
    } else if let corridor = map.corridor {
      parts.append("\(corridor.rawValue): \(projectCount(projects.perCorridor[corridor.index]))")
    } else {
      parts.append("All corridors: \(projectCount(projects.total)) in \(Presentation.count(map.countries.count)) countries")
    }
    let pipeline = state.pipeline
    if !pipeline.facets.isEmpty || !pipeline.query.isEmpty {
      var filter = "filtered: \(Presentation.count(projects.total)) of \(Presentation.count(state.data.projects.count))"
      if !pipeline.facets.isEmpty { filter += " · " + pipeline.facets.summary }
      if !pipeline.query.isEmpty { filter += " · /" + pipeline.query }
      parts.append(filter)
    }
    return parts.joined(separator: " · ")
  }

  /// `zoom 2.3x` while the view is not the whole map, for the right of
  /// the status line (where it stays visible in 80 columns).
  static func zoomLabel(_ map: MapState) -> String? {
    map.viewport == .home ? nil : "zoom " + zoomText(map.viewport.zoom)
  }

  /// `1 project`, `1,204 projects`.
  static func projectCount(_ count: Int) -> String {
    Presentation.count(count) + (count == 1 ? " project" : " projects")
  }

  /// `2.3x`.
  static func zoomText(_ zoom: Double) -> String {
    let tenths = Int((zoom * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)x"
  }
}
