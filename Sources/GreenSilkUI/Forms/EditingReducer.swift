import GreenSilkCore

/// Keys and results of editing: n e D m u Ctrl-R, the open form, the
/// dialogs, and what the store answered.
extension AppReducer {
  /// Runs an editing command (the key map decides where they apply).
  static func editCommand(_ command: Command, _ state: inout AppState) -> [AppEffect] {
    if state.settings.readOnly {
      let reason = state.settings.readOnlyReason ?? "read-only"
      state.status = StatusMessage("read-only (\(reason)): editing is off and nothing is written", kind: .warning)
      return []
    }
    let context = FormContext(countryNames: state.data.countryNames)
    switch command {
    case .newRecord:
      // A corridor-limited editor may create projects (the save checks
      // that the new one is in their corridors), not activities.
      if editedType(state) == EnvoyActivity.self, refused(newRecord(state), &state) { return [] }
      state.form = .creating(newRecord(state).base, context: context)
    case .editRecord:
      guard let record = selectedRecord(state) else { return nothingSelected(&state) }
      if refused(record, &state) { return [] }
      state.form = .editing(record.base, context: context)
    case .deleteRecord:
      guard let record = selectedRecord(state) else { return nothingSelected(&state) }
      if refused(record, &state) { return [] }
      state.dialog = .confirmDelete(record)
    case .moveStage:
      guard let project = selectedRecord(state)?.typed(Project.self) else { return nothingSelected(&state) }
      if refused(AnyEditableRecord(project), &state) { return [] }
      state.dialog = .moveStage(MoveState(project: project))
    case .undo:
      guard let change = state.history.nextUndo else {
        state.status = StatusMessage("nothing to undo")
        return []
      }
      return [.revert(change, undo: true)]
    case .redo:
      guard let change = state.history.nextRedo else {
        state.status = StatusMessage("nothing to redo")
        return []
      }
      return [.revert(change, undo: false)]
    default:
      return []
    }
    return []
  }

  /// Whether the session's pinned role refuses to change `record`; if so
  /// the status line says who and why ("P-0042 is read-only for alice:
  /// this key edits projects in CPEC only; P-0042 is in NELB").
  static func refused(_ record: AnyEditableRecord, _ state: inout AppState) -> Bool {
    guard let reason = record.refusal(by: state.access) else { return false }
    state.status = StatusMessage(reason, kind: .warning)
    return true
  }

  static func nothingSelected(_ state: inout AppState) -> [AppEffect] {
    state.status = StatusMessage("select a \(editedType(state).kind) first", kind: .warning)
    return []
  }

  /// The record type the edit keys act on here: activities on the Envoys
  /// screen, projects everywhere else.
  static func editedType(_ state: AppState) -> any EditableRecord.Type {
    state.screen == .envoys ? EnvoyActivity.self : Project.self
  }

  /// The record the edit keys act on: the selected one of the screen's type.
  static func selectedRecord(_ state: AppState) -> AnyEditableRecord? {
    if editedType(state) == EnvoyActivity.self { return selectedActivity(state).map(AnyEditableRecord.init) }
    return recordProject(state).map(AnyEditableRecord.init)
  }

  /// A new record of the screen's type.
  static func newRecord(_ state: AppState) -> AnyEditableRecord {
    editedType(state) == EnvoyActivity.self ? AnyEditableRecord(newActivity(state)) : AnyEditableRecord(newProject(state))
  }

  /// The project an edit key acts on: the detail's, else the cursor's.
  static func recordProject(_ state: AppState) -> Project? {
    if state.screen == .detail, let id = state.detail.projectID { return state.data.project(id: id) }
    return currentProject(state)
  }

  static func selectedActivity(_ state: AppState) -> EnvoyActivity? {
    guard let row = state.envoys.table.selected, row < state.envoys.order.count else { return nil }
    return state.data.activities[Int(state.envoys.order[row])]
  }

  /// A new project: the next free id, the corridor or facets in view.
  static func newProject(_ state: AppState) -> Project {
    var project = Project(
      id: nextID(prefix: "P-", existing: state.data.projects.map(\.id)), title: "", stage: .concept,
      source: SourceRef(dataset: "local"))
    if state.screen == .corridors { project.corridors = [state.corridors.corridor] }
    if state.screen == .pipeline {
      let facets = state.pipeline.facets
      if let corridor = facets.corridor { project.corridors = [corridor] }
      project.area = facets.area
    }
    return project
  }

  static func newActivity(_ state: AppState) -> EnvoyActivity {
    let today = state.clock.day
    return EnvoyActivity(
      id: nextID(prefix: "E-", existing: state.data.activities.map(\.id)), title: "", kind: .training,
      focus: .capacityBuilding, host: "", location: "", start: today, end: today, source: SourceRef(dataset: "local"))
  }

  /// `P-0102` after the highest `P-####` in use.
  static func nextID(prefix: String, existing: [String]) -> String {
    let highest = existing.compactMap { $0.hasPrefix(prefix) ? Int($0.dropFirst(prefix.count)) : nil }.max() ?? 0
    let digits = String(highest + 1)
    return prefix + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  // MARK: - Results from the store

  static func editFinished(_ outcome: EditOutcome, _ state: inout AppState) {
    switch outcome {
    case .saved(let change, let verb):
      state.history.record(change)
      applyChange(change, &state)
      state.form = nil
      state.dialog = nil
      state.status = StatusMessage("\(verb) \(saveSummary(change))", kind: .success)
    case .reverted(let inverse, let undo):
      if undo { state.history.undone(inverse) } else { state.history.redone(inverse) }
      applyChange(inverse, &state)
      state.status = StatusMessage((undo ? "undone: " : "redone: ") + revertSummary(inverse, undo: undo), kind: .success)
    case .conflict(let conflict, let attempted):
      state.form?.isSaving = false
      state.dialog = .conflict(ConflictState.make(conflict, attempted: attempted, form: state.form))
      state.status = StatusMessage(conflict.description, kind: .warning)
    case .failed(let message):
      state.form?.isSaving = false
      state.status = StatusMessage(message, kind: .error)
    }
  }

  /// Puts a saved change into the loaded data and keeps the cursors on it.
  static func applyChange(_ change: EditedRecord, _ state: inout AppState) {
    var data = state.data
    change.apply(to: &data)
    replaceContext(&state, data: data, issues: state.context.issues)
    if let after = change.after?.typed(Project.self) {
      state.pipeline.reselect(after.id, state.context)
      if state.detail.projectID == nil { state.detail.projectID = after.id }
    }
  }

  /// "stage of P-0042 back to screening" (undo), "stage of P-0042 to
  /// approved again" (redo), "title and budget amount of P-0042 restored".
  static func revertSummary(_ change: EditedRecord, undo: Bool) -> String {
    guard let now = change.after else { return "\(change.before?.id ?? "") deleted" + (undo ? "" : " again") }
    guard change.before != nil else { return "\(now.id) " + (undo ? "restored" : "created again") }
    let changes = change.fieldChanges
    let names = changes.map { change.phrase(ofField: $0.field) }
    if changes.count == 1, let only = changes.first {
      let value = only.new.map(plain) ?? "none"
      return "\(names[0]) of \(now.id) " + (undo ? "back to \(value)" : "to \(value) again")
    }
    let list = names.count == 2 ? "\(names[0]) and \(names[1])" : "\(names.count) fields"
    return "\(list) of \(now.id) " + (undo ? "restored" : "changed again")
  }

  /// "P-0042 (title, stage)" for the status line after a save.
  static func saveSummary(_ change: EditedRecord) -> String {
    guard change.before != nil, let after = change.after else { return (change.after ?? change.before)?.id ?? "" }
    let names = change.fieldChanges.map { change.phrase(ofField: $0.field) }
    return after.id + (names.isEmpty ? "" : " (" + names.joined(separator: ", ") + ")")
  }

  /// A JSON value as plain text (`"screening"` → screening).
  static func plain(_ json: String) -> String {
    json.count >= 2 && json.hasPrefix("\"") && json.hasSuffix("\"") ? String(json.dropFirst().dropLast()) : json
  }
}

extension String {
  func replacingOccurrences(of target: Character, with replacement: String) -> String {
    var out = ""
    for character in self { if character == target { out += replacement } else { out.append(character) } }
    return out
  }
}
