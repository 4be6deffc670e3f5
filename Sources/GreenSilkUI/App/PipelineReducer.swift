import GreenSilkCore

/// Keys on the pipeline screen.
extension AppReducer {
  static func pipelineCommand(_ command: Command, _ state: inout AppState) {
    var pipeline = state.pipeline
    let context = state.context
    let layout = PipelineLayout(pipeline, in: AppView.body(for: state.size))
    switch command {
    case .startFilter:
      pipeline.isEditingQuery = true
      _ = context.search  // index now, so that each typed character is fast
    case .toggleView:
      let selected = pipeline.selectedProject(context)?.id
      pipeline.mode = pipeline.mode == .kanban ? .table : .kanban
      pipeline.reselect(selected, context)
    case .sortNext:
      let keys = PipelineState.sortCycle
      pipeline.sortKey = keys[((keys.firstIndex(of: pipeline.sortKey) ?? -1) + 1) % keys.count]
      pipeline.ascending = true
      pipeline.recompute(context)
    case .sortReverse:
      pipeline.ascending.toggle()
      pipeline.recompute(context)
    case .cycleAreaFacet:
      pipeline.facets.area = cycle(pipeline.facets.area, CooperationArea.allCases)
      pipeline.applyFacets(context)
    case .cycleCorridorFacet:
      pipeline.facets.corridor = cycle(pipeline.facets.corridor, CorridorCode.allCases)
      pipeline.applyFacets(context)
    case .cycleLightFacet:
      pipeline.facets.light = cycle(pipeline.facets.light, LightFacet.allCases)
      pipeline.applyFacets(context)
    case .cycleStageFacet:
      pipeline.facets.stage = cycle(pipeline.facets.stage, Stage.allCases)
      pipeline.applyFacets(context)
      // Show the one stage left: in the kanban, focus its column.
      if let stage = pipeline.facets.stage { pipeline.kanbanColumn = stage.index }
    case .back where state.pipelineReturn != nil:
      // Opened from the map: its facets as they were, and the map again.
      pipeline.facets = state.pipelineReturn ?? PipelineFacets()
      pipeline.applyFacets(context)
      state.pipelineReturn = nil
      state.pipeline = pipeline
      state.screen = .map
      return
    case .clearFilters, .back:
      pipeline.query = ""
      pipeline.facets = PipelineFacets()
      pipeline.applyFacets(context)
    case .moveFocusLeft:
      if pipeline.mode == .kanban { pipeline.kanbanColumn = max(0, pipeline.kanbanColumn - 1) }
    case .moveFocusRight:
      if pipeline.mode == .kanban { pipeline.kanbanColumn = min(Stage.allCases.count - 1, pipeline.kanbanColumn + 1) }
    case .open:
      if let project = pipeline.selectedProject(context) {
        state.pipeline = pipeline
        open(project, from: .pipeline, &state)
        return
      }
    default:
      switch pipeline.mode {
      case .table:
        move(&pipeline.table, command, rowCount: pipeline.visible.count, page: layout.tableRows)
      case .kanban:
        let column = pipeline.kanbanColumn
        move(&pipeline.kanbanStates[column], command, rowCount: pipeline.columns[column].count, page: layout.cardRows)
      }
    }
    state.pipeline = pipeline
    scrollPipelineToSelection(&state)
  }

  /// Scrolls the table, the focused kanban column and the kanban itself
  /// so that the cursor is on screen, by as little as possible (the
  /// widgets would otherwise pin the cursor to the last row when moving
  /// back up, since they never write their scroll back).
  static func scrollPipelineToSelection(_ state: inout AppState) {
    let layout = PipelineLayout(state.pipeline, in: AppView.body(for: state.size))
    var pipeline = state.pipeline
    pipeline.table.keepSelectionVisible(visibleRows: layout.tableRows, rowCount: pipeline.visible.count)
    for column in pipeline.columns.indices {
      pipeline.kanbanStates[column].keepSelectionVisible(
        visibleRows: layout.cardRows, rowCount: pipeline.columns[column].count)
    }
    pipeline.scrollKanban(fitting: PipelineLayout.fittingColumns(width: layout.main.width))
    state.pipeline = pipeline
  }

  /// The next value in `all` after `current`, then nil ("any"), then the first.
  static func cycle<T: Equatable>(_ current: T?, _ all: [T]) -> T? {
    guard let current, let index = all.firstIndex(of: current) else { return all.first }
    return index + 1 < all.count ? all[index + 1] : nil
  }
}
