import GreenSilkCore

/// Keys on the corridor screen.
extension AppReducer {
  static func corridorsCommand(_ command: Command, _ state: inout AppState) {
    switch (state.corridors.focus, command) {
    case (.list, .moveSelection(let delta)):
      state.corridors.selected = min(max(state.corridors.selected + delta, 0), CorridorCode.allCases.count - 1)
      state.corridors.table = TableState()
      state.corridors.recompute(state.context)
    case (.list, .first), (.list, .last):
      state.corridors.selected = command == .first ? 0 : CorridorCode.allCases.count - 1
      state.corridors.table = TableState()
      state.corridors.recompute(state.context)
    case (.list, .open):
      if !state.corridors.projects.isEmpty { state.corridors.focus = .table }
    case (.table, .open):
      if let project = state.corridors.selectedProject(state.context) { open(project, from: .corridors, &state) }
    case (.table, .back):
      state.corridors.focus = .list
    case (.table, _):
      move(&state.corridors.table, command, rowCount: state.corridors.projects.count, page: pageRows(state) / 2)
    default:
      break
    }
  }
}
