/// Upgrading a data directory written by an older GreenSilk (DECISIONS.md,
/// "Schema 2", "Projects in parts"). Schema 1 kept every imported source
/// row inside its project line; schema 2 keeps them in the sidecar
/// (`sources/`) and the audit log split by month (`audit/`); schema 3
/// moves the projects of a large portfolio into parts (`projects/`). A directory is upgraded the first
/// time a writing command runs in it (every write goes through the store,
/// which upgrades under its lock first), or by `greensilk migrate`.
///
/// Each step is atomic and the steps are ordered so that a crash between
/// any two leaves a directory that loads and upgrades again: the sidecar
/// parts first, then `projects.jsonl` without the rows, then `dataset.json`
/// with the new schema. The old `audit.jsonl` is not moved: readers read
/// it as the oldest part of the log, and nothing writes to it again.
extension FileStore {
  /// What an upgrade did.
  public struct UpgradeReport: Sendable, Equatable {
    public var fromSchema: Int
    public var toSchema: Int
    /// Source rows moved out of `projects.jsonl` into `sources/`.
    public var rowsMoved: Int
    public var projectsBytesBefore: Int
    public var projectsBytesAfter: Int
    /// Whether the projects moved into parts (schema 3, `ProjectParts`).
    public var splitIntoParts = false
  }

  /// Upgrades the directory if its `dataset.json` is of an older schema;
  /// nil when there was nothing to do.
  @discardableResult
  public func upgrade() throws(StoreError) -> UpgradeReport? {
    guard !isReadOnly else { throw StoreError.readOnly }
    do {
      let lock = try DirectoryLock(directory: directory)
      defer { lock.release() }
      return try upgradeLocked()
    } catch let error as StoreError {
      throw error
    } catch let error as FileSystemError {
      throw StoreError.io(error)
    } catch {
      throw StoreError.io(FileSystemError(path: directory, operation: "upgrade", code: 0))
    }
  }

  /// The schema `dataset.json` names (nil: no readable metadata, which an
  /// upgrade leaves alone).
  func storedSchema() throws(FileSystemError) -> (DataSetMeta, Int)? {
    guard let bytes = try FileSystem.read(metaPath),
      let meta = try? DataSetMeta(fileText: String(decoding: bytes, as: UTF8.self))
    else { return nil }
    return (meta, meta.schema)
  }

  /// `upgrade` under a lock the caller holds (a write upgrades first and
  /// has nothing to say about it, hence discardable).
  @discardableResult
  func upgradeLocked() throws -> UpgradeReport? {
    guard let (meta, schema) = try storedSchema(), schema < DataSetMeta.currentSchema else { return nil }
    var report = UpgradeReport(
      fromSchema: schema, toSchema: DataSetMeta.currentSchema, rowsMoved: 0, projectsBytesBefore: 0,
      projectsBytesAfter: 0)
    let projectsPath = path(of: .projects)
    if schema < 2, let bytes = try FileSystem.read(projectsPath) {
      report.projectsBytesBefore = bytes.count
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count / 4)
      let writer = sourceRows.writer()
      let columnsKey = Array("\"columns\":".utf8)
      try bytes.withUnsafeBufferPointer { buffer in
        var start = 0
        while start < buffer.count {
          var end = start
          while end < buffer.count && buffer[end] != 0x0A { end += 1 }
          let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
          let lineEnd = end < buffer.count
          start = end + 1
          // Lines without a source row, and lines that do not read (kept
          // byte for byte, as every save keeps them), stay as they are.
          if Self.find(columnsKey, in: line, from: 0) != nil,
            isValidUTF8(line),
            var project = try? Project(jsonLine: String(decoding: line, as: UTF8.self)),
            let imported = project.imported, let text = imported.columnsJSON, imported.columnCount > 0,
            try writer.add(id: project.id, digest: imported.digest, columnsJSON: text)
          {
            project.imported = imported.detached
            var json = JSONWriter()
            project.encode(into: &json)
            out += json.bytes
            report.rowsMoved += 1
          } else {
            out += line
          }
          if lineEnd { out.append(0x0A) }
        }
      }
      try writer.commit()
      if report.rowsMoved > 0 { try FileSystem.writeAtomically(projectsPath, out) }
      report.projectsBytesAfter = report.rowsMoved > 0 ? out.count : bytes.count
    }
    // Schema 3: a large portfolio moves into parts.
    report.splitIntoParts = try splitProjectsIfLargeLocked()
    var upgraded = meta
    upgraded.schema = DataSetMeta.currentSchema
    try FileSystem.writeAtomically(metaPath, Array(upgraded.fileText.utf8))
    return report
  }
}
