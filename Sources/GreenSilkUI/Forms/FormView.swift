import GreenSilkCore

/// Draws an open form over the body: sections of `label  value` rows, the
/// field being edited with its cursor, problems under their fields, the
/// focused field's expected format at the bottom, and pop-ups for pick
/// lists and completions.
enum FormView {
  static let labelWidth = 17

  /// One screen row of the form.
  enum Row: Equatable {
    case section(String)
    case value(field: Int, line: Int, text: String)
    case more(field: Int, count: Int)
    case problem(field: Int, text: String)
    case spacer
  }

  static func render(_ state: AppState, _ form: FormState, in area: Rect, into buffer: inout Buffer) {
    let glyphs = state.settings.glyphs
    buffer.fill(area, with: Cell(" ", style: Style(.overlay)))
    var right = form.isDirty ? " modified " : ""
    if form.errorCount > 0 { right += " \(form.errorCount) problem\(form.errorCount == 1 ? "" : "s") " }
    let inner = Panel(form.title, glyphs: glyphs).focused().rightTitle(right).render(in: area, into: &buffer)
    guard inner.height >= 3, inner.width >= 20 else { return }
    let listArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
    let valueWidth = max(1, listArea.width - labelWidth - 2)
    let rows = layout(form, valueWidth: valueWidth)
    let focusRows = rows.indices.filter { rowField(rows[$0]) == form.focus }
    let first = focusRows.first ?? 0
    let last = focusRows.last ?? 0
    var offset = 0
    if last - offset >= listArea.height { offset = last - listArea.height + 1 }
    if first < offset { offset = first }
    offset = max(0, min(offset, max(0, first - 1)))
    var cursorAt: Point?
    for (screenRow, row) in rows.dropFirst(offset).prefix(listArea.height).enumerated() {
      let y = listArea.y + screenRow
      let valueX = listArea.x + labelWidth + 2
      switch row {
      case .section(let title):
        buffer.put(title, x: listArea.x, y: y, style: Style(.header, emphasis: .bold), maxWidth: listArea.width)
      case .value(let index, let line, let text):
        let field = form.fields[index]
        let focused = index == form.focus
        if line == 0 {
          let label = TextWidth.pad(field.label, toWidth: labelWidth, align: .right)
          buffer.put(label, x: listArea.x, y: y, style: Style(field.error != nil ? .fieldError : .fieldLabel, emphasis: focused ? .bold : .none), maxWidth: labelWidth)
          if focused { buffer.put(glyphs.selectionMarker, x: listArea.x + labelWidth, y: y, style: Style(.fieldFocus), maxWidth: 1) }
        }
        let editing = focused && form.editor != nil
        let style: Style =
          field.kind == .readOnly ? Style(.muted)
          : editing ? Style(.input) : focused ? Style(.fieldValue, emphasis: .focused) : Style(.fieldValue)
        if editing || focused { buffer.fill(Rect(x: valueX, y: y, width: valueWidth, height: 1), with: Cell(" ", style: style)) }
        let shown = displayText(field, text)
        buffer.put(shown, x: valueX, y: y, style: style, maxWidth: valueWidth)
        if editing, let editor = form.editor, case .choice = field.kind {
          _ = editor
        } else if editing, let editor = form.editor {
          let position = editor.editing.cursorPosition
          if position.line == line {
            let before = String(editor.editing.lines[line].prefix(position.column))
            let column = min(valueWidth - 1, TextWidth.columns(of: before))
            let x = valueX + column
            let under = x < buffer.width ? buffer[x, y].symbol : " "
            buffer.setCell(Cell(under.isEmpty ? " " : under, style: Style(.input, emphasis: .selected)), x: x, y: y)
            cursorAt = Point(x: x, y: y)
          }
        }
      case .more(let index, let count):
        let focused = index == form.focus
        buffer.put("(+\(count) more line\(count == 1 ? "" : "s"); Enter to see all)", x: valueX, y: y, style: Style(.muted, emphasis: focused ? .focused : .none), maxWidth: valueWidth)
      case .problem(_, let text):
        buffer.put("\(glyphs.arrowRight) " + text, x: valueX, y: y, style: Style(.fieldError), maxWidth: valueWidth)
      case .spacer:
        break
      }
    }
    // The bottom line: the form's message, else what the focused field expects.
    let bottom = Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1)
    if form.confirmingLeave {
      buffer.put("Leave without saving? y discard · s save · n keep editing", x: bottom.x, y: bottom.y, style: Style(.warning, emphasis: .bold), maxWidth: bottom.width)
    } else if let message = form.message {
      buffer.put(message, x: bottom.x, y: bottom.y, style: Style(form.errorCount > 0 ? .fieldError : .info), maxWidth: bottom.width)
    } else if form.fields.indices.contains(form.focus) {
      buffer.put(form.fields[form.focus].help, x: bottom.x, y: bottom.y, style: Style(.muted), maxWidth: bottom.width)
    }
    if let editor = form.editor, form.fields.indices.contains(form.focus) {
      popups(form, editor, anchor: cursorAt, area: area, glyphs: glyphs, into: &buffer)
    }
  }

  /// Pick list for a choice; suggestions for countries and corridors.
  static func popups(_ form: FormState, _ editor: FieldEditor, anchor: Point?, area: Rect, glyphs: GlyphSet, into buffer: inout Buffer) {
    let field = form.fields[form.focus]
    var items: [String] = []
    var selected: Int?
    var title = ""
    if case .choice(let options, let allowsNone) = field.kind {
      items = (allowsNone ? ["(none)"] : []) + options
      selected = editor.pick
      title = field.label
    } else if !editor.suggestions.isEmpty {
      items = editor.suggestions.map(\.label)
      selected = editor.suggestion
      title = "matches (↓ Enter)"
    }
    guard !items.isEmpty else { return }
    let width = min(area.width - 2, max(TextWidth.columns(of: title) + 4, (items.map { TextWidth.columns(of: $0) }.max() ?? 10) + 4))
    let height = min(area.height - 2, items.count + 2)
    let anchorY = anchor?.y ?? (area.y + area.height / 3)
    var y = anchorY + 1
    if y + height > area.maxY { y = max(area.y, anchorY - height) }
    let x = min(max(area.x, area.x + labelWidth + 3), area.maxX - width)
    let box = Rect(x: x, y: y, width: width, height: height)
    buffer.fill(box, with: Cell(" ", style: Style(.overlay)))
    let inner = Panel(title, glyphs: glyphs).focused().render(in: box, into: &buffer)
    var state = ListState(selected: selected)
    ListView(items: items.map { ListItem($0) }, state: state, glyphs: glyphs).render(in: inner, into: &buffer, state: &state)
  }

  static func displayText(_ field: FormField, _ text: String) -> String {
    if case .choice(_, let allowsNone) = field.kind, text.isEmpty, allowsNone { return "(none)" }
    return text
  }

  static func rowField(_ row: Row) -> Int? {
    switch row {
    case .value(let field, _, _), .more(let field, _), .problem(let field, _): field
    case .section, .spacer: nil
    }
  }

  /// All rows of the form: a header per section, one row per line of a
  /// field's value (three at most unless it is being edited), and a row
  /// for each problem.
  static func layout(_ form: FormState, valueWidth: Int) -> [Row] {
    var rows: [Row] = []
    var section = ""
    for (index, field) in form.fields.enumerated() {
      if field.section != section {
        if !rows.isEmpty { rows.append(.spacer) }
        rows.append(.section(field.section))
        section = field.section
      }
      let editing = index == form.focus && form.editor != nil
      let lines = field.kind.isMultiline ? field.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) : [field.text]
      let limit = editing ? max(lines.count, 1) : 3
      for (line, text) in lines.prefix(limit).enumerated() { rows.append(.value(field: index, line: line, text: text)) }
      if lines.isEmpty { rows.append(.value(field: index, line: 0, text: "")) }
      if lines.count > limit { rows.append(.more(field: index, count: lines.count - limit)) }
      if let error = field.error {
        for chunk in TextWidth.wrap(error, width: max(10, valueWidth - 2)).prefix(3) { rows.append(.problem(field: index, text: chunk)) }
      }
    }
    return rows
  }
}
