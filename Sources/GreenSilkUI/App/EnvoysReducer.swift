/// Keys on the envoys screen. On a small window the lower part switches
/// between the table, the charts and one activity; on a large one
/// everything is shown and only the selection moves.
extension AppReducer {
  static func envoysCommand(_ command: Command, _ state: inout AppState) {
    switch command {
    case .open:
      state.envoys.view = state.envoys.view == .activity ? .table : .activity
    case .toggleView:
      state.envoys.view = state.envoys.view == .charts ? .table : .charts
    case .back:
      state.envoys.view = .table
    default:
      let rows = EnvoysScreen.tableRows(state)
      let count = state.envoys.order.count
      move(&state.envoys.table, command, rowCount: count, page: rows)
      // Keep the scroll position in the state, so that moving back up
      // moves the cursor, not the rows.
      state.envoys.table.keepSelectionVisible(visibleRows: rows, rowCount: count)
    }
  }
}
