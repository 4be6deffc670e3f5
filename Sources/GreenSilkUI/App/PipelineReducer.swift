import GreenSilkCore

/// Keys on the pipeline screen.
extension AppReducer {
  static func pipelineCommand(_ command: Command, _ state: inout AppState) {
    var pipeline = state.pipeline
    let context = state.context
    switch command {
    case .startFilter:
      pipeline.isEditingQuery = true
    case .toggleView:
      let selected = pipeline.selectedProject(context)?.id
      pipeline.mode = pipeline.mode == .kanban ? .table : .kanban
      pipeline.reselect(selected, context)
    case .sortNext:
      let keys = ProjectSortKey.allCases
      pipeline.sortKey = keys[((keys.firstIndex(of: pipeline.sortKey) ?? 0) + 1) % keys.count]
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
    case .clearFilters:
      pipeline.query = ""
      pipeline.facets = PipelineFacets()
      pipeline.applyFacets(context)
    case .moveFocusLeft:
      if pipeline.mode == .kanban { pipeline.kanbanColumn = max(0, pipeline.kanbanColumn - 1) }
    case .moveFocusRight:
      if pipeline.mode == .kanban { pipeline.kanbanColumn = min(Stage.allCases.count - 1, pipeline.kanbanColumn + 1) }
    case .open:
      state.pipeline = pipeline
      if let project = pipeline.selectedProject(context) { open(project, from: .pipeline, &state) }
      return
    default:
      let page = pageRows(state)
      switch pipeline.mode {
      case .table: move(&pipeline.table, command, rowCount: pipeline.visible.count, page: page)
      case .kanban:
        let column = pipeline.kanbanColumn
        move(&pipeline.kanbanStates[column], command, rowCount: pipeline.columns[column].count, page: page)
      }
    }
    state.pipeline = pipeline
  }

  /// The next value in `all` after `current`, then nil ("any"), then the first.
  static func cycle<T: Equatable>(_ current: T?, _ all: [T]) -> T? {
    guard let current, let index = all.firstIndex(of: current) else { return all.first }
    return index + 1 < all.count ? all[index + 1] : nil
  }
}
