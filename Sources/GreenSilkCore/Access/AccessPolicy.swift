/// What a session may change, when OpenSSH pins its key to an identity and
/// a role (`greensilk --data DIR --as alice --role editor`, README "One
/// server, many SSH users"). GreenSilk runs no server of its own: sshd's
/// `command="…"` is the gate, and this is what the pinned command line
/// grants. A session without `--as` is unrestricted (the Unix account's
/// own permissions on the data directory decide, as before).
public enum AccessRole: String, CaseIterable, Sendable {
  /// Reads everything, writes nothing (the store is opened read-only).
  case viewer
  /// Edits records in the dashboard, optionally only some corridors' projects.
  case editor
  /// Everything, including `import`, `normalize` and `generate`.
  case admin
}

public struct AccessPolicy: Hashable, Sendable {
  /// The pinned identity (`--as`); nil for an unpinned session.
  public var name: String?
  public var role: AccessRole
  /// The corridors whose projects an editor may change (`--corridors`);
  /// nil means every corridor.
  public var corridors: [CorridorCode]?

  public init(name: String?, role: AccessRole, corridors: [CorridorCode]? = nil) {
    self.name = name
    self.role = role
    self.corridors = corridors
  }

  /// No pinned identity: every edit the store allows.
  public static let unrestricted = AccessPolicy(name: nil, role: .admin)

  public var isPinned: Bool { name != nil }
  public var mayEdit: Bool { role != .viewer }

  /// "alice (editor, CPEC, BCIMEC)": how messages name the session.
  public var label: String {
    let scope = corridors.map { ", " + $0.map(\.rawValue).joined(separator: ", ") } ?? ""
    return "\(name ?? "this session") (\(role.rawValue)\(scope))"
  }

  /// Why this session may not change `record` (as it is on disk, or as it
  /// would be saved); nil when it may. Viewers change nothing; an editor
  /// limited to corridors changes only projects in at least one of them,
  /// and no envoy activity (activities belong to no corridor).
  public func refusal<R: StoredRecord>(toChange record: R) -> String? {
    if role == .viewer { return "\(name ?? "this session") is a viewer: read-only, nothing is written" }
    guard let corridors, role == .editor else { return nil }
    let allowed = corridors.map(\.rawValue).joined(separator: ", ")
    guard let project = record as? Project else {
      return "\(R.file.rawValue) are read-only for \(name ?? "this session"): this key edits projects in \(allowed) only"
    }
    if project.corridors.contains(where: corridors.contains) { return nil }
    let theirs = project.corridors.isEmpty ? "no corridor" : project.corridors.map(\.rawValue).joined(separator: ", ")
    return "\(project.id) is read-only for \(name ?? "this session"): this key edits projects in \(allowed) only; \(project.id) is in \(theirs)"
  }

  /// Why a change from `before` to `after` (nil: created / deleted) is
  /// refused: both sides must be within reach, so that an editor can
  /// neither edit another corridor's project nor move one of theirs out.
  public func refusal<R: StoredRecord>(before: R?, after: R?) -> String? {
    if let before, let reason = refusal(toChange: before) { return reason }
    if let after, let reason = refusal(toChange: after) { return reason }
    return nil
  }
}

extension AnyEditableRecord {
  /// Why `policy` refuses changes to this record; nil when it allows them.
  public func refusal(by policy: AccessPolicy) -> String? {
    func check<R: EditableRecord>(_ record: R) -> String? { policy.refusal(toChange: record) }
    return check(base)
  }
}
