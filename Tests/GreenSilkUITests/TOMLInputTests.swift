import Testing

@testable import GreenSilkUI

/// The guard in front of TOMLKit: table headers toml++ would assert on are
/// refused with their line, and valid TOML with `[` in other places (inside
/// strings, values, comments) is left to the parser.
@Suite struct TOMLInputTests {
  @Test(arguments: [
    ("[\u{4}]\n", 1), ("a = 1\n\n[\u{FFFD}eys]\n", 3), ("[ \u{1F}x]", 1), ("[[\u{7F}]]", 1),
    ("[\r\n", 1), ("[\u{E9}t\u{E9}]", 1), ("[[[E", 1), ("k = 1\n[[[[t#\u{FFFD}", 2), ("\u{FEFF}[[\u{FC}", 1),
    ("\u{FEFF}[\u{A1}'| ", 1), ("\u{3000}[\u{A0}\u{A1}]", 1), ("x = \"\"\"\n[a]\n\"\"\"\n[\u{C}]", 4),
  ])
  func headersNoKeyCanStartAreRefusedWithTheirLine(source: String, line: Int) throws {
    // Before the guard, each of these aborted a debug build inside toml++.
    let problem = try #require(TOMLInput.headerProblem(in: source))
    #expect(problem.line == line)
    #expect(problem.description.hasPrefix("a table name must start with"))
    #expect(throws: TOMLInputError.self) { try TOMLInput.table(from: source) }
    if case .failed(let diagnostic) = ThemeParser.parse(source, file: "t.toml") {
      #expect(diagnostic.line == line)
    } else {
      Issue.record("a theme with a bad header was used")
    }
    #expect(throws: KioskConfigError.self) { try KioskConfig.parse(source, file: "k.toml") }
  }

  @Test func bracketsInsideValuesStringsAndCommentsAreNotHeaders() throws {
    let source = """
      # [é in a comment is no header
      nested = [
        [
          1, 2
        ],
        [ "é" ],
      ]
      text = \"\"\"
      [é] inside a multi-line string
      \"\"\"
      literal = '''
      [\\ too'''
      inline = { a = [ 1 ] }
      ["quoted header"]
      k = 'v'
      [[plain.array]]
      [ spaced ]
      """
    #expect(TOMLInput.headerProblem(in: source) == nil)
    let table = try TOMLInput.table(from: source)
    #expect(table["nested"]?.array?.count == 2)
    #expect(table["quoted header"]?.table?["k"]?.string == "v")
  }

  /// An array whose next value starts with `}` or a Unicode line separator
  /// reached toml++'s `parse_value` assertion (the kiosk fuzzer).
  @Test(arguments: [
    ("screens = [\"wall\", }\n", 1), ("a = 1\nb = [1,\n  }", 3), ("x = [\u{2028}1]", 1), ("x = [1, \u{85}]", 1),
  ])
  func arraysTheParserAssertsOnAreRefused(source: String, line: Int) throws {
    let problem = try #require(TOMLInput.headerProblem(in: source))
    #expect(problem.line == line)
    #expect(throws: KioskConfigError.self) { try KioskConfig.parse(source, file: "k.toml") }
  }

  @Test func unicodeLineSeparatorsInsideStringsAreKept() throws {
    let table = try TOMLInput.table(from: "a = \"x\u{2028}y\"\nb = [\"}\", '\u{85}']\n")
    #expect(table["a"]?.string == "x\u{2028}y")
    #expect(table["b"]?.array?.count == 2)
  }

  /// Headers toml++ reports as errors itself are left to it (its message
  /// is the better one): `[ [a]]` (brackets apart) and `[]`, `[[]]` (blank names).
  @Test(arguments: ["[ [a]]\n", "[]\n", "[[]]\n"])
  func headersTheParserReportsAreLeftToIt(source: String) {
    #expect(TOMLInput.headerProblem(in: source) == nil)
    #expect(throws: TOMLInputError.self) { try TOMLInput.table(from: source) }
  }
}
