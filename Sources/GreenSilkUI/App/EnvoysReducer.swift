/// Keys on the envoys screen.
extension AppReducer {
  static func envoysCommand(_ command: Command, _ state: inout AppState) {
    move(&state.envoys.table, command, rowCount: state.envoys.order.count, page: pageRows(state) / 2)
  }
}
