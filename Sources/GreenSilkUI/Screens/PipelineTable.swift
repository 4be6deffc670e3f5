import GreenSilkCore

/// The pipeline as a table. Columns that do not fit are left out, least
/// important first, so the title keeps a readable width: at 80 columns
/// id, light, stage, title, country and delivery remain.
enum PipelineTable {
  /// A column the table can show, with the sort key it stands for.
  struct Column {
    var key: ProjectSortKey
    var title: String
    var width: Int
    var alignment: TextAlignment = .left
    /// Lower is kept longer; the id and title are always shown.
    var priority: Int
  }

  /// The title never gets narrower than this while other columns are
  /// shown beside it.
  static let minimumTitleWidth = 20

  /// Every column, in display order.
  static func allColumns(idWidth: Int) -> [Column] {
    [
      Column(key: .id, title: "ID", width: max(idWidth, 4), priority: 0),
      Column(key: .light, title: "Light", width: 8, priority: 1),
      Column(key: .stage, title: "Stage", width: 14, priority: 2),
      Column(key: .title, title: "Title", width: 0, priority: 0),
      Column(key: .area, title: "Area", width: 23, priority: 8),
      Column(key: .corridor, title: "Corridor", width: 10, priority: 7),
      Column(key: .country, title: "Country", width: 11, priority: 3),
      Column(key: .delivery, title: "Delivery", width: 10, priority: 4),
      Column(key: .budget, title: "Budget USD", width: 12, alignment: .right, priority: 5),
      // One cell wider than a date, so that it does not touch the scroll bar.
      Column(key: .start, title: "Start", width: 11, priority: 6),
    ]
  }

  /// The columns shown in a table `width` cells wide (scroll bar excluded).
  static func columns(width: Int, idWidth: Int) -> [Column] {
    let all = allColumns(idWidth: idWidth)
    var kept = Set([ProjectSortKey.id, .title])
    // Fixed widths plus one cell of spacing per column after the first.
    var used = all.filter { kept.contains($0.key) }.reduce(0) { $0 + $1.width } + 1
    for column in all.sorted(by: { $0.priority < $1.priority }) where !kept.contains(column.key) {
      if used + column.width + 1 + minimumTitleWidth <= width {
        kept.insert(column.key)
        used += column.width + 1
      }
    }
    return all.filter { kept.contains($0.key) }
  }

  static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let pipeline = state.pipeline
    let glyphs = state.settings.glyphs
    let rows = pipeline.visible
    let inner = Panel("Projects", glyphs: glyphs).focused()
      .rightTitle(pipeline.table.positionText(rowCount: rows.count))
      .render(in: area, into: &buffer)
    guard !inner.isEmpty else { return }
    // Leave the scroll bar's column whether or not it shows, so that
    // columns do not jump when a filter makes the bar appear.
    let shown = columns(width: inner.width - 1, idWidth: pipeline.idWidth)
    let tableColumns = shown.map { column in
      TableColumn(
        column.title, width: column.key == .title ? .flex(1) : .fixed(column.width), alignment: column.alignment)
    }
    let sortColumn = shown.firstIndex { $0.key == pipeline.sortKey }
    let highlight = PipelineHighlighter(pipeline.query)
    let projects = state.data.projects
    Table(columns: tableColumns, rowCount: rows.count, state: pipeline.table, glyphs: glyphs) { row in
      let project = projects[Int(rows[row])]
      return shown.map { cell(for: $0.key, of: project, glyphs: glyphs, highlight: highlight) }
    }
    .sorted(by: sortColumn, ascending: pipeline.ascending)
    .render(in: inner, into: &buffer)
  }

  /// Before the title of a project not in totals; the status line's
  /// legend names it.
  static let outMark = "[out]"

  static func cell(
    for key: ProjectSortKey, of project: Project, glyphs: GlyphSet, highlight: PipelineHighlighter
  ) -> TableCell {
    let estimate = ProjectDetailFields.estimateMark(glyphs)
    let none = TableCell("—", role: .muted)
    switch key {
    case .id:
      return TableCell(project.id, matches: highlight(project.id))
    case .light:
      guard let light = project.light else { return TableCell("  —", role: .lightNone) }
      return TableCell(glyphs.dot + " " + light.rawValue, role: Presentation.role(for: light))
    case .stage:
      return TableCell(project.stage.label, role: Presentation.role(for: project.stage))
    case .title:
      guard project.countsInTotals else {
        let text = outMark + " " + project.title
        return TableCell(text, role: .muted, matches: highlight(text))
      }
      return TableCell(project.title, matches: highlight(project.title))
    case .area:
      return project.area.map { TableCell($0.label) } ?? none
    case .corridor:
      guard let first = project.corridors.first else { return none }
      let more = project.corridors.count > 1 ? " +\(project.corridors.count - 1)" : ""
      return TableCell(first.rawValue + more, role: Presentation.role(for: first))
    case .country:
      guard !project.countries.isEmpty else { return none }
      let text = countryText(project.countries)
      return TableCell(text, matches: highlight(text))
    case .delivery:
      if project.delivery == .notAssessed { return none }
      return TableCell(project.delivery.label, role: Presentation.role(for: project.delivery))
    case .budget:
      guard let budget = project.budget else { return none }
      if let usd = budget.countedUSD {
        // What totals add (the adjusted amount where the source gives
        // one); in brackets when the project is not in totals.
        let text = (budget.amountEstimated ? estimate : "") + NumberText.money(usd)
        return project.countsInTotals ? TableCell(text) : TableCell("(" + text + ")", role: .muted)
      }
      // No US-dollar figure: the amount in its own currency, muted, so it
      // is not read as dollars (and sorts after every dollar amount).
      return budget.amount.map { TableCell(DetailText.money($0, budget.currency), role: .muted) } ?? none
    case .start:
      if let actual = project.dates.actualStart {
        return TableCell((project.dates.actualStartEstimated ? estimate : "") + actual.description)
      }
      return project.dates.plannedStart.map { TableCell($0.description) } ?? none
    }
  }

  /// `PAK`, `KAZ CHN`, `KAZ CHN +6`: the first two codes and how many more.
  static func countryText(_ countries: [CountryCode]) -> String {
    let shown = countries.prefix(2).map(\.description).joined(separator: " ")
    return countries.count > 2 ? shown + " +\(countries.count - 2)" : shown
  }
}
