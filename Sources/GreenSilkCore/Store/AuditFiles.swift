#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the audit log lives (DECISIONS.md, "The audit log split by
/// month"): `audit/YYYY-MM.jsonl`, one file per calendar month (UTC) of
/// the entries' time, so no file grows without limit and a git host never
/// sees one large file. The single `audit.jsonl` of schema 1 is read as
/// the oldest part and never written again. Readers (`AuditLog`) go
/// through `paths()`, oldest first; writers through `append`.
public struct AuditFiles: Sendable {
  public static let folderName = "audit"

  public let store: FileStore

  public init(store: FileStore) { self.store = store }

  public var folder: String { FileSystem.join(store.directory, Self.folderName) }

  /// The file of the month `at` falls in.
  public func path(for at: Timestamp) -> String {
    FileSystem.join(folder, Self.monthName(at) + ".jsonl")
  }

  /// `2026-12`.
  static func monthName(_ at: Timestamp) -> String { String(at.day.description.prefix(7)) }

  /// Every file of the log, oldest first: `audit.jsonl` (schema 1), then
  /// the months in order. Paths as opened and as shown to the user.
  public func files() -> [(path: String, display: String)] {
    var out: [(String, String)] = []
    if FileSystem.exists(store.auditPath) {
      out.append((store.auditPath, FileSystem.join(store.displayDirectory, FileStore.auditFileName)))
    }
    for name in monthNames() {
      out.append(
        (FileSystem.join(folder, name), FileSystem.join(FileSystem.join(store.displayDirectory, Self.folderName), name)))
    }
    return out
  }

  func monthNames() -> [String] {
    guard let handle = opendir(folder) else { return [] }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      // YYYY-MM.jsonl: the names sort by time.
      if name.hasSuffix(".jsonl") && !name.hasPrefix(".") { names.append(name) }
    }
    return names.sorted()
  }

  /// Appends each entry to its month's file (fsynced), in order.
  public func append(_ entries: [AuditEntry]) throws(FileSystemError) {
    guard !entries.isEmpty else { return }
    try FileSystem.createDirectory(folder)
    var month = ""
    var bytes: [UInt8] = []
    for entry in entries {
      let name = Self.monthName(entry.at)
      if name != month {
        if !bytes.isEmpty { try FileSystem.append(FileSystem.join(folder, month + ".jsonl"), bytes) }
        month = name
        bytes = []
      }
      bytes += Array(entry.jsonLine.utf8)
      bytes.append(0x0A)
    }
    if !bytes.isEmpty { try FileSystem.append(FileSystem.join(folder, month + ".jsonl"), bytes) }
  }
}
