import GreenSilkCore

/// Overview panels about the portfolio's shape: stages, traffic lights,
/// key projects against the plan, and the budget by instrument.
enum OverviewPortfolio {
  static func renderStages(_ portfolio: Portfolio, glyphs: GlyphSet, in area: Rect, into buffer: inout Buffer) {
    let inner = Panel("Projects by stage", glyphs: glyphs).rightTitle(projects(portfolio.projectCount))
      .render(in: area, into: &buffer)
    let bars = Stage.allCases.map { stage in
      Bar(stage.label, value: Double(portfolio.count(stage)), role: Presentation.role(for: stage))
    }
    BarChart(bars, glyphs: glyphs).labelWidth(min(14, inner.width / 2)).render(in: inner, into: &buffer)
  }

  /// The BRIGC light mix; projects not screened yet are a bar of their own.
  static func renderLights(_ portfolio: Portfolio, glyphs: GlyphSet, in area: Rect, into buffer: inout Buffer) {
    let mix = portfolio.byLight
    let screened = mix.total - mix.notScreened
    let right = mix.total > 0 ? "\(NumberText.percent(Double(screened) / Double(mix.total))) screened" : ""
    let inner = Panel("Traffic light (BRIGC)", glyphs: glyphs).rightTitle(right).render(in: area, into: &buffer)
    let lights: [TrafficLight?] = [.green, .yellow, .red, nil]
    let bars = lights.map { light in
      Bar(light?.label ?? "Not screened", value: Double(mix.count(light)), role: Presentation.role(for: light))
    }
    BarChart(bars, glyphs: glyphs).labelWidth(min(14, inner.width / 2)).render(in: inner, into: &buffer)
  }

  /// Key projects per cooperation area against the plan's count. Each
  /// area's gauge has one share per planned project, coloured by delivery
  /// health (on track, at risk, off track, not assessed) and left empty
  /// for slots no project fills yet.
  static func renderKeyProjects(_ portfolio: Portfolio, glyphs: GlyphSet, in area: Rect, into buffer: inout Buffer) {
    let planned = portfolio.keyProjects.reduce(0) { $0 + $1.planned }
    let right = "\(portfolio.keyProjectsTracked)/\(planned)\(ScreenMarks.separator(glyphs))\(portfolio.keyProjectsOnTrack) on track"
    let inner = Panel("Key projects", glyphs: glyphs).rightTitle(right).render(in: area, into: &buffer)
    guard !inner.isEmpty else { return }
    let longLabels = inner.width >= 50
    let longHealth = inner.width >= 76
    let labelWidth = longLabels ? (CooperationArea.allCases.map { $0.label.count }.max() ?? 0) : 11
    let countWidth = 6
    let healthWidth = longHealth ? 36 : 10
    let gaugeWidth = max(0, inner.width - labelWidth - countWidth - healthWidth - 2)
    for (row, progress) in portfolio.keyProjects.enumerated() {
      let y = inner.y + row
      guard y < inner.maxY else { break }
      let label = longLabels ? progress.area.label : shortLabel(progress.area)
      let countRole: Role = progress.tracked < progress.planned ? .warning : .text
      renderAreaRow(
        label: [Span(label)], count: Span("\(progress.tracked)/\(progress.planned)", role: countRole),
        health: healthText(progress.byDelivery, long: longHealth, glyphs: glyphs), gauge: progress,
        widths: (labelWidth, countWidth, gaugeWidth), y: y, in: inner, glyphs: glyphs, into: &buffer)
    }
    // All areas together, after a gap, when there is room for both.
    let totalRow = portfolio.keyProjects.count + 1
    if totalRow < inner.height {
      let all = portfolio.keyProjects.reduce(into: [DeliveryHealth: Int]()) { sum, area in
        for (health, n) in area.byDelivery { sum[health, default: 0] += n }
      }
      let bold = Style(.text, emphasis: .bold)
      renderAreaRow(
        label: [Span(longLabels ? (glyphs.isASCII ? "All areas (Plan IX)" : "All areas (Plan §IX)") : "All areas", style: bold)],
        count: Span("\(portfolio.keyProjectsTracked)/\(planned)", style: bold),
        health: healthText(all, long: longHealth, glyphs: glyphs), gauge: nil,
        widths: (labelWidth, countWidth, gaugeWidth), y: inner.y + totalRow, in: inner, glyphs: glyphs, into: &buffer)
    }
  }

  /// `Policy coordination   6/6 ██████░░ 4 on track`, in fixed columns.
  static func renderAreaRow(
    label: [Span], count: Span, health: [Span], gauge: AreaProgress?, widths: (label: Int, count: Int, gauge: Int),
    y: Int, in inner: Rect, glyphs: GlyphSet, into buffer: inout Buffer
  ) {
    var x = inner.x
    buffer.put(Span.truncate(label, toWidth: widths.label, ellipsis: glyphs.ellipsis), x: x, y: y, maxWidth: widths.label)
    x += widths.label
    buffer.put(TextWidth.pad(count.text, toWidth: widths.count - 1, align: .right), x: x, y: y, style: count.style)
    x += widths.count
    if let gauge { drawHealthGauge(gauge, width: widths.gauge, x: x, y: y, glyphs: glyphs, into: &buffer) }
    x += widths.gauge + 1
    buffer.put(health, x: x, y: y, maxWidth: max(0, inner.maxX - x))
  }

  /// `6 on track` (narrow) or `4 on track · 2 at risk · 0 off track`.
  static func healthText(_ byDelivery: [DeliveryHealth: Int], long: Bool, glyphs: GlyphSet) -> [Span] {
    let onTrack = byDelivery[.onTrack] ?? 0
    guard long else {
      return [Span(String(onTrack), role: .onTrack), Span(" on track", role: .muted)]
    }
    var spans: [Span] = []
    for health in [DeliveryHealth.onTrack, .atRisk, .offTrack] {
      let n = byDelivery[health] ?? 0
      if !spans.isEmpty { spans.append(Span(ScreenMarks.separator(glyphs), role: .muted)) }
      spans.append(Span(String(n), role: n > 0 ? Presentation.role(for: health) : .muted))
      spans.append(Span(" " + health.label.lowercased(), role: .muted))
    }
    return spans
  }

  /// A gauge split by delivery health: shares of `width` cells in
  /// proportion to the plan's count, rounded so the parts add up.
  static func drawHealthGauge(
    _ progress: AreaProgress, width: Int, x: Int, y: Int, glyphs: GlyphSet, into buffer: inout Buffer
  ) {
    guard width > 0 else { return }
    let slots = max(progress.planned, progress.tracked, 1)
    let parts: [(Int, Role)] = [
      (progress.byDelivery[.onTrack] ?? 0, .onTrack),
      (progress.byDelivery[.atRisk] ?? 0, .atRisk),
      (progress.byDelivery[.offTrack] ?? 0, .offTrack),
      (progress.byDelivery[.notAssessed] ?? 0, .muted),
    ]
    var filled = 0
    var cumulative = 0
    for (count, role) in parts where count > 0 {
      cumulative += count
      let end = (cumulative * width + slots / 2) / slots
      for cell in filled..<max(filled, end) { buffer.put(glyphs.gaugeFill, x: x + cell, y: y, style: Style(role)) }
      filled = max(filled, end)
    }
    for cell in filled..<width { buffer.put(glyphs.gaugeEmpty, x: x + cell, y: y, style: Style(.gaugeEmpty)) }
  }

  /// The area's distinguishing word, for narrow panels.
  static func shortLabel(_ area: CooperationArea) -> String {
    switch area {
    case .policyCoordination: "Policy"
    case .facilitiesConnectivity: "Facilities"
    case .unimpededTrade: "Trade"
    case .financialIntegration: "Finance"
    case .peopleToPeople: "People"
    case .capacityBuilding: "Capacity"
    }
  }

  /// Budget by financing instrument in USD; the plan's green instruments
  /// are drawn in the success role and named green, then the green share.
  static func renderBudget(_ portfolio: Portfolio, glyphs: GlyphSet, in area: Rect, into buffer: inout Buffer) {
    let inner = Panel("Budget by instrument", glyphs: glyphs).rightTitle(Presentation.usd(portfolio.budgetUSD))
      .render(in: area, into: &buffer)
    guard !inner.isEmpty else { return }
    let amounts = portfolio.budgetByInstrumentUSD
    let green = FinancingInstrument.allCases.filter(\.isGreen)
    let ordinary = FinancingInstrument.allCases.filter { !$0.isGreen }
    let greenTotal = green.reduce(0) { $0 + (amounts[$1] ?? 0) }
    let ordinaryTotal = ordinary.reduce(0) { $0 + (amounts[$1] ?? 0) }
    // One chart, so that every bar shares the scale and the value column;
    // the group rows carry their total and no bar.
    func money(_ value: Double) -> String { value > 0 ? NumberText.money(value) : ScreenMarks.none(glyphs) }
    var bars = [Bar("Green finance", value: 0, valueLabel: money(greenTotal))]
    bars += green.map { Bar("  " + $0.label, value: amounts[$0] ?? 0, role: .success, valueLabel: money(amounts[$0] ?? 0)) }
    bars.append(Bar("Other finance", value: 0, valueLabel: money(ordinaryTotal)))
    bars += ordinary.map { Bar("  " + $0.label, value: amounts[$0] ?? 0, role: .series1, valueLabel: money(amounts[$0] ?? 0)) }
    let labelWidth = min(31, inner.width / 2)
    let (chart, rest) = inner.splitTop(bars.count)
    BarChart(bars, glyphs: glyphs).labelWidth(labelWidth).render(in: chart, into: &buffer)
    // The group names, drawn over the chart's plain labels: green finance
    // in the success role, both bold.
    buffer.put(TextWidth.pad("Green finance", toWidth: labelWidth), x: chart.x, y: chart.y, style: Style(.success, emphasis: .bold))
    if chart.height > green.count + 1 {
      buffer.put(TextWidth.pad("Other finance", toWidth: labelWidth), x: chart.x, y: chart.y + green.count + 1, style: Style(.text, emphasis: .bold))
    }
    // Tranches need not cover a whole budget: say how much is left over.
    let unattributed = portfolio.budgetUSD - greenTotal - ordinaryTotal
    if rest.height >= 2, unattributed >= max(1, portfolio.budgetUSD * 0.005) {
      let value = NumberText.money(unattributed)
      let row = rest.row(0)
      buffer.put(TextWidth.pad("Unattributed", toWidth: labelWidth), x: row.x, y: row.y, style: Style(.muted))
      buffer.put(value, x: row.maxX - TextWidth.columns(of: value), y: row.y, style: Style(.muted))
    }
    if portfolio.budgetUSD > 0, !rest.isEmpty {
      Gauge(ratio: greenTotal / portfolio.budgetUSD, label: "Green share of the budget", glyphs: glyphs)
        .fillRole(.success)
        .render(in: rest.row(rest.height - 1), into: &buffer)
    }
  }

  static func projects(_ count: Int) -> String {
    count == 1 ? "1 project" : "\(Presentation.count(count)) projects"
  }
}
