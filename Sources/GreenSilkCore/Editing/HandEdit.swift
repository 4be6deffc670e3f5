/// A collection file edited by hand (`greensilk edit FILE`, issue 16,
/// item 3): what changed between the copy the editor started from and
/// the copy it saved, turned into a file the store can write like any
/// save: every changed or new record gets the next revision and the
/// editor's stamp, every change an audit entry, and lines the user did
/// not touch keep their bytes.
public struct HandEdit<R: StoredRecord>: Sendable {
  /// The file to write.
  public var bytes: [UInt8]
  /// One entry per created, changed or deleted record.
  public var audit: [AuditEntry]
  /// Digests of the lines the write adds and removes (`WriteAheadAudit`).
  public var present: [UInt64]
  public var absent: [UInt64]
  /// Lines of the edited copy that do not load (`FILE:LINE: reason`);
  /// the edit is refused while there are any.
  public var problems: [LoadIssue]

  public var created = 0
  public var updated = 0
  public var deleted = 0

  public var hasChanges: Bool { created + updated + deleted > 0 }

  /// Compares `edited` with `base` line by line. `displayName` is what
  /// problems call the file (the copy the user edits).
  public init(base: [UInt8], edited: [UInt8], displayName: String, user: UserIdentity, now: Timestamp) {
    bytes = []
    audit = []
    present = []
    absent = []
    problems = []
    let baseLines = Self.lines(base)
    var baseRecords: [String: (record: R, digest: UInt64)] = [:]
    var baseBadLines = Set<[UInt8]>()
    for line in baseLines where !line.isEmpty {
      if let record = Self.decode(line) {
        if baseRecords[record.id] == nil { baseRecords[record.id] = (record, WriteAheadAudit.digest(line)) }
      } else {
        baseBadLines.insert(line)
      }
    }
    var seen = Set<String>()
    for (index, line) in Self.lines(edited).enumerated() {
      if line.isEmpty { continue }
      guard let record = Self.decode(line) else {
        // A line that did not load before and is left as it was stays
        // byte-for-byte, as every save keeps it; a new one is refused.
        if baseBadLines.contains(line) {
          bytes += line + [0x0A]
        } else {
          problems.append(LoadIssue(file: displayName, line: index + 1, reason: Self.reason(line)))
        }
        continue
      }
      guard seen.insert(record.id).inserted else {
        problems.append(
          LoadIssue(file: displayName, line: index + 1, reason: "duplicate id \(record.id): each record once"))
        continue
      }
      guard let old = baseRecords[record.id] else {
        var created = record
        created.revision = 1
        Self.stamp(&created, user: user, now: now)
        let line = Array(created.jsonLine.utf8)
        bytes += line + [0x0A]
        present.append(WriteAheadAudit.digest(line))
        audit.append(
          AuditEntry(
            at: now, user: user, action: "edit", file: R.file, id: created.id, revision: 1,
            changes: RecordFields.changes(from: nil, to: created), note: "created with greensilk edit"))
        self.created += 1
        continue
      }
      if record == old.record || CollectionFileEditor.sameContent(record, old.record) {
        bytes += line + [0x0A]
        continue
      }
      var changed = record
      changed.revision = old.record.revision + 1
      Self.stamp(&changed, user: user, now: now)
      let newLine = Array(changed.jsonLine.utf8)
      bytes += newLine + [0x0A]
      present.append(WriteAheadAudit.digest(newLine))
      absent.append(old.digest)
      audit.append(
        AuditEntry(
          at: now, user: user, action: "edit", file: R.file, id: changed.id, revision: changed.revision,
          changes: RecordFields.changes(from: old.record, to: changed), note: "changed with greensilk edit"))
      updated += 1
    }
    for (id, old) in baseRecords.sorted(by: { $0.key < $1.key }) where !seen.contains(id) {
      absent.append(old.digest)
      audit.append(
        AuditEntry(
          at: now, user: user, action: "edit", file: R.file, id: id, revision: nil,
          changes: RecordFields.changes(from: old.record, to: nil as R?), note: "deleted with greensilk edit"))
      deleted += 1
    }
  }

  public static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
    var out: [[UInt8]] = []
    bytes.withUnsafeBufferPointer { buffer in
      CollectionParser.forEachLine(buffer) { out.append(Array($0)) }
    }
    return out
  }

  static func decode(_ line: [UInt8]) -> R? {
    line.withUnsafeBufferPointer { slice in
      guard isValidUTF8(slice) else { return nil }
      var reader = JSONReader(slice)
      guard let record = try? R(reading: &reader), (try? reader.expectEnd()) != nil else { return nil }
      return record
    }
  }

  static func reason(_ line: [UInt8]) -> String {
    line.withUnsafeBufferPointer { slice in
      guard isValidUTF8(slice) else { return "invalid UTF-8" }
      var reader = JSONReader(slice)
      do {
        _ = try R(reading: &reader)
        try reader.expectEnd()
        return "does not load"
      } catch let error as JSONError {
        return CollectionParser.describe(error)
      } catch {
        return "\(error)"
      }
    }
  }

  static func stamp(_ record: inout R, user: UserIdentity, now: Timestamp) {
    guard var stamped = record as? any StampedRecord else { return }
    stamped.changedBy = user.login
    stamped.changedAt = now
    if let back = stamped as? R { record = back }
  }
}

extension FileStore {
  /// Writes a hand-edited collection file (`greensilk edit`): only if the
  /// file still holds `base`, the bytes the edit started from (someone
  /// who saved meanwhile makes it `StoreError.changedMeanwhile`, nothing
  /// written); audited first, like every save (`WriteAheadAudit`).
  public func replace<R: StoredRecord>(_ edit: HandEdit<R>, ifStill base: [UInt8]) throws(StoreError) {
    guard !isReadOnly else { throw StoreError.readOnly }
    do {
      let lock = try DirectoryLock(directory: directory)
      defer { lock.release() }
      try reconcileLocked()
      FileSystem.removeStaleTemporaries(in: directory)
      let current = try FileSystem.read(path(of: R.file), within: directory) ?? []
      guard current == base else {
        throw StoreError.changedMeanwhile(FileSystem.join(displayDirectory, R.file.fileName))
      }
      try commitLocked(R.file, present: edit.present, absent: edit.absent, audit: edit.audit) {
        fd, temporary throws(FileSystemError) in try FileSystem.writeAll(fd, edit.bytes, path: temporary)
      }
    } catch let error as StoreError {
      throw error
    } catch let error as FileSystemError {
      throw StoreError.io(error)
    } catch {
      throw StoreError.io(FileSystemError(path: directory, operation: "save", code: 0))
    }
  }
}
