import GreenSilkCore

/// Keys on the corridor screen. The list has the focus until Enter moves
/// it into the corridor's project table; Esc brings it back.
extension AppReducer {
  static func corridorsCommand(_ command: Command, _ state: inout AppState) {
    var corridors = state.corridors
    let context = state.context
    let last = CorridorCode.allCases.count - 1
    switch (corridors.focus, command) {
    case (.list, .moveSelection(let delta)):
      corridors.selectCorridor(corridors.selected + delta)
    case (.list, .first), (.list, .page(-1)):
      corridors.selectCorridor(0)
    case (.list, .last), (.list, .page(1)):
      corridors.selectCorridor(last)
    case (.list, .open):
      if !corridors.projects.isEmpty { corridors.focus = .table }
    case (.table, .open):
      state.corridors = corridors
      if let project = corridors.selectedProject(context) { open(project, from: .corridors, &state) }
      return
    case (.table, .back):
      corridors.focus = .list
    case (.table, _):
      let page = CorridorsScreen.tableRows(in: state.size)
      move(&corridors.table, command, rowCount: corridors.projects.count, page: page)
      // Keep the scroll offset here (the view cannot write it back), so
      // that the table scrolls as little as possible, like a list should.
      corridors.table.keepSelectionVisible(visibleRows: page, rowCount: corridors.projects.count)
    default:
      break
    }
    corridors.noteSelection(context)
    state.corridors = corridors
  }
}
