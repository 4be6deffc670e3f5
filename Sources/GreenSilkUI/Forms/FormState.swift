import GreenSilkCore

/// An open form: what it edits (a record of any editable type and the
/// version it started from), the fields' texts, the focus, the field
/// being edited, and what is pending (a confirm to leave, a save in
/// flight). The fields come from the record's declaration.
public struct FormState: Hashable, Sendable {
  /// A record ready to save, with the version it started from.
  public typealias Assembled = RecordEdit

  /// The record the field texts are applied onto, and its original (nil
  /// for a new record).
  public var subject: RecordEdit
  public var fields: [FormField]
  public var focus = 1
  public var editor: FieldEditor?
  public var scroll = 0
  /// Esc on a changed form asks first.
  public var confirmingLeave = false
  /// A save was requested and its result has not come back yet.
  public var isSaving = false
  /// A line for the form's own footer ("3 problems: fix them to save").
  public var message: String?

  public init(subject: RecordEdit, fields: [FormField]) {
    self.subject = subject
    self.fields = fields
    focus = fields.firstIndex { $0.kind != .readOnly } ?? 0
  }

  public var title: String {
    subject.isNew ? "New \(subject.noun) \(subject.recordID)" : "Edit \(subject.noun) \(subject.recordID)"
  }

  /// Whether any field differs from when the form opened.
  public var isDirty: Bool { fields.contains(where: \.isChanged) }

  public var errorCount: Int { fields.filter { $0.error != nil }.count }

  public func index(of key: String) -> Int? { fields.firstIndex { $0.key == key } }

  public func index(of field: FieldPath) -> Int? { index(of: field.name) }

  // MARK: - Opening

  public static func editing(_ record: some EditableRecord, context: FormContext) -> FormState {
    FormState(subject: RecordEdit(record, original: record), fields: record.formFields(context: context))
  }

  public static func creating(_ record: some EditableRecord, context: FormContext) -> FormState {
    FormState(subject: RecordEdit(record, original: nil), fields: record.formFields(context: context))
  }

  // MARK: - Validation

  /// Re-checks one field's text on its own (as the user types or leaves it).
  public mutating func validateField(_ index: Int, context: FormContext) {
    guard fields.indices.contains(index) else { return }
    fields[index].error = subject.record.base.problem(with: fields[index].text, inField: fields[index].key, context: context)
  }

  /// The record the form describes, or nil with every problem marked on
  /// its field: field syntax first, then the record rules, then the
  /// transition rules (a project's stage move), which say what to fill in
  /// first.
  public mutating func assemble(context: FormContext) -> Assembled? {
    for index in fields.indices { fields[index].error = nil }
    return subject.record.base.assemble(&self, context: context)
  }

  /// Puts a transition rule's message on the field it is about (the
  /// stage) and a short note on each field it asks for, so the cursor can
  /// go straight to them.
  mutating func markRule(_ violation: RuleViolation) {
    mark(violation.at, "\(violation.message) [\(violation.rule)]")
    for field in violation.fields where field != violation.at {
      mark(field, "needed to move to this stage (\(violation.rule))")
    }
  }

  /// Shows `message` on the field, unless it already has a problem.
  mutating func mark(_ field: FieldPath, _ message: String) {
    guard let index = index(of: field), fields[index].error == nil else { return }
    fields[index].error = message
  }

  /// Moves the focus to the first field with a problem.
  public mutating func focusFirstError() {
    if let first = fields.firstIndex(where: { $0.error != nil }) { focus = first }
  }
}

extension EditableRecord {
  /// The form's fields for this record, in form order, with their texts.
  func formFields(context: FormContext) -> [FormField] {
    Self.declaration.formFields.compactMap { field in
      guard let form = field.form else { return nil }
      let text = form.read(self, context)
      return FormField(
        key: field.name, label: field.label, section: form.section.rawValue, kind: form.kind, help: form.help, text: text,
        original: text, error: nil)
    }
  }

  /// The message for `text` in the field `key`, or nil when it is fine.
  func problem(with text: String, inField key: String, context: FormContext) -> String? {
    guard let form = Self.declaration.leaf(named: key)?.form else { return nil }
    var scratch = self
    do throws(FieldError) {
      try form.apply(text, &scratch, context)
      return nil
    } catch {
      return error.message
    }
  }

  /// Applies every field's text onto this record; marks the problems.
  func assemble(_ form: inout FormState, context: FormContext) -> RecordEdit? {
    var record = self
    for index in form.fields.indices {
      guard let binding = Self.declaration.leaf(named: form.fields[index].key)?.form else { continue }
      do throws(FieldError) {
        try binding.apply(form.fields[index].text, &record, context)
      } catch {
        form.fields[index].error = error.message
      }
    }
    guard form.errorCount == 0 else { return nil }
    for problem in record.problems {
      let message = problem.message.hasPrefix(record.id + ": ") ? String(problem.message.dropFirst(record.id.count + 2)) : problem.message
      // Every rule on an editable record names its field; one that did
      // not would still block the save, shown on the first field.
      if let field = problem.field {
        form.mark(field, message)
      } else if let first = form.fields.firstIndex(where: { $0.kind != .readOnly }), form.fields[first].error == nil {
        form.fields[first].error = message
      }
    }
    let original = sameType(form.subject.original)
    for violation in record.transitionViolations(from: original) { form.markRule(violation) }
    return form.errorCount == 0 ? RecordEdit(record, original: original) : nil
  }
}
