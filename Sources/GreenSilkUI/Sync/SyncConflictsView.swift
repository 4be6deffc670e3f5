import GreenSilkCore

/// The list of records holding a merge conflict (C), over the screen.
enum SyncConflictsView {
  static func render(_ state: AppState, _ list: SyncConflictList, in area: Rect, into buffer: inout Buffer) {
    let glyphs = state.settings.glyphs
    let conflicts = state.sync.conflicts
    let width = min(area.width - 2, 100)
    let height = min(area.height, conflicts.count + 6)
    let box = area.centered(width: width, height: height)
    buffer.fill(box, with: Cell(" ", style: Style(.overlay)))
    let title = "Open conflicts from syncs (\(conflicts.count))"
    let inner = Panel(title, glyphs: glyphs).focused().titleStyle(Style(.warning, emphasis: .bold)).render(in: box, into: &buffer)
    guard inner.height > 2 else { return }
    let tableArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
    let columns = [TableColumn("Record", width: .min(10)), TableColumn("Title", width: .flex(1)), TableColumn("In conflict", width: .flex(1))]
    Table(columns: columns, rowCount: conflicts.count, state: TableState(selected: conflicts.isEmpty ? nil : list.selected), glyphs: glyphs) { index in
      let item = conflicts[index]
      return [TableCell(item.record.id), TableCell(item.record.base.title), TableCell(item.fields, role: .warning)]
    }.emptyMessage("No open conflicts.").render(in: tableArea, into: &buffer)
    buffer.put("↑/↓ choose · Enter opens the conflict view · Esc closes", x: inner.x, y: inner.maxY - 1, style: Style(.muted), maxWidth: inner.width)
  }
}
