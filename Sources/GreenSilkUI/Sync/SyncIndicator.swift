import GreenSilkCore

/// The dashboard's view of sync (issue 14): whether the data directory
/// syncs at all, what the last status read said (ahead/behind, last
/// sync), a sync running now and its progress line, and the records that
/// hold a merge conflict (from the loaded data, so a reload after a pull
/// updates them like any outside change).
public struct SyncIndicator: Hashable, Sendable {
  /// The data directory is a git repository (`greensilk sync init`).
  public var available = false
  public var running = false
  public var progress: String?
  public var status: SyncStatus?
  /// Records holding a merge conflict, in file order.
  public var conflicts: [HeldConflictSummary] = []

  public init() {}

  /// "↑2 ↓0 · synced 10:42 · 1 conflict", or the progress while syncing.
  public var line: String? {
    guard available else { return nil }
    if running { return "syncing: " + (progress ?? "starting") + "…" }
    var parts: [String] = []
    if let status {
      if status.remote == nil { parts.append("no hub") } else { parts.append("↑\(status.ahead ?? 0) ↓\(status.behind ?? 0)") }
      if let last = status.lastSync {
        parts.append("synced " + String(last.description.dropFirst(11).prefix(5)))
      } else {
        parts.append("never synced")
      }
    }
    if !conflicts.isEmpty { parts.append("\(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s")") }
    return parts.isEmpty ? nil : parts.joined(separator: " · ")
  }

  /// The held conflicts of the records the dashboard edits.
  static func conflicts(in data: DataSet) -> [HeldConflictSummary] {
    var out: [HeldConflictSummary] = []
    for project in data.projects where project.extras.contains(where: { $0.key == HeldConflict.key }) {
      if let held = HeldConflict.held(in: project) { out.append(HeldConflictSummary(record: AnyEditableRecord(project), conflict: held)) }
    }
    for activity in data.activities where activity.extras.contains(where: { $0.key == HeldConflict.key }) {
      if let held = HeldConflict.held(in: activity) { out.append(HeldConflictSummary(record: AnyEditableRecord(activity), conflict: held)) }
    }
    return out
  }
}

/// One record in conflict, for the list.
public struct HeldConflictSummary: Hashable, Sendable {
  public var record: AnyEditableRecord
  public var conflict: HeldConflict

  public var fields: String {
    var parts = conflict.fieldNames.map { type(of: record.base).phrase(ofField: $0) }
    if conflict.deleted { parts.insert("deleted in one office, edited in another", at: 0) }
    return parts.joined(separator: ", ")
  }
}

/// The list of open conflicts (C): Enter opens the conflict view.
public struct SyncConflictList: Hashable, Sendable {
  public var selected = 0
  public init() {}
}

/// How a sync run from the dashboard ended.
public struct SyncOutcome: Hashable, Sendable {
  public var message: String
  public var failed: Bool
  public var status: SyncStatus?

  public init(message: String, failed: Bool, status: SyncStatus?) {
    self.message = message
    self.failed = failed
    self.status = status
  }
}
