/// The message of a sync's commit, from the audit entries it carries:
/// who changed what, in which records. Without audit entries (a file
/// edited by hand), the files changed.
public enum CommitMessage {
  public static func make(auditLines: [String], files: [String]) -> (subject: String, body: String) {
    let entries = auditLines.compactMap { try? AuditEntry(jsonLine: $0) }
    guard !entries.isEmpty else {
      return ("greensilk: edited \(files.joined(separator: ", "))", "")
    }
    var users: [String] = []
    var ids: [String] = []
    for entry in entries {
      if !users.contains(entry.user.login) { users.append(entry.user.login) }
      if !ids.contains(entry.id) { ids.append(entry.id) }
    }
    let shownIDs = ids.count > 6 ? ids.prefix(6).joined(separator: ", ") + ", … (\(ids.count) records)" : ids.joined(separator: ", ")
    let subject = "greensilk: \(entries.count) change\(entries.count == 1 ? "" : "s") by \(users.joined(separator: ", ")) (\(shownIDs))"
    // An import carries 21,000 entries: the body names the first 100 (an
    // argument over 128 KB is refused by the kernel, E2BIG).
    let shown = entries.prefix(100)
    var body = shown.map { entry in
      let fields = entry.changes.map(\.field).filter { $0 != "rev" && $0 != "changed_at" && $0 != "changed_by" }
      let what = fields.isEmpty ? "" : ": " + fields.joined(separator: ", ")
      return "\(entry.at) \(entry.user.description) \(entry.action) \(entry.file.rawValue) \(entry.id)\(what)"
    }.joined(separator: "\n")
    if entries.count > shown.count { body += "\n… and \(entries.count - shown.count) more (greensilk history)" }
    return (subject, body)
  }
}
