#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
  static func parse<Record: StoredRecord>(
    _ type: Record.Type, bytes: [UInt8], displayPath: String
  ) -> ParsedFile<Record> {
    var parsed = ParsedFile<Record>()
    bytes.withUnsafeBufferPointer { all in
      var lineNumber = 0
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
          let record = try Record(reading: &reader)
          try reader.expectEnd()
          if let problem = RecordID.problem(with: record.id) {
            report(problem)
            return
          }
          if let first = parsed.lineOfID[record.id] {
            report("duplicate id \"\(record.id)\" (first on line \(first)); this line is not loaded")
            return
          }
          parsed.lineOfID[record.id] = lineNumber
          parsed.records.append(record)
        } catch let error as JSONError {
          report(describe(error))
        } catch {
          report("\(error)")
        }
      }
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
  static func describe(_ error: JSONError) -> String {
    if error.path.isEmpty, let column = error.column {
      return "invalid JSON at column \(column): \(error.message)"
    }
    return error.description
  }
}
