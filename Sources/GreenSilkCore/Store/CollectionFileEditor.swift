#if canImport(Glibc)
import Glibc
#endif

/// One change to one record of a collection.
public enum RecordChange<Record: StoredRecord>: Sendable {
  /// A new record; refused if the id already exists on disk.
  case create(Record)
  /// A new version of a record read at revision `expecting`.
  case update(Record, expecting: Int)
  /// A new version of `original`, the record as the edit read it: the
  /// record on disk must still be at its revision and also hold its
  /// content, whatever the revision says, so that a hand edit or a
  /// replaced data directory that kept `rev` is a conflict, not a silent
  /// overwrite (issue 16, item 1). Every edit and import saves this way.
  case replace(Record, original: Record)
  /// Removes a record read at revision `expecting`.
  case delete(id: String, expecting: Int)

  public var id: String {
    switch self {
    case .create(let record), .update(let record, _), .replace(let record, _): record.id
    case .delete(let id, _): id
    }
  }

  /// The new version of an existing record (an update or a replace).
  public var updatedRecord: Record? {
    switch self {
    case .update(let record, _), .replace(let record, _): record
    case .create, .delete: nil
    }
  }
}

/// Someone else changed the record since it was read: the save is refused
/// and nothing is written. Carries the version on disk so that the user can
/// compare it with theirs field by field.
public struct StoreConflict: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Kind: Hashable, Sendable {
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
    case .changed(let revision) where revision == expected:
      return
        "conflict: \(name) \(id) was changed on disk since you opened it, without a new revision (edited by hand, or the data replaced); nothing was saved"
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
    /// Where the id's bytes are, for lines in our own form (id first).
    var idBytes: Range<Int>?
    /// The id of a line in another form (found by a top-level scan).
    var otherID: String?

    var hasID: Bool { idBytes != nil || otherID != nil }
  }

  /// `{"id":"` — how every line our writer writes begins.
  static let idPrefix: [UInt8] = Array("{\"id\":\"".utf8)

  /// Every line's range and id position, without making a String per
  /// line: a save looks up a few ids among 20,000 lines.
  static func lines(of bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
    var out: [Line] = []
    guard let base = bytes.baseAddress else { return out }
    var offset = 0
    idPrefix.withUnsafeBufferPointer { prefix in
      CollectionParser.forEachLine(bytes) { line in
        let start = base.distance(to: line.baseAddress ?? base + offset)
        offset = start + line.count + 1
        if line.count > prefix.count, bytesEqual(UnsafeBufferPointer(rebasing: line[0..<prefix.count]), prefix) {
          var end = prefix.count
          while end < line.count, line[end] != UInt8(ascii: "\""), line[end] != UInt8(ascii: "\\") { end += 1 }
          if end < line.count, line[end] == UInt8(ascii: "\"") {
            out.append(Line(range: start..<start + line.count, idBytes: (start + prefix.count)..<(start + end)))
            return
          }
        }
        out.append(Line(range: start..<start + line.count, otherID: scannedID(line)))
      }
    }
    return out
  }

  /// The id of a line whose id is not written first: a top-level scan.
  static func scannedID(_ line: UnsafeBufferPointer<UInt8>) -> String? {
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

  /// Whether the record on disk still holds what the edit read: equal
  /// values, or (for values that differ only in how they are held in
  /// memory) the same canonical line.
  static func sameContent<R: StoredRecord>(_ onDisk: R, _ original: R) -> Bool {
    onDisk == original || onDisk.jsonLine == original.jsonLine
  }

  static func id(of line: Line, in buffer: UnsafeBufferPointer<UInt8>) -> String? {
    if let range = line.idBytes { return String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self) }
    return line.otherID
  }

  /// Whether a line's id sorts after `id` (ids are ASCII: byte order is
  /// the same as String order).
  static func id(of line: Line, in buffer: UnsafeBufferPointer<UInt8>, isAfter id: [UInt8]) -> Bool {
    if let range = line.idBytes {
      return id.withUnsafeBufferPointer { wanted in
        let have = UnsafeBufferPointer(rebasing: buffer[range])
        let common = min(have.count, wanted.count)
        if common > 0, let a = have.baseAddress, let b = wanted.baseAddress {
          let order = memcmp(a, b, common)
          if order != 0 { return order > 0 }
        }
        return have.count > wanted.count
      }
    }
    guard let other = line.otherID else { return false }
    return String(decoding: id, as: UTF8.self) < other
  }

  /// Applies `changes` to the file's bytes. Throws a conflict (and changes
  /// nothing) when any change was based on a stale revision. Returns the
  /// new file and the records as written (with their new revisions).
  static func apply<R: StoredRecord>(
    _ changes: [RecordChange<R>], to bytes: [UInt8]
  ) throws(StoreConflict) -> SplicedResult<R> {
    try bytes.withUnsafeBufferPointer { (buffer) throws(StoreConflict) -> SplicedResult<R> in
      let fileLines = lines(of: buffer)
      // Only the changed ids are looked up: index just those lines.
      let wanted = Set(changes.map(\.id))
      var linesByID: [String: [Int]] = [:]
      for (index, line) in fileLines.enumerated() where line.hasID {
        // Ids are short: these Strings live inline, without allocating.
        if let id = id(of: line, in: buffer), wanted.contains(id) { linesByID[id, default: []].append(index) }
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
      var creations: [(id: String, idBytes: [UInt8], line: [UInt8])] = []
      var written: [R] = []
      // What the write will have done, by line digest (WriteAheadAudit).
      var present: [UInt64] = []
      var absent: [UInt64] = []
      func oldDigest(_ index: Int) -> UInt64 {
        WriteAheadAudit.digest(UnsafeBufferPointer(rebasing: buffer[fileLines[index].range]))
      }
      for change in changes {
        let current = currentLine(of: change.id)
        // A replace is an update that also compares the content on disk.
        let (change, original): (RecordChange<R>, R?) =
          if case .replace(let record, let original) = change {
            (.update(record, expecting: original.revision), original)
          } else {
            (change, nil)
          }
        switch change {
        case .create(var record):
          if let current {
            throw StoreConflict(
              file: R.file, id: record.id, expected: nil, kind: .alreadyExists, onDiskLine: text(of: current.index))
          }
          record.revision = 1
          let line = Array(record.jsonLine.utf8)
          creations.append((record.id, Array(record.id.utf8), line))
          present.append(WriteAheadAudit.digest(line))
          written.append(record)
        case .replace:
          preconditionFailure("a replace was turned into an update above")
        case .update(var record, let expected):
          guard let current else {
            throw StoreConflict(file: R.file, id: record.id, expected: expected, kind: .deleted, onDiskLine: nil)
          }
          guard current.record.revision == expected, original.map({ sameContent(current.record, $0) }) ?? true else {
            throw StoreConflict(
              file: R.file, id: record.id, expected: expected,
              kind: .changed(revision: current.record.revision), onDiskLine: text(of: current.index))
          }
          record.revision = expected + 1
          let line = Array(record.jsonLine.utf8)
          replacements[current.index] = line
          present.append(WriteAheadAudit.digest(line))
          absent.append(oldDigest(current.index))
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
          absent.append(oldDigest(current.index))
        }
      }
      creations.sort { $0.id < $1.id }

      // Unchanged lines are kept as runs of the bytes read (one piece per
      // stretch between changes, not one per line) and written straight
      // from that buffer: a save in a 20 MB file touches a handful of
      // lines and need not assemble a second 20 MB copy.
      var splice = SplicedCollection(original: bytes)
      var runStart: Int?
      var runEnd = 0
      func flushRun() {
        guard let start = runStart else { return }
        splice.keep(start..<runEnd)
        if runEnd == buffer.count && buffer.last != 0x0A { splice.insert([0x0A]) }  // the last line had no newline
        runStart = nil
      }
      var nextCreation = 0
      for (index, line) in fileLines.enumerated() {
        if line.hasID, nextCreation < creations.count, id(of: line, in: buffer, isAfter: creations[nextCreation].idBytes) {
          flushRun()
          while nextCreation < creations.count, id(of: line, in: buffer, isAfter: creations[nextCreation].idBytes) {
            splice.insertLine(creations[nextCreation].line)
            nextCreation += 1
          }
        }
        if let replacement = replacements[index] {
          flushRun()
          if let replacement { splice.insertLine(replacement) }
          continue
        }
        if runStart == nil { runStart = line.range.lowerBound }
        runEnd = min(buffer.count, line.range.upperBound + 1)
      }
      flushRun()
      while nextCreation < creations.count {
        splice.insertLine(creations[nextCreation].line)
        nextCreation += 1
      }
      return SplicedResult(splice: splice, written: written, present: present, absent: absent)
    }
  }
}

/// What `CollectionFileEditor.apply` decided: the new file, the records
/// as written, and the digests of the lines the write adds and removes
/// (what `WriteAheadAudit` looks for after a crash).
struct SplicedResult<R: StoredRecord> {
  var splice: SplicedCollection
  var written: [R]
  var present: [UInt64]
  var absent: [UInt64]
}

/// A collection file as a save rewrites it: runs of the bytes read from
/// disk, unchanged, between new lines.
struct SplicedCollection {
  enum Piece {
    case original(Range<Int>)
    case inserted([UInt8])
    /// A new record's line, written with its newline after it.
    case line([UInt8])
  }

  let original: [UInt8]
  private(set) var pieces: [Piece] = []

  init(original: [UInt8]) { self.original = original }

  mutating func keep(_ range: Range<Int>) {
    guard !range.isEmpty else { return }
    pieces.append(.original(range))
  }

  /// `keep`, joined to the last piece when it ends where `range` starts
  /// (a split keeps runs of adjacent lines of one part as one piece).
  mutating func keepExtending(_ range: Range<Int>) {
    guard !range.isEmpty else { return }
    if case .original(let last) = pieces.last, last.upperBound == range.lowerBound {
      pieces[pieces.count - 1] = .original(last.lowerBound..<range.upperBound)
    } else {
      pieces.append(.original(range))
    }
  }

  mutating func insert(_ bytes: [UInt8]) { pieces.append(.inserted(bytes)) }

  /// The line itself is kept (it shares its buffer with the caller's), not
  /// copied into one growing buffer of all new lines: an import of 21,000
  /// GCDF records held that buffer (135 MB with its doubling) beside the
  /// lines (71 MB) at its peak (issue 13). `write` gathers pieces into
  /// blocks instead, so the write is still a few large writes.
  mutating func insertLine(_ line: [UInt8]) { pieces.append(.line(line)) }

  /// How many new bytes `write` gathers before one `write(2)`.
  static let blockSize = 1 << 20

  func write(to fd: Int32, path: String) throws(FileSystemError) {
    var block: [UInt8] = []
    block.reserveCapacity(Self.blockSize)
    func flush() throws(FileSystemError) {
      guard !block.isEmpty else { return }
      try FileSystem.writeAll(fd, block, path: path)
      block.removeAll(keepingCapacity: true)
    }
    // withUnsafeBytes does not carry typed throws: failures come out as a result.
    let failure: FileSystemError? = original.withUnsafeBytes { (source: UnsafeRawBufferPointer) -> FileSystemError? in
      for piece in pieces {
        do throws(FileSystemError) {
          switch piece {
          case .original(let range):
            try flush()
            try FileSystem.writeAll(fd, UnsafeRawBufferPointer(rebasing: source[range]), path: path)
          case .inserted(let bytes):
            block += bytes
          case .line(let bytes):
            block += bytes
            block.append(0x0A)
          }
          if block.count >= Self.blockSize { try flush() }
        } catch {
          return error
        }
      }
      do throws(FileSystemError) {
        try flush()
      } catch {
        return error
      }
      return nil
    }
    if let failure { throw failure }
  }

  /// The whole new file in memory (tests, small files).
  var bytes: [UInt8] {
    var out: [UInt8] = []
    for piece in pieces {
      switch piece {
      case .original(let range): out += original[range]
      case .inserted(let bytes): out += bytes
      case .line(let bytes):
        out += bytes
        out.append(0x0A)
      }
    }
    return out
  }
}
