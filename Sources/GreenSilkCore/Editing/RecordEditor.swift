/// Makes changes to records the way every edit must be made: stamped with
/// who and when, saved through the store's atomic, locked, revision-checked
/// write, and logged to the audit trail field by field under the same
/// lock. The dashboard, undo/redo and the headless commands all edit
/// through here.
public struct RecordEditor: Sendable {
  public let store: FileStore
  public let user: UserIdentity
  /// The clock, injectable so tests get stable stamps.
  public let now: @Sendable () -> Timestamp
  /// What the session's pinned role lets it change. Checked here, on the
  /// way to the store, so that no path around the dashboard's keys (undo,
  /// redo, a merge, a restored draft) writes what the role forbids.
  public let access: AccessPolicy

  public init(
    store: FileStore, user: UserIdentity, access: AccessPolicy = .unrestricted,
    now: @escaping @Sendable () -> Timestamp = { Timestamp.now() }
  ) {
    self.store = store
    self.user = user
    self.access = access
    self.now = now
  }

  func checkAccess<R: StampedRecord>(before: R?, after: R?) throws(StoreError) {
    if let reason = access.refusal(before: before, after: after) { throw StoreError.refused(reason) }
  }

  /// Creates a record (its id must be new). Returns it as written.
  @discardableResult
  public func create<R: StampedRecord>(_ record: R, action: String = "create", note: String? = nil) throws(StoreError) -> R {
    try checkAccess(before: nil, after: record)
    var stamped = record
    let time = now()
    stamped.changedBy = user.login
    stamped.changedAt = time
    stamped.revision = 1
    let entry = AuditEntry(
      at: time, user: user, action: action, file: R.file, id: record.id, revision: 1,
      changes: RecordFields.changes(from: nil as R?, to: stamped), note: note)
    return try store.apply([.create(stamped)], audit: [entry])[0]
  }

  /// Saves `record` over `original` (the version the edit started from;
  /// its revision is what the store checks). Returns it as written.
  @discardableResult
  public func update<R: StampedRecord>(_ record: R, from original: R, action: String = "update", note: String? = nil) throws(StoreError) -> R {
    try checkAccess(before: original, after: record)
    var stamped = record
    let time = now()
    stamped.changedBy = user.login
    stamped.changedAt = time
    stamped.revision = original.revision
    let entry = AuditEntry(
      at: time, user: user, action: action, file: R.file, id: record.id, revision: original.revision + 1,
      changes: RecordFields.changes(from: original, to: stamped), note: note)
    return try store.apply([.replace(stamped, original: original)], audit: [entry])[0]
  }

  /// Deletes `record` as it was read (its revision is checked).
  public func delete<R: StampedRecord>(_ record: R, action: String = "delete", note: String? = nil) throws(StoreError) {
    try checkAccess(before: record, after: nil)
    let entry = AuditEntry(
      at: now(), user: user, action: action, file: R.file, id: record.id, revision: nil,
      changes: RecordFields.changes(from: record, to: nil as R?), note: note)
    _ = try store.apply([RecordChange<R>.delete(id: record.id, expecting: record.revision)], audit: [entry])
  }
}

extension RecordEditor {
  /// Puts a record back to `change.before`, starting from `change.after`
  /// (what this session last saved; a colleague's later change makes this
  /// a conflict, never an overwrite). Returns the inverse change, ready for
  /// the other stack: undoing it redoes the original.
  public func revert<R: StampedRecord>(_ change: SessionChange<R>, action: String) throws(StoreError) -> SessionChange<R> {
    let result: R?
    switch (change.before, change.after) {
    case (nil, let current?):
      try delete(current, action: action)
      result = nil
    case (let target?, nil):
      result = try create(target, action: action)
    case (let target?, let current?):
      result = try update(target, from: current, action: action)
    case (nil, nil):
      result = nil
    }
    return SessionChange(before: change.after, after: result, summary: change.summary)
  }

  /// Reverts a change to a record of any editable type.
  public func revert(_ change: EditedRecord, action: String) throws(StoreError) -> EditedRecord {
    try change.change.reverted(by: self, action: action)
  }

  /// Saves an edit: creates the record, or updates it over its original.
  /// Returns the change for the undo stack.
  public func save(_ edit: RecordEdit, action: String) throws(StoreError) -> EditedRecord {
    try edit.record.base.save(from: edit.original, by: self, action: action)
  }

  /// Deletes a record as it was read. Returns the change for the undo stack.
  public func delete(_ record: AnyEditableRecord) throws(StoreError) -> EditedRecord {
    try record.base.delete(by: self)
  }
}

extension EditableRecord {
  func save(from original: AnyEditableRecord?, by editor: RecordEditor, action: String) throws(StoreError) -> EditedRecord {
    let original = sameType(original)
    let saved: Self
    if let original {
      saved = try editor.update(self, from: original, action: action)
    } else {
      saved = try editor.create(self)
    }
    return EditedRecord(SessionChange(before: original, after: saved, summary: SessionChange.describe(before: original, after: saved)))
  }

  func delete(by editor: RecordEditor) throws(StoreError) -> EditedRecord {
    try editor.delete(self)
    return EditedRecord(SessionChange(before: self, after: nil, summary: id))
  }
}
