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
      parse(Record.self, block: all, firstLine: 1, displayPath: displayPath)
    }
  }

  /// Reads a collection file in blocks of whole lines and parses each
  /// block as it arrives, so that a 20 MB file never sits in memory whole
  /// next to the records made from it (peak memory is the records plus one
  /// block). Nil when the file does not exist.
  static func parseFile<Record: StoredRecord>(
    _ type: Record.Type, path: String, displayPath: String, blockSize: Int = 4 << 20
  ) throws(FileSystemError) -> ParsedFile<Record>? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      if errno == ENOENT { return nil }
      throw FileSystemError(path: path, operation: "open", code: errno)
    }
    defer { close(fd) }
    var merged = ParsedFile<Record>()
    // A small file gets a block its own size (plus one byte to see EOF);
    // the block is not zeroed: reads fill it.
    var info = stat()
    let fileSize = fstat(fd, &info) == 0 ? Int(info.st_size) : blockSize
    let capacity = max(64, min(blockSize, fileSize + 1))
    var block = [UInt8](unsafeUninitializedCapacity: capacity) { _, count in count = capacity }
    var filled = 0  // bytes in `block` (a partial line carried over, then new data)
    var nextLine = 1
    var atEnd = false
    while !atEnd {
      if filled == block.count {  // one line longer than a block
        let grown = block.count * 2
        block.reserveCapacity(grown)
        block += [UInt8](unsafeUninitializedCapacity: grown - block.count) { _, count in count = grown - block.count }
      }
      let got = block.withUnsafeMutableBytes { raw in Glibc.read(fd, raw.baseAddress! + filled, raw.count - filled) }
      if got < 0 {
        if errno == EINTR { continue }
        throw FileSystemError(path: path, operation: "read", code: errno)
      }
      atEnd = got == 0
      filled += got
      // Parse up to the last complete line; keep the rest for the next read.
      let complete: Int
      if atEnd {
        complete = filled
      } else {
        guard let lastNewline = block[0..<filled].lastIndex(of: 0x0A) else { continue }
        complete = lastNewline + 1
      }
      if complete > 0 {
        let part = block.withUnsafeBufferPointer { all in
          parse(Record.self, block: UnsafeBufferPointer(rebasing: all[0..<complete]), firstLine: nextLine, displayPath: displayPath)
        }
        block.withUnsafeBufferPointer { all in nextLine += newlineCount(UnsafeBufferPointer(rebasing: all[0..<complete])) }
        if merged.records.isEmpty, !part.records.isEmpty, fileSize > complete {
          // Size the result once, from the first block's bytes per record:
          // growing it block by block would copy it (and hold two copies)
          // each time. A 5% margin; appends grow it further if needed.
          let estimate = part.records.count * fileSize / complete
          merged.records.reserveCapacity(estimate + estimate / 20 + 16)
          merged.lineOfID.reserveCapacity(estimate + estimate / 20 + 16)  // each growth rehashes every id
        }
        merge(part, into: &merged, displayPath: displayPath)
        block.withUnsafeMutableBufferPointer { all in
          if let base = all.baseAddress, filled > complete { memmove(base, base + complete, filled - complete) }
        }
        filled -= complete
      }
    }
    merged.issues.sort()
    return merged
  }

  /// Parses a block of whole lines, on several cores when it is large.
  static func parse<Record: StoredRecord>(
    _ type: Record.Type, block: UnsafeBufferPointer<UInt8>, firstLine: Int, displayPath: String
  ) -> ParsedFile<Record> {
    let cores = max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
    guard block.count >= parallelThreshold, cores > 1 else {
      return parse(Record.self, chunk: block, firstLine: firstLine, displayPath: displayPath)
    }
    return parseInParallel(Record.self, block, parts: cores, firstLine: firstLine, displayPath: displayPath)
  }

  /// Splits a block at line boundaries into `parts` chunks, parses them
  /// concurrently, and merges the results in file order (an id repeated
  /// across chunks is reported as a duplicate, as in a serial parse).
  static func parseInParallel<Record: StoredRecord>(
    _ type: Record.Type, _ all: UnsafeBufferPointer<UInt8>, parts: Int, firstLine: Int = 1, displayPath: String
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
    var firstLines = [firstLine]
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
    var merged = ParsedFile<Record>()
    for index in 0..<results.count {
      merge(results.moveElement(from: index), into: &merged, displayPath: displayPath)
      results.initializeElement(at: index, to: ParsedFile())
    }
    merged.issues.sort()
    return merged
  }

  /// Appends a later part of the file to what was read before it; an id
  /// already seen earlier is reported as a duplicate and left out.
  static func merge<Record: StoredRecord>(_ part: ParsedFile<Record>, into merged: inout ParsedFile<Record>, displayPath: String) {
    if merged.records.isEmpty && merged.issues.isEmpty && merged.records.capacity < part.records.count {
      merged = part
      return
    }
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
    // Sized for lines of 512 bytes or more (projects run ~1 KB), so that
    // the id table rarely regrows and rehashes.
    parsed.lineOfID.reserveCapacity(all.count / 512)
    var lineNumber = firstLine - 1
    let interner = StringInterner()
    forEachLine(all) { line in
        lineNumber += 1
        // Blank lines are skipped; a record line starts with "{", so only
        // other lines need the whole-line look.
        if line.first != UInt8(ascii: "{"), line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        func report(_ reason: String) {
          parsed.issues.append(LoadIssue(file: displayPath, line: lineNumber, reason: reason))
        }
        guard isValidUTF8(line) else {
          report("invalid UTF-8; the line is kept as it is but not loaded")
          return
        }
        var reader = JSONReader(line)
        reader.interner = interner
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
