import GreenSilkCore

/// The event sums beside the official program totals, as a small grid:
///
///                      Summed from │ Official, as reported
///                 46 event records │        2023-10-20      2022-10-21
///     participants           1,296 │   more than 3,000     about 3,000
///     countries                 49 │        nearly 120   more than 120
///     source         this data set │ china-youth-daily       people-cn
///
/// The two sides never mix: sums come from the activity records, official
/// figures are shown as the source gave them, qualifier, date and source
/// included. With room, each source's address and a note on what the
/// sums count follow under the grid.
enum EnvoysTotals {
  /// Rows the panel needs, border included.
  static func height(_ state: AppState, withSources: Bool) -> Int {
    let grid = 2 + rowMetrics(state.envoys).count + 1
    guard withSources else { return 2 + grid }
    return 2 + grid + 1 + sourceLines(state.envoys).count + (note(state) == nil ? 0 : 1)
  }

  /// Columns the panel wants with the sources shown, border included.
  static func width(_ state: AppState) -> Int {
    let envoys = state.envoys
    let columns = gridColumns(state)
    let official = envoys.reports.isEmpty ? 30 : reportColumns(envoys, metrics: columns.metrics, glyphs: state.settings.glyphs)
      .reduce(0) { $0 + $1.width + 3 }
    let grid = columns.label + 2 + columns.sum + 3 + max(TextWidth.columns(of: "Official, as reported"), official)
    let sources = sourceLines(envoys).map { TextWidth.columns(of: $0.dataset) + TextWidth.columns(of: $0.url) }.max() ?? 0
    return max(grid, sources, TextWidth.columns(of: note(state) ?? "")) + 4
  }

  /// The metrics shown as rows: the official ones, and always
  /// participants and countries (the sums have those without any report).
  static func rowMetrics(_ envoys: EnvoysState) -> [String] {
    var metrics = envoys.metrics
    for metric in ["participants", "countries"] where !metrics.contains(metric) { metrics.append(metric) }
    return metrics
  }

  static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer, withSources: Bool) {
    let envoys = state.envoys
    let summary = state.context.portfolio.envoys
    let glyphs = state.settings.glyphs
    var panel = Panel("Envoys program totals", glyphs: glyphs)
    if envoys.illustrativeActivities > 0 {
      let all = Presentation.count(summary.activityCount)
      panel = panel.rightTitle("\(Presentation.count(envoys.illustrativeActivities)) of \(all) events illustrative")
    }
    let inner = panel.render(in: area, into: &buffer).inset(horizontal: 1, vertical: 0)
    guard !inner.isEmpty else { return }

    let columns = gridColumns(state)
    let head = Style(.text, emphasis: .bold)
    let muted = Style(.muted)
    func cell(_ text: String, column: Int, width: Int, row: Int, style: Style, align: TextAlignment = .right) {
      guard row < inner.maxY, column < inner.maxX else { return }
      let shown = TextWidth.fit(text, toWidth: width, align: align, ellipsis: glyphs.ellipsis)
      buffer.put(shown, x: column, y: row, style: style, maxWidth: inner.maxX - column)
    }
    // The sums, right of the row labels.
    let sumX = inner.x + columns.label + 2
    cell("Summed from", column: sumX, width: columns.sum, row: inner.y, style: head)
    cell(columns.records, column: sumX, width: columns.sum, row: inner.y + 1, style: muted)
    for (index, metric) in columns.metrics.enumerated() {
      let row = inner.y + 2 + index
      cell(metric, column: inner.x, width: columns.label, row: row, style: muted, align: .left)
      cell(columns.sums[index], column: sumX, width: columns.sum, row: row, style: .text)
    }
    let sourceRow = inner.y + 2 + columns.metrics.count
    cell("source", column: inner.x, width: columns.label, row: sourceRow, style: muted, align: .left)
    cell("this data set", column: sumX, width: columns.sum, row: sourceRow, style: muted)

    // A rule keeps the two sides apart.
    let ruleX = sumX + columns.sum + 1
    for row in inner.y..<min(inner.maxY, sourceRow + 1) where ruleX < inner.maxX {
      buffer.put(glyphs.border.vertical, x: ruleX, y: row, style: Style(.border))
    }
    let official = Rect(x: ruleX + 2, y: inner.y, width: max(0, inner.maxX - ruleX - 2), height: inner.height)
    renderOfficial(state, metrics: columns.metrics, in: official, into: &buffer)

    guard withSources else { return }
    var y = sourceRow + 2
    let lines = sourceLines(envoys)
    let datasetWidth = lines.map { TextWidth.columns(of: $0.dataset) }.max() ?? 0
    for line in lines where y < inner.maxY {
      let spans = [Span(TextWidth.pad(line.dataset, toWidth: datasetWidth), role: .muted), Span(line.url, role: .link)]
      buffer.put(Span.truncate(spans, toWidth: inner.width), x: inner.x, y: y, maxWidth: inner.width)
      y += 1
    }
    if let note = note(state), y < inner.maxY {
      buffer.put(note, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: muted, ellipsis: glyphs.ellipsis)
    }
  }

  /// One column per report, newest first, as many as fit whole.
  static func renderOfficial(_ state: AppState, metrics: [String], in area: Rect, into buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let envoys = state.envoys
    let glyphs = state.settings.glyphs
    buffer.put("Official, as reported", x: area.x, y: area.y, style: Style(.text, emphasis: .bold), maxWidth: area.width)
    guard !envoys.reports.isEmpty else {
      buffer.put("no official figures in the data", x: area.x, y: area.y + 2, style: Style(.muted), maxWidth: area.width)
      return
    }
    let columns = reportColumns(envoys, metrics: metrics, glyphs: glyphs)
    var x = area.x
    var shown = 0
    for (index, column) in columns.enumerated() {
      // The newest report always shows; later ones only whole, leaving
      // room for "+N" when more follow.
      let reserve = index + 1 < columns.count ? 5 : 0
      if shown > 0 && x + column.width + reserve > area.maxX { break }
      let width = min(column.width, area.maxX - x)
      for (row, text) in column.texts.enumerated() {
        let edge = row == 0 || row == column.texts.count - 1
        let shownText = TextWidth.fit(text, toWidth: width, align: .right, ellipsis: glyphs.ellipsis)
        buffer.put(shownText, x: x, y: area.y + 1 + row, style: Style(edge ? .muted : .info), maxWidth: width)
      }
      shown += 1
      x += column.width + 3
    }
    if shown < columns.count, x < area.maxX {
      buffer.put("+\(columns.count - shown)", x: x, y: area.y + 1, style: Style(.muted), maxWidth: area.maxX - x)
    }
  }

  /// The left side of the grid: row labels, the sums and their widths.
  static func gridColumns(_ state: AppState) -> (metrics: [String], sums: [String], records: String, label: Int, sum: Int) {
    let summary = state.context.portfolio.envoys
    let metrics = rowMetrics(state.envoys)
    let none = EnvoysScreen.none(state.settings.glyphs)
    let sums = metrics.map { summedValue($0, summary) ?? none }
    let records = "\(Presentation.count(summary.activityCount)) event records"
    let label = max(6, metrics.map { TextWidth.columns(of: $0) }.max() ?? 0)
    let sum = ([records, "Summed from", "this data set"] + sums).map { TextWidth.columns(of: $0) }.max() ?? 0
    return (metrics, sums, records, label, sum)
  }

  /// Each report's column: date, one figure per metric, source; and its
  /// width (capped, so that one long name cannot push the others out).
  static func reportColumns(_ envoys: EnvoysState, metrics: [String], glyphs: GlyphSet) -> [(texts: [String], width: Int)] {
    envoys.reports.map { report in
      let figures = metrics.map { report.figures[$0].map(officialText) ?? EnvoysScreen.none(glyphs) }
      let texts = [report.asOf.description] + figures + [report.source.dataset]
      return (texts, min(24, texts.map { TextWidth.columns(of: $0) }.max() ?? 0))
    }
  }

  /// Each report's data set and address, once per address.
  static func sourceLines(_ envoys: EnvoysState) -> [(dataset: String, url: String)] {
    var seen: Set<String> = []
    var lines: [(String, String)] = []
    for report in envoys.reports {
      let url = report.source.url ?? ""
      guard !seen.contains(report.source.dataset + " " + url) else { continue }
      seen.insert(report.source.dataset + " " + url)
      lines.append((report.source.dataset + "  ", url))
    }
    return lines
  }

  /// What the participant sum includes that the country sum cannot.
  static func note(_ state: AppState) -> String? {
    let summary = state.context.portfolio.envoys
    let withoutCountry = summary.participants - state.envoys.participantsByCountry
    guard withoutCountry > 0 else { return nil }
    return "\(Presentation.count(withoutCountry)) of the \(Presentation.count(summary.participants)) participants"
      + " are reported totals with no country"
  }

  /// The sum of the event records for an official metric (nil when the
  /// records cannot give one).
  static func summedValue(_ metric: String, _ summary: EnvoySummary) -> String? {
    switch metric {
    case "participants", "trainees": Presentation.count(summary.participants)
    case "countries": Presentation.count(summary.countries)
    case "activities", "events": Presentation.count(summary.activityCount)
    default: nil
    }
  }

  /// `about 3,000`, `more than 120`, `49`: the figure as the source
  /// qualifies it.
  static func officialText(_ total: ProgramTotal) -> String {
    let whole = total.value == total.value.rounded() && abs(total.value) < 1e15
    let number = whole ? Presentation.count(Int(total.value)) : NumberText.decimal(total.value, places: 1)
    guard let qualifier = total.qualifier, !qualifier.isEmpty else { return number }
    return qualifier + " " + number
  }
}
