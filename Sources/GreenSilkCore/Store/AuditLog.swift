#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Who is making a change: the login name, and the SSH client address
/// when the session came in over SSH.
public struct UserIdentity: Hashable, Sendable {
  public var login: String
  public var origin: String?

  public init(login: String, origin: String? = nil) {
    self.login = login
    self.origin = origin
  }

  /// The identity of this process's user, from the environment and the
  /// password database.
  public static func current(environment: [String: String]) -> UserIdentity {
    var login = environment["USER"] ?? environment["LOGNAME"] ?? ""
    if login.isEmpty, let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
      login = String(cString: name)
    }
    if login.isEmpty { login = "uid-\(geteuid())" }
    let ssh = environment["SSH_CLIENT"] ?? environment["SSH_CONNECTION"]
    let origin = ssh?.split(separator: " ").first.map(String.init)
    return UserIdentity(login: login, origin: origin)
  }

  /// `alice`, or `alice@10.0.0.5` over SSH.
  public var description: String { origin.map { "\(login)@\($0)" } ?? login }
}

/// One line of the append-only audit log (`audit.jsonl`): when, who, what
/// record, and each field's old and new value.
public struct AuditEntry: Hashable, Sendable {
  public var at: Timestamp
  public var user: UserIdentity
  /// create, update, delete, stage, undo, redo, merge, import.
  public var action: String
  public var file: DataFile
  public var id: String
  public var revision: Int?
  public var changes: [FieldChange]
  public var note: String?
  /// The write this entry belongs to (`WriteAheadAudit`): entries are
  /// written as an intent before the data, and an `abandoned` entry with
  /// the same id withdraws an intent whose data never landed.
  public var txn: String?

  public init(
    at: Timestamp, user: UserIdentity, action: String, file: DataFile, id: String,
    revision: Int?, changes: [FieldChange], note: String? = nil, txn: String? = nil
  ) {
    self.at = at
    self.user = user
    self.action = action
    self.file = file
    self.id = id
    self.revision = revision
    self.changes = changes
    self.note = note
    self.txn = txn
  }

  public var jsonLine: String {
    var w = JSONWriter()
    w.beginObject()
    w.field("at", at.description)
    w.field("user", user.login)
    if let origin = user.origin { w.field("from", origin) }
    w.field("action", action)
    w.field("file", file.rawValue)
    w.field("id", id)
    if let revision { w.field("rev", revision) }
    w.key("changes")
    w.beginArray()
    for change in changes {
      w.beginObject()
      w.field("field", change.field)
      w.key("old")
      w.raw(change.old ?? "null")
      w.key("new")
      w.raw(change.new ?? "null")
      w.endObject()
    }
    w.endArray()
    if let note { w.field("note", note) }
    if let txn { w.field("txn", txn) }
    w.endObject()
    return w.text
  }

  public init(jsonLine: String) throws {
    var entry = AuditEntry(
      at: Timestamp(secondsSinceEpoch: 0), user: UserIdentity(login: ""), action: "",
      file: .projects, id: "", revision: nil, changes: [])
    try JSONReader.withReader(jsonLine) { r in
      try r.readObject { r, key in
        switch key {
        case "at": entry.at = try r.readTimestamp()
        case "user": entry.user.login = try r.readString()
        case "from": entry.user.origin = try r.readOptionalString()
        case "action": entry.action = try r.readString()
        case "file":
          let name = try r.readString()
          guard let file = DataFile(rawValue: name) else {
            throw JSONError("unknown file \"\(name)\"", column: nil)
          }
          entry.file = file
        case "id": entry.id = try r.readString()
        case "rev": entry.revision = try r.readOptional { try $0.readInt() }
        case "changes":
          entry.changes = try r.readList { r in
            var change = FieldChange(field: "", old: nil, new: nil)
            try r.readObject { r, key in
              switch key {
              case "field": change.field = try r.readString()
              case "old": change.old = r.readNull() ? nil : try r.readRawValue()
              case "new": change.new = r.readNull() ? nil : try r.readRawValue()
              default: try r.skipValue()
              }
            }
            return change
          }
        case "note": entry.note = try r.readOptionalString()
        case "txn": entry.txn = try r.readOptionalString()
        default: try r.skipValue()
        }
      }
      try r.expectEnd()
    }
    self = entry
  }
}

/// Reads the audit log across its files (`AuditFiles`: the schema-1
/// `audit.jsonl`, then one file per month). Bad lines are reported as
/// FILE:LINE, never fatal.
public enum AuditLog {
  /// The entries in the last `bytes` of the log, across the month files
  /// from the newest back (the first, possibly cut, line of that window
  /// is skipped). For the kiosk's ticker, which must not read a log that
  /// grows for years.
  public static func readTail(_ store: FileStore, bytes limit: Int) throws -> [AuditEntry] {
    var entries: [AuditEntry] = []
    var left = limit
    for file in AuditFiles(store: store).files().reversed() where left > 0 {
      let (part, read) = tail(of: file.path, within: store.directory, bytes: left)
      entries = part + entries
      left -= read
    }
    return WriteAheadAudit.effective(entries, store: store)
  }

  /// The entries in the last `limit` bytes of one file, and how many bytes
  /// that was.
  static func tail(of path: String, within directory: String, bytes limit: Int) -> ([AuditEntry], Int) {
    // A regular file inside the data directory only (never a FIFO the
    // kiosk would wait on for ever); any refusal reads as no entries.
    guard let (fd, _) = try? FileSystem.openRegularFile(path, within: directory) else { return ([], 0) }
    defer { close(fd) }
    let size = lseek(fd, 0, SEEK_END)
    guard size > 0 else { return ([], 0) }
    // One byte before the window too: when it is a line feed, the
    // window's first line is whole.
    let start = max(0, Int(size) - limit - 1)
    lseek(fd, off_t(start), SEEK_SET)
    var buffer = [UInt8](repeating: 0, count: Int(size) - start)
    var filled = 0
    while filled < buffer.count {
      let got = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
      if got <= 0 { break }
      filled += got
    }
    var entries: [AuditEntry] = []
    var lines = buffer[0..<filled].split(separator: 0x0A, omittingEmptySubsequences: true)
    if start > 0 && !lines.isEmpty && buffer[0] != 0x0A { lines.removeFirst() }
    for line in lines {
      if let entry = try? AuditEntry(jsonLine: String(decoding: line, as: UTF8.self)) { entries.append(entry) }
    }
    return (entries, min(filled, limit))
  }

  public static func read(_ store: FileStore) throws -> (entries: [AuditEntry], issues: [LoadIssue]) {
    var entries: [AuditEntry] = []
    var issues: [LoadIssue] = []
    for file in AuditFiles(store: store).files() {
      guard let bytes = try FileSystem.read(file.path, within: store.directory) else { continue }
      let display = file.display
      var number = 0
      bytes.withUnsafeBufferPointer { buffer in
        CollectionParser.forEachLine(buffer) { line in
          number += 1
          if line.isEmpty { return }
          guard isValidUTF8(line) else {
            issues.append(LoadIssue(file: display, line: number, reason: "invalid UTF-8"))
            return
          }
          do {
            entries.append(try AuditEntry(jsonLine: String(decoding: line, as: UTF8.self)))
          } catch let error as JSONError {
            issues.append(LoadIssue(file: display, line: number, reason: CollectionParser.describe(error)))
          } catch {
            issues.append(LoadIssue(file: display, line: number, reason: "\(error)"))
          }
        }
      }
    }
    return (WriteAheadAudit.effective(entries, store: store), issues)
  }

  /// Every line as written, intents withdrawn by `abandoned` entries
  /// included (tests and the crash soak compare it with the data).
  public static func readRaw(_ store: FileStore) throws -> [AuditEntry] {
    var entries: [AuditEntry] = []
    for file in AuditFiles(store: store).files() {
      guard let bytes = try FileSystem.read(file.path) else { continue }
      bytes.withUnsafeBufferPointer { buffer in
        CollectionParser.forEachLine(buffer) { line in
          if let entry = try? AuditEntry(jsonLine: String(decoding: line, as: UTF8.self)) { entries.append(entry) }
        }
      }
    }
    return entries
  }
}
