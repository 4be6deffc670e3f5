import GreenSilkCore

/// Runs the editing effects against the store and says how they went. The
/// dashboard's runtime and the tests share it, so that what is tested is
/// what runs.
public struct EditRunner: Sendable {
  public let editor: RecordEditor

  public init(editor: RecordEditor) { self.editor = editor }

  /// The outcome of a save, delete or revert effect; nil for other effects.
  public func outcome(of effect: AppEffect) -> EditOutcome? {
    switch effect {
    case .save(let assembled, let verb): return save(assembled, verb: verb)
    case .deleteProject(let project):
      return delete(.project(SessionChange(before: project, after: nil, summary: project.id))) { try editor.delete(project) }
    case .deleteActivity(let activity):
      return delete(.activity(SessionChange(before: activity, after: nil, summary: activity.id))) { try editor.delete(activity) }
    case .revert(let change, let undo):
      do {
        return .reverted(try editor.revert(change, action: undo ? "undo" : "redo"), undo: undo)
      } catch {
        return .failed("cannot \(undo ? "undo" : "redo") \(change.summary): \(error)")
      }
    default:
      return nil
    }
  }

  func save(_ assembled: FormState.Assembled, verb: String) -> EditOutcome {
    let action = verb == "moved" ? "stage" : verb == "merged" ? "merge" : "update"
    do {
      switch assembled {
      case .project(let project, let original):
        let saved = try original.map { try editor.update(project, from: $0, action: action) } ?? editor.create(project)
        return .saved(.project(SessionChange(before: original, after: saved, summary: SessionChange.describe(before: original, after: saved))), verb: verb)
      case .activity(let activity, let original):
        let saved = try original.map { try editor.update(activity, from: $0, action: action) } ?? editor.create(activity)
        return .saved(.activity(SessionChange(before: original, after: saved, summary: SessionChange.describe(before: original, after: saved))), verb: verb)
      }
    } catch StoreError.conflict(let conflict) {
      return .conflict(conflict, attempted: assembled)
    } catch {
      return .failed("not saved: \(error)")
    }
  }

  func delete(_ change: EditedRecord, _ body: () throws -> Void) -> EditOutcome {
    do {
      try body()
      return .saved(change, verb: "deleted")
    } catch {
      return .failed("not deleted: \(error)")
    }
  }
}
