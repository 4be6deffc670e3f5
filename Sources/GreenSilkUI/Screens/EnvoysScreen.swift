import GreenSilkCore

/// The Envoys screen: the Green Silk Road Envoys Program's activities,
/// summed from the event records, beside the official program totals.
///
/// On a window of `EnvoysState.fullSize` or more everything shows at
/// once: totals and activities per month on top; the activity table with
/// per-year, per-country and per-focus charts (or the selected activity)
/// beside it. Smaller windows show the totals and the table, and switch
/// the lower part to the charts (`v`) or to one activity (Enter).
enum EnvoysScreen {
  /// Whether a window of `size` shows everything at once
  /// (`EnvoysState.fullSize` or more).
  static func showsEverything(_ size: Size) -> Bool {
    size.width >= EnvoysState.fullSize.width && size.height >= EnvoysState.fullSize.height
  }

  static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    if showsEverything(state.size) {
      renderFull(state, in: area, into: &buffer)
    } else {
      renderCompact(state, in: area, into: &buffer)
    }
  }

  /// Where the activity table is drawn in the body `area`: the view draws
  /// it there, and PgUp and PgDn move by its rows (`tableRows`).
  static func tableArea(_ state: AppState, in area: Rect) -> Rect {
    showsEverything(state.size) ? fullBottom(state, in: fullRows(state, in: area)[2])[0] : compactRows(state, in: area)[1]
  }

  /// Data rows the activity table shows at the state's size (what a page
  /// up or down moves by).
  static func tableRows(_ state: AppState) -> Int {
    Table.rows(inPanel: tableArea(state, in: AppView.body(for: state.size)))
  }

  /// The compact table view: the totals (without sources) above the table.
  static func compactRows(_ state: AppState, in area: Rect) -> [Rect] {
    Layout.vertical([.length(EnvoysTotals.height(state, withSources: false)), .fill(1)]).split(area)
  }

  /// Everything at once: totals and the per-year chart, the per-month
  /// strip, then the table beside the side panels.
  static func fullRows(_ state: AppState, in area: Rect) -> [Rect] {
    Layout.vertical([.length(EnvoysTotals.height(state, withSources: true)), .length(monthlyHeight), .fill(1)]).split(area)
  }

  /// The lower row of the full view: the table, and the side panels.
  static func fullBottom(_ state: AppState, in row: Rect) -> [Rect] {
    let sideWidth = min(60, max(44, row.width * 9 / 25))
    return Layout.horizontal([.fill(1), .length(sideWidth)]).split(row)
  }

  static func renderCompact(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    switch state.envoys.view {
    case .table:
      let rows = compactRows(state, in: area)
      EnvoysTotals.render(state, in: rows[0], into: &buffer, withSources: false)
      EnvoysTable.render(state, in: rows[1], into: &buffer, focused: true)
    case .charts:
      let rows = Layout.vertical([.length(8), .fill(1)]).split(area)
      EnvoysCharts.yearly(state, in: rows[0], into: &buffer)
      // The focus side keeps room for its longest label ("Industrial cooperation").
      let columns = Layout.horizontal([.fill(1), .length(max(41, area.width / 2))]).split(rows[1])
      EnvoysCharts.countries(state, in: columns[0], into: &buffer)
      EnvoysCharts.focusAndKind(state, in: columns[1], into: &buffer)
    case .activity:
      EnvoysActivity.render(state, in: area, into: &buffer, focused: true)
    }
  }

  static func renderFull(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let rows = fullRows(state, in: area)
    let top = Layout.horizontal([.length(min(area.width * 3 / 5, EnvoysTotals.width(state))), .fill(1)]).split(rows[0])
    EnvoysTotals.render(state, in: top[0], into: &buffer, withSources: true)
    EnvoysCharts.yearly(state, in: top[1], into: &buffer)
    EnvoysCharts.monthly(state, in: rows[1], into: &buffer)

    let bottom = fullBottom(state, in: rows[2])
    let showsActivity = state.envoys.view == .activity
    EnvoysTable.render(state, in: bottom[0], into: &buffer, focused: !showsActivity)
    if showsActivity {
      EnvoysActivity.render(state, in: bottom[1], into: &buffer, focused: true)
    } else {
      let side = Layout.vertical([.fill(1), .length(EnvoysCharts.focusAndKindHeight(state))]).split(bottom[1])
      EnvoysCharts.countries(state, in: side[0], into: &buffer)
      EnvoysCharts.focusAndKind(state, in: side[1], into: &buffer)
    }
  }

  /// The per-month strip: two rows of sparkline and the year axis.
  static let monthlyHeight = 5

  /// What an empty value shows as: a dash that ASCII terminals have.
  static func none(_ glyphs: GlyphSet) -> String { glyphs.isASCII ? "-" : "—" }
}
