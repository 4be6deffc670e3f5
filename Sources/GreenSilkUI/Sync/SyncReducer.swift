import GreenSilkCore

/// Sync from the dashboard: Y syncs now (the runtime runs git on a thread
/// of its own and reports progress; the screen stays live), C lists the
/// records holding a merge conflict, Enter there opens the conflict view
/// (the one a refused save shows), whose Enter saves the resolution as
/// an ordinary edit, which the next sync carries to the other offices.
extension AppReducer {
  static func syncCommand(_ command: Command, _ state: inout AppState) -> [AppEffect] {
    switch command {
    case .syncNow:
      guard state.sync.available else {
        state.status = StatusMessage("this data directory does not sync: run `greensilk sync init` (README, Offices in sync)", kind: .warning)
        return []
      }
      guard !state.sync.running else {
        state.status = StatusMessage("a sync is already running")
        return []
      }
      guard !state.settings.readOnly else {
        state.status = StatusMessage("read-only: a sync commits and merges, so it is off here", kind: .warning)
        return []
      }
      state.sync.running = true
      state.sync.progress = "starting"
      return [.syncNow]
    case .showConflicts:
      if state.sync.conflicts.isEmpty {
        state.status = StatusMessage("no open conflicts")
        return []
      }
      state.dialog = .syncConflicts(SyncConflictList())
      return []
    default:
      return []
    }
  }

  static func syncAction(_ action: AppAction, _ state: inout AppState) {
    switch action {
    case .syncStatusRead(let status):
      state.sync.available = status != nil
      state.sync.status = status
    case .syncProgress(let line):
      state.sync.progress = line
    case .syncFinished(let outcome):
      state.sync.running = false
      state.sync.progress = nil
      if let status = outcome.status { state.sync.status = status }
      state.status = StatusMessage(outcome.message, kind: outcome.failed ? .error : .success)
    default:
      break
    }
  }

  /// Keys in the list of open conflicts.
  static func conflictListKey(_ key: Key, _ list: inout SyncConflictList, _ state: inout AppState) -> [AppEffect] {
    let count = state.sync.conflicts.count
    switch key {
    case .up, .character("k"): list.selected = max(0, list.selected - 1)
    case .down, .character("j"): list.selected = min(max(0, count - 1), list.selected + 1)
    case .escape, .character("q"), .character("C"): state.dialog = nil
    case .enter:
      guard state.sync.conflicts.indices.contains(list.selected) else { return [] }
      let summary = state.sync.conflicts[list.selected]
      guard !state.settings.readOnly else {
        state.status = StatusMessage("read-only: conflicts are resolved where the data can be written", kind: .warning)
        return []
      }
      do {
        guard let conflict = try summary.record.base.heldConflictState() else { return [] }
        state.dialog = .conflict(conflict)
      } catch {
        state.status = StatusMessage("cannot open the conflict of \(summary.record.id): \(error)", kind: .error)
      }
    default: break
    }
    return []
  }

  /// Enter in the conflict view of a held conflict: the chosen values
  /// saved over the record (its conflict gone, or only the values not yet
  /// shown left), or the record deleted when the deletion was chosen.
  static func resolveHeldConflict(_ conflict: ConflictState, _ state: inout AppState) -> [AppEffect] {
    guard let held = conflict.held, let disk = conflict.attempted.original else { return [] }
    state.dialog = nil
    if held.deleted, conflict.rows.first(where: { $0.field == HeldResolution.recordRow })?.takeTheirs == true {
      return [.delete(disk)]
    }
    do {
      let keep = Set(conflict.rows.filter { !$0.takeTheirs }.map(\.field))
      guard let edit = try conflict.attempted.record.base.resolution(other: conflict.theirs, keeping: keep, disk: disk)
      else { return [] }
      state.status = StatusMessage("saving the resolution…")
      return [.save(edit, verb: "resolved")]
    } catch {
      state.status = StatusMessage("resolution failed: \(error)", kind: .error)
      return []
    }
  }
}

/// A conflict view opened on a held (sync) conflict rather than a refused
/// save: resolving it saves over the record as it is on disk.
public struct HeldResolution: Hashable, Sendable {
  /// The row that chooses between keeping and deleting the record.
  public static let recordRow = "(record)"
  public var deleted: Bool
}

extension EditableRecord {
  /// This (kept) version merged over the other office's, keeping this
  /// version's value of the named fields, saved over `disk`.
  func resolution(other: AnyEditableRecord?, keeping names: Set<String>, disk: AnyEditableRecord) throws -> RecordEdit? {
    guard let other = sameType(other), let disk = sameType(disk) else { return nil }
    return RecordEdit(try RecordFields.merge(other, taking: names, from: self), original: disk)
  }

  /// The conflict view for this record's held conflict.
  func heldConflictState() throws -> ConflictState? {
    guard let versions = try HeldConflictVersions(of: self) else { return nil }
    var rows = versions.rows.map { row in
      ConflictState.Row(field: row.field, label: Self.phrase(ofField: row.field), mine: row.kept, theirs: row.other, takeTheirs: false)
    }
    if versions.deleted {
      rows.insert(
        ConflictState.Row(
          field: HeldResolution.recordRow, label: "the record", mine: "\"keep it (edited in one office)\"",
          theirs: "\"delete it (deleted in another)\"", takeTheirs: false), at: 0)
    }
    var state = ConflictState(
      attempted: RecordEdit(versions.kept, original: self), theirs: AnyEditableRecord(versions.other), rows: rows,
      form: nil,
      message: "\(Self.kind) \(id): two offices changed it differently and the sync kept both. Choose per field; Enter saves the choice as an edit that the next sync shares.")
    state.held = HeldResolution(deleted: versions.deleted)
    return state
  }
}
