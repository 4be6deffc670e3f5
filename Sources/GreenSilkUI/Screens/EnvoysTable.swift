import GreenSilkCore

/// The activity table, newest first. Only the visible rows are built.
/// Narrow windows get short kind names and drop the focus column, so the
/// title keeps most of the width.
enum EnvoysTable {
  /// From this inner width on, kind names and sources are spelled out.
  static let wideWidth = 96
  /// From this inner width on, the focus area has a column.
  static let focusWidth = 130

  static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer, focused: Bool) {
    let envoys = state.envoys
    let glyphs = state.settings.glyphs
    let count = envoys.order.count
    let inner = Panel("Activities, newest first", glyphs: glyphs)
      .rightTitle(envoys.table.positionText(rowCount: count))
      .focused(focused)
      .render(in: area, into: &buffer)
    guard !inner.isEmpty else { return }
    let wide = inner.width >= wideWidth
    let showsFocus = inner.width >= focusWidth
    var columns = [
      TableColumn("Start", width: .fixed(10), role: .muted),
      TableColumn("Kind", width: .fixed(wide ? 14 : 8)),
      TableColumn("Title", width: .flex(1)),
    ]
    if showsFocus { columns.append(TableColumn("Focus", width: .fixed(22))) }
    columns += [
      TableColumn("People", width: .fixed(6), alignment: .right),
      TableColumn("Ctry", width: .fixed(4), alignment: .right),
      TableColumn("Source", width: .fixed(wide ? 12 : 8)),
    ]
    let activities = state.data.activities
    let order = envoys.order
    let none = EnvoysScreen.none(glyphs)
    Table(columns: columns, rowCount: count, state: envoys.table, glyphs: glyphs) { row in
      let activity = activities[Int(order[row])]
      var cells = [
        TableCell(activity.start.description),
        TableCell(wide ? activity.kind.label : shortKind(activity.kind)),
        TableCell(activity.title),
      ]
      if showsFocus { cells.append(TableCell(activity.focus.label)) }
      cells += [
        // `≈30` for "about 30", `>50` for "more than 50": the table's
        // column is narrow; the activity panel spells the qualifier out.
        TableCell(EnvoysTable.qualifierMark(activity, glyphs) + Presentation.count(activity.totalParticipants)),
        TableCell(activity.participants.isEmpty ? none : String(activity.participants.count), role: activity.participants.isEmpty ? .muted : .text),
        sourceCell(activity.source, wide: wide),
      ]
      return cells
    }
    .emptyMessage("No envoy activities in the data")
    .render(in: inner, into: &buffer)
  }

  /// `Training`, `Visit`, `Research`: eight columns at most.
  static func shortKind(_ kind: ActivityKind) -> String {
    switch kind {
    case .training: "Training"
    case .workshop: "Workshop"
    case .exchangeVisit: "Visit"
    case .forum: "Forum"
    case .jointResearch: "Research"
    }
  }

  /// Illustrative records say so, muted; sourced ones name their data
  /// set when there is room, else just that they are sourced.
  static func sourceCell(_ source: SourceRef, wide: Bool) -> TableCell {
    if source.isIllustrative { return TableCell(wide ? source.dataset : "illustr.", role: .muted) }
    return TableCell(wide ? source.dataset : "sourced", role: .link)
  }

  /// A short mark for a source's qualifier: `≈` about, `>` more than,
  /// `<` nearly; nothing for an exact figure.
  static func qualifierMark(_ activity: EnvoyActivity, _ glyphs: GlyphSet) -> String {
    // Only when the figure shown is the source's qualified total.
    guard let qualifier = activity.totalQualifier, !qualifier.isEmpty, let reported = activity.reportedTotal,
      reported >= activity.countedParticipants
    else { return "" }
    switch qualifier.lowercased() {
    case "more than", "over", "at least": return ">"
    case "nearly", "almost", "fewer than", "less than": return "<"
    default: return ProjectDetailFields.estimateMark(glyphs)
    }
  }

}
