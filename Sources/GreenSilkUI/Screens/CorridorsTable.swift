import GreenSilkCore

/// The selected corridor's projects. Only the visible rows are built; the
/// selection shows only while the table has the focus, so that the list
/// and the table never both look active.
enum CorridorsTable {
  static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let glyphs = state.settings.glyphs
    let corridors = state.corridors
    let rows = corridors.projects
    let focused = corridors.focus == .table
    let count = rows.count == 1 ? "1 project" : "\(Presentation.count(rows.count)) projects"
    let inner = Panel("Projects", glyphs: glyphs).focused(focused)
      .rightTitle(focused ? corridors.table.positionText(rowCount: rows.count) : count)
      .render(in: area, into: &buffer)
    guard !inner.isEmpty else { return }
    let projects = state.data.projects
    let wide = inner.width >= 100
    // Below 80 columns the stage gives way so that titles stay readable.
    let showsStage = inner.width >= 50
    var columns = [TableColumn("Id", width: .fixed(min(max(corridors.idWidth, 6), 16))), TableColumn("Light", width: .fixed(8))]
    if showsStage { columns.append(TableColumn("Stage", width: .fixed(14))) }
    columns.append(TableColumn("Title", width: .flex(3)))
    if wide {
      columns += [
        TableColumn("Delivery", width: .fixed(12)),
        TableColumn("Budget", width: .fixed(12), alignment: .right),
        TableColumn("Countries", width: .flex(1)),
      ]
    }
    let none = ScreenMarks.none(glyphs)
    let tableState = focused ? corridors.table : TableState(selected: nil, offset: corridors.table.offset)
    Table(columns: columns, rowCount: rows.count, state: tableState, glyphs: glyphs) { row in
      let project = projects[Int(rows[row])]
      let light = project.light
      let lightText = light.map { glyphs.dot + " " + $0.label.lowercased() } ?? none
      var cells = [TableCell(project.id), TableCell(lightText, role: Presentation.role(for: light))]
      if showsStage { cells.append(TableCell(project.stage.label, role: Presentation.role(for: project.stage))) }
      cells.append(
        project.countsInTotals
          ? TableCell(project.title) : TableCell(PipelineTable.outMark + " " + project.title, role: .muted))
      if wide {
        cells += [
          TableCell(project.delivery.label, role: Presentation.role(for: project.delivery)),
          budgetCell(project, none: none, glyphs: glyphs),
          TableCell(project.countries.map { state.data.countryName($0) }.joined(separator: ", ")),
        ]
      }
      return cells
    }
    .emptyMessage("No projects on this corridor")
    .render(in: inner, into: &buffer)
  }

  /// `USD 12.0 M`; a budget with no USD figure in its own currency, muted
  /// because it is not summed with the others.
  static func budgetCell(_ project: Project, none: String, glyphs: GlyphSet) -> TableCell {
    let budget = project.budget
    if let budget, let usd = budget.countedUSD {
      // What totals add; estimated with `≈`; in brackets when not in totals.
      let text = (budget.amountEstimated ? ProjectDetailFields.estimateMark(glyphs) : "") + Presentation.usd(usd)
      return project.countsInTotals ? TableCell(text) : TableCell("(" + text + ")", role: .muted)
    }
    if let budget, let amount = budget.amount { return TableCell(budget.currency + " " + NumberText.money(amount), role: .muted) }
    return TableCell(none, role: .muted)
  }
}
