import GreenSilkCore

/// Keys on the project detail screen.
extension AppReducer {
  static func detailCommand(_ command: Command, _ state: inout AppState) {
    let layout = detailLayout(state)
    let maxScroll = layout?.maxScroll ?? 0
    let page = max(1, (layout?.body.height ?? 1) - 1)
    var scroll = min(state.detail.scroll, maxScroll)
    switch command {
    case .moveSelection(let delta): scroll += delta
    case .page(let pages): scroll += pages * page
    case .first: scroll = 0
    case .last: scroll = maxScroll
    case .back:
      state.screen = state.detailReturn == .detail ? .pipeline : state.detailReturn
    default: break
    }
    state.detail.scroll = min(max(0, scroll), maxScroll)
  }

  /// The detail as it is drawn at the current size (nil: no project).
  static func detailLayout(_ state: AppState) -> ProjectDetailLayout? {
    guard let id = state.detail.projectID, let project = state.data.project(id: id) else { return nil }
    return ProjectDetailLayout(
      project, context: state.context, area: AppView.body(for: state.size), glyphs: state.settings.glyphs)
  }
}
