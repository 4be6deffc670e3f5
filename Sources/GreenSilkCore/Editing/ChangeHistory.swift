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

/// A change to an editable record of any type: an undo or redo step.
public struct EditedRecord: Hashable, Sendable {
  let change: any RecordChangeStep

  public init<R: EditableRecord>(_ change: SessionChange<R>) { self.change = change }

  public var summary: String { change.summary }
  /// The record before and after (nil: it did not exist).
  public var before: AnyEditableRecord? { change.beforeRecord }
  public var after: AnyEditableRecord? { change.afterRecord }
  /// The fields that differ between before and after (content only).
  public var fieldChanges: [FieldChange] { change.fieldChanges }
  /// What a sentence calls one of the record's fields.
  public func phrase(ofField name: String) -> String { change.phrase(ofField: name) }

  /// The change, when it is to a record of type `R`.
  public func typed<R: EditableRecord>(_ type: R.Type) -> SessionChange<R>? { change as? SessionChange<R> }

  /// Puts the change into loaded data (after the store saved it).
  public func apply(to data: inout DataSet) { change.apply(to: &data) }

  public static func == (lhs: EditedRecord, rhs: EditedRecord) -> Bool { lhs.change.isEqual(to: rhs.change) }
  public func hash(into hasher: inout Hasher) { change.hash(into: &hasher) }
}

/// What the editing code does with a session change without knowing its
/// record type (`SessionChange` of an editable record).
protocol RecordChangeStep: Sendable {
  var summary: String { get }
  var beforeRecord: AnyEditableRecord? { get }
  var afterRecord: AnyEditableRecord? { get }
  var fieldChanges: [FieldChange] { get }
  func phrase(ofField name: String) -> String
  func apply(to data: inout DataSet)
  func reverted(by editor: RecordEditor, action: String) throws(StoreError) -> EditedRecord
  func writeJournal(into writer: inout JSONWriter)
  func isEqual(to other: any RecordChangeStep) -> Bool
  func hash(into hasher: inout Hasher)
}

extension SessionChange: RecordChangeStep where R: EditableRecord {
  var beforeRecord: AnyEditableRecord? { before.map(AnyEditableRecord.init) }
  var afterRecord: AnyEditableRecord? { after.map(AnyEditableRecord.init) }
  var fieldChanges: [FieldChange] { RecordFields.changes(from: before, to: after) }
  func phrase(ofField name: String) -> String { R.phrase(ofField: name) }

  func apply(to data: inout DataSet) {
    if let after {
      R.upsert(after, into: &data)
    } else if let before {
      R.remove(id: before.id, from: &data)
    }
  }

  func reverted(by editor: RecordEditor, action: String) throws(StoreError) -> EditedRecord {
    EditedRecord(try editor.revert(self, action: action))
  }

  func writeJournal(into writer: inout JSONWriter) {
    writer.field("kind", R.kind)
    writer.field("summary", summary)
    for (name, record) in [("before", before), ("after", after)] {
      writer.key(name)
      if let record { writer.raw(record.jsonLine) } else { writer.null() }
    }
  }

  func isEqual(to other: any RecordChangeStep) -> Bool { (other as? Self) == self }
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
    let fields = RecordFields.changes(from: before, to: after).map { R.phrase(ofField: $0.field) }
    switch fields.count {
    case 0: return "no change to \(id)"
    case 1: return "\(fields[0]) of \(id)"
    case 2: return "\(fields[0]) and \(fields[1]) of \(id)"
    default: return "\(fields.count) fields of \(id)"
    }
  }
}
