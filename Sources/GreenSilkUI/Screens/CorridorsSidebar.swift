import GreenSilkCore

/// The left column of the Corridors screen: the corridor list, the
/// member countries (when there is room) and the budget by instrument.
enum CorridorsSidebar {
  /// Columns the corridor code takes in the list (the longest code and a
  /// space).
  static let codeColumns = (CorridorCode.allCases.map { $0.rawValue.count }.max() ?? 6) + 1

  static func renderList(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let glyphs = state.settings.glyphs
    let corridors = state.context.portfolio.corridors
    let inner = Panel("Corridors", glyphs: glyphs).focused(state.corridors.focus == .list)
      .render(in: area, into: &buffer)
    guard !inner.isEmpty else { return }
    // The marker column is taken by the list itself.
    let textWidth = inner.width - TextWidth.columns(of: glyphs.selectionMarker) - 1
    let countWidth = textWidth >= 30 ? 5 : 0
    let nameWidth = max(0, textWidth - codeColumns - countWidth)
    ListView(itemCount: corridors.count, state: ListState(selected: state.corridors.selected), glyphs: glyphs) { row in
      let corridor = corridors[row]
      var text = TextWidth.pad(corridor.code.rawValue, toWidth: codeColumns)
      text += TextWidth.fit(CorridorsScreen.shortName(corridor.name), toWidth: nameWidth, ellipsis: glyphs.ellipsis)
      if countWidth > 0 { text += TextWidth.pad(Presentation.count(corridor.projectCount), toWidth: countWidth, align: .right) }
      return ListItem(text, role: Presentation.role(for: corridor.code))
    }
    .render(in: inner, into: &buffer)
  }

  /// Member countries from the sourced membership, each with the envoy
  /// participants counted from it, and the membership's source.
  static func renderMembers(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let glyphs = state.settings.glyphs
    let members = state.corridors.members
    let inner = Panel("Member countries", glyphs: glyphs).rightTitle(String(members.count))
      .render(in: area, into: &buffer)
    guard !inner.isEmpty else { return }
    // The source under the table, on up to two rows, when the rows left
    // after the members allow it (one row at least, when any are left).
    let source = state.corridors.membershipSource
    let sourceLines = source.isEmpty ? [] : TextWidth.wrap("source: " + source, width: inner.width)
    let spare = inner.height - 1 - members.count
    let sourceRows = inner.height < 4 ? 0 : min(sourceLines.count, 2, max(1, spare))
    let (tableArea, sourceArea) = inner.splitBottom(sourceRows)
    let none = ScreenMarks.none(glyphs)
    let columns = [
      TableColumn("Country", width: .flex(1)),
      TableColumn("Projects", width: .fixed(8), alignment: .right),
      TableColumn("Envoys", width: .fixed(7), alignment: .right),
    ]
    Table(columns: columns, rowCount: members.count, state: TableState(selected: nil), glyphs: glyphs) { row in
      let member = members[row]
      func number(_ value: Int) -> TableCell {
        value > 0 ? TableCell(Presentation.count(value)) : TableCell(none, role: .muted)
      }
      return [TableCell(member.name), number(member.projects), number(member.participants)]
    }
    .emptyMessage("No sourced members")
    .render(in: tableArea, into: &buffer)
    for row in 0..<sourceRows {
      // The last row shown carries the rest, cut with an ellipsis.
      let text = row == sourceRows - 1 ? sourceLines[row...].joined(separator: " ") : sourceLines[row]
      buffer.put(text, in: sourceArea.row(row), style: Style(.muted), ellipsis: glyphs.ellipsis)
    }
  }

  /// Budget in USD by financing instrument: the plan's green instruments
  /// grouped first (and named as green, so the grouping reads without
  /// colour), then the ordinary ones, the part no tranche accounts for,
  /// and the green share as a gauge.
  static func renderBudget(_ summary: CorridorSummary, glyphs: GlyphSet, in area: Rect, into buffer: inout Buffer) {
    let total = Presentation.usd(summary.budgetUSD)
    // " Budget " and " USD … " with a border cell between, else one title.
    let fits = TextWidth.columns(of: total) + 6 + 5 <= area.width - 2
    let panel = fits ? Panel("Budget", glyphs: glyphs).rightTitle(total) : Panel("Budget " + total, glyphs: glyphs)
    let inner = panel.render(in: area, into: &buffer)
    guard !inner.isEmpty else { return }
    let amounts = summary.budgetByInstrumentUSD
    let green = FinancingInstrument.allCases.filter(\.isGreen)
    let ordinary = FinancingInstrument.allCases.filter { !$0.isGreen }
    let greenTotal = green.reduce(0) { $0 + (amounts[$1] ?? 0) }
    let ordinaryTotal = ordinary.reduce(0) { $0 + (amounts[$1] ?? 0) }
    let unattributed = summary.budgetUSD - greenTotal - ordinaryTotal
    let longLabels = inner.width >= 2 + (FinancingInstrument.allCases.map { $0.label.count }.max() ?? 0) + 9

    var lines: [BudgetLine] = [BudgetLine("Green finance", greenTotal, Style(.success, emphasis: .bold))]
    lines += green.map { BudgetLine("  " + label($0, long: longLabels), amounts[$0] ?? 0, Style(.text)) }
    lines.append(BudgetLine("Other finance", ordinaryTotal, Style(.text, emphasis: .bold)))
    lines += ordinary.map { BudgetLine("  " + label($0, long: longLabels), amounts[$0] ?? 0, Style(.text)) }
    // Tranches need not cover the whole budget; say how much they leave.
    if unattributed >= max(1, summary.budgetUSD * 0.005) {
      lines.append(BudgetLine("Unattributed", unattributed, Style(.muted)))
    }
    let gaugeRow = summary.budgetUSD > 0 && inner.height > lines.count ? 1 : 0
    for (row, line) in lines.prefix(inner.height - gaugeRow).enumerated() {
      let rect = inner.row(row)
      let value = line.amount > 0 ? NumberText.money(line.amount) : ScreenMarks.none(glyphs)
      let valueStyle = line.amount > 0 ? line.style : Style(.muted)
      let valueWidth = TextWidth.columns(of: value)
      buffer.put(line.label, in: rect.splitRight(valueWidth + 1).rest, style: line.style, ellipsis: glyphs.ellipsis)
      buffer.put(value, x: rect.maxX - valueWidth, y: rect.y, style: valueStyle)
    }
    if gaugeRow > 0 {
      Gauge(ratio: greenTotal / summary.budgetUSD, label: inner.width >= 30 ? "Green share" : "Green", glyphs: glyphs)
        .fillRole(.success)
        .render(in: inner.row(inner.height - 1), into: &buffer)
    }
  }

  /// An instrument's name: the plan's words when there is room, else the
  /// word that tells it apart within its group.
  static func label(_ instrument: FinancingInstrument, long: Bool) -> String {
    if long { return instrument.label }
    switch instrument {
    case .greenBond: return "bond"
    case .greenDevelopmentFund: return "dev. fund"
    case .greenCredit: return "credit"
    case .pollutionLiabilityInsurance: return "insurance"
    case .grant: return "grant"
    case .loan: return "loan"
    case .other: return "other"
    }
  }

  struct BudgetLine {
    var label: String
    var amount: Double
    var style: Style

    init(_ label: String, _ amount: Double, _ style: Style) {
      self.label = label
      self.amount = amount
      self.style = style
    }
  }
}
