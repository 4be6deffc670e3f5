import GreenSilkCore

/// Keys while a dialog is open.
extension AppReducer {
  static func dialogKey(_ key: Key, _ state: inout AppState) -> [AppEffect] {
    guard let dialog = state.dialog else { return [] }
    switch dialog {
    case .confirmDelete(let target):
      switch key {
      case .character("y"):
        state.dialog = nil
        return [.delete(target)]
      case .character("n"), .escape, .enter, .character("q"):
        state.dialog = nil
        state.status = StatusMessage("kept \(target.label)")
      default: break
      }
      return []
    case .moveStage(var move):
      defer { if case .moveStage = state.dialog { state.dialog = .moveStage(move) } }
      return moveKey(key, &move, &state)
    case .conflict(var conflict):
      defer { if case .conflict = state.dialog { state.dialog = .conflict(conflict) } }
      return conflictKey(key, &conflict, &state)
    case .syncConflicts(var list):
      defer { if case .syncConflicts = state.dialog { state.dialog = .syncConflicts(list) } }
      return conflictListKey(key, &list, &state)
    case .restoreDraft(_, let form):
      switch key {
      case .character("r"), .enter:
        state.dialog = nil
        state.form = form
        state.status = StatusMessage("draft restored: every field as it was; Ctrl-S saves", kind: .success)
        return [.discardDraft]
      case .character("d"):
        state.dialog = nil
        state.status = StatusMessage("draft discarded")
        return [.discardDraft]
      case .escape, .character("q"):
        state.dialog = nil
        state.status = StatusMessage("draft kept for later (it is offered again at the next start)")
      default: break
      }
      return []
    }
  }

  static func moveKey(_ key: Key, _ move: inout MoveState, _ state: inout AppState) -> [AppEffect] {
    if var reason = move.reason {
      switch key {
      case .escape: move.reason = nil
      case .enter: return attemptMove(&move, &state)
      default:
        _ = reason.handle(key)
        move.reason = reason
      }
      return []
    }
    switch key {
    case .up, .character("k"): move.selected = max(0, move.selected - 1)
    case .down, .character("j"): move.selected = min(move.targets.count - 1, move.selected + 1)
    case .escape, .character("q"): state.dialog = nil
    case .enter:
      guard let target = move.target else { return [] }
      if target == .cancelled || target == .suspended {
        move.reason = TextEditing(move.project.stageReason ?? "", multiline: false)
        return []
      }
      return attemptMove(&move, &state)
    default: break
    }
    return []
  }

  /// Runs the stage rules; a refused move opens the form on the fields
  /// the rules ask for, with the target stage already chosen.
  static func attemptMove(_ move: inout MoveState, _ state: inout AppState) -> [AppEffect] {
    guard let target = move.target else { return [] }
    var project = move.project
    if let reason = move.reason { project.stageReason = FieldSyntax.optionalText(reason.text) }
    switch StageRules.move(project, to: target) {
    case .success(let moved):
      state.dialog = nil
      return [.save(RecordEdit(moved, original: move.project), verb: "moved")]
    case .failure(let refused):
      let context = FormContext(countryNames: state.data.countryNames)
      var form = FormState.editing(move.project, context: context)
      let stage = ProjectField.stage.path
      if let index = form.index(of: stage) { form.fields[index].text = target.label }
      if let index = form.index(of: ProjectField.stageReason.path) { form.fields[index].text = project.stageReason ?? "" }
      for violation in refused.violations { form.markRule(violation) }
      form.focusFirstError()
      if let first = form.fields.firstIndex(where: { $0.error != nil && $0.key != stage.name }) { form.focus = first }
      form.message = "move refused: " + (refused.violations.first?.message ?? "") + " — fill in the marked fields, then Ctrl-S"
      state.dialog = nil
      state.form = form
      state.status = StatusMessage("move refused [\(refused.violations.map(\.rule).joined(separator: ", "))]", kind: .warning)
      return []
    }
  }

  static func conflictKey(_ key: Key, _ conflict: inout ConflictState, _ state: inout AppState) -> [AppEffect] {
    switch key {
    case .up, .character("k"): conflict.selected = max(0, conflict.selected - 1)
    case .down, .character("j"): conflict.selected = min(max(0, conflict.rows.count - 1), conflict.selected + 1)
    case .left, .right, .character(" "):
      if conflict.rows.indices.contains(conflict.selected) { conflict.rows[conflict.selected].takeTheirs.toggle() }
    case .character("m"):
      for index in conflict.rows.indices { conflict.rows[index].takeTheirs = false }
    case .character("t"):
      for index in conflict.rows.indices { conflict.rows[index].takeTheirs = true }
    case .escape where conflict.held != nil:
      state.dialog = .syncConflicts(SyncConflictList())
    case .escape:
      // Back to the form, every edit still there.
      state.dialog = nil
      state.form = conflict.form
      state.status = StatusMessage("not saved yet — your edits are still in the form", kind: .warning)
    case .enter, .ctrl("s"):
      if conflict.held != nil { return resolveHeldConflict(conflict, &state) }
      do {
        guard let merged = try conflict.merged() else { return [] }
        if conflict.rows.allSatisfy(\.takeTheirs), conflict.theirs != nil {
          state.dialog = nil
          state.form = nil
          state.status = StatusMessage("took the other version; nothing of yours was saved")
          return [.reloadData]
        }
        state.dialog = nil
        state.form?.isSaving = true
        return [.save(merged, verb: "merged")]
      } catch {
        state.status = StatusMessage("merge failed: \(error)", kind: .error)
      }
    default: break
    }
    return []
  }
}
