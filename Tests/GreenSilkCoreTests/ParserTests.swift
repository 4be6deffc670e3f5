import Testing

@testable import GreenSilkCore

@Suite struct ParserTests {
  /// Big files are parsed on several cores; the result must be exactly the
  /// serial one, including issues, line numbers and cross-chunk duplicates.
  @Test func parallelParseEqualsSerialParse() throws {
    var lines: [String] = []
    for number in 0..<6000 {
      var p = Project(id: "P-" + String(100_000 + number), revision: 1, title: "Project \(number) 风电", stage: .concept)
      p.summary = String(repeating: "x", count: 150)
      lines.append(p.jsonLine)
    }
    lines[10] = "{broken"
    lines[3000] = Project(id: "P-100005", title: "duplicate of an early id", stage: .concept).jsonLine
    lines[5999] = Project(id: "P-103001", title: "duplicate of a middle id", stage: .concept).jsonLine
    let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
    #expect(bytes.count > CollectionParser.parallelThreshold)
    let parallel = CollectionParser.parse(Project.self, bytes: bytes, displayPath: "p.jsonl")
    let serial = bytes.withUnsafeBufferPointer {
      CollectionParser.parse(Project.self, chunk: $0, firstLine: 1, displayPath: "p.jsonl")
    }
    #expect(parallel.records == serial.records)
    #expect(parallel.lineOfID == serial.lineOfID)
    #expect(parallel.issues == serial.issues.sorted())
    #expect(parallel.issues.map(\.line) == [11, 3001, 6000])
    #expect(parallel.records.count == 5997)
  }

  @Test func blankLinesAreSkippedButCounted() {
    let text = "\n" + Project(id: "P-1", title: "A", stage: .concept).jsonLine + "\n   \n{x\n"
    let parsed = CollectionParser.parse(Project.self, bytes: Array(text.utf8), displayPath: "f")
    #expect(parsed.records.map(\.id) == ["P-1"])
    #expect(parsed.issues.map(\.description) == ["f:4: invalid JSON at column 2: expected a field name in quotes"])
  }

  /// A line that is not JSON at all is quoted as written, not taken for a
  /// literal it happens to start like.
  @Test func textThatIsNotJSONIsQuoted() {
    let text = "not json\nnull\nfalsehood\n"
    let parsed = CollectionParser.parse(Project.self, bytes: Array(text.utf8), displayPath: "f")
    #expect(
      parsed.issues.map(\.description) == [
        "f:1: invalid JSON at column 1: expected an object, found 'not'",
        "f:2: invalid JSON at column 1: expected an object, found null",
        "f:3: invalid JSON at column 1: expected an object, found 'falsehood'",
      ])
  }
}

@Suite struct StreamingParserTests {
  /// Reading in small blocks (lines cut across blocks, a line longer than
  /// a block, a last line without newline) gives exactly the serial parse.
  @Test(arguments: [64, 100, 1000, 4096])
  func blocksGiveTheSameResultAsOneBuffer(blockSize: Int) throws {
    let dir = try TempDataDirectory()
    var lines = Fixtures.projects.map(\.jsonLine)
    var long = Fixtures.projects[0]
    long.id = "P-0900"
    long.summary = String(repeating: "long ", count: 300)
    lines.append(long.jsonLine)
    lines.append("{not json")
    lines.append(Fixtures.projects[1].jsonLine)  // a duplicate id
    var last = Fixtures.projects[2]
    last.id = "P-0999"
    let text = lines.joined(separator: "\n") + "\n" + last.jsonLine  // no final newline
    try dir.write("projects.jsonl", text)
    let streamed = try #require(try CollectionParser.parseFile(Project.self, path: dir.path + "/projects.jsonl", displayPath: "p", blockSize: blockSize))
    let whole = CollectionParser.parse(Project.self, bytes: Array(text.utf8), displayPath: "p")
    #expect(streamed.records == whole.records)
    #expect(streamed.lineOfID == whole.lineOfID)
    #expect(streamed.issues == whole.issues.sorted())
    #expect(streamed.records.map(\.id).last == "P-0999")
    #expect(streamed.issues.map(\.line) == [5, 6])
  }

  /// A file over the parallel threshold is split between threads, each
  /// streaming its own part: still exactly the serial parse (line numbers
  /// across the cut, a duplicate whose first copy is in the other part,
  /// bad lines on both sides, no final newline).
  @Test(arguments: [64 * 1024, 4 << 20])
  func partsReadByThreadsGiveTheSameResult(blockSize: Int) throws {
    let dir = try TempDataDirectory()
    var lines: [String] = []
    for number in 0..<6000 {
      var p = Project(id: "P-" + String(100_000 + number), revision: 1, title: "Project \(number) 风电", stage: .concept)
      p.summary = String(repeating: "y", count: 200)
      p.corridors = number % 2 == 0 ? [.cpec] : [.nelb, .bcimec]
      lines.append(p.jsonLine)
    }
    lines[7] = "{broken"
    lines[4500] = "   "
    lines[4501] = Project(id: "P-100003", title: "duplicate of an early id", stage: .concept).jsonLine
    lines[5998] = "\u{FF}"
    let text = lines.joined(separator: "\n")  // no final newline
    #expect(text.utf8.count > CollectionParser.parallelThreshold)
    try dir.write("projects.jsonl", text)
    let streamed = try #require(
      try CollectionParser.parseFile(Project.self, path: dir.path + "/projects.jsonl", displayPath: "p", blockSize: blockSize))
    let serial = Array(text.utf8).withUnsafeBufferPointer {
      CollectionParser.parse(Project.self, chunk: $0, firstLine: 1, displayPath: "p")
    }
    #expect(streamed.records == serial.records)
    #expect(streamed.lineOfID == serial.lineOfID)
    #expect(streamed.issues == serial.issues.sorted())
    #expect(streamed.issues.map(\.line) == [8, 4502, 5999])
    #expect(streamed.records.count == 5996)
    #expect(streamed.records.last?.id == "P-105999")
  }
}
