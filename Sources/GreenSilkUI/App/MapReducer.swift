import GreenSilkCore

/// Keys on the map: ↑/↓ choose the corridor, ←/→ a country west or east,
/// `+`/`-` zoom, H J K L pan, `f` fits, `0` shows everything, Enter opens
/// the pipeline filtered to the choice, Esc steps back out of it.
extension AppReducer {
  static func mapCommand(_ command: Command, _ state: inout AppState) {
    var map = state.map
    let size = MapScreen.canvasSize(in: state.size)
    switch command {
    case .moveSelection(let delta): map.choose(map.choice + delta)
    case .moveFocusLeft: map.moveCountry(-1, canvas: size)
    case .moveFocusRight: map.moveCountry(1, canvas: size)
    case .zoom(let steps): map.zoom(steps, canvas: size)
    case .pan(let east, let south):
      map.viewport = map.viewport.panned(
        across: Double(east) * 0.25, down: Double(south) * 0.25, columns: size.width, rows: size.height)
    case .resetView: map.viewport = .home
    case .fitView:
      let members = map.corridor.flatMap { state.data.corridorMembers[$0] } ?? []
      map.fit(canvas: size, routes: state.data.routes, members: members)
    case .back: map.back()
    case .open:
      state.map = map
      openPipeline(from: map, &state)
      return
    default: break
    }
    state.map = map
  }

  /// The pipeline filtered to the chosen country (or else the chosen
  /// corridor), on top of the facets it had, which Esc there brings back
  /// along with the map.
  static func openPipeline(from map: MapState, _ state: inout AppState) {
    var facets = state.pipeline.facets
    if let country = map.country {
      facets.country = country
    } else if let corridor = map.corridor {
      facets.corridor = corridor
    }
    state.pipelineReturn = state.pipeline.facets
    if facets != state.pipeline.facets {
      state.pipeline.facets = facets
      state.pipeline.applyFacets(state.context)
    }
    state.screen = .pipeline
    scrollPipelineToSelection(&state)
  }
}
