import GreenSilkCore

/// Draws the open dialog over everything else.
enum DialogView {
  static func render(_ state: AppState, _ dialog: Dialog, in area: Rect, into buffer: inout Buffer) {
    let glyphs = state.settings.glyphs
    switch dialog {
    case .confirmDelete(let target):
      MessageBox(
        title: "Delete?", lines: ["Delete \(target.label)?", "", "It can be undone with u in this session."],
        buttons: [KeyHint("y", "delete"), KeyHint("n/Esc", "keep")], glyphs: glyphs
      ).titleRole(.warning).maxWidth(min(72, area.width - 2)).render(in: area, into: &buffer)
    case .restoreDraft(let draft, let form):
      MessageBox(
        title: "Unsaved draft",
        lines: [
          "\(form.title) was being edited when the last session ended",
          "(draft kept at \(draft.savedAt)). Restore it, with every field as it was?",
        ],
        buttons: [KeyHint("r", "restore"), KeyHint("d", "discard"), KeyHint("Esc", "later")], glyphs: glyphs
      ).titleRole(.warning).maxWidth(min(78, area.width - 2)).render(in: area, into: &buffer)
    case .moveStage(let move):
      renderMove(move, glyphs: glyphs, in: area, into: &buffer)
    case .conflict(let conflict):
      renderConflict(conflict, glyphs: glyphs, in: area, into: &buffer)
    case .syncConflicts(let list):
      SyncConflictsView.render(state, list, in: area, into: &buffer)
    }
  }

  static func renderMove(_ move: MoveState, glyphs: GlyphSet, in area: Rect, into buffer: inout Buffer) {
    let width = min(area.width - 2, 64)
    let height = min(area.height, move.targets.count + 7)
    let box = area.centered(width: width, height: height)
    buffer.fill(box, with: Cell(" ", style: Style(.overlay)))
    let inner = Panel("Move \(move.project.id) — now \(move.project.stage.label.lowercased())", glyphs: glyphs).focused().render(in: box, into: &buffer)
    guard inner.height > 2 else { return }
    buffer.put("Move to:", x: inner.x, y: inner.y, style: Style(.fieldLabel), maxWidth: inner.width)
    for (index, stage) in move.targets.enumerated() where inner.y + 1 + index < inner.maxY {
      let selected = index == move.selected
      let marker = selected ? glyphs.selectionMarker + " " : "  "
      buffer.put(
        marker + stage.label + "  (IATI \(stage.iatiStatus))", x: inner.x, y: inner.y + 1 + index,
        style: Style(Presentation.role(for: stage), emphasis: selected ? .selected : .none), maxWidth: inner.width)
    }
    let y = inner.y + 1 + move.targets.count
    if let reason = move.reason, y + 1 < inner.maxY {
      buffer.put("Reason (required):", x: inner.x, y: y, style: Style(.fieldLabel), maxWidth: inner.width)
      buffer.fill(Rect(x: inner.x, y: y + 1, width: inner.width, height: 1), with: Cell(" ", style: Style(.input)))
      buffer.put(reason.text, x: inner.x, y: y + 1, style: Style(.input), maxWidth: inner.width - 1)
      let column = min(inner.width - 1, TextWidth.columns(of: String(reason.text.prefix(reason.cursor))))
      buffer.setCell(Cell(" ", style: Style(.input, emphasis: .selected)), x: inner.x + column, y: y + 1)
    } else if y < inner.maxY {
      buffer.put("Enter moves (the stage rules are checked) · Esc cancels", x: inner.x, y: inner.maxY - 1, style: Style(.muted), maxWidth: inner.width)
    }
  }

  static func renderConflict(_ conflict: ConflictState, glyphs: GlyphSet, in area: Rect, into buffer: inout Buffer) {
    let box = area.inset(by: 1)
    buffer.fill(box, with: Cell(" ", style: Style(.overlay)))
    let held = conflict.held != nil
    let inner = Panel(held ? "Sync conflict" : "Save conflict", glyphs: glyphs).focused().titleStyle(Style(.warning, emphasis: .bold)).render(in: box, into: &buffer)
    guard inner.height > 4 else { return }
    var y = inner.y
    for line in TextWidth.wrap(conflict.message, width: inner.width).prefix(2) {
      buffer.put(line, x: inner.x, y: y, style: Style(.warning), maxWidth: inner.width)
      y += 1
    }
    if conflict.theirs == nil {
      buffer.put("It was deleted on disk. Enter saves your version as a new record; Esc goes back to your form.", x: inner.x, y: y + 1, maxWidth: inner.width)
      return
    }
    let tableArea = Rect(x: inner.x, y: y + 1, width: inner.width, height: inner.maxY - y - 2)
    let columns = [
      TableColumn("Field", width: .min(18)), TableColumn(held ? "Kept here" : "Yours", width: .flex(1)),
      TableColumn(held ? "Other office" : "On disk", width: .flex(1)),
      TableColumn("Keep", width: .fixed(7)),
    ]
    let rows = conflict.rows
    Table(columns: columns, rowCount: rows.count, state: TableState(selected: rows.isEmpty ? nil : conflict.selected), glyphs: glyphs) { index in
      let row = rows[index]
      return [
        TableCell(row.label), TableCell(row.mine.map(AppReducer.plain) ?? "—", role: row.takeTheirs ? .muted : .success),
        TableCell(row.theirs.map(AppReducer.plain) ?? "—", role: row.takeTheirs ? .success : .muted),
        TableCell(row.takeTheirs ? (held ? "other" : "theirs") : (held ? "kept" : "yours"), role: .fieldValue),
      ]
    }.emptyMessage("The versions only differ in bookkeeping fields.").render(in: tableArea, into: &buffer)
    buffer.put(
      held
        ? "←/→ or Space: kept/other for the field · m all kept · t all other · Enter saves the choice · Esc back to the list"
        : "←/→ or Space: yours/theirs for the field · m all yours · t all theirs · Enter saves the merge · Esc back to your form",
      x: inner.x, y: inner.maxY - 1, style: Style(.muted), maxWidth: inner.width)
  }
}
