import GreenSilkCore

/// Keys while a form is open.
extension AppReducer {
  static func formKey(_ key: Key, _ state: inout AppState) -> [AppEffect] {
    guard var form = state.form else { return [] }
    var closing = false
    defer { state.form = closing ? nil : form }
    let context = FormContext(countryNames: state.data.countryNames)
    if form.isSaving { return [] }
    if form.confirmingLeave {
      switch key {
      case .character("y"), .character("d"):
        closing = true
        state.status = StatusMessage("changes to \(form.subject.recordID) discarded")
        return []
      case .character("s"), .ctrl("s"):
        form.confirmingLeave = false
        return save(&form, context)
      default:
        form.confirmingLeave = false
        return []
      }
    }
    if form.editor != nil { return editingKey(key, &form, context, refusal: state.settings.externalEditorRefusal) }
    switch key {
    case .tab, .down, .character("j"): moveFocus(&form, by: 1)
    case .backTab, .up, .character("k"): moveFocus(&form, by: -1)
    case .pageDown: moveFocus(&form, by: 10)
    case .pageUp: moveFocus(&form, by: -10)
    case .enter, .character("i"): beginEditing(&form, context)
    case .ctrl("s"): return save(&form, context)
    case .ctrl("e"): return externalEditor(&form, refusal: state.settings.externalEditorRefusal)
    case .escape, .character("q"):
      if form.isDirty {
        form.confirmingLeave = true
      } else {
        closing = true
      }
    case .character(let c):
      // Typing on a text field starts editing it.
      if isTextual(form.fields[form.focus].kind) {
        beginEditing(&form, context)
        _ = form.editor?.editing.handle(.character(c))
        afterEdit(&form, context)
      }
    default: break
    }
    return []
  }

  static func isTextual(_ kind: FieldKind) -> Bool {
    switch kind {
    case .text, .multiline, .list, .date, .amount, .countries, .corridors: true
    case .choice, .readOnly: false
    }
  }

  static func moveFocus(_ form: inout FormState, by delta: Int) {
    var index = form.focus
    let step = delta > 0 ? 1 : -1
    var remaining = abs(delta)
    while remaining > 0 {
      let next = index + step
      guard form.fields.indices.contains(next) else { break }
      index = next
      if form.fields[index].kind != .readOnly { remaining -= 1 }
    }
    if form.fields[index].kind != .readOnly { form.focus = index }
  }

  static func beginEditing(_ form: inout FormState, _ context: FormContext) {
    let field = form.fields[form.focus]
    guard field.kind != .readOnly else { return }
    var editor = FieldEditor(editing: TextEditing(field.text, multiline: field.kind.isMultiline), before: field.text)
    if case .choice(let options, let allowsNone) = field.kind {
      let all = (allowsNone ? [""] : []) + options
      editor.pick = all.firstIndex(of: field.text) ?? 0
    }
    form.editor = editor
    form.message = nil
  }

  /// Keys while one field is being edited.
  static func editingKey(_ key: Key, _ form: inout FormState, _ context: FormContext, refusal: String? = nil) -> [AppEffect] {
    guard var editor = form.editor else { return [] }
    let field = form.fields[form.focus]
    if case .choice(let options, let allowsNone) = field.kind {
      let all = (allowsNone ? [""] : []) + options
      switch key {
      case .up, .character("k"): editor.pick = max(0, (editor.pick ?? 0) - 1)
      case .down, .character("j"): editor.pick = min(all.count - 1, (editor.pick ?? 0) + 1)
      case .enter, .tab, .backTab:
        form.fields[form.focus].text = all[editor.pick ?? 0]
        form.editor = nil
        form.validateField(form.focus, context: context)
        if key == .tab { moveFocus(&form, by: 1) }
        if key == .backTab { moveFocus(&form, by: -1) }
        return []
      case .escape:
        form.editor = nil
        return []
      case .character(let c):
        // Jump to the next option starting with the typed letter.
        let lower = Character(c.lowercased())
        let start = (editor.pick ?? 0) + 1
        let order = Array(start..<all.count) + Array(0..<start)
        if let hit = order.first(where: { all[$0].lowercased().first == lower }) { editor.pick = hit }
      default: break
      }
      form.editor = editor
      return []
    }
    switch key {
    case .escape:
      if editor.suggestion != nil {
        editor.suggestion = nil
        form.editor = editor
        return []
      }
      form.fields[form.focus].text = editor.before
      form.editor = nil
      form.validateField(form.focus, context: context)
      return []
    case .tab, .backTab:
      commit(&form, context)
      moveFocus(&form, by: key == .tab ? 1 : -1)
      return []
    case .ctrl("s"):
      commit(&form, context)
      return save(&form, context)
    case .ctrl("e"):
      commit(&form, context)
      return externalEditor(&form, refusal: refusal)
    case .down where field.kind.completes && !editor.suggestions.isEmpty:
      editor.suggestion = min((editor.suggestion ?? -1) + 1, editor.suggestions.count - 1)
      form.editor = editor
      return []
    case .up where editor.suggestion != nil:
      editor.suggestion = (editor.suggestion ?? 0) > 0 ? (editor.suggestion ?? 0) - 1 : nil
      form.editor = editor
      return []
    case .enter where editor.suggestion != nil:
      if let index = editor.suggestion { editor.editing.replace(with: completing(editor.editing.text, with: editor.suggestions[index].value)) }
      editor.suggestion = nil
      form.editor = editor
      afterEdit(&form, context)
      return []
    case .enter where !field.kind.isMultiline:
      commit(&form, context)
      return []
    default:
      if editor.editing.handle(key) {
        form.editor = editor
        afterEdit(&form, context)
      }
      return []
    }
  }

  /// After every keystroke: the field's text, its check, its suggestions.
  static func afterEdit(_ form: inout FormState, _ context: FormContext) {
    guard var editor = form.editor else { return }
    form.fields[form.focus].text = editor.editing.text
    form.validateField(form.focus, context: context)
    let field = form.fields[form.focus]
    if field.kind.completes {
      editor.suggestions = Completion.suggestions(for: editor.editing.text, kind: field.kind, context: context)
      editor.suggestion = nil
      // While the token is unfinished, its "unknown" error is noise.
      if !editor.suggestions.isEmpty { form.fields[form.focus].error = nil }
    }
    form.editor = editor
  }

  static func commit(_ form: inout FormState, _ context: FormContext) {
    guard let editor = form.editor else { return }
    form.fields[form.focus].text = editor.editing.text
    form.editor = nil
    form.validateField(form.focus, context: context)
  }

  /// `MYS, TH` + `THA` → `MYS, THA, `.
  static func completing(_ text: String, with value: String) -> String {
    var parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    if parts.isEmpty { parts = [""] }
    parts[parts.count - 1] = " " + value
    return parts.joined(separator: ",").trimmingSpaces() + ", "
  }

  static func save(_ form: inout FormState, _ context: FormContext) -> [AppEffect] {
    guard let assembled = form.assemble(context: context) else {
      form.focusFirstError()
      let count = form.errorCount
      form.message = "\(count) problem\(count == 1 ? "" : "s") marked — fix \(count == 1 ? "it" : "them") to save"
      return []
    }
    if !form.subject.isNew && !form.isDirty {
      form.message = "nothing changed"
      return []
    }
    form.isSaving = true
    form.message = "saving…"
    return [.save(assembled, verb: form.subject.isNew ? "created" : "saved")]
  }

  static func externalEditor(_ form: inout FormState, refusal: String?) -> [AppEffect] {
    let field = form.fields[form.focus]
    guard isTextual(field.kind) else { return [] }
    if let refusal {
      form.message = refusal
      return []
    }
    return [.openExternalEditor(field.text)]
  }

  /// Text back from `$EDITOR` replaces the focused field.
  static func externalEditorFinished(_ text: String?, _ state: inout AppState) {
    guard var form = state.form else { return }
    guard let text else {
      state.status = StatusMessage("the editor did not run (is $EDITOR set?); nothing changed", kind: .warning)
      return
    }
    let field = form.fields[form.focus]
    var cleaned = text
    while cleaned.hasSuffix("\n") { cleaned.removeLast() }
    form.fields[form.focus].text = field.kind.isMultiline ? cleaned : cleaned.withLineBreaksAsSpaces()
    form.editor = nil
    form.validateField(form.focus, context: FormContext(countryNames: state.data.countryNames))
    state.form = form
  }
}

/// Type-ahead for countries and corridors: matches for the token being
/// typed (after the last comma), by code prefix first, then by name.
enum Completion {
  static func suggestions(for text: String, kind: FieldKind, context: FormContext, limit: Int = 6) -> [Suggestion] {
    let token = String(text.split(separator: ",", omittingEmptySubsequences: false).last ?? "").trimmingSpaces()
    guard !token.isEmpty else { return [] }
    let lower = token.lowercased()
    switch kind {
    case .corridors:
      return CorridorCode.allCases.filter { $0.rawValue.lowercased().hasPrefix(lower) && $0.rawValue.lowercased() != lower }
        .prefix(limit).map { Suggestion(value: $0.rawValue, label: $0.rawValue) }
    case .countries:
      if let exact = CountryCode(token), context.countryNames[exact] != nil, token.count == 3 { return [] }
      let entries = context.countryNames.sorted { $0.key < $1.key }
      var byCode = entries.filter { $0.key.description.lowercased().hasPrefix(lower) }
      let byName = entries.filter { entry in
        !byCode.contains { $0.key == entry.key } && entry.value.lowercased().contains(lower)
      }
      byCode += byName.sorted { ($0.value.lowercased().hasPrefix(lower) ? 0 : 1, $0.value) < ($1.value.lowercased().hasPrefix(lower) ? 0 : 1, $1.value) }
      return byCode.prefix(limit).map { Suggestion(value: $0.key.description, label: "\($0.key)  \($0.value)") }
    default:
      return []
    }
  }
}
