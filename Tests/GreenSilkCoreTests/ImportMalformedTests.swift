import CSV
import Foundation
import Testing

@testable import GreenSilkCore

/// Broken AidData files: each bad row is reported as FILE:LINE: reason
/// (the physical line it starts on) and skipped; the good rows import.
@Suite struct ImportMalformedTests {
  /// Plans the import of `text` into the small test data set.
  func plan(_ bytes: [UInt8]) throws -> ImportPlan<Project> {
    let dir = try TempDataDirectory()
    return try dir.store.planAidData(bytes, path: "bad.csv")
  }

  func plan(_ lines: [String]) throws -> ImportPlan<Project> {
    try plan(Array(([try AidDataText.header()] + lines).joined(separator: "\n").utf8) + [0x0A])
  }

  @Test func truncatedInsideAQuotedField() throws {
    let lines = try AidDataText.lines()
    // The Description of the 6th record is quoted (it holds commas): cut it.
    let cut = String(lines[5].prefix(400))
    #expect(cut.filter { $0 == "\"" }.count % 2 == 1)
    let plan = try plan(Array(lines[0..<5]) + [cut])
    #expect(plan.summary.created == 5)
    #expect(plan.problems.map(\.description) == ["bad.csv:7: a quoted field opened on this row is never closed (the file may be truncated)"])
  }

  @Test func truncatedBetweenFields() throws {
    let lines = try AidDataText.lines()
    let row = lines[2]
    let comma = try #require(row.firstIndex(of: ","))
    let cut = String(row[..<comma])
    let plan = try plan(Array(lines[0..<2]) + [cut])
    #expect(plan.summary.created == 2)
    #expect(plan.problems.map(\.description) == ["bad.csv:4: 1 column, the header has 126"])
  }

  @Test func rowWithTooManyColumns() throws {
    var lines = Array(try AidDataText.lines()[0..<4])
    lines[1] += ",extra"
    let plan = try plan(lines)
    #expect(plan.summary.created == 3 && plan.summary.skipped == 1)
    #expect(plan.problems.map(\.description) == ["bad.csv:3: 127 columns, the header has 126"])
  }

  @Test func badDate() throws {
    var lines = Array(try AidDataText.lines()[0..<3])
    lines[2] = try AidDataText.replacing("Commitment Date (MM/DD/YYYY)", with: "2021-02-30", in: lines[2])
    let plan = try plan(lines)
    #expect(plan.summary.created == 2)
    #expect(
      plan.problems.map(\.description) == [
        "bad.csv:4: column \"Commitment Date (MM/DD/YYYY)\": \"2021-02-30\": day 30 does not exist in 2021-02"
      ])
  }

  @Test func datesInTheHeadersFormatAreAccepted() throws {
    var lines = Array(try AidDataText.lines()[0..<1])
    lines[0] = try AidDataText.replacing("Commitment Date (MM/DD/YYYY)", with: "03/29/2020", in: lines[0])
    let plan = try plan(lines)
    #expect(plan.problems.isEmpty)
    guard case .create(let project) = try #require(plan.changes.first) else { Issue.record("expected a create"); return }
    #expect(project.dates.commitment == Day("2020-03-29"))
  }

  @Test func badNumberAndBadYear() throws {
    var lines = Array(try AidDataText.lines()[0..<3])
    lines[0] = try AidDataText.replacing("Amount (Constant USD 2021)", with: "1,016,812,036", in: lines[0])
    lines[1] = try AidDataText.replacing("Implementation Start Year", with: "2004.5", in: lines[1])
    let plan = try plan(lines)
    #expect(plan.summary.created == 1)
    #expect(
      plan.problems.map(\.description) == [
        "bad.csv:2: column \"Amount (Constant USD 2021)\": \"1,016,812,036\" is not a number",
        "bad.csv:3: column \"Implementation Start Year\": \"2004.5\" is not a year",
      ])
  }

  @Test func invalidUTF8IsReportedWithItsLine() throws {
    var bytes = Array(([try AidDataText.header()] + Array(try AidDataText.lines()[0..<4])).joined(separator: "\n").utf8) + [0x0A]
    // Put a stray 0xFF into the third data row's title (line 4).
    let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
    bytes.insert(0xFF, at: lineStarts[3] + 10)
    let plan = try plan(bytes)
    #expect(plan.summary.created == 3)
    #expect(plan.problems.map(\.description) == ["bad.csv:4: invalid UTF-8"])
  }

  @Test func lineNumbersCountQuotedLineBreaks() throws {
    var lines = Array(try AidDataText.lines()[0..<3])
    // Row 1 gains a three-line description; row 2 is then broken.
    lines[0] = try AidDataText.replacing("Description", with: "First paragraph.\n\nSecond, \"quoted\" paragraph.", in: lines[0])
    lines[1] = try AidDataText.replacing("Status", with: "Planned", in: lines[1])
    var bytes = Array(([try AidDataText.header()] + lines).joined(separator: "\n").utf8) + [0x0A]
    var plan = try plan(bytes)
    #expect(
      plan.problems.map(\.description) == [
        "bad.csv:5: column \"Status\": unknown status \"Planned\" (expected one of: Pipeline: Pledge, Pipeline: Commitment, Implementation, Completion, Cancelled, Suspended)"
      ])
    guard case .create(let first) = try #require(plan.changes.first) else { Issue.record("expected a create"); return }
    #expect(first.summary == "First paragraph.\n\nSecond, \"quoted\" paragraph.")
    // The same with CRLF line ends, and invalid UTF-8 inside the quoted
    // paragraph: the row is reported where it starts, the byte's line named.
    bytes = Array(([try AidDataText.header()] + lines).joined(separator: "\r\n").utf8)
    let marker = Array("Second,".utf8)
    let secondParagraph = try #require(bytes.indices.first { bytes[$0...].starts(with: marker) })
    bytes.insert(0xC3, at: secondParagraph)
    plan = try self.plan(bytes)
    #expect(plan.problems.first?.description == "bad.csv:2: invalid UTF-8 (on line 4, inside a quoted field)")
  }

  @Test func rowsWithoutARecordIDOrWithAnUnknownCountryOrTwiceTheSameID() throws {
    var lines = Array(try AidDataText.lines()[0..<4])
    lines[0] = try AidDataText.replacing("AidData Record ID", with: "", in: lines[0])
    lines[1] = try AidDataText.replacing("Recipient ISO-3", with: "ZZZ", in: lines[1])
    lines[3] = lines[2]
    let plan = try plan(lines)
    #expect(plan.summary.created == 1)
    #expect(plan.summary.rowsRead == 4 && plan.summary.skipped == 3)
    #expect(
      plan.problems.map(\.description) == [
        "bad.csv:2: no AidData Record ID",
        "bad.csv:3: column \"Recipient ISO-3\": unknown country \"ZZZ\" (not in countries.jsonl)",
        "bad.csv:5: duplicate AidData Record ID 96083 (first on line 4); row skipped",
      ])
  }

  @Test func regionalRowsHaveNoCountryAndNoCorridor() throws {
    var lines = Array(try AidDataText.lines()[0..<1])
    lines[0] = try AidDataText.replacing("Recipient ISO-3", with: "", in: lines[0])
    let plan = try plan(lines)
    #expect(plan.problems.isEmpty)
    guard case .create(let project) = try #require(plan.changes.first) else { Issue.record("expected a create"); return }
    #expect(project.countries.isEmpty && project.corridors.isEmpty)
    #expect(plan.summary.byCorridor == [ImportSummary.CorridorCount(corridor: nil, count: 1)])
  }

  @Test func aFileThatIsNotAGCDFExportIsRefusedWhole() throws {
    #expect(throws: ImportFailure.self) { try plan(Array("id,title\n1,x\n".utf8)) }
    do {
      _ = try plan(Array("AidData Record ID,Title\n1,x\n".utf8))
    } catch let failure as ImportFailure {
      #expect(failure.description.hasPrefix("bad.csv:1: not an AidData GCDF 3.0 project-level export: missing columns \"Recipient ISO-3\""))
    }
    #expect(throws: ImportFailure.self) { try plan([UInt8]()) }
  }

  /// The scanner must split rows exactly where CSV.swift does, whatever
  /// the quoting (doubled quotes, stray quotes, CR, LF, CRLF, unclosed
  /// fields), or `FILE:LINE` would point at the wrong row.
  @Test func scannerAgreesWithCSVSwiftOnRandomInput() throws {
    var generator = SplitMix(seed: 7)
    let alphabet: [String] = ["a", "b", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "é", "中"]
    for _ in 0..<1000 {
      var text = ""
      for _ in 0..<Int(generator.next() % 40) { text += alphabet[Int(generator.next() % UInt64(alphabet.count))] }
      let whole = try CSVReader(string: text)
      var expected: [[String]] = []
      while let row = whole.next() { expected.append(row) }
      let bytes = Array(text.utf8)
      let scanned = bytes.withUnsafeBufferPointer { CSVRowScanner.rows($0) }
      let rows = try scanned.map { row -> [String] in
        try CSVReader(string: String(decoding: bytes[row.bytes], as: UTF8.self)).next() ?? [""]
      }
      #expect(rows == expected, "\(text.debugDescription)")
      // Our field splitter gives the library's fields, row by row.
      let ours = bytes.withUnsafeBufferPointer { all in
        scanned.map { CSVFields.split(UnsafeBufferPointer(rebasing: all[$0.bytes])) }
      }
      #expect(ours == expected, "fields of \(text.debugDescription)")
      // Lines: each row starts after the line breaks of those before it.
      var line = 1
      for row in scanned {
        #expect(row.line == line, "\(text.debugDescription)")
        line += row.lineCount
      }
    }
  }

  /// What the exporter writes, CSV.swift reads back to the same fields.
  @Test func writtenFieldsReadBackThroughTheLibrary() throws {
    var generator = SplitMix(seed: 11)
    let alphabet: [String] = ["a", "b", ",", "\"", "\n", "\r\n", "\r", " ", "é", "中", "{\"k\":[1,2]}"]
    for _ in 0..<500 {
      var row: [String] = []
      for _ in 0..<(1 + Int(generator.next() % 5)) {
        var field = ""
        for _ in 0..<Int(generator.next() % 8) { field += alphabet[Int(generator.next() % UInt64(alphabet.count))] }
        row.append(field)
      }
      var bytes: [UInt8] = []
      for (index, field) in row.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        RecordExporter.appendField(field, to: &bytes)
      }
      let text = String(decoding: bytes, as: UTF8.self)
      let back = try CSVReader(string: text).next() ?? [""]
      #expect(back == row, "\(text.debugDescription)")
    }
  }

  @Test func scannerLinesAndBlankRows() throws {
    let text = "a,b\r\n\"x\ny\",c\n\nd,\"e\"\"\rf\"\n\"open,"
    let document = CSVDocument(bytes: Array(text.utf8))
    #expect(document.rows.map(\.line) == [1, 2, 5, 7])
    #expect(document.rows.map(\.lineCount) == [1, 2, 2, 1])
    #expect(document.rows.map(\.unterminatedQuote) == [false, false, false, true])
    #expect(try document.fields(of: document.rows[2]) == ["d", "e\"\rf"])
  }
}

/// A small deterministic random generator for the property test.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
