import GreenSilkCore

/// Overview panels about progress and follow-up: envoy activity this
/// year, indicators toward 2025 and 2030, overdue milestones, and where
/// the data comes from.
enum OverviewMonitoring {
  /// Participants this year as a big number (when it fits), with the
  /// year's activities, the all-time sum and the latest official total.
  static func renderEnvoys(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let glyphs = state.settings.glyphs
    let envoys = state.context.portfolio.envoys
    let year = state.context.today.year
    let thisYear = envoys.byYear.first { $0.year == year }
    let activities = thisYear?.activities ?? 0
    let inner = Panel("Envoys \(year)", glyphs: glyphs)
      .rightTitle(activities == 1 ? "1 activity" : "\(activities) activities")
      .render(in: area, into: &buffer)
    guard !inner.isEmpty else { return }
    let number = Presentation.count(envoys.participantsThisYear)
    let since = envoys.byYear.first.map { " since \($0.year)" } ?? ""
    // Each line from the longest way of saying it to the shortest; the
    // first that fits is shown.
    var lines: [[[Span]]] = [
      [[Span("participants in \(year)")], [Span("participants")]],
      [
        [Span(Presentation.count(envoys.participants)), Span(" in all\(since), \(Presentation.count(envoys.activityCount)) activities", role: .muted)],
        [Span(Presentation.count(envoys.participants)), Span(" in all\(since)", role: .muted)],
        [Span(Presentation.count(envoys.participants)), Span(" in all", role: .muted)],
      ],
    ]
    if let official = officialParticipants(envoys) { lines.append(official) }
    let shortest = lines.map { $0.map { Span.columns(of: $0) }.min() ?? 0 }.max() ?? 0
    let digitsRoom = inner.width - shortest - 3
    if let height = BigDigits.largestHeight(for: number, width: digitsRoom, maxRows: inner.height, glyphs: glyphs) {
      let digitsWidth = BigDigits.width(of: number, height: height, glyphs: glyphs)
      let top = inner.y + (inner.height - height.rawValue) / 2
      BigDigits(number, height: height, glyphs: glyphs)
        .render(in: Rect(x: inner.x + 1, y: top, width: digitsWidth, height: height.rawValue), into: &buffer)
      let text = Rect(x: inner.x + digitsWidth + 3, y: top, width: inner.maxX - inner.x - digitsWidth - 3, height: height.rawValue)
      let textTop = text.y + max(0, (text.height - lines.count) / 2)
      for (row, variants) in lines.enumerated() where textTop + row < inner.maxY {
        put(variants, x: text.x, y: textTop + row, width: text.width, glyphs: glyphs, into: &buffer)
      }
    } else {
      // No room for big digits: the number leads the first line instead.
      lines[0] = lines[0].map { [Span(number, style: Style(.bigDigits, emphasis: .bold)), Span(" ")] + $0 }
      for (row, variants) in lines.enumerated() where row < inner.height {
        put(variants, x: inner.x, y: inner.y + row, width: inner.width, glyphs: glyphs, into: &buffer)
      }
    }
  }

  /// Writes the first variant that fits `width`, else the last one cut.
  static func put(_ variants: [[Span]], x: Int, y: Int, width: Int, glyphs: GlyphSet, into buffer: inout Buffer) {
    let line = variants.first { Span.columns(of: $0) <= width } ?? variants.last ?? []
    buffer.put(Span.truncate(line, toWidth: width, ellipsis: glyphs.ellipsis), x: x, y: y, maxWidth: width)
  }

  /// `more than 3,000 official (2023-10-20)`: the newest rounded total
  /// the program has published, kept apart from the event sums.
  static func officialParticipants(_ envoys: EnvoySummary) -> [[Span]]? {
    let totals = envoys.officialTotals.filter { $0.metric == "participants" }
    guard let latest = totals.max(by: { $0.asOf < $1.asOf }) else { return nil }
    let qualifier = latest.qualifier.map { $0 + " " } ?? ""
    let value = Span(qualifier + Presentation.count(Int(latest.value.rounded())))
    return [
      [value, Span(" official (\(latest.asOf))", role: .muted)],
      [value, Span(" official", role: .muted)],
    ]
  }

  /// Mean progress toward each horizon as a gauge, with how many
  /// indicators are measured and how many reached their target.
  static func renderIndicators(_ portfolio: Portfolio, glyphs: GlyphSet, in area: Rect, into buffer: inout Buffer) {
    let inner = Panel("Indicators toward the goals", glyphs: glyphs).rightTitle("mean progress")
      .render(in: area, into: &buffer)
    guard !inner.isEmpty else { return }
    let perGoal = inner.height >= portfolio.indicators.count * 3 ? 3 : 2
    for (index, goal) in portfolio.indicators.enumerated() {
      let top = inner.y + index * perGoal
      guard top < inner.maxY else { break }
      let gauge = Rect(x: inner.x, y: top, width: inner.width, height: 1)
      if let mean = goal.meanProgress {
        Gauge(ratio: mean, label: goal.goal.label, glyphs: glyphs).render(in: gauge, into: &buffer)
      } else {
        buffer.put([Span(goal.goal.label + " "), Span("no indicator measured yet", role: .muted)], x: gauge.x, y: top, maxWidth: gauge.width)
      }
      guard top + 1 < inner.maxY else { break }
      let reachedRole: Role = goal.reached > 0 ? .onTrack : .muted
      let measured = Presentation.count(goal.measured)
      let total = Presentation.count(goal.indicators.count)
      let reached = Presentation.count(goal.reached)
      let separator = Span(ScreenMarks.separator(glyphs), role: .muted)
      put(
        [
          [Span("\(measured) of \(total) measured", role: .muted), separator, Span("\(reached) at target", role: reachedRole)],
          [Span("\(measured)/\(total) measured", role: .muted), separator, Span("\(reached) at target", role: reachedRole)],
          [Span("\(measured)/\(total) measured", role: .muted), separator, Span("\(reached) met", role: reachedRole)],
          [Span("\(measured)/\(total)", role: .muted), separator, Span("\(reached) met", role: reachedRole)],
        ], x: inner.x + 5, y: top + 1, width: inner.width - 5, glyphs: glyphs, into: &buffer)
    }
  }

  /// The most overdue milestones first (the portfolio keeps them sorted
  /// by due date), as many as fit.
  static func renderOverdue(_ portfolio: Portfolio, glyphs: GlyphSet, in area: Rect, into buffer: inout Buffer) {
    let overdue = portfolio.overdue
    let inner = Panel("Overdue milestones", glyphs: glyphs).rightTitle(Presentation.count(overdue.count))
      .render(in: area, into: &buffer)
    guard !inner.isEmpty else { return }
    let wide = inner.width >= 70
    // Only the rows that can show decide the id column (the list is long).
    let idWidth = overdue.prefix(inner.height).reduce(7) { max($0, TextWidth.columns(of: $1.projectID)) }
    var columns = [TableColumn("Project", width: .fixed(min(idWidth, 16)))]
    if wide { columns.append(TableColumn("Due", width: .fixed(10))) }
    columns += [
      TableColumn("Milestone", width: .flex(3)),
      TableColumn("Overdue", width: .fixed(wide ? 10 : 7), alignment: .right, role: .overdue),
    ]
    if wide { columns.append(TableColumn("Project title", width: .flex(2), role: .muted)) }
    Table(columns: columns, rowCount: overdue.count, state: TableState(selected: nil), glyphs: glyphs) { row in
      let item = overdue[row]
      let days = Presentation.count(item.daysOverdue) + (wide ? " days" : "d")
      var cells = [TableCell(item.projectID)]
      if wide { cells.append(TableCell(item.due.description, role: .muted)) }
      cells += [TableCell(item.milestone), TableCell(days)]
      if wide { cells.append(TableCell(item.projectTitle)) }
      return cells
    }
    .header(inner.height >= 8)
    .scrollbar(false)
    .emptyMessage("Nothing overdue")
    .render(in: inner, into: &buffer)
  }

  /// What the data is and how far to trust it: its label and date, its
  /// title, the illustrative note, what loaded and what did not.
  static func renderDataSet(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let glyphs = state.settings.glyphs
    let data = state.data
    let meta = data.meta
    let inner = Panel("Data set", glyphs: glyphs).rightTitle(meta.asOf.map { "as of \($0)" } ?? "no as-of date")
      .render(in: area, into: &buffer)
    guard !inner.isEmpty else { return }
    var lines: [[Span]] = TextWidth.wrap(meta.title, width: inner.width).prefix(2).map { [Span($0, role: .title)] }
    if meta.label != .real {
      let badge = " \(meta.label.label.uppercased()) "
      let note = "Each record names its source; records from an illustrative or synthetic source are not real projects."
      let wrapped = TextWidth.wrap(note, width: max(1, inner.width - TextWidth.columns(of: badge) - 1))
      for (index, line) in wrapped.prefix(2).enumerated() {
        let lead = index == 0 ? Span(badge, role: .badge) : Span(String(repeating: " ", count: TextWidth.columns(of: badge)))
        lines.append([lead, Span(" " + line, role: .muted)])
      }
    }
    let separator = ScreenMarks.separator(glyphs)
    let loaded = [
      "\(Presentation.count(data.projects.count)) projects",
      "\(Presentation.count(data.activities.count)) envoy activities",
      "\(Presentation.count(data.countries.count)) countries",
    ].joined(separator: separator)
    let issues = state.context.issues.count
    let issueSpans = issues == 0
      ? [Span("no load issues", role: .success)]
      : [Span("\(Presentation.count(issues)) data problem(s): ! lists them", role: .warning)]
    // What loaded and what did not share a row when they fit on one.
    let together = [Span("loaded ", role: .muted), Span(loaded), Span(separator, role: .muted)] + issueSpans
    if Span.columns(of: together) <= inner.width {
      lines.append(together)
    } else {
      lines.append([Span("loaded ", role: .muted), Span(loaded)])
      lines.append(issueSpans)
    }
    for (row, line) in lines.prefix(inner.height).enumerated() {
      buffer.put(Span.truncate(line, toWidth: inner.width, ellipsis: glyphs.ellipsis), x: inner.x, y: inner.y + row, maxWidth: inner.width)
    }
  }
}
