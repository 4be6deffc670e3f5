import GreenSilkCore

extension ConflictState {
  /// Compares what the user tried to save with the version on disk. For
  /// each differing field the default is the user's value where the user
  /// changed it, and the other version's everywhere else — so a merge
  /// keeps both people's work unless they touched the same field.
  static func make(_ conflict: StoreConflict, attempted: FormState.Assembled, form: FormState?) -> ConflictState {
    switch attempted {
    case .project(let mine, let original):
      let theirs = conflict.onDisk(as: Project.self)
      return ConflictState(
        attempted: attempted, theirs: theirs.map { .project($0) }, rows: rows(mine, original, theirs), form: form,
        message: conflict.description)
    case .activity(let mine, let original):
      let theirs = conflict.onDisk(as: EnvoyActivity.self)
      return ConflictState(
        attempted: attempted, theirs: theirs.map { .activity($0) }, rows: rows(mine, original, theirs), form: form,
        message: conflict.description)
    }
  }

  static func rows<R: StampedRecord>(_ mine: R, _ original: R?, _ theirs: R?) -> [Row] {
    guard let theirs else { return [] }
    let myChanges = Set(RecordFields.changes(from: original, to: mine).map(\.field))
    return RecordFields.changes(from: theirs, to: mine).map { change in
      Row(field: change.field, mine: change.new, theirs: change.old, takeTheirs: !myChanges.contains(change.field))
    }
  }

  /// The merged record to save over the version on disk.
  func merged() throws -> FormState.Assembled? {
    let keep = Set(rows.filter { !$0.takeTheirs }.map(\.field))
    switch (attempted, theirs) {
    case (.project(let mine, _), .project(let disk)?):
      return .project(try RecordFields.merge(disk, taking: keep, from: mine), original: disk)
    case (.activity(let mine, _), .activity(let disk)?):
      return .activity(try RecordFields.merge(disk, taking: keep, from: mine), original: disk)
    case (.project(let mine, _), nil):
      return .project(mine, original: nil)  // deleted meanwhile: save mine as new
    case (.activity(let mine, _), nil):
      return .activity(mine, original: nil)
    default:
      return nil
    }
  }
}
