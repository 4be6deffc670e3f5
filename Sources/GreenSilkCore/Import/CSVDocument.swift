/// A CSV file, read row by row (`CSVFields`, CSV.swift's rules), each row tagged with the
/// physical line it starts on (`CSVRowScanner`). A row that cannot be
/// read (invalid UTF-8, a quoted field never closed) is a `CSVRowProblem`
/// for that row only; the other rows still read.
struct CSVDocument: Sendable {
  /// The file's bytes, without a UTF-8 byte-order mark.
  let bytes: [UInt8]
  /// The rows, header first; blank lines are left out (they hold no data).
  let rows: [CSVRowScanner.Row]

  init(bytes input: [UInt8]) {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    bytes = input.starts(with: bom) ? Array(input.dropFirst(3)) : input
    rows = bytes.withUnsafeBufferPointer { buffer in
      CSVRowScanner.rows(buffer).filter { !$0.bytes.isEmpty || $0.unterminatedQuote }
    }
  }

  /// A block of a file whose rows were found already (`CSVBlockReader`).
  init(bytes: [UInt8], rows: [CSVRowScanner.Row]) {
    self.bytes = bytes
    self.rows = rows
  }

  /// The fields of one row, as CSV.swift would parse them.
  func fields(of row: CSVRowScanner.Row) throws(CSVRowProblem) -> [String] {
    if row.unterminatedQuote {
      throw CSVRowProblem(
        line: row.line,
        reason: "a quoted field opened on this row is never closed (the file may be truncated)")
    }
    return try bytes.withUnsafeBufferPointer { (all) throws(CSVRowProblem) -> [String] in
      let slice = UnsafeBufferPointer(rebasing: all[row.bytes])
      guard isValidUTF8(slice) else {
        let line = row.line + Self.lineOffsetOfInvalidUTF8(slice)
        throw CSVRowProblem(
          line: row.line,
          reason: line == row.line ? "invalid UTF-8" : "invalid UTF-8 (on line \(line), inside a quoted field)")
      }
      return CSVFields.split(slice)
    }
  }

  /// The cells of one row of our own export: its fields with the `'` that
  /// `CSVCellGuard` put in front of formula-like cells taken off again,
  /// unless `verbatim` (the file was written with `--verbatim-cells`).
  func cells(of row: CSVRowScanner.Row, verbatim: Bool) throws(CSVRowProblem) -> [String] {
    let fields = try fields(of: row)
    return verbatim ? fields : fields.map(CSVCellGuard.restored)
  }

  /// Which line of a multi-line row holds the first invalid byte. Line
  /// breaks are ASCII, so an invalid sequence never spans one: checking
  /// line by line finds it.
  static func lineOffsetOfInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var offset = 0
    var start = 0
    var index = 0
    while index <= bytes.count {
      let atEnd = index == bytes.count
      if atEnd || bytes[index] == 0x0A || bytes[index] == 0x0D {
        if !isValidUTF8(UnsafeBufferPointer(rebasing: bytes[start..<index])) { return offset }
        if atEnd { break }
        if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        offset += 1
        start = index + 1
      }
      index += 1
    }
    return 0
  }
}

/// Why one CSV row could not be read or used; the row is skipped.
struct CSVRowProblem: Error, Sendable {
  var line: Int
  var reason: String
}
