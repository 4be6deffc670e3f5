import Synchronization

/// Why a save did not happen.
public enum StoreError: Error, Sendable, CustomStringConvertible {
  /// Someone else changed the record first; nothing was written.
  case conflict(StoreConflict)
  /// The store was opened read-only; nothing was written.
  case readOnly
  /// The session's pinned role does not allow this change (`AccessPolicy`);
  /// nothing was written. The text says who and why.
  case refused(String)
  case io(FileSystemError)
  /// The data file was written, then replaced by another program before
  /// the lock was released: the change may be gone from it.
  case replaced(ReplacedUnderWriter)
  /// A whole-file write (`greensilk edit`) found the file changed since
  /// the edit began; nothing was written.
  case changedMeanwhile(String)

  public var description: String {
    switch self {
    case .conflict(let conflict): conflict.description
    case .replaced(let replaced): replaced.description
    case .changedMeanwhile(let path): "\(path) was changed by someone else while you edited it; nothing was written"
    case .readOnly: "read-only: nothing is written (started with --read-only, or the data directory is not writable)"
    case .refused(let reason): reason
    case .io(let error): error.description
    }
  }
}

/// The data directory on disk: plain UTF-8 files, one JSON record per
/// line, sorted by id (DECISIONS.md, "The file store"). The store's guarantees:
/// - a save is atomic (temporary file, fsync, rename, fsync of the
///   directory) and serialised across processes by an advisory lock;
/// - a save based on a stale revision is refused as a conflict, naming
///   the record, never silently applied;
/// - loading never crashes; bad lines are reported and written back
///   byte-for-byte; unknown fields survive.
/// - read-only stores write nothing at all (not even the lock file).
public struct FileStore: Sendable {
  public static let metaFileName = "dataset.json"
  public static let auditFileName = "audit.jsonl"

  /// The directory as the program opens it.
  public let directory: String
  /// The directory as messages show it (what the user typed).
  public let displayDirectory: String
  public let isReadOnly: Bool

  public init(directory: String, displayDirectory: String? = nil, readOnly: Bool = false) {
    self.directory = directory
    self.displayDirectory = displayDirectory ?? directory
    self.isReadOnly = readOnly || !FileSystem.isWritableDirectory(directory)
  }

  public func path(of file: DataFile) -> String { FileSystem.join(directory, file.fileName) }
  public var metaPath: String { FileSystem.join(directory, Self.metaFileName) }
  /// The audit log of schema 1, one file; read as the oldest part of the
  /// log, never written again (see `AuditFiles`).
  public var auditPath: String { FileSystem.join(directory, Self.auditFileName) }

  /// Reads the whole data directory.
  public func load() throws -> LoadResult {
    try DataSetLoader.load(directory: directory, displayDirectory: displayDirectory)
  }

  /// Saves one record: creates it when `expecting` is nil, otherwise
  /// replaces the version read at revision `expecting`. Returns the record
  /// as written (its revision incremented).
  @discardableResult
  public func save<R: StoredRecord>(_ record: R, expecting revision: Int?) throws(StoreError) -> R {
    let change: RecordChange<R> = revision.map { .update(record, expecting: $0) } ?? .create(record)
    let written = try apply([change])
    return written[0]
  }

  /// Deletes one record read at revision `expecting`.
  public func delete<R: StoredRecord>(_ type: R.Type, id: String, expecting revision: Int) throws(StoreError) {
    _ = try apply([RecordChange<R>.delete(id: id, expecting: revision)])
  }

  /// Applies several changes to one collection in a single atomic rewrite
  /// (an import). All or nothing: one conflict refuses the lot.
  /// `audit` lines, if any, are written first, as an intent, then the
  /// data (`WriteAheadAudit`): a crash can never leave a change without
  /// its audit line. After the rename, and before the lock is released,
  /// the file is checked to be the one written (`ReplacedUnderWriter`).
  /// `sourceRows`: source rows an import staged for these changes
  /// (`SourceRowWriter`), put in place under the same lock before the data
  /// file that names them.
  @discardableResult
  public func apply<R: StoredRecord>(
    _ changes: [RecordChange<R>], audit: [AuditEntry] = [], sourceRows staged: SourceRowWriter? = nil
  ) throws(StoreError) -> [R] {
    guard !isReadOnly else { throw StoreError.readOnly }
    do {
      let lock = try DirectoryLock(directory: directory)
      defer { lock.release() }
      try reconcileLocked()
      FileSystem.removeStaleTemporaries(in: directory)
      try upgradeLocked()
      // Source rows go to the sidecar, never into the data file.
      let (changes, sourceRows) = Self.detachSourceRows(changes)
      if R.file == .projects && projectsAreSplit {
        if FileSystem.exists(path(of: .projects)) { try removeProjectsFileLeftOverLocked() }
        return try applyToPartsLocked(changes, audit: audit, sourceRows: sourceRows, staged: staged)
      }
      let path = path(of: R.file)
      var current = try FileSystem.read(path, within: directory) ?? []
      var result: SplicedResult<R>
      do {
        result = try CollectionFileEditor.apply(changes, to: current)
      } catch {
        throw StoreError.conflict(error)
      }
      // Rows that existed before this save may now be named by no record:
      // compacted once the data file is durable (nothing to do when the
      // sidecar was empty, as on a first import).
      let compacts = (!sourceRows.isEmpty || staged != nil) && !self.sourceRows.partNames().isEmpty
      try writeSourceRowsLocked(sourceRows)
      try staged?.commit()
      try commitLocked(
        R.file, present: result.present, absent: result.absent, audit: audit
      ) { fd, temporary throws(FileSystemError) in
        try result.splice.write(to: fd, path: temporary)
      }
      let written = result.written
      // What the save held (the old file, the new lines) is let go first.
      result.splice = SplicedCollection(original: [])
      result.written = []
      current = []
      if R.file == .projects { try splitProjectsIfLargeLocked() }
      if compacts { try compactSourceRowsLocked() }
      return written
    } catch let error as StoreError {
      throw error
    } catch let error as FileSystemError {
      throw StoreError.io(error)
    } catch {
      throw StoreError.io(FileSystemError(path: directory, operation: "save", code: 0))
    }
  }

  /// The locked part every collection write shares, in the order
  /// `WriteAheadAudit` sets out: the intent (pending file, then the audit
  /// entries), the data file replaced atomically, the intent settled,
  /// and a check that the path still names the file written.
  func commitLocked(
    _ file: DataFile, present: [UInt64], absent: [UInt64], audit: [AuditEntry],
    write: (_ fd: Int32, _ temporaryPath: String) throws(FileSystemError) -> Void
  ) throws(StoreError) {
    let path = path(of: file)
    try commitLocked(file, present: present, absent: absent, audit: audit) { () throws(FileSystemError) in
      [path: try FileSystem.writeAtomically(path, writeContents: write)]
    }
  }

  /// `commitLocked` for a write that replaces one or more files
  /// (`replace` returns the identity of each file written, by path): the
  /// project parts are replaced together as one folder.
  func commitLocked(
    _ file: DataFile, present: [UInt64], absent: [UInt64], audit: [AuditEntry],
    replace: () throws(FileSystemError) -> [String: FileSystem.Identity]
  ) throws(StoreError) {
    let path = path(of: file)
    let pending = WriteAheadAudit.Pending(
      txn: WriteAheadAudit.newTransactionID(), file: file, present: present, absent: absent)
    do {
      if !audit.isEmpty {
        try WriteAheadAudit.begin(self, pending, entries: audit) { entries throws(FileSystemError) in
          try appendAuditLocked(entries)
        }
      }
      let written: [String: FileSystem.Identity]
      do {
        written = try replace()
      } catch {
        // Nothing was renamed into place: withdraw the intent now rather
        // than at the next writer's lock.
        try? reconcileLocked()
        throw error
      }
      if !audit.isEmpty { WriteAheadAudit.finish(self) }
      for (written, identity) in written.sorted(by: { $0.key < $1.key }) {
        Self.afterWriteHook.withLock { $0 }?(written)
        if let now = FileSystem.identity(written), now != identity {
          let relative = String(written.dropFirst(directory.count).drop(while: { $0 == "/" }))
          let replaced = ReplacedUnderWriter(file: file, path: FileSystem.join(displayDirectory, relative))
          try appendAuditLocked([replaced.auditEntry(txn: pending.txn)])
          throw StoreError.replaced(replaced)
        }
      }
    } catch let error as StoreError {
      throw error
    } catch let error as FileSystemError {
      throw StoreError.io(error)
    } catch {
      throw StoreError.io(FileSystemError(path: path, operation: "save", code: 0))
    }
  }

  /// Called with the path of a data file just renamed into place, before
  /// the writer checks that it is still there: tests replace the file
  /// here to play an editor that writes without the lock.
  /// Behind a lock: tests set it while other tests' stores write.
  public static let afterWriteHook = Mutex<(@Sendable (String) -> Void)?>(nil)

  /// With the lock held: settles what a writer that died left pending.
  func reconcileLocked() throws(FileSystemError) {
    // The process's own user (password database): no environment needed.
    try WriteAheadAudit.reconcile(self, user: UserIdentity.current(environment: [:])) {
      entries throws(FileSystemError) in try appendAuditLocked(entries)
    }
  }

  /// Replaces the metadata file atomically.
  public func saveMeta(_ meta: DataSetMeta) throws(StoreError) {
    guard !isReadOnly else { throw StoreError.readOnly }
    do {
      let lock = try DirectoryLock(directory: directory)
      defer { lock.release() }
      try reconcileLocked()
      try upgradeLocked()
      var meta = meta
      meta.schema = max(meta.schema, DataSetMeta.currentSchema)
      try FileSystem.writeAtomically(metaPath, Array(meta.fileText.utf8))
    } catch let error as FileSystemError {
      throw StoreError.io(error)
    } catch {
      throw StoreError.io(FileSystemError(path: directory, operation: "save metadata", code: 0))
    }
  }

  /// Appends entries to the audit log (append-only; never rewritten).
  public func appendAudit(_ entries: [AuditEntry]) throws(StoreError) {
    guard !isReadOnly else { throw StoreError.readOnly }
    do {
      let lock = try DirectoryLock(directory: directory)
      defer { lock.release() }
      try reconcileLocked()
      try appendAuditLocked(entries)
    } catch {
      throw StoreError.io(error)
    }
  }

  func appendAuditLocked(_ entries: [AuditEntry]) throws(FileSystemError) {
    try AuditFiles(store: self).append(entries)
  }
}
