import GreenSilkCore

/// Renders the whole dashboard for a state: title bar, the current
/// screen, the status line, the key footer and any overlay. Pure: the
/// same state always gives the same cells.
public enum AppView {
  /// Below this the dashboard shows "enlarge the window" instead.
  public static let minimumSize = Size(width: 60, height: 16)

  public static func render(_ state: AppState) -> Buffer {
    var buffer = Buffer(size: state.size)
    render(state, into: &buffer)
    return buffer
  }

  public static func render(_ state: AppState, into buffer: inout Buffer) {
    let area = buffer.area
    if TooSmallNotice.isTooSmall(area.size, minimum: minimumSize) {
      TooSmallNotice.render(in: area, into: &buffer, minimum: minimumSize)
      return
    }
    let rows = regions(of: area)
    DashboardTitle.render(state, in: rows.title, into: &buffer)
    let body = rows.body
    switch state.screen {
    case .overview: OverviewScreen.render(state, in: body, into: &buffer)
    case .corridors: CorridorsScreen.render(state, in: body, into: &buffer)
    case .pipeline: PipelineScreen.render(state, in: body, into: &buffer)
    case .detail: ProjectDetailScreen.render(state, in: body, into: &buffer)
    case .envoys: EnvoysScreen.render(state, in: body, into: &buffer)
    case .map: MapScreen.render(state, in: body, into: &buffer)
    }
    if let form = state.form { FormView.render(state, form, in: body, into: &buffer) }
    StatusBar.render(state, in: rows.status, into: &buffer)
    let glyphs = state.settings.glyphs
    let hints = state.form != nil ? KeyMap.formHints : KeyMap.footer(for: KeyContext(state.screen))
    KeyHints(fitting(KeyMap.spelled(hints, for: glyphs), width: rows.footer.width), glyphs: glyphs).render(in: rows.footer, into: &buffer)
    if let dialog = state.dialog { DialogView.render(state, dialog, in: body, into: &buffer) }
    if let scroll = state.help { helpOverlay(state).scrollOffset(scroll).render(in: body, into: &buffer) }
  }

  /// The dashboard's rows: title bar, the screen's body, status line, footer.
  struct Regions {
    var title: Rect
    var body: Rect
    var status: Rect
    var footer: Rect
  }

  static func regions(of area: Rect) -> Regions {
    let rows = Layout.vertical([.length(1), .fill(1), .length(1), .length(1)]).split(area)
    return Regions(title: rows[0], body: rows[1], status: rows[2], footer: rows[3])
  }

  /// Where the current screen is drawn in a window of `size`: what the
  /// reducers lay out to page by what is on screen and keep the cursor
  /// visible, so that they and the view always agree.
  public static func body(for size: Size) -> Rect { regions(of: Rect(size: size)).body }

  /// The `?` overlay for the state (not yet scrolled).
  static func helpOverlay(_ state: AppState) -> HelpOverlay {
    if state.helpListsProblems { return DataProblems.overlay(state) }
    let sections = KeyMap.helpSections(current: KeyContext(state.screen)).map {
      HelpOverlay.Section($0.title, KeyMap.spelled($0.bindings, for: state.settings.glyphs))
    }
    return HelpOverlay(sections: sections, glyphs: state.settings.glyphs).title("Keys — GreenSilk").closeHint("? or Esc closes")
  }

  /// Rows of help a page key moves by: what the overlay shows at this
  /// size, less one row kept in view for context.
  static func helpPageRows(_ state: AppState) -> Int {
    max(1, helpOverlay(state).visibleRows(in: body(for: state.size)) - 1)
  }
}

extension AppView {
  /// The footer's hints cut to the width by dropping the screen's own
  /// hints from the end first: "? help" and "q quit" always stay, so a
  /// narrow window still says how to get help and out.
  static func fitting(_ hints: [KeyHint], width: Int) -> [KeyHint] {
    func columns(_ list: [KeyHint]) -> Int {
      list.reduce(0) { $0 + TextWidth.columns(of: $1.keys) + 1 + TextWidth.columns(of: $1.help) } + max(0, list.count - 1) * 2
    }
    var kept = hints
    let essential: Set<String> = ["help", "quit"]
    while columns(kept) > width, let drop = kept.lastIndex(where: { !essential.contains($0.help) }) {
      kept.remove(at: drop)
    }
    return kept
  }
}

/// The dashboard's title row: the product and the screens (all of them
/// when there is room, closer together when that makes room, else the
/// current one), then `TitleBar`'s right side.
enum DashboardTitle {
  static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let right = TitleBar.right(meta: state.data.meta, clock: state.clock.hourMinute, totals: state.context.scope)
    func left(_ screens: [Screen], spaced: Bool) -> [Span] {
      var spans = [TitleBar.product]
      for screen in screens {
        // Brackets mark the current screen even where colour cannot (mono).
        let current = screen == state.screen
        let name = "\(screen.rawValue) \(screen.title)"
        if !spaced && spans.count > 1 { spans.append(Span(" ", style: Style(.titleBar))) }
        let text = current ? "[\(name)]" : spaced ? " \(name) " : name
        spans.append(Span(text, style: current ? Style(.title, emphasis: .selected) : Style(.titleBar)))
      }
      return spans
    }
    let room = area.width - Span.columns(of: right) - 1
    let candidates = [left(Screen.allCases, spaced: true), left(Screen.allCases, spaced: false)]
    let chosen = candidates.first { Span.columns(of: $0) <= room } ?? left([state.screen], spaced: true)
    TitleBar.render(left: chosen, right: right, in: area, into: &buffer)
  }
}

/// The line above the footer: the latest message, or what the screen is
/// showing (filter, facets, counts), plus read-only and data warnings.
enum StatusBar {
  static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    buffer.fill(area, with: Cell(" ", style: Style(.statusLine)))
    var left: [Span] = []
    if state.screen == .pipeline && (state.pipeline.isEditingQuery || !state.pipeline.query.isEmpty) {
      left.append(Span(" /", role: .footerKey))
      left.append(Span(state.pipeline.query, role: .input))
      if state.pipeline.isEditingQuery { left.append(Span("▏", role: .input)) }
      left.append(Span("  ", role: .statusLine))
    }
    if let status = state.status {
      left.append(Span(" " + status.text, role: status.role))
    } else if let summary = screenSummary(state) {
      left.append(Span(" " + summary, role: .statusLine))
    }
    var right: [Span] = []
    if !state.context.issues.isEmpty {
      right.append(Span(DataProblems.mark(state.context.issues), role: .warning))
    }
    if state.screen == .map, let zoom = MapScreen.zoomLabel(state.map) { right.append(Span(" \(zoom) ", role: .statusLine)) }
    if state.settings.readOnly { right.append(Span(" read-only ", role: .warning)) }
    if let sync = state.sync.line {
      right.append(Span(" \(sync) ", role: state.sync.conflicts.isEmpty ? .statusLine : .warning))
    }
    StatusLine(left: left, right: right, glyphs: state.settings.glyphs).style(Style(.statusLine)).render(in: area, into: &buffer)
  }

  static func screenSummary(_ state: AppState) -> String? {
    switch state.screen {
    case .pipeline:
      let p = state.pipeline
      var parts = ["\(p.visible.count) of \(state.data.projects.count) projects"]
      if !p.facets.isEmpty { parts.append(p.facets.summary) }
      let legend = state.context.legend
      if legend.notInTotals { parts.append("\(PipelineTable.outMark) not in totals") }
      if legend.estimated { parts.append("\(ProjectDetailFields.estimateMark(state.settings.glyphs)) estimated") }
      parts.append("sorted by \(p.sortKey.label.lowercased()) \(p.ascending ? state.settings.glyphs.sortAscending : state.settings.glyphs.sortDescending)")
      return parts.joined(separator: " · ")
    case .overview, .corridors:
      // The screens of totals say what their totals count.
      let portfolio = state.context.portfolio
      guard portfolio.notInTotalsCount > 0 || portfolio.scope == .everything else { return nil }
      return portfolio.shortScopeNote + " · A: " + (portfolio.scope == .eligible ? "all" : "counted only")
    case .envoys:
      let e = state.context.portfolio.envoys
      return "\(Presentation.count(e.activityCount)) activities · \(Presentation.count(e.participants)) participants · \(e.countries) countries · newest first"
    case .map:
      return MapScreen.summary(state)
    default:
      return nil
    }
  }
}
