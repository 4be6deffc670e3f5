/// The store's side of the source-row sidecar (`SourceRowStore`): every
/// save moves the rows that travel with its records into `sources/`, so
/// `projects.jsonl` never holds them; a save that moved some then drops
/// the sidecar rows no record names any longer.
extension FileStore {
  public var sourceRows: SourceRowStore { SourceRowStore(directory: directory) }

  /// A row to move: the record's id, digest and columns text.
  struct MovedRow {
    var id: String
    var digest: String
    var columnsJSON: String
  }

  /// `changes` with each project's source row detached, and the rows
  /// (nothing for other records, or rows already in the sidecar). A row
  /// that is not an object of columns stays in its record.
  static func detachSourceRows<R: StoredRecord>(_ changes: [RecordChange<R>]) -> ([RecordChange<R>], [MovedRow]) {
    guard R.self == Project.self else { return (changes, []) }
    var rows: [MovedRow] = []
    func detach(_ record: R) -> R {
      guard var project = record as? Project, let imported = project.imported, let text = imported.columnsJSON,
        imported.columnCount > 0
      else { return record }
      rows.append(MovedRow(id: project.id, digest: imported.digest, columnsJSON: text))
      project.imported = imported.detached
      return project as! R
    }
    // The record an edit read is compared with the line on disk, which
    // holds the row's digest only: its row goes too, but nowhere.
    func withoutRow(_ record: R) -> R {
      guard var project = record as? Project, let imported = project.imported, imported.columnsJSON != nil,
        imported.columnCount > 0
      else { return record }
      project.imported = imported.detached
      return project as! R
    }
    let detached = changes.map { change -> RecordChange<R> in
      switch change {
      case .create(let record): .create(detach(record))
      case .update(let record, let expecting): .update(detach(record), expecting: expecting)
      case .replace(let record, let original): .replace(detach(record), original: withoutRow(original))
      case .delete: change
      }
    }
    return (detached, rows)
  }

  /// Writes `rows` as new sidecar parts (each atomically). Called under
  /// the lock, before the data file that names them is written.
  func writeSourceRowsLocked(_ rows: [MovedRow]) throws(FileSystemError) {
    guard !rows.isEmpty else { return }
    let writer = sourceRows.writer()
    for row in rows { try writer.add(id: row.id, digest: row.digest, columnsJSON: row.columnsJSON) }
    try writer.commit()
  }

  /// Drops the sidecar rows that `projects.jsonl` (as now on disk) does
  /// not name. Called under the lock, after the data file is durable.
  func compactSourceRowsLocked() throws(FileSystemError) {
    guard let bytes = try readProjectCollection() else { return }
    try sourceRows.compact(live: Self.namedSourceRows(bytes))
  }

  /// The sidecar keys (id and digest) a projects file names, found by
  /// their keys in each line, without decoding the records.
  static func namedSourceRows(_ bytes: [UInt8]) -> Set<String> {
    var live = Set<String>()
    let idKey = Array("{\"id\":\"".utf8)
    let importedKey = Array("\"imported\":{".utf8)
    let digestKey = Array("\"digest\":\"".utf8)
    bytes.withUnsafeBufferPointer { buffer in
      var start = 0
      while start < buffer.count {
        var end = start
        while end < buffer.count && buffer[end] != 0x0A { end += 1 }
        let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
        if let id = quotedValue(after: idKey, in: line, from: 0),
          let imported = find(importedKey, in: line, from: 0),
          let digest = quotedValue(after: digestKey, in: line, from: imported)
        {
          live.insert(SourceRowIndex.key(id, digest))
        }
        start = end + 1
      }
    }
    return live
  }

  static func find(_ needle: [UInt8], in line: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    guard line.count >= needle.count else { return nil }
    var index = from
    while index + needle.count <= line.count {
      if line[index] == needle[0] {
        var match = true
        for offset in 1..<needle.count where line[index + offset] != needle[offset] {
          match = false
          break
        }
        if match { return index + needle.count }
      }
      index += 1
    }
    return nil
  }

  /// The plain string (no escapes: ids and digests have none) after `key`.
  static func quotedValue(after key: [UInt8], in line: UnsafeBufferPointer<UInt8>, from: Int) -> String? {
    guard let start = find(key, in: line, from: from) else { return nil }
    var end = start
    while end < line.count && line[end] != UInt8(ascii: "\"") {
      if line[end] == UInt8(ascii: "\\") { return nil }
      end += 1
    }
    guard end < line.count else { return nil }
    return String(decoding: UnsafeBufferPointer(rebasing: line[start..<end]), as: UTF8.self)
  }

  /// Every project with its source row attached, read from the sidecar
  /// in one pass over its index (for exports).
  public func attachingSourceRows(_ projects: [Project]) throws(FileSystemError) -> [Project] {
    guard projects.contains(where: { $0.imported != nil && $0.imported?.columnsJSON == nil }) else { return projects }
    let reader = try sourceRows.index().reader()
    return projects.map { reader.attach($0) }
  }
}
