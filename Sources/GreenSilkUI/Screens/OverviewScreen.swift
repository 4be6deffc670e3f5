import GreenSilkCore

/// The Overview screen: the portfolio at a glance, in two columns of
/// panels.
///
///     ┌ Projects by stage ─ 101 ┐┌ Key projects ─ 25/25 · 12 on track ┐
///     │Concept    ███▌      11  ││Policy      6/6 ██████░░ 4 on track │
///     ┌ Traffic light ──────────┐┌ Indicators ────────────────────────┐
///     ┌ Envoys 2026 ────────────┐┌ Overdue milestones ─────────── 44 ─┐
///
/// When the window is tall the left column adds the budget by financing
/// instrument and the data set's provenance, and the overdue list grows.
/// Every figure is read from `Portfolio` (computed once per data change).
enum OverviewScreen {
  /// Where each panel goes in a body area; the optional ones only when
  /// the window is tall enough for them.
  struct Areas: Equatable {
    var stages: Rect
    var lights: Rect
    var envoys: Rect
    var budget: Rect?
    var dataSet: Rect?
    var keyProjects: Rect
    var indicators: Rect
    var overdue: Rect
  }

  /// From this body height on, the panels get room to breathe and the
  /// extra panels appear (24 rows leave a 21-row body).
  static let tallHeight = 30
  /// Rows of each panel, border included.
  static let stagesHeight = Stage.allCases.count + 2
  static let lightsHeight = 4 + 2
  /// The instruments, two group rows, a gap, the green share, the border.
  static let budgetHeight = FinancingInstrument.allCases.count + 2 + 2 + 2
  static let envoysTallHeight = 8
  static let dataSetMinHeight = 6

  static func layout(_ area: Rect) -> Areas {
    let columns = Layout.horizontal([.ratio(1, 2), .fill(1)]).split(area)
    let (left, right) = (columns[0], columns[1])
    guard area.height >= tallHeight else {
      let l = Layout.vertical([.length(stagesHeight), .length(lightsHeight), .fill(1)]).split(left)
      let r = Layout.vertical([.length(8), .length(6), .fill(1)]).split(right)
      return Areas(
        stages: l[0], lights: l[1], envoys: l[2], budget: nil, dataSet: nil, keyProjects: r[0], indicators: r[1],
        overdue: r[2])
    }
    let spare = left.height - stagesHeight - lightsHeight - budgetHeight
    let showsDataSet = spare >= envoysTallHeight + dataSetMinHeight
    let l = Layout.vertical(
      [.length(stagesHeight), .length(lightsHeight), showsDataSet ? .length(envoysTallHeight) : .fill(1),
       .length(budgetHeight)] + (showsDataSet ? [.fill(1)] : [])
    ).split(left)
    let r = Layout.vertical([.length(10), .length(8), .fill(1)]).split(right)
    return Areas(
      stages: l[0], lights: l[1], envoys: l[2], budget: l[3], dataSet: showsDataSet ? l[4] : nil,
      keyProjects: r[0], indicators: r[1], overdue: r[2])
  }

  static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let areas = layout(area)
    let portfolio = state.context.portfolio
    let glyphs = state.settings.glyphs
    OverviewPortfolio.renderStages(portfolio, glyphs: glyphs, in: areas.stages, into: &buffer)
    OverviewPortfolio.renderLights(portfolio, glyphs: glyphs, in: areas.lights, into: &buffer)
    OverviewPortfolio.renderKeyProjects(portfolio, glyphs: glyphs, in: areas.keyProjects, into: &buffer)
    if let budget = areas.budget { OverviewPortfolio.renderBudget(portfolio, glyphs: glyphs, in: budget, into: &buffer) }
    OverviewMonitoring.renderEnvoys(state, in: areas.envoys, into: &buffer)
    OverviewMonitoring.renderIndicators(portfolio, glyphs: glyphs, in: areas.indicators, into: &buffer)
    OverviewMonitoring.renderOverdue(portfolio, glyphs: glyphs, in: areas.overdue, into: &buffer)
    if let dataSet = areas.dataSet { OverviewMonitoring.renderDataSet(state, in: dataSet, into: &buffer) }
  }
}

/// Punctuation `GlyphSet` has no entry for, chosen by the glyph set so
/// that an ASCII screen (Overview, Corridors) is ASCII through and
/// through rather than relying on the terminal's fallback.
enum ScreenMarks {
  /// Between two figures on a line: ` · `, or `, ` in ASCII.
  static func separator(_ glyphs: GlyphSet) -> String { glyphs.isASCII ? ", " : " · " }
  /// Stands for "none" or "not recorded": `—`, or `-` in ASCII.
  static func none(_ glyphs: GlyphSet) -> String { glyphs.isASCII ? "-" : "—" }
}
