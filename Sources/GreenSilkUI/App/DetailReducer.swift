/// Keys on the project detail screen.
extension AppReducer {
  static func detailCommand(_ command: Command, _ state: inout AppState) {
    switch command {
    case .moveSelection(let delta): state.detail.scroll = max(0, state.detail.scroll + delta)
    case .page(let pages): state.detail.scroll = max(0, state.detail.scroll + pages * pageRows(state))
    case .first: state.detail.scroll = 0
    case .back: state.screen = state.detailReturn == .detail ? .pipeline : state.detailReturn
    default: break
    }
  }
}
