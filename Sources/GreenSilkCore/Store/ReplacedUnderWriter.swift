/// A data file that a GreenSilk writer renamed into place and that another
/// program (an editor saving its buffer, `sed -i`, a sync tool) replaced
/// before the writer released its lock (issue 16, item 3). Such programs
/// do not take GreenSilk's lock, so the change just written may be gone
/// from the file; the writer says so loudly instead of reporting success,
/// and leaves an audit entry (`action: "replaced"`) next to its own.
public struct ReplacedUnderWriter: Error, Hashable, Sendable, CustomStringConvertible {
  public static let auditAction = "replaced"

  public let file: DataFile
  /// As messages show it (the data directory as the user typed it).
  public let path: String

  public var description: String {
    "\(path) was replaced by another program right after this save (one that does not take GreenSilk's lock, "
      + "such as an editor saving the file): the change may be gone from it. Check with `greensilk validate` and "
      + "`greensilk history`; edit data files with `greensilk edit`, which takes the lock"
  }

  func auditEntry(txn: String) -> AuditEntry {
    AuditEntry(
      at: Timestamp.now(), user: UserIdentity.current(environment: [:]), action: Self.auditAction, file: file,
      id: "", revision: nil, changes: [],
      note: "\(file.fileName) was replaced by another program right after intent \(txn) was written; its changes may be gone",
      txn: txn)
  }
}
