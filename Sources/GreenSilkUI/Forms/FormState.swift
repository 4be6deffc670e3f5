import GreenSilkCore

/// What a form edits: a project or an activity, the version it started
/// from (`original`, nil for a new record) and the record the field texts
/// are applied onto (`base`).
public enum FormSubject: Hashable, Sendable {
  case project(base: Project, original: Project?)
  case activity(base: EnvoyActivity, original: EnvoyActivity?)

  public var recordID: String {
    switch self {
    case .project(let base, _): base.id
    case .activity(let base, _): base.id
    }
  }

  public var isNew: Bool {
    switch self {
    case .project(_, let original): original == nil
    case .activity(_, let original): original == nil
    }
  }

  public var noun: String {
    switch self {
    case .project: "project"
    case .activity: "activity"
    }
  }
}

/// An open form: the fields' texts, the focus, the field being edited,
/// and what is pending (a confirm to leave, a save in flight).
public struct FormState: Hashable, Sendable {
  public var subject: FormSubject
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

  public init(subject: FormSubject, fields: [FormField]) {
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

  // MARK: - Opening

  public static func editing(_ project: Project, context: FormContext) -> FormState {
    FormState(subject: .project(base: project, original: project), fields: makeFields(ProjectForm.specs, project, context))
  }

  public static func creating(_ project: Project, context: FormContext) -> FormState {
    FormState(subject: .project(base: project, original: nil), fields: makeFields(ProjectForm.specs, project, context))
  }

  public static func editing(_ activity: EnvoyActivity, context: FormContext) -> FormState {
    FormState(subject: .activity(base: activity, original: activity), fields: makeFields(ActivityForm.specs, activity, context))
  }

  public static func creating(_ activity: EnvoyActivity, context: FormContext) -> FormState {
    FormState(subject: .activity(base: activity, original: nil), fields: makeFields(ActivityForm.specs, activity, context))
  }

  static func makeFields<R>(_ specs: [FieldSpec<R>], _ record: R, _ context: FormContext) -> [FormField] {
    specs.map { spec in
      let text = spec.read(record, context)
      return FormField(
        key: spec.key, label: spec.label, section: spec.section, kind: spec.kind, help: spec.help, text: text,
        original: text, error: nil)
    }
  }

  // MARK: - Validation

  /// Re-checks one field's text on its own (as the user types or leaves it).
  public mutating func validateField(_ index: Int, context: FormContext) {
    guard fields.indices.contains(index) else { return }
    let text = fields[index].text
    switch subject {
    case .project(let base, _):
      var scratch = base
      fields[index].error = Self.problem(ProjectForm.specs[index], text, &scratch, context)
    case .activity(let base, _):
      var scratch = base
      fields[index].error = Self.problem(ActivityForm.specs[index], text, &scratch, context)
    }
  }

  static func problem<R>(_ spec: FieldSpec<R>, _ text: String, _ record: inout R, _ context: FormContext) -> String? {
    do {
      try spec.apply(text, &record, context)
      return nil
    } catch {
      return error.message
    }
  }

  /// The record the form describes, or nil with every problem marked on
  /// its field: field syntax first, then the record rules, then (when the
  /// stage changes) the stage rules, which say what to fill in first.
  public mutating func assemble(context: FormContext) -> Assembled? {
    for index in fields.indices { fields[index].error = nil }
    switch subject {
    case .project(let base, let original):
      var project = base
      apply(ProjectForm.specs, to: &project, context)
      guard errorCount == 0 else { return nil }
      for problem in RecordRules.check(project) {
        mark(ProjectForm.field(forRule: problem.rule), dropID(problem.message, project.id))
      }
      if let original, original.stage != project.stage {
        var moving = project
        moving.stage = original.stage
        for violation in StageRules.violations(moving: moving, to: project.stage) {
          markRule(violation)
        }
      } else if original == nil {
        for violation in StageRules.preconditions(project, at: project.stage) { markRule(violation) }
      }
      return errorCount == 0 ? .project(project, original: original) : nil
    case .activity(let base, let original):
      var activity = base
      apply(ActivityForm.specs, to: &activity, context)
      guard errorCount == 0 else { return nil }
      for problem in RecordRules.check(activity) {
        mark(ActivityForm.field(forRule: problem.rule), dropID(problem.message, activity.id))
      }
      return errorCount == 0 ? .activity(activity, original: original) : nil
    }
  }

  /// A record ready to save, with the version it started from.
  public enum Assembled: Hashable, Sendable {
    case project(Project, original: Project?)
    case activity(EnvoyActivity, original: EnvoyActivity?)
  }

  mutating func apply<R>(_ specs: [FieldSpec<R>], to record: inout R, _ context: FormContext) {
    for (index, spec) in specs.enumerated() where index < fields.count {
      fields[index].error = Self.problem(spec, fields[index].text, &record, context)
    }
  }

  /// Puts a stage rule's message on the stage field and a short note on
  /// each field it asks for, so the cursor can go straight to them.
  mutating func markRule(_ violation: RuleViolation) {
    mark("stage", "\(violation.message) [\(violation.rule)]")
    for key in violation.fields where key != "stage" {
      mark(key, "needed to move to this stage (\(violation.rule))")
    }
  }

  mutating func mark(_ key: String, _ message: String) {
    guard let index = index(of: key), fields[index].error == nil else { return }
    fields[index].error = message
  }

  func dropID(_ message: String, _ id: String) -> String {
    message.hasPrefix(id + ": ") ? String(message.dropFirst(id.count + 2)) : message
  }

  /// Moves the focus to the first field with a problem.
  public mutating func focusFirstError() {
    if let first = fields.firstIndex(where: { $0.error != nil }) { focus = first }
  }
}
