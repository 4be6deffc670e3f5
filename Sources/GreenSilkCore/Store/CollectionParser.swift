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

  static var processorCount: Int { max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))) }

  /// Parses a whole file held in memory, on several cores when it is large.
  static func parse<Record: StoredRecord>(
    _ type: Record.Type, bytes: [UInt8], displayPath: String
  ) -> ParsedFile<Record> {
    bytes.withUnsafeBufferPointer { all in
      let bounds = lineAlignedBounds(all, parts: all.count >= parallelThreshold ? processorCount : 1)
      nonisolated(unsafe) let input = all
      let ranges = inParallel(bounds.count - 1) { index in
        let range = ParsedRange<Record>()
        range.parseLines(UnsafeBufferPointer(rebasing: input[bounds[index]..<bounds[index + 1]]), displayPath: displayPath)
        return range
      }
      return merge(ranges, displayPath: displayPath)
    }
  }

  /// Parses lines on this thread only, numbering from `firstLine`: the
  /// reference the parallel and streaming parses are tested against.
  static func parse<Record: StoredRecord>(
    _ type: Record.Type, chunk: UnsafeBufferPointer<UInt8>, firstLine: Int, displayPath: String
  ) -> ParsedFile<Record> {
    let range = ParsedRange<Record>()
    range.lineCount = firstLine - 1
    range.parseLines(chunk, displayPath: displayPath)
    return merge([range], displayPath: displayPath)
  }

  /// Reads a collection file and parses it: one thread per core, each
  /// streaming its own line-aligned part of the file in blocks, so that a
  /// 20 MB file never sits in memory whole next to the records made from
  /// it, and the threads meet only once, at the end. Nil when the file
  /// does not exist.
  static func parseFile<Record: StoredRecord>(
    _ type: Record.Type, path: String, displayPath: String, within directory: String? = nil, blockSize: Int = 4 << 20
  ) throws(FileSystemError) -> ParsedFile<Record>? {
    guard let (fd, fileSize) = try FileSystem.openForReading(path, within: directory) else { return nil }
    defer { close(fd) }
    let parts = fileSize >= parallelThreshold ? processorCount : 1
    let bounds = try lineAlignedBounds(fd, fileSize: fileSize, parts: parts, path: path)
    let results = inParallel(bounds.count - 1) { index in
      Result { () throws(FileSystemError) in
        try readRange(
          Record.self, fd: fd, bounds[index]..<bounds[index + 1], fileSize: fileSize, blockSize: blockSize,
          path: path, displayPath: displayPath)
      }
    }
    var ranges: [ParsedRange<Record>] = []
    for result in results { ranges.append(try result.get()) }
    return merge(ranges, displayPath: displayPath)
  }

  /// Reads `range` of the file in blocks and parses each block's whole
  /// lines as it arrives (a line cut by the block end waits for the next).
  static func readRange<Record: StoredRecord>(
    _ type: Record.Type, fd: Int32, _ range: Range<Int>, fileSize: Int, blockSize: Int, path: String,
    displayPath: String
  ) throws(FileSystemError) -> ParsedRange<Record> {
    let parsed = ParsedRange<Record>()
    let expectedBytes = max(0, min(range.upperBound, fileSize) - range.lowerBound)
    // A small file gets a block its own size (plus one byte to see its
    // end); the block is not zeroed: reads fill it.
    let capacity = max(64, min(blockSize, expectedBytes + 1))
    var block = [UInt8](unsafeUninitializedCapacity: capacity) { _, count in count = capacity }
    var filled = 0  // bytes in `block` (a partial line carried over, then new data)
    var offset = range.lowerBound
    var consumed = 0
    var atEnd = false
    // Set while the rest of a line longer than `ReadLimits.maxLineBytes`
    // is read and dropped (it was reported when it passed the limit).
    var skippingLongLine = false
    while !atEnd {
      if filled == block.count && filled > ReadLimits.maxLineBytes {
        // A line past the limit: report it and drop it as it streams by,
        // so a file of one endless line holds at most one block.
        parsed.reportOverlongLine(displayPath: displayPath)
        filled = 0
        skippingLongLine = true
      }
      if filled == block.count {  // one line longer than a block
        let grown = min(block.count * 2, max(block.count + 1, ReadLimits.maxLineBytes + 1))
        block.reserveCapacity(grown)
        block += [UInt8](unsafeUninitializedCapacity: grown - block.count) { _, count in count = grown - block.count }
      }
      let wanted = min(block.count - filled, range.upperBound - offset)
      let got =
        wanted == 0 ? 0 : block.withUnsafeMutableBytes { raw in pread(fd, raw.baseAddress! + filled, wanted, off_t(offset)) }
      if got < 0 {
        if errno == EINTR { continue }
        throw FileSystemError(path: path, operation: "read", code: errno)
      }
      atEnd = got == 0
      filled += got
      offset += got
      if offset > ReadLimits.maxFileBytes {
        throw FileSystemError.refused(
          path, "grew past the \(ReadLimits.maxFileBytes >> 20) MiB a file may have while it was read; not read")
      }
      if skippingLongLine {
        guard let newline = block[0..<filled].firstIndex(of: 0x0A) else {
          filled = 0
          continue
        }
        block.withUnsafeMutableBufferPointer { all in
          if let base = all.baseAddress { memmove(base, base + newline + 1, filled - newline - 1) }
        }
        filled -= newline + 1
        skippingLongLine = false
      }
      // Parse up to the last complete line; keep the rest for the next read.
      let complete: Int
      if atEnd {
        complete = filled
      } else {
        guard let lastNewline = block[0..<filled].lastIndex(of: 0x0A) else { continue }
        complete = lastNewline + 1
      }
      guard complete > 0 else { continue }
      block.withUnsafeBufferPointer { all in
        parsed.parseLines(UnsafeBufferPointer(rebasing: all[0..<complete]), displayPath: displayPath)
      }
      if consumed == 0, parsed.records.count > 0, expectedBytes > complete {
        // Size the id table once, from the first block's bytes per record
        // (each growth would rehash every id), with a 5% margin.
        let estimate = parsed.records.count * expectedBytes / complete
        parsed.reserve(estimate + estimate / 20 + 16)
      }
      consumed += complete
      block.withUnsafeMutableBufferPointer { all in
        if let base = all.baseAddress, filled > complete { memmove(base, base + complete, filled - complete) }
      }
      filled -= complete
    }
    return parsed
  }

  /// Where to cut a buffer into `parts` ranges of whole lines.
  static func lineAlignedBounds(_ all: UnsafeBufferPointer<UInt8>, parts: Int) -> [Int] {
    var bounds = [0]
    if let base = all.baseAddress {
      for part in 1..<max(1, parts) {
        let cut = all.count * part / parts
        guard cut > bounds[bounds.count - 1], let newline = memchr(base + cut, 0x0A, all.count - cut) else { continue }
        let next = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
        if next < all.count { bounds.append(next) }
      }
    }
    bounds.append(all.count)
    return bounds
  }

  /// Where to cut a file into `parts` ranges of whole lines; the last one
  /// runs to the end of the file, whatever its size by then.
  static func lineAlignedBounds(_ fd: Int32, fileSize: Int, parts: Int, path: String) throws(FileSystemError) -> [Int] {
    var bounds = [0]
    var window = [UInt8](repeating: 0, count: 64 * 1024)
    for part in 1..<max(1, parts) {
      var cut = fileSize * part / parts
      guard cut > bounds[bounds.count - 1] else { continue }
      var next: Int?
      while next == nil, cut < fileSize {
        let got = window.withUnsafeMutableBytes { raw in pread(fd, raw.baseAddress!, raw.count, off_t(cut)) }
        if got < 0 {
          if errno == EINTR { continue }
          throw FileSystemError(path: path, operation: "read", code: errno)
        }
        if got == 0 { break }
        if let newline = window[0..<got].firstIndex(of: 0x0A) { next = cut + newline + 1 } else { cut += got }
      }
      if let next, next < fileSize { bounds.append(next) }
    }
    bounds.append(Int.max)
    return bounds
  }

  /// `body(0..<count)` on as many threads, results in order.
  static func inParallel<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
    if count == 1 { return [body(0)] }
    let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer { slots.deinitialize().deallocate() }
    // Each iteration writes only its own slot.
    nonisolated(unsafe) let output = slots
    withoutActuallyEscaping(body) { body in
      nonisolated(unsafe) let work = body
      DispatchQueue.concurrentPerform(iterations: count) { index in output[index] = work(index) }
    }
    return slots.map { $0! }
  }

  /// Joins the ranges in file order: line numbers shifted by the lines
  /// before each range, an id seen in an earlier range reported as a
  /// duplicate and left out, and the records moved (not copied) into one
  /// array.
  static func merge<Record: StoredRecord>(_ ranges: [ParsedRange<Record>], displayPath: String) -> ParsedFile<Record> {
    var merged = ParsedFile<Record>()
    guard let first = ranges.first else { return merged }
    merged.lineOfID = first.lineOfID
    merged.issues = first.issues
    var dropped: [[Int]] = [[]]
    var lineOffset = first.lineCount
    for range in ranges.dropFirst() {
      merged.lineOfID.reserveCapacity(merged.lineOfID.count + range.records.count)
      for var issue in range.issues {
        issue.line += lineOffset
        merged.issues.append(issue)
      }
      var drops: [Int] = []
      for index in 0..<range.records.count {
        let id = range.records.id(at: index)
        let line = Int(range.lines[index]) + lineOffset
        if let earlier = merged.lineOfID[id] {
          merged.issues.append(
            LoadIssue(
              file: displayPath, line: line,
              reason: "duplicate id \"\(id)\" (first on line \(earlier)); this line is not loaded"))
          drops.append(index)
        } else {
          merged.lineOfID[id] = line
        }
      }
      dropped.append(drops)
      lineOffset += range.lineCount
    }
    let total = zip(ranges, dropped).reduce(0) { $0 + $1.0.records.count - $1.1.count }
    merged.records = [Record](unsafeUninitializedCapacity: total) { buffer, initialized in
      initialized = 0
      guard let base = buffer.baseAddress else { return }
      for (range, drops) in zip(ranges, dropped) {
        initialized += range.records.moveAll(to: base + initialized, dropping: drops)
      }
    }
    merged.issues.sort()
    return merged
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
