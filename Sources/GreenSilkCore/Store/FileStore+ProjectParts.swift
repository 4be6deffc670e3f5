#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The store's writes to projects in parts (`ProjectParts`): changes are
/// grouped by part, every part checked before anything is written (one
/// conflict refuses the lot, as for one file), and the folder replaced in
/// one exchange (`ProjectFolderWriter`) inside the usual commit
/// (`commitLocked`: intent, audit, data, check).
extension FileStore {
  /// `apply` for projects already in parts, under the lock.
  func applyToPartsLocked<R: StoredRecord>(
    _ changes: [RecordChange<R>], audit: [AuditEntry], sourceRows: [MovedRow], staged: SourceRowWriter?
  ) throws(StoreError) -> [R] {
    var groups: [Int: [RecordChange<R>]] = [:]
    for change in changes { groups[ProjectParts.partIndex(of: change.id), default: []].append(change) }
    var results: [Int: SplicedResult<R>] = [:]
    do {
      for (index, group) in groups {
        let bytes = try FileSystem.read(path(ofPart: index), within: directory) ?? []
        do {
          results[index] = try CollectionFileEditor.apply(group, to: bytes)
        } catch {
          throw StoreError.conflict(error)
        }
      }
      let compacts = (!sourceRows.isEmpty || staged != nil) && !self.sourceRows.partNames().isEmpty
      try writeSourceRowsLocked(sourceRows)
      try staged?.commit()
      var writers: [Int: SplicedCollection] = [:]
      for (index, result) in results { writers[index] = result.splice }
      try commitLocked(
        .projects, present: results.values.flatMap(\.present), absent: results.values.flatMap(\.absent), audit: audit
      ) { () throws(FileSystemError) in
        try ProjectFolderWriter.replace(in: self, changed: writers)
      }
      // The records as written, in the order of the changes.
      var byID: [String: R] = [:]
      for result in results.values { for record in result.written { byID[record.id] = record } }
      let written = changes.compactMap { byID[$0.id] }
      results = [:]
      writers = [:]
      if compacts { try compactSourceRowsLocked() }
      return written
    } catch let error as StoreError {
      throw error
    } catch let error as FileSystemError {
      throw StoreError.io(error)
    } catch {
      throw StoreError.io(FileSystemError(path: projectFolder, operation: "save", code: 0))
    }
  }

  /// Moves the projects of `projects.jsonl` into parts, once it holds more
  /// than `ProjectParts.splitThreshold` of them; under the lock, after a
  /// write left it so (or by an upgrade). The lines move byte for byte
  /// (bad ones too, to part 00 when they have no id), so nothing about
  /// the records changes and no audit entry is due. Returns whether it split.
  @discardableResult
  func splitProjectsIfLargeLocked() throws(FileSystemError) -> Bool {
    guard !projectsAreSplit, let bytes = try FileSystem.read(path(of: .projects), within: directory) else {
      return false
    }
    guard let parts = ProjectParts.splitInPlace(bytes, ifMoreThan: ProjectParts.splitThreshold) else { return false }
    try ProjectFolderWriter.replace(in: self, changed: parts)
    try removeProjectsFileLeftOverLocked()
    return true
  }

  /// With the projects in parts, `projects.jsonl` is what a split killed
  /// between its two steps left behind: removed when every one of its
  /// lines is in a part (it was copied whole), otherwise kept, and the
  /// loader reports it. Under the lock.
  func removeProjectsFileLeftOverLocked() throws(FileSystemError) {
    let file = path(of: .projects)
    guard projectsAreSplit, let bytes = try FileSystem.read(file, within: directory) else { return }
    var inParts = Set<UInt64>()
    for index in projectPartIndices() {
      let part = try FileSystem.read(path(ofPart: index), within: directory) ?? []
      part.withUnsafeBufferPointer { buffer in
        CollectionParser.forEachLine(buffer) { inParts.insert(WriteAheadAudit.digest($0)) }
      }
    }
    var allCopied = true
    bytes.withUnsafeBufferPointer { buffer in
      CollectionParser.forEachLine(buffer) { line in
        if !inParts.contains(WriteAheadAudit.digest(line)) { allCopied = false }
      }
    }
    guard allCopied else { return }
    unlink(file)
    try FileSystem.syncDirectory(directory)
  }
}
