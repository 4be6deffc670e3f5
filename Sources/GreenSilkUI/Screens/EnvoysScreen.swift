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
  static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    if AppReducer.isFull(state.size) {
      renderFull(state, in: area, into: &buffer)
    } else {
      renderCompact(state, in: area, into: &buffer)
    }
  }

  static func renderCompact(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    switch state.envoys.view {
    case .table:
      let rows = Layout.vertical([.length(EnvoysTotals.height(state, withSources: false)), .fill(1)]).split(area)
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
    let rows = Layout.vertical([.length(EnvoysTotals.height(state, withSources: true)), .length(monthlyHeight), .fill(1)])
      .split(area)
    let top = Layout.horizontal([.length(min(area.width * 3 / 5, EnvoysTotals.width(state))), .fill(1)]).split(rows[0])
    EnvoysTotals.render(state, in: top[0], into: &buffer, withSources: true)
    EnvoysCharts.yearly(state, in: top[1], into: &buffer)
    EnvoysCharts.monthly(state, in: rows[1], into: &buffer)

    let sideWidth = min(60, max(44, area.width * 9 / 25))
    let bottom = Layout.horizontal([.fill(1), .length(sideWidth)]).split(rows[2])
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

  /// Data rows the activity table shows at the state's size (what a page
  /// up or down moves by).
  static func tableRows(_ state: AppState) -> Int {
    let body = state.size.height - 3
    let full = AppReducer.isFull(state.size)
    let above = full ? EnvoysTotals.height(state, withSources: true) + monthlyHeight : EnvoysTotals.height(state, withSources: false)
    return max(1, body - above - 3)
  }

  /// What an empty value shows as: a dash that ASCII terminals have.
  static func none(_ glyphs: GlyphSet) -> String { glyphs.isASCII ? "-" : "—" }
}
