import GreenSilkCore

/// The pipeline as a kanban: one column per stage, as many as fit; the
/// row above says which stages are off screen on either side. A card is
/// one line: light dot, id, title.
enum PipelineKanban {
  static func render(_ state: AppState, layout: PipelineLayout, into buffer: inout Buffer) {
    let pipeline = state.pipeline
    let glyphs = state.settings.glyphs
    if let strip = layout.strip {
      renderStrip(pipeline, shown: layout.shownColumns, glyphs: glyphs, in: strip, into: &buffer)
    }
    let highlight = PipelineHighlighter(pipeline.query)
    let projects = state.data.projects
    for (stageIndex, rect) in layout.columns {
      let stage = Stage.allCases[stageIndex]
      let members = pipeline.columns[stageIndex]
      let focused = stageIndex == pipeline.kanbanColumn
      let inner = Panel(glyphs: glyphs).focused(focused).render(in: rect, into: &buffer)
      renderHeader(stage, count: members.count, focused: focused, on: rect, into: &buffer)
      let saved = pipeline.kanbanStates[stageIndex]
      // Only the focused column shows a cursor; the others keep their
      // scroll position so that coming back finds the same cards.
      let tableState = focused ? saved : TableState(selected: nil, offset: saved.offset)
      if focused, !members.isEmpty {
        let position = " " + tableState.positionText(rowCount: members.count) + " "
        let width = TextWidth.columns(of: position)
        if width + 2 <= rect.width {
          buffer.put(position, x: rect.maxX - 1 - width, y: rect.maxY - 1, style: Style(.borderFocus))
        }
      }
      // Whole ids before titles: a cut id is useless, a cut title still helps.
      let idWidth = min(pipeline.idWidth, max(1, inner.width - 8))
      let columns = [
        TableColumn("", width: .fixed(1)),
        TableColumn("", width: .fixed(idWidth)),
        TableColumn("", width: .flex(1)),
      ]
      Table(columns: columns, rowCount: members.count, state: tableState, glyphs: glyphs) { row in
        let project = projects[Int(members[row])]
        return [
          TableCell(glyphs.dot, role: Presentation.role(for: project.light)),
          TableCell(project.id, role: .muted, matches: highlight(project.id)),
          TableCell(project.title, matches: highlight(project.title)),
        ]
      }
      .header(false)
      .emptyMessage(pipeline.query.isEmpty && pipeline.facets.isEmpty ? "none" : "none match")
      .render(in: inner, into: &buffer)
    }
  }

  /// `Implementation 36` on the column's top border, in the stage's role.
  static func renderHeader(_ stage: Stage, count: Int, focused: Bool, on rect: Rect, into buffer: inout Buffer) {
    let room = rect.width - 2
    guard room > 0 else { return }
    let style = Style(Presentation.role(for: stage), emphasis: focused ? .bold : .none)
    let label = stage.label
    let number = Presentation.count(count)
    // Padded with a space each side when there is room, as panel titles are.
    var text = " \(label) \(number) "
    if TextWidth.columns(of: text) > room { text = "\(label) \(number)" }
    if TextWidth.columns(of: text) > room {
      let labelRoom = room - TextWidth.columns(of: number) - 1
      text = TextWidth.truncate(label, toWidth: max(1, labelRoom), ellipsis: "…") + " " + number
    }
    buffer.put(text, x: rect.x + 1, y: rect.y, style: style, maxWidth: room)
  }

  /// `◀ 3 more  Concept 11 · Screening 11 · Approved 16` on the left and
  /// the same for the stages off screen to the right, shortened to the
  /// arrow and count when the names do not fit.
  static func renderStrip(
    _ pipeline: PipelineState, shown: Range<Int>, glyphs: GlyphSet, in area: Rect, into buffer: inout Buffer
  ) {
    let stages = Stage.allCases
    func names(_ range: Range<Int>) -> [Span] {
      var spans: [Span] = []
      for index in range {
        if !spans.isEmpty { spans.append(Span(" · ", role: .muted)) }
        spans.append(Span(stages[index].label + " " + Presentation.count(pipeline.columns[index].count), role: Presentation.role(for: stages[index])))
      }
      return spans
    }
    let hiddenLeft = 0..<shown.lowerBound
    let hiddenRight = shown.upperBound..<stages.count
    // Nothing off screen on the left: say how to get to the right.
    let keys = glyphs.isASCII ? "<- ->" : "← →"
    var leftOptions: [[Span]] = [[Span(" \(keys)", role: .title), Span(" move between stages", role: .muted)], []]
    if !hiddenLeft.isEmpty {
      let short = [Span(" \(glyphs.arrowLeft) \(hiddenLeft.count) more", role: .title)]
      leftOptions = [short + [Span("  ", role: .muted)] + names(hiddenLeft), short]
    }
    var rightOptions: [[Span]] = [[]]
    if !hiddenRight.isEmpty {
      let short = [Span("\(hiddenRight.count) more \(glyphs.arrowRight) ", role: .title)]
      rightOptions = [names(hiddenRight) + [Span("  ", role: .muted)] + short, short]
    }
    // The pair that says the most and still fits.
    var chosen = (leftOptions.last ?? [], rightOptions.last ?? [])
    var best = -1
    for left in leftOptions {
      for right in rightOptions {
        let width = Span.columns(of: left) + Span.columns(of: right)
        if width + 2 <= area.width, width > best { (chosen, best) = ((left, right), width) }
      }
    }
    let rightWidth = Span.columns(of: chosen.1)
    buffer.put(chosen.0, x: area.x, y: area.y, maxWidth: max(0, area.width - rightWidth - 1))
    if rightWidth > 0, rightWidth <= area.width {
      buffer.put(chosen.1, x: area.maxX - rightWidth, y: area.y, maxWidth: rightWidth)
    }
  }
}
