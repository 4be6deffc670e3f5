import GreenSilkCore

extension ConflictState {
  /// Compares what the user tried to save with the version on disk. For
  /// each differing field the default is the user's value where the user
  /// changed it, and the other version's everywhere else — so a merge
  /// keeps both people's work unless they touched the same field.
  static func make(_ conflict: StoreConflict, attempted: RecordEdit, form: FormState?) -> ConflictState {
    let (theirs, rows) = attempted.record.base.conflictRows(original: attempted.original, conflict: conflict)
    return ConflictState(attempted: attempted, theirs: theirs, rows: rows, form: form, message: conflict.description)
  }

  /// The merged record to save over the version on disk.
  func merged() throws -> RecordEdit? {
    let keep = Set(rows.filter { !$0.takeTheirs }.map(\.field))
    return try attempted.record.base.merged(over: theirs, keeping: keep)
  }
}

extension EditableRecord {
  /// The version on disk and the rows of fields that differ from it.
  func conflictRows(original: AnyEditableRecord?, conflict: StoreConflict) -> (AnyEditableRecord?, [ConflictState.Row]) {
    guard let theirs = conflict.onDisk(as: Self.self) else { return (nil, []) }
    let myChanges = Set(RecordFields.changes(from: sameType(original), to: self).map(\.field))
    let rows = RecordFields.changes(from: theirs, to: self).map { change in
      ConflictState.Row(
        field: change.field, label: Self.phrase(ofField: change.field), mine: change.new, theirs: change.old,
        takeTheirs: !myChanges.contains(change.field))
    }
    return (AnyEditableRecord(theirs), rows)
  }

  /// This record merged over the version on disk, keeping this record's
  /// value of the named fields; a record deleted meanwhile is saved anew.
  func merged(over theirs: AnyEditableRecord?, keeping names: Set<String>) throws -> RecordEdit? {
    guard let theirs else { return RecordEdit(self, original: nil) }
    guard let disk = sameType(theirs) else { return nil }
    return RecordEdit(try RecordFields.merge(disk, taking: names, from: self), original: disk)
  }
}
