import GreenSilkCore

/// The envoys charts: activities per month and per year, participants by
/// country, activities by focus area and kind. All series come from
/// `EnvoysState` (derived once per data change).
enum EnvoysCharts {
  /// Activities per month as a sparkline, newest at the right, with the
  /// years marked under it.
  static func monthly(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let envoys = state.envoys
    let glyphs = state.settings.glyphs
    var panel = Panel("Activities per month", glyphs: glyphs)
    let inner = Panel.inner(of: area).inset(horizontal: 1, vertical: 0)
    guard !inner.isEmpty, !envoys.months.isEmpty else {
      panel.render(in: area, into: &buffer)
      if !inner.isEmpty { buffer.put("no activities", in: inner, style: Style(.muted)) }
      return
    }
    let shown = min(envoys.months.count, inner.width)
    let skipped = envoys.months.count - shown
    let (startYear, startMonth) = month(envoys.firstMonth, plus: skipped)
    let (endYear, endMonth) = month(envoys.firstMonth, plus: envoys.months.count - 1)
    let peak = Int(envoys.months.suffix(shown).max() ?? 0)
    panel = panel.rightTitle("\(startYear)-\(pad2(startMonth)) to \(endYear)-\(pad2(endMonth)), peak \(peak) a month")
    panel.render(in: area, into: &buffer)

    let axisRow = inner.height >= 3 ? 1 : 0
    let plot = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - axisRow)
    Sparkline(envoys.months, role: .series1, glyphs: glyphs).render(in: plot, into: &buffer)
    guard axisRow == 1 else { return }
    // Each year's label starts under its January.
    let left = inner.maxX - shown
    for column in 0..<shown {
      let (year, monthNumber) = month(envoys.firstMonth, plus: skipped + column)
      let x = left + column
      guard monthNumber == 1, x + 4 <= inner.maxX else { continue }
      buffer.put("\(year)", x: x, y: inner.maxY - 1, style: Style(.muted))
    }
  }

  /// Activities per calendar year, every year from the first activity
  /// to now (years without any show as empty columns).
  static func yearly(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let envoys = state.envoys
    let glyphs = state.settings.glyphs
    // Four-digit years when every year fits so, else two digits; when
    // even that is too wide, the most recent years that fit.
    let long = envoys.years.count * 5 - 1 <= Panel.inner(of: area).width
    let width = long ? 4 : 2
    let fitting = max(1, (Panel.inner(of: area).width + 1) / (width + 1))
    let years = envoys.years.suffix(fitting)
    let total = years.reduce(0) { $0 + $1.activities }
    let range = years.count > 1 ? "\(years.first?.year ?? 0) to \(years.last?.year ?? 0), " : ""
    let inner = Panel("Activities per year", glyphs: glyphs)
      .rightTitle(range + "\(Presentation.count(total)) in all")
      .render(in: area, into: &buffer)
    guard !inner.isEmpty, !years.isEmpty else { return }
    let bars = years.map { year in
      Bar(long ? "\(year.year)" : pad2(year.year % 100), value: Double(year.activities), role: .series1)
    }
    let chart = ColumnChart(bars, glyphs: glyphs).columnWidth(width).gap(1)
    let used = years.count * (width + 1) - 1
    let x = inner.x + max(0, (inner.width - used) / 2)
    chart.render(in: Rect(x: x, y: inner.y, width: inner.maxX - x, height: inner.height), into: &buffer)
  }

  /// Participants by country, most first, as many as the rows allow.
  static func countries(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let envoys = state.envoys
    let glyphs = state.settings.glyphs
    let shownCount = min(envoys.countries.count, max(0, area.height - 2))
    let inner = Panel("People by country", glyphs: glyphs)
      .rightTitle("top \(shownCount) of \(envoys.countries.count)")
      .render(in: area, into: &buffer).inset(horizontal: 1, vertical: 0)
    guard !inner.isEmpty else { return }
    guard !envoys.countries.isEmpty else {
      buffer.put("no per-country breakdowns", in: inner, style: Style(.muted))
      return
    }
    let bars = envoys.countries.prefix(shownCount).map {
      Bar($0.name, value: Double($0.participants), role: .series2, valueLabel: Presentation.count($0.participants))
    }
    let labelWidth = min(max(8, inner.width * 2 / 5), bars.map { TextWidth.columns(of: $0.label) }.max() ?? 0)
    BarChart(bars, maxValue: Double(envoys.countries[0].participants), glyphs: glyphs)
      .labelWidth(labelWidth)
      .render(in: inner, into: &buffer)
  }

  /// Activities and participants by focus area, then activities by kind.
  /// Side by side when wide enough, else stacked.
  static func focusAndKind(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let glyphs = state.settings.glyphs
    let inner = Panel("By focus area and kind", glyphs: glyphs).render(in: area, into: &buffer)
      .inset(horizontal: 1, vertical: 0)
    guard !inner.isEmpty else { return }
    let summary = state.context.portfolio.envoys
    let focus = summary.byFocus.map { (label: $0.focus.label, value: $0.activities, values: [Presentation.count($0.activities), Presentation.count($0.participants)]) }
    let kinds = summary.byKind.map { (label: $0.kind.label, value: $0.activities, values: [Presentation.count($0.activities)]) }
    let sideBySide = inner.width >= 76
    let parts: [Rect]
    if sideBySide {
      parts = Layout.horizontal([.fill(3), .fill(2)], spacing: 3).split(inner)
    } else {
      parts = Layout.vertical([.length(focus.count + 1), .fill(1)]).split(inner)
    }
    barRows(focus, headers: ["Focus area", "events", "people"], role: .series3, in: parts[0], into: &buffer, glyphs: glyphs)
    barRows(kinds, headers: ["Kind", "events"], role: .series4, in: parts[1], into: &buffer, glyphs: glyphs)
  }

  /// Rows `focusAndKind` needs stacked, border included.
  static func focusAndKindHeight(_ state: AppState) -> Int {
    let summary = state.context.portfolio.envoys
    return 2 + 1 + summary.byFocus.count + 1 + summary.byKind.count
  }

  /// A header line, then one row per entry: label, bar, numbers.
  static func barRows(
    _ rows: [(label: String, value: Int, values: [String])], headers: [String], role: Role, in area: Rect,
    into buffer: inout Buffer, glyphs: GlyphSet
  ) {
    guard !area.isEmpty else { return }
    let numberWidth = 6
    let numbers = (headers.count - 1) * (numberWidth + 1)
    // Labels whole first; a bar only when at least four cells are left.
    var labelWidth = min(rows.map { TextWidth.columns(of: $0.label) }.max() ?? 0, max(1, area.width - numbers - 1))
    var barWidth = max(0, area.width - labelWidth - 1 - numbers)
    if barWidth < 4 {
      labelWidth += barWidth
      barWidth = 0
    }
    let scale = Double(rows.map(\.value).max() ?? 0)
    let head = Style(.text, emphasis: .bold)
    buffer.put(TextWidth.pad(headers[0], toWidth: labelWidth + 1 + barWidth), x: area.x, y: area.y, style: head, maxWidth: area.width)
    var x = area.x + labelWidth + 1 + barWidth
    for header in headers.dropFirst() {
      buffer.put(TextWidth.pad(header, toWidth: numberWidth + 1, align: .right), x: x, y: area.y, style: Style(.muted), maxWidth: area.maxX - x)
      x += numberWidth + 1
    }
    for (index, row) in rows.enumerated() {
      let y = area.y + 1 + index
      guard y < area.maxY else { break }
      buffer.put(TextWidth.fit(row.label, toWidth: labelWidth, ellipsis: glyphs.ellipsis), x: area.x, y: y, maxWidth: area.width)
      let eighths = BarChart.eighths(Double(row.value), scale: BarChart.scale(scale), cells: barWidth)
      BarChart.drawHorizontal(eighths: eighths, x: area.x + labelWidth + 1, y: y, glyphs: glyphs, style: Style(role), into: &buffer)
      var x = area.x + labelWidth + 1 + barWidth
      for value in row.values {
        buffer.put(TextWidth.pad(value, toWidth: numberWidth + 1, align: .right), x: x, y: y, maxWidth: area.maxX - x)
        x += numberWidth + 1
      }
    }
  }

  /// The year and month `count` months after `start`.
  static func month(_ start: YearMonth, plus count: Int) -> (Int, Int) {
    let index = start.year * 12 + start.month - 1 + count
    return (index / 12, index % 12 + 1)
  }

  static func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
