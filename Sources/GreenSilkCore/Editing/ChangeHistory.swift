/// One change made in this session, enough to undo or redo it: the record
/// before and after (nil before = created, nil after = deleted).
public struct SessionChange<R: StampedRecord>: Hashable, Sendable {
  public var before: R?
  public var after: R?
  /// For the status line: "title of P-0042", "stage of P-0042".
  public var summary: String

  public init(before: R?, after: R?, summary: String) {
    self.before = before
    self.after = after
    self.summary = summary
  }
}

/// A change to either kind of editable record.
public enum EditedRecord: Hashable, Sendable {
  case project(SessionChange<Project>)
  case activity(SessionChange<EnvoyActivity>)

  public var summary: String {
    switch self {
    case .project(let change): change.summary
    case .activity(let change): change.summary
    }
  }
}

/// The session's undo and redo stacks. Undo and redo are themselves saved
/// through the store like any edit (revision-checked), so undoing cannot
/// silently overwrite a colleague's later change.
public struct ChangeHistory: Hashable, Sendable {
  public private(set) var undoStack: [EditedRecord] = []
  public private(set) var redoStack: [EditedRecord] = []

  public init() {}

  /// Stacks as kept by `UndoJournal` (oldest first).
  public init(undoStack: [EditedRecord], redoStack: [EditedRecord]) {
    self.undoStack = undoStack
    self.redoStack = redoStack
  }

  /// A new change: it can be undone; anything undone before is no longer
  /// redoable (the usual linear history).
  public mutating func record(_ change: EditedRecord) {
    undoStack.append(change)
    redoStack.removeAll()
  }

  public var canUndo: Bool { !undoStack.isEmpty }
  public var canRedo: Bool { !redoStack.isEmpty }

  /// The change to undo next (not yet removed: remove it with
  /// `undone(_:)` once the store accepted the undo).
  public var nextUndo: EditedRecord? { undoStack.last }
  public var nextRedo: EditedRecord? { redoStack.last }

  /// The undo of the last change was saved; `current` is the change with
  /// the record as it now is on disk (its `after` refreshed), moved to the
  /// redo stack.
  public mutating func undone(_ current: EditedRecord) {
    _ = undoStack.popLast()
    redoStack.append(current)
  }

  public mutating func redone(_ current: EditedRecord) {
    _ = redoStack.popLast()
    undoStack.append(current)
  }
}

extension SessionChange {
  /// Describes how two versions differ, for the status line.
  public static func describe(before: R?, after: R?) -> String {
    let id = (after ?? before)?.id ?? "?"
    guard let before else { return "created \(id)" }
    guard let after else { return "deleted \(id)" }
    let fields = RecordFields.changes(from: before, to: after).map(\.field)
    switch fields.count {
    case 0: return "no change to \(id)"
    case 1: return "\(fields[0].replacingUnderscores()) of \(id)"
    case 2: return "\(fields[0].replacingUnderscores()) and \(fields[1].replacingUnderscores()) of \(id)"
    default: return "\(fields.count) fields of \(id)"
    }
  }
}

extension String {
  /// `screening.es_category` → `screening es category`, for messages.
  func replacingUnderscores() -> String {
    String(map { $0 == "_" || $0 == "." ? " " : $0 })
  }
}
