/// Reads `dataset.json`, the one data file that is not JSON Lines: every
/// problem with a line number (issue 16: none had one before), invalid
/// UTF-8 and NUL reported rather than repaired or passed on.
enum MetaFileReading {
  /// The metadata, or nil when the file is missing or refused (`issues`
  /// then says why; a missing file is a problem of its own).
  static func read(path: String, directory: String, displayPath: String) -> (meta: DataSetMeta?, issues: [LoadIssue]) {
    func issue(_ line: Int, _ reason: String) -> LoadIssue { LoadIssue(file: displayPath, line: line, reason: reason) }
    let bytes: [UInt8]
    do throws(FileSystemError) {
      guard let read = try FileSystem.read(path, within: directory) else {
        return (nil, [issue(0, "missing; the data set has no label")])
      }
      bytes = read
    } catch {
      return (nil, [LoadIssue(file: displayPath, line: 0, reason: error.refusal ?? error.description)])
    }
    if let bad = firstInvalidUTF8(bytes) {
      return (nil, [issue(line(at: bad, in: bytes), "invalid UTF-8; the file is not read")])
    }
    if let nul = bytes.firstIndex(of: 0) {
      return (nil, [issue(line(at: nul, in: bytes), "a NUL byte; the file is not read")])
    }
    let meta: DataSetMeta
    do {
      meta = try DataSetMeta(fileText: String(decoding: bytes, as: UTF8.self))
    } catch let error as JSONError {
      // The reader's column counts bytes from the start of the file.
      if let column = error.column {
        let offset = max(0, min(bytes.count, column - 1))
        let lineNumber = line(at: offset, in: bytes)
        var inLine = error
        inLine.column = offset - (lineStart(at: offset, in: bytes)) + 1
        return (nil, [issue(lineNumber, CollectionParser.describe(inLine))])
      }
      // A missing field: the object's opening line.
      let open = bytes.firstIndex(of: UInt8(ascii: "{")) ?? 0
      return (nil, [issue(line(at: open, in: bytes), CollectionParser.describe(error))])
    } catch {
      return (nil, [issue(1, "\(error)")])
    }
    var issues: [LoadIssue] = []
    if meta.schema > DataSetMeta.currentSchema {
      issues.append(
        issue(
          line(of: "\"schema\"", in: bytes),
          "schema \(meta.schema) is newer than this GreenSilk understands (\(DataSetMeta.currentSchema)); unknown fields are kept"
        ))
    }
    return (meta, issues)
  }

  /// The 1-based line holding byte `offset`.
  static func line(at offset: Int, in bytes: [UInt8]) -> Int {
    var line = 1
    for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A { line += 1 }
    return line
  }

  static func lineStart(at offset: Int, in bytes: [UInt8]) -> Int {
    var index = min(offset, bytes.count)
    while index > 0 && bytes[index - 1] != 0x0A { index -= 1 }
    return index
  }

  /// The line where `needle` first appears (1 when it does not).
  static func line(of needle: String, in bytes: [UInt8]) -> Int {
    let pattern = Array(needle.utf8)
    guard pattern.count <= bytes.count else { return 1 }
    for start in 0...(bytes.count - pattern.count) where bytes[start..<start + pattern.count].elementsEqual(pattern) {
      return line(at: start, in: bytes)
    }
    return 1
  }

  /// The offset of the first byte that is not well-formed UTF-8, if any.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    let valid = bytes.withUnsafeBufferPointer { isValidUTF8($0) }
    if valid { return nil }
    // Rare: find where, line by line.
    var start = 0
    while start < bytes.count {
      let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
      let lineValid = bytes.withUnsafeBufferPointer { isValidUTF8(UnsafeBufferPointer(rebasing: $0[start..<end])) }
      if !lineValid { return start }
      start = end + 1
    }
    return 0
  }
}
