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
    case .save(let edit, let verb): return save(edit, verb: verb)
    case .delete(let record):
      do {
        return .saved(try editor.delete(record), verb: "deleted")
      } catch {
        return .failed("not deleted: \(error)")
      }
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

  func save(_ edit: RecordEdit, verb: String) -> EditOutcome {
    let action = verb == "moved" ? "stage" : verb == "merged" ? "merge" : "update"
    do {
      return .saved(try editor.save(edit, action: action), verb: verb)
    } catch StoreError.conflict(let conflict) {
      return .conflict(conflict, attempted: edit)
    } catch {
      return .failed("not saved: \(error)")
    }
  }
}
