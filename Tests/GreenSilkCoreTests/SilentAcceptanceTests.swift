import Foundation
import Testing

@testable import GreenSilkCore

/// Issue 16, "validate must say what it silently accepts today": each of
/// these loaded without a word before.
@Suite struct SilentAcceptanceTests {
  func load(_ dir: TempDataDirectory) throws -> (LoadResult, [String]) {
    let result = try dir.store.load()
    let rules = RecordRules.check(result.dataSet).map { problem in
      let (file, line) = result.location(of: problem.file, id: problem.id, displayDirectory: dir.path)
      return LoadIssue(file: file, line: line, reason: problem.message).description
    }
    return (result, result.issues.map(\.description) + rules)
  }

  @Test func aNULInATitleIsALineProblem() throws {
    let dir = try TempDataDirectory()
    var lines = Fixtures.projects.map(\.jsonLine)
    lines[1] = lines[1].replacingOccurrences(of: "\"Grid link\"", with: "\"Grid\\u0000link\"")
    try dir.write("projects.jsonl", lines)
    let (result, problems) = try load(dir)
    #expect(problems == ["\(dir.path)/projects.jsonl:2: field \"title\": NUL (\\u0000) inside a string: text may not hold NUL"])
    #expect(result.dataSet.project(id: "P-0002") == nil)
  }

  @Test func aRawNULByteInAStringIsALineProblem() throws {
    let dir = try TempDataDirectory()
    var lines = Fixtures.projects.map(\.jsonLine)
    lines[0] = lines[0].replacingOccurrences(of: "\"Solar park\"", with: "\"Solar\u{0}park\"")
    try dir.write("projects.jsonl", lines)
    let (_, problems) = try load(dir)
    #expect(problems.count == 1)
    #expect(problems.first?.hasPrefix("\(dir.path)/projects.jsonl:1: field \"title\": raw NUL (0x00) inside a string") == true)
  }

  @Test(arguments: ["title", "stage", "unknown_thing"])
  func aFieldTwiceInARecordIsALineProblem(key: String) throws {
    let dir = try TempDataDirectory()
    var lines = Fixtures.projects.map(\.jsonLine)
    let value = key == "stage" ? "\"concept\"" : "\"x\""
    lines[2] = String(lines[2].dropLast()) + ",\"\(key)\":\(value),\"\(key)\":\(value)}"
    try dir.write("projects.jsonl", lines)
    let (_, problems) = try load(dir)
    #expect(problems.count == 1)
    #expect(problems.first?.hasPrefix("\(dir.path)/projects.jsonl:3: ") == true)
    #expect(problems.first?.contains("field \"\(key)\" appears twice in one object") == true)
  }

  @Test func aFieldTwiceInANestedObjectIsALineProblem() throws {
    let dir = try TempDataDirectory()
    var lines = Fixtures.projects.map(\.jsonLine)
    lines[2] = lines[2].replacingOccurrences(of: "\"currency\":\"USD\"", with: "\"currency\":\"USD\",\"currency\":\"EUR\"")
    try dir.write("projects.jsonl", lines)
    let (_, problems) = try load(dir)
    #expect(problems.first?.contains("projects.jsonl:3: field \"budget\": field \"currency\" appears twice") == true)
  }

  @Test func invalidUTF8AndNULInDatasetJSONAreProblemsWithALine() throws {
    let dir = try TempDataDirectory()
    let text = try dir.read("dataset.json")
    var bytes = Array(text.utf8)
    let third = bytes.indices.filter { bytes[$0] == 0x0A }[2] + 3
    bytes.insert(0xFF, at: third)
    FileManager.default.createFile(atPath: dir.path + "/dataset.json", contents: Data(bytes))
    var (_, problems) = try load(dir)
    #expect(problems == ["\(dir.path)/dataset.json:4: invalid UTF-8; the file is not read"])
    bytes[third] = 0
    FileManager.default.createFile(atPath: dir.path + "/dataset.json", contents: Data(bytes))
    (_, problems) = try load(dir)
    #expect(problems == ["\(dir.path)/dataset.json:4: a NUL byte; the file is not read"])
  }

  /// Twelve ways to break dataset.json, each reported with its line.
  @Test(arguments: [
    ("{\n  \"schema\": 1,\n  \"label\": \"illustrative\",\n  \"title\": 5\n}\n", 4),
    ("{\n  \"schema\": 1,\n  \"label\": \"made-up\"\n}\n", 3),
    ("{\n  \"schema\": \"one\",\n  \"label\": \"illustrative\"\n}\n", 2),
    ("{\n  \"label\": \"illustrative\"\n}\n", 1),
    ("\n\n{\n  \"schema\": 1\n}\n", 3),
    ("{\n  \"schema\": 1,\n  \"label\": \"illustrative\",\n}\n", 4),
    ("{\n  \"schema\": 1,\n  \"label\": \"illustrative\"\n}\n}\n", 5),
    ("{\n  \"schema\": 1,\n  \"label\": \"illustrative\",\n  \"as_of\": \"2026-13-01\"\n}\n", 4),
    ("{\n  \"schema\": 1,\n  \"schema\": 1,\n  \"label\": \"illustrative\"\n}\n", 3),
    ("{\n  \"schema\": 1,\n  \"label\": \"illustrative\",\n  \"title\": \"a\tb\"\n}\n", 4),
    ("{\n  \"schema\": 1,\n  \"label\": \"illustrative\",\n  \"attributions\": [1]\n}\n", 4),
    ("{\n  \"schema\": 99,\n  \"label\": \"illustrative\"\n}\n", 2),
  ])
  func everyDatasetJSONProblemHasALine(text: String, line: Int) throws {
    let dir = try TempDataDirectory()
    try dir.write("dataset.json", text)
    let result = try dir.store.load()
    let problems = result.issues.filter { $0.file.hasSuffix("dataset.json") }
    #expect(problems.count == 1)
    #expect(problems.first?.line == line, "\(problems)")
  }

  @Test func negativeFinancingAndProgramTotalsAreRuleProblems() throws {
    let dir = try TempDataDirectory()
    var project = Fixtures.projects[2]
    project.budget?.financing = [Financing(instrument: .greenCredit, amount: -5)]
    try dir.write("projects.jsonl", [Fixtures.projects[0].jsonLine, Fixtures.projects[1].jsonLine, project.jsonLine])
    let total = ProgramTotal(
      id: "T-1", revision: 1, program: "green-silk-road-envoys", metric: "trainees", value: -3, asOf: Day("2024-01-01")!,
      source: SourceRef(dataset: "t", url: "https://example.org"))
    try dir.write("program-totals.jsonl", [total.jsonLine])
    let (_, problems) = try load(dir)
    #expect(problems.contains("\(dir.path)/projects.jsonl:3: P-0003: financing tranche 1 has a negative amount"))
    #expect(problems.contains("\(dir.path)/program-totals.jsonl:1: T-1: program total value -3 is negative"))
  }

  @Test(arguments: ["\"rev\":0,", "\"rev\":-1,", ""])
  func aRevisionBelowOneOrMissingIsARuleProblem(rev: String) throws {
    let dir = try TempDataDirectory()
    var lines = Fixtures.projects.map(\.jsonLine)
    lines[1] = lines[1].replacingOccurrences(of: "\"rev\":3,", with: rev)
    try dir.write("projects.jsonl", lines)
    let (result, problems) = try load(dir)
    #expect(result.dataSet.projects.count == 3)
    #expect(problems.count == 1)
    #expect(problems.first?.hasPrefix("\(dir.path)/projects.jsonl:2: P-0002: rev is") == true)
  }

  /// One rule for raw control characters in strings, before or after an
  /// escape (JSONReader had a fast path that let them through).
  @Test(arguments: ["\"a\tb\"", "\"a\\nb\tc\"", "\"\t\"", "\"a\u{1B}b\"", "\"x\\\"\u{1}\""])
  func aRawControlCharacterInAStringIsRefusedWhereverItIs(text: String) throws {
    let error = #expect(throws: JSONError.self) { try JSONReader.withReader(text) { try $0.readString() } }
    #expect(error?.message.hasPrefix("raw ") == true)
    #expect(error?.message.contains("inside a string: write it escaped") == true)
  }

  @Test func escapedControlCharactersStillRead() throws {
    #expect(try JSONReader.withReader("\"a\\tb\\u001b\"") { try $0.readString() } == "a\tb\u{1B}")
    // Whitespace between values may be a TAB.
    #expect(try JSONReader.withReader("\t[\t1\t]") { try $0.readList { try $0.readInt() } } == [1])
  }
}
