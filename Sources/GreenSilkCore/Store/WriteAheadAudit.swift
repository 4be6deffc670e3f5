#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The order in which a save writes the audit and the data (issue 16,
/// item 2): the audit can never miss a change that landed, because its
/// entries are written first, as an intent, and the data after.
///
/// Under the directory lock, a writer
/// 1. writes `.greensilk.pending` (atomically, fsynced): the intent's id
///    (`txn`), the data file, and the FNV-1a digests of the lines the data
///    file will hold afterwards (`present`) and of the lines it will no
///    longer hold (`absent`);
/// 2. appends the audit entries, each tagged with the `txn`, and fsyncs;
/// 3. replaces the data file atomically;
/// 4. removes `.greensilk.pending`.
///
/// A writer killed between 2 and 3 leaves audit entries for a change that
/// did not happen. The next writer, as soon as it holds the lock (or a
/// reader such as `history`, without writing), reconciles: it looks in the
/// data file for the intent's digests. Found (the rename happened): the
/// entries stand. Not found (the file is exactly as before): an
/// `abandoned` entry with the same `txn` is appended, and readers drop
/// that intent's entries. Only then is the pending file removed.
///
/// A killed writer therefore leaves, at worst, entries that the next
/// reader recognises as not having happened; never a change without one.
/// This type decides the ordering only; what an entry holds and where the
/// audit lines go is `FileStore.appendAuditLocked`'s business.
public enum WriteAheadAudit {
  /// In the data directory, beside the lock file (git-ignored likewise).
  public static let pendingFileName = ".greensilk.pending"
  /// The action of the entry that withdraws an intent that did not land.
  public static let abandonedAction = "abandoned"

  /// What a pending write will have done to its data file, by line digest.
  public struct Pending: Equatable, Sendable {
    public var txn: String
    public var file: DataFile
    /// Digests of lines the file holds once the write landed.
    public var present: [UInt64]
    /// Digests of lines the write removes (deletes and replaced lines).
    public var absent: [UInt64]

    var jsonText: String {
      var w = JSONWriter()
      w.beginObject()
      w.field("txn", txn)
      w.field("file", file.rawValue)
      w.key("present")
      w.beginArray()
      for digest in present { w.string(FNV1a.hex(digest)) }
      w.endArray()
      w.key("absent")
      w.beginArray()
      for digest in absent { w.string(FNV1a.hex(digest)) }
      w.endArray()
      w.endObject()
      return w.text + "\n"
    }

    init(txn: String, file: DataFile, present: [UInt64], absent: [UInt64]) {
      self.txn = txn
      self.file = file
      self.present = present
      self.absent = absent
    }

    init(jsonText: String) throws {
      var txn = ""
      var file: DataFile?
      var present: [UInt64] = []
      var absent: [UInt64] = []
      try JSONReader.withReader(jsonText) { r in
        try r.readObject { r, key in
          switch key {
          case "txn": txn = try r.readString()
          case "file": file = DataFile(rawValue: try r.readString())
          case "present": present = try r.readList { UInt64(try $0.readString(), radix: 16) ?? 0 }
          case "absent": absent = try r.readList { UInt64(try $0.readString(), radix: 16) ?? 0 }
          default: try r.skipValue()
          }
        }
      }
      guard let file, !txn.isEmpty else { throw JSONError("not a pending write", column: nil) }
      self.init(txn: txn, file: file, present: present, absent: absent)
    }
  }

  /// How a pending write is judged against the data file on disk.
  public enum Outcome: Equatable, Sendable {
    /// The file holds what the write wrote (or anything but exactly the
    /// old lines: the entries are kept whenever in doubt).
    case landed
    /// The file holds exactly the lines from before: nothing happened.
    case notLanded
  }

  static func pendingPath(_ store: FileStore) -> String {
    FileSystem.join(store.directory, pendingFileName)
  }

  /// A fresh intent id: process, time and randomness, so two writers
  /// (or one writer twice in a nanosecond) never share one.
  static func newTransactionID() -> String {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return "\(getpid())-\(FNV1a.hex(UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)))-\(FNV1a.hex(UInt64.random(in: 0...UInt64.max)))"
  }

  /// Steps 1 and 2: the pending file, then the tagged entries. Call with
  /// the lock held, before the data file is replaced.
  static func begin(
    _ store: FileStore, _ pending: Pending, entries: [AuditEntry],
    append: ([AuditEntry]) throws(FileSystemError) -> Void
  ) throws(FileSystemError) {
    try FileSystem.writeAtomically(pendingPath(store), Array(pending.jsonText.utf8))
    try append(entries.map { entry in
      var tagged = entry
      tagged.txn = pending.txn
      return tagged
    })
  }

  /// Step 4: the write landed; forget it. (Not fsynced: if the removal is
  /// lost, the next reconcile finds the write landed and keeps it.)
  static func finish(_ store: FileStore) {
    unlink(pendingPath(store))
  }

  /// The pending write a dead writer left, if any.
  public static func pending(_ store: FileStore) -> Pending? {
    guard let bytes = try? FileSystem.read(pendingPath(store)) else { return nil }
    return try? Pending(jsonText: String(decoding: bytes, as: UTF8.self))
  }

  /// Whether `pending` landed in its data file as it is now.
  public static func outcome(of pending: Pending, in store: FileStore) -> Outcome {
    let bytes =
      pending.file == .projects
      ? ((try? store.readProjectCollection()) ?? nil) ?? []
      : ((try? FileSystem.read(store.path(of: pending.file), within: store.directory)) ?? nil) ?? []
    var digests = Set<UInt64>()
    bytes.withUnsafeBufferPointer { buffer in
      CollectionParser.forEachLine(buffer) { line in digests.insert(digest(line)) }
    }
    // Exactly the old state: every removed line still there, no new one.
    let untouched =
      pending.absent.allSatisfy(digests.contains) && !pending.present.contains(where: digests.contains)
    return untouched ? .notLanded : .landed
  }

  /// With the lock held: settles a write a dead writer left pending.
  /// Returns the intent's id and what became of it, or nil when there was
  /// nothing to settle.
  @discardableResult
  static func reconcile(
    _ store: FileStore, user: UserIdentity, append: ([AuditEntry]) throws(FileSystemError) -> Void
  ) throws(FileSystemError) -> (txn: String, outcome: Outcome)? {
    let path = pendingPath(store)
    guard FileSystem.exists(path) else { return nil }
    guard let pending = pending(store) else {
      // A pending file cut short: its writer died in step 1, before any
      // entry was appended or any data written.
      unlink(path)
      return nil
    }
    let outcome = outcome(of: pending, in: store)
    if outcome == .notLanded {
      try append([
        AuditEntry(
          at: Timestamp.now(), user: user, action: abandonedAction, file: pending.file, id: "", revision: nil,
          changes: [],
          note: "the writer of intent \(pending.txn) stopped before its data was written: its entries did not happen",
          txn: pending.txn)
      ])
    }
    unlink(path)
    try FileSystem.syncDirectory(store.directory)
    return (pending.txn, outcome)
  }

  /// Audit entries as they happened: intents withdrawn by an `abandoned`
  /// entry are left out, and so is an intent still pending whose data did
  /// not land (judged read-only, so `history` needs no lock). The
  /// `abandoned` entries themselves are kept out too.
  public static func effective(_ entries: [AuditEntry], store: FileStore) -> [AuditEntry] {
    var withdrawn = Set(entries.lazy.filter { $0.action == abandonedAction }.compactMap(\.txn))
    if let pending = pending(store), outcome(of: pending, in: store) == .notLanded { withdrawn.insert(pending.txn) }
    if withdrawn.isEmpty { return entries.filter { $0.action != abandonedAction } }
    return entries.filter { entry in
      entry.action != abandonedAction && !(entry.txn.map(withdrawn.contains) ?? false)
    }
  }

  /// FNV-1a, 64 bits, of one line (without its newline).
  static func digest(_ line: UnsafeBufferPointer<UInt8>) -> UInt64 { FNV1a.hash(line) }

  static func digest(_ line: [UInt8]) -> UInt64 {
    line.withUnsafeBufferPointer { digest($0) }
  }

}
