#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Dispatch

/// The records of one collection file, and the lines that did not load.
struct ParsedFile<Record: StoredRecord> {
  var records: [Record] = []
  /// The 1-based line each loaded record came from, by id.
  var lineOfID: [String: Int] = [:]
  var issues: [LoadIssue] = []
}

/// Splits a collection file into lines and reads each one. A line that is
/// not valid UTF-8, not valid JSON, of the wrong shape, or a second record
/// with an id already seen is reported (`FILE:LINE: reason`) and left out;
/// the file itself is untouched, so the line survives later saves
/// byte-for-byte (`CollectionFileEditor` only rewrites the lines it is
/// asked to).
enum CollectionParser {
  /// Files above this size are parsed on several cores.
  static let parallelThreshold = 1 << 20

  static func parse<Record: StoredRecord>(
    _ type: Record.Type, bytes: [UInt8], displayPath: String
  ) -> ParsedFile<Record> {
    bytes.withUnsafeBufferPointer { all in
      let cores = max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
      guard all.count >= parallelThreshold, cores > 1 else {
        return parse(Record.self, chunk: all, firstLine: 1, displayPath: displayPath)
      }
      return parseInParallel(Record.self, all, parts: cores, displayPath: displayPath)
    }
  }

  /// Splits the file at line boundaries into `parts` chunks, parses them
  /// concurrently, and merges the results in file order (an id repeated
  /// across chunks is reported as a duplicate, as in a serial parse).
  static func parseInParallel<Record: StoredRecord>(
    _ type: Record.Type, _ all: UnsafeBufferPointer<UInt8>, parts: Int, displayPath: String
  ) -> ParsedFile<Record> {
    guard let base = all.baseAddress else { return ParsedFile() }
    var bounds: [Int] = [0]
    for part in 1..<parts {
      var cut = all.count * part / parts
      if cut <= bounds[bounds.count - 1] { continue }
      if let newline = memchr(base + cut, 0x0A, all.count - cut) {
        cut = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
      } else {
        cut = all.count
      }
      if cut < all.count { bounds.append(cut) }
    }
    bounds.append(all.count)
    let chunks = (0..<bounds.count - 1).map { UnsafeBufferPointer(rebasing: all[bounds[$0]..<bounds[$0 + 1]]) }
    var firstLines = [1]
    for chunk in chunks.dropLast() { firstLines.append(firstLines[firstLines.count - 1] + newlineCount(chunk)) }

    let results = UnsafeMutableBufferPointer<ParsedFile<Record>>.allocate(capacity: chunks.count)
    results.initialize(repeating: ParsedFile())
    defer { results.deinitialize().deallocate() }
    // Each iteration writes only its own slot of `results`.
    nonisolated(unsafe) let slots = results
    nonisolated(unsafe) let inputs = chunks
    let starts = firstLines
    DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
      slots[index] = parse(Record.self, chunk: inputs[index], firstLine: starts[index], displayPath: displayPath)
    }

    var merged = results[0]
    merged.records.reserveCapacity(results.reduce(0) { $0 + $1.records.count })
    for index in 1..<results.count {
      let part = results[index]
      merged.issues += part.issues
      for record in part.records {
        let line = part.lineOfID[record.id] ?? 0
        if let first = merged.lineOfID[record.id] {
          merged.issues.append(
            LoadIssue(
              file: displayPath, line: line,
              reason: "duplicate id \"\(record.id)\" (first on line \(first)); this line is not loaded"))
          continue
        }
        merged.lineOfID[record.id] = line
        merged.records.append(record)
      }
    }
    merged.issues.sort()
    return merged
  }

  static func newlineCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    var count = 0
    var offset = 0
    while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
      count += 1
      offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
    }
    return count
  }

  static func parse<Record: StoredRecord>(
    _ type: Record.Type, chunk all: UnsafeBufferPointer<UInt8>, firstLine: Int, displayPath: String
  ) -> ParsedFile<Record> {
    var parsed = ParsedFile<Record>()
    var lineNumber = firstLine - 1
    forEachLine(all) { line in
        lineNumber += 1
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        func report(_ reason: String) {
          parsed.issues.append(LoadIssue(file: displayPath, line: lineNumber, reason: reason))
        }
        guard isValidUTF8(line) else {
          report("invalid UTF-8; the line is kept as it is but not loaded")
          return
        }
        var reader = JSONReader(line)
        do {
          // Appended straight from the reader, then checked in place, so
          // the record is never copied (a copy retains every field).
          parsed.records.append(try Record(reading: &reader))
        } catch {
          report(describe(error))
          return
        }
        let id = parsed.records[parsed.records.count - 1].id
        var problem: String?
        do {
          try reader.expectEnd()
        } catch {
          problem = describe(error)
        }
        if problem == nil { problem = RecordID.problem(with: id) }
        if problem == nil, let first = parsed.lineOfID[id] {
          problem = "duplicate id \"\(id)\" (first on line \(first)); this line is not loaded"
        }
        if let problem {
          parsed.records.removeLast()
          report(problem)
          return
        }
        parsed.lineOfID[id] = lineNumber
    }
    return parsed
  }

  /// Calls `body` with each line's bytes (without the newline).
  static func forEachLine(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    guard let base = bytes.baseAddress else { return }
    var start = 0
    let count = bytes.count
    while start < count {
      var end = start
      // memchr is vectorised; a byte loop here shows up in start-up time.
      if let found = memchr(base + start, 0x0A, count - start) {
        end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      } else {
        end = count
      }
      body(UnsafeBufferPointer(start: base + start, count: end - start))
      start = end + 1
    }
  }

  /// "invalid JSON at column 12: …" for syntax; the message as is for
  /// shape problems (wrong type, unknown value, missing field).
  static func describe(_ error: any Error) -> String {
    guard let error = error as? JSONError else { return "\(error)" }
    if error.path.isEmpty, let column = error.column {
      return "invalid JSON at column \(column): \(error.message)"
    }
    return error.description
  }
}
