/// One change to one record of a collection.
public enum RecordChange<Record: StoredRecord>: Sendable {
  /// A new record; refused if the id already exists on disk.
  case create(Record)
  /// A new version of a record read at revision `expecting`.
  case update(Record, expecting: Int)
  /// Removes a record read at revision `expecting`.
  case delete(id: String, expecting: Int)

  public var id: String {
    switch self {
    case .create(let record), .update(let record, _): record.id
    case .delete(let id, _): id
    }
  }
}

/// Someone else changed the record since it was read: the save is refused
/// and nothing is written. Carries the version on disk so that the user can
/// compare it with theirs field by field.
public struct StoreConflict: Error, Sendable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// On disk at `revision`, not the revision the edit started from.
    case changed(revision: Int)
    /// Deleted on disk since it was read.
    case deleted
    /// A create, but a record with this id is already on disk.
    case alreadyExists
  }

  public let file: DataFile
  public let id: String
  public let expected: Int?
  public let kind: Kind
  /// The on-disk line of the record, when there is one.
  public let onDiskLine: String?

  public var description: String {
    let name = file.recordName
    switch kind {
    case .changed(let revision):
      return
        "conflict: \(name) \(id) was changed by someone else (revision \(revision) on disk, your edit started from \(expected ?? 0)); nothing was saved"
    case .deleted:
      return "conflict: \(name) \(id) was deleted by someone else since you opened it; nothing was saved"
    case .alreadyExists:
      return "conflict: a \(name) with id \(id) already exists; nothing was saved"
    }
  }

  /// The version on disk, decoded.
  public func onDisk<R: StoredRecord>(as type: R.Type) -> R? {
    onDiskLine.flatMap { try? R(jsonLine: $0) }
  }
}

/// Rewrites a collection file line by line: only the lines of the changed
/// records are replaced, removed or inserted (at their sorted place);
/// every other byte — including lines that did not load — is copied
/// through unchanged.
enum CollectionFileEditor {
  struct Line {
    var range: Range<Int>
    var id: String?
  }

  static func lines(of bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
    var out: [Line] = []
    guard let base = bytes.baseAddress else { return out }
    var offset = 0
    CollectionParser.forEachLine(bytes) { line in
      let start = base.distance(to: line.baseAddress ?? base + offset)
      out.append(Line(range: start..<start + line.count, id: quickID(line)))
      offset = start + line.count + 1
    }
    return out
  }

  /// The id of a line without a full parse: our writer puts it first
  /// (`{"id":"…"`). Other lines get a top-level scan.
  static func quickID(_ line: UnsafeBufferPointer<UInt8>) -> String? {
    let prefix = Array("{\"id\":\"".utf8)
    if line.count > prefix.count, Array(line[0..<prefix.count]) == prefix {
      var end = prefix.count
      while end < line.count, line[end] != UInt8(ascii: "\""), line[end] != UInt8(ascii: "\\") { end += 1 }
      if end < line.count, line[end] == UInt8(ascii: "\"") {
        return String(decoding: UnsafeBufferPointer(rebasing: line[prefix.count..<end]), as: UTF8.self)
      }
    }
    guard isValidUTF8(line) else { return nil }
    var reader = JSONReader(line)
    var id: String?
    do {
      try reader.readObject { reader, key in
        if key == "id" { id = try reader.readString() } else { try reader.skipValue() }
      }
    } catch {
      return nil
    }
    return id
  }

  /// Applies `changes` to the file's bytes. Throws a conflict (and changes
  /// nothing) when any change was based on a stale revision. Returns the
  /// new bytes and the records as written (with their new revisions).
  static func apply<R: StoredRecord>(
    _ changes: [RecordChange<R>], to bytes: [UInt8]
  ) throws(StoreConflict) -> (bytes: [UInt8], written: [R]) {
    try bytes.withUnsafeBufferPointer { (buffer) throws(StoreConflict) -> (bytes: [UInt8], written: [R]) in
      let fileLines = lines(of: buffer)
      var linesByID: [String: [Int]] = [:]
      for (index, line) in fileLines.enumerated() {
        if let id = line.id { linesByID[id, default: []].append(index) }
      }
      // The line a loaded record came from: the first with its id that
      // reads as a valid record (a broken duplicate stays untouched).
      func currentLine(of id: String) -> (index: Int, record: R)? {
        for index in linesByID[id] ?? [] {
          let range = fileLines[index].range
          let slice = UnsafeBufferPointer(rebasing: buffer[range])
          guard isValidUTF8(slice) else { continue }
          var reader = JSONReader(slice)
          if let record = try? R(reading: &reader), (try? reader.expectEnd()) != nil, record.id == id {
            return (index, record)
          }
        }
        return nil
      }
      func text(of index: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[fileLines[index].range]), as: UTF8.self)
      }

      var replacements: [Int: [UInt8]?] = [:]  // line index → new line (nil: delete)
      var creations: [(id: String, line: [UInt8])] = []
      var written: [R] = []
      for change in changes {
        let current = currentLine(of: change.id)
        switch change {
        case .create(var record):
          if let current {
            throw StoreConflict(
              file: R.file, id: record.id, expected: nil, kind: .alreadyExists, onDiskLine: text(of: current.index))
          }
          record.revision = 1
          creations.append((record.id, Array(record.jsonLine.utf8)))
          written.append(record)
        case .update(var record, let expected):
          guard let current else {
            throw StoreConflict(file: R.file, id: record.id, expected: expected, kind: .deleted, onDiskLine: nil)
          }
          guard current.record.revision == expected else {
            throw StoreConflict(
              file: R.file, id: record.id, expected: expected,
              kind: .changed(revision: current.record.revision), onDiskLine: text(of: current.index))
          }
          record.revision = expected + 1
          replacements[current.index] = Array(record.jsonLine.utf8)
          written.append(record)
        case .delete(let id, let expected):
          guard let current else {
            throw StoreConflict(file: R.file, id: id, expected: expected, kind: .deleted, onDiskLine: nil)
          }
          guard current.record.revision == expected else {
            throw StoreConflict(
              file: R.file, id: id, expected: expected, kind: .changed(revision: current.record.revision),
              onDiskLine: text(of: current.index))
          }
          replacements[current.index] = .some(nil)
        }
      }
      creations.sort { $0.id < $1.id }

      var out: [UInt8] = []
      out.reserveCapacity(buffer.count + creations.reduce(0) { $0 + $1.line.count + 1 } + 64)
      var nextCreation = 0
      for (index, line) in fileLines.enumerated() {
        if let id = line.id {
          while nextCreation < creations.count, creations[nextCreation].id < id {
            out += creations[nextCreation].line
            out.append(0x0A)
            nextCreation += 1
          }
        }
        if let replacement = replacements[index] {
          if let replacement {
            out += replacement
            out.append(0x0A)
          }
          continue
        }
        out += UnsafeBufferPointer(rebasing: buffer[line.range])
        out.append(0x0A)
      }
      while nextCreation < creations.count {
        out += creations[nextCreation].line
        out.append(0x0A)
        nextCreation += 1
      }
      return (out, written)
    }
  }
}
