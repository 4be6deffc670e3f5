#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the audit log lives (DECISIONS.md, "The audit log split by
/// month"): `audit/YYYY-MM.jsonl`, one file per calendar month (UTC) in
/// which the entries were written, so no file grows without limit and a git host never
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

  /// Appends the entries to the file of the month they are written in
  /// (fsynced), in order. The month is the writer's clock at the append,
  /// not each entry's `at`: the log stays in the order it was written even
  /// when a recorded time comes from elsewhere (a test's clock, a draft
  /// saved later), and a file is only ever appended to while its month
  /// lasts.
  public func append(_ entries: [AuditEntry], now: Timestamp = Timestamp.now()) throws(FileSystemError) {
    guard !entries.isEmpty else { return }
    try FileSystem.createDirectory(folder)
    var bytes: [UInt8] = []
    for entry in entries {
      bytes += Array(entry.jsonLine.utf8)
      bytes.append(0x0A)
    }
    try FileSystem.append(path(for: now), bytes)
  }
}
