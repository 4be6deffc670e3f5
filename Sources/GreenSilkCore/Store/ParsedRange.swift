#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What one thread decoded from one range of a collection file, with line
/// numbers counted from the range's start (the merge shifts them once the
/// earlier ranges' line counts are known).
final class ParsedRange<Record: StoredRecord> {
  let records = RecordSegments<Record>()
  /// The range-relative line of each record in `records`.
  var lines: [Int32] = []
  /// Range-relative line by id: duplicates within the range.
  var lineOfID: [String: Int] = [:]
  var issues: [LoadIssue] = []
  /// Lines consumed so far (the next line is `lineCount + 1`).
  var lineCount = 0
  /// One interner for the whole range: a value repeated anywhere in it is
  /// stored once.
  let interner = StringInterner()

  func reserve(_ records: Int) {
    lineOfID.reserveCapacity(records)
    lines.reserveCapacity(records)
  }

  /// Decodes whole lines (`bytes` ends at a line end or at the end of the
  /// file) and appends what loads; bad lines become issues.
  func parseLines(_ bytes: UnsafeBufferPointer<UInt8>, displayPath: String) {
    CollectionParser.forEachLine(bytes) { line in
      lineCount += 1
      if line.count > ReadLimits.maxLineBytes {
        report(Self.overlongLineReason, displayPath)
        return
      }
      // Blank lines are skipped; a record line starts with "{", so only
      // other lines need the whole-line look.
      if line.first != UInt8(ascii: "{"), line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
      guard isValidUTF8(line) else {
        report("invalid UTF-8; the line is kept as it is but not loaded", displayPath)
        return
      }
      var reader = JSONReader(line)
      reader.interner = interner
      do {
        // Decoded straight into its place and checked there, so the record
        // is never copied (a copy retains every field).
        try records.append(Record(reading: &reader))
      } catch {
        report(CollectionParser.describe(error), displayPath)
        return
      }
      let id = records.lastID
      var problem: String?
      do {
        try reader.expectEnd()
      } catch {
        problem = CollectionParser.describe(error)
      }
      if problem == nil { problem = RecordID.problem(with: id) }
      if problem == nil, let first = lineOfID[id] {
        problem = "duplicate id \"\(id)\" (first on line \(first)); this line is not loaded"
      }
      if let problem {
        records.removeLast()
        report(problem, displayPath)
        return
      }
      lineOfID[id] = lineCount
      lines.append(Int32(lineCount))
    }
  }

  static var overlongLineReason: String {
    "line longer than \(ReadLimits.maxLineBytes >> 20) MiB; the line is kept as it is but not loaded"
  }

  /// Counts and reports a line the streaming reader drops because it is
  /// longer than `ReadLimits.maxLineBytes`.
  func reportOverlongLine(displayPath: String) {
    lineCount += 1
    report(Self.overlongLineReason, displayPath)
  }

  private func report(_ reason: String, _ displayPath: String) {
    issues.append(LoadIssue(file: displayPath, line: lineCount, reason: reason))
  }
}

/// Records in fixed-size segments of memory we manage, so that the load
/// can move them into the final array (no retain and release of every
/// field, as a copy would cost) and free each segment as soon as it is
/// moved (the records are never held twice).
final class RecordSegments<Record> {
  private static var segmentSize: Int { 1024 }
  private var segments: [UnsafeMutablePointer<Record>] = []
  private(set) var count = 0

  func append(_ record: consuming Record) {
    let slot = count % Self.segmentSize
    if slot == 0 { segments.append(.allocate(capacity: Self.segmentSize)) }
    (segments[segments.count - 1] + slot).initialize(to: record)
    count += 1
  }

  func removeLast() {
    count -= 1
    let slot = count % Self.segmentSize
    (segments[segments.count - 1] + slot).deinitialize(count: 1)
    if slot == 0 { segments.removeLast().deallocate() }
  }

  func pointer(at index: Int) -> UnsafeMutablePointer<Record> {
    segments[index / Self.segmentSize] + index % Self.segmentSize
  }

  /// Moves the records into `destination` in order, dropping those whose
  /// index is in `dropped` (sorted), and frees every segment; returns how
  /// many were moved. The segments are empty afterwards.
  func moveAll(to destination: UnsafeMutablePointer<Record>, dropping dropped: [Int]) -> Int {
    var moved = 0
    var nextDrop = 0
    for (number, segment) in segments.enumerated() {
      let first = number * Self.segmentSize
      let inSegment = min(Self.segmentSize, count - first)
      if nextDrop == dropped.count || dropped[nextDrop] >= first + inSegment {
        (destination + moved).moveInitialize(from: segment, count: inSegment)
        moved += inSegment
      } else {
        for offset in 0..<inSegment {
          if nextDrop < dropped.count, dropped[nextDrop] == first + offset {
            (segment + offset).deinitialize(count: 1)
            nextDrop += 1
          } else {
            (destination + moved).moveInitialize(from: segment + offset, count: 1)
            moved += 1
          }
        }
      }
      segment.deallocate()
    }
    segments = []
    count = 0
    return moved
  }

  deinit {
    for (number, segment) in segments.enumerated() {
      segment.deinitialize(count: min(Self.segmentSize, count - number * Self.segmentSize))
      segment.deallocate()
    }
  }
}

extension RecordSegments where Record: StoredRecord {
  var lastID: String { pointer(at: count - 1).pointee.id }
  func id(at index: Int) -> String { pointer(at: index).pointee.id }
}
