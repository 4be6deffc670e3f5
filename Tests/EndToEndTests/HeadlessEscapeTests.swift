import Foundation
import Testing

/// The headless commands print data (validate's problems, warnings, import
/// errors, the audit trail, exports, error messages). None of it may reach
/// a terminal as a control or escape sequence (issue 17): each hidden
/// character shows as its picture (ESC as `␛`). The real binary runs with
/// its output in files (what a pipe or a log gets) and, where it matters,
/// in a pseudo-terminal or a tmux pane.
@Suite("Headless commands never print escape sequences")
struct HeadlessEscapeTests {
  /// OSC 2 (set the window title) and OSC 52 (write the clipboard), as
  /// JSON string text.
  static let titleJSON = #"\u001b]2;pwned\u0007"#
  static let clipboardJSON = #"\u001b]52;c;cHduZWQ=\u0007"#

  /// Fails when `text` holds a C0 control other than LF (and TAB), DEL,
  /// a C1 control or a bidi control.
  static func expectClean(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let bad = text.unicodeScalars.filter { scalar in
      let v = scalar.value
      return (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
        || (0x2066...0x2069).contains(v)
    }
    #expect(bad.isEmpty, "\(what) holds \(bad.map { "U+" + String($0.value, radix: 16) }): \(text.prefix(600))", sourceLocation: sourceLocation)
  }

  static func run(_ arguments: [String], home: String? = nil) throws -> Spawn.Result {
    var environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    if let home { environment["HOME"] = home }
    return try Spawn.run(E2E.binary, arguments, environment: environment)
  }

  /// A copy of the shipped data with one field of one record replaced.
  static func data(replacing field: String, of id: String, in file: String = "projects.jsonl", withJSON value: String) throws -> String {
    let data = try E2E.copyOfShippedData()
    try E2E.replaceField(field, of: id, withJSON: value, in: data + "/" + file)
    return data
  }

  static func remove(_ data: String) {
    try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: data).deletingLastPathComponent().path)
  }

  @Test("validate and report quote a hostile area as pictures", arguments: [titleJSON, clipboardJSON])
  func validateAndReportWarnings(areaJSON: String) throws {
    let data = try Self.data(replacing: "area", of: "P-0003", withJSON: areaJSON)
    defer { Self.remove(data) }
    let validate = try Self.run(["validate", "--data", data])
    #expect(validate.status == 1, "the hostile line must be reported: \(validate.out)\(validate.err)")
    Self.expectClean(validate.out, "validate's output")
    Self.expectClean(validate.err, "validate's errors")
    #expect(validate.out.contains("␛]"), "the problem should show the value's pictures: \(validate.out)")

    let report = try Self.run(["report", "--data", data, "--as-of", "2026-11-20"])
    #expect(report.status == 0)
    Self.expectClean(report.err, "the report's warnings")
    Self.expectClean(report.out, "the report")
    #expect(report.err.contains("␛]"), "the warning should show the value's pictures: \(report.err)")
  }

  @Test func validateInTmuxLeavesThePaneTitleAlone() throws {
    let data = try Self.data(replacing: "area", of: "P-0003", withJSON: Self.titleJSON)
    defer { Self.remove(data) }
    let command = "printf 'start\\n'; \(Shell.quote(E2E.binary)) validate --data \(Shell.quote(data)); echo VALIDATED; exec sleep 600"
    let pane = try TmuxSession(width: 120, height: 30, command: command)
    defer { pane.kill() }
    try pane.waitFor("VALIDATED")
    let title = try pane.run(["display-message", "-p", "-t", pane.target, "#{pane_title}"])
    #expect(!title.contains("pwned"), "validate retitled the pane: \(title)")
    // The message quotes the value's pictures (on a long path the line
    // wraps, so the rows are read as one text).
    try pane.waitUntil("the pane to show \"␛]2;pwned␇\"") {
      $0.replacingOccurrences(of: "\n", with: "").contains("␛]2;pwned␇")
    }
  }

  @Test func importCSVErrorsQuoteCellsAsPictures() throws {
    let data = try E2E.copyOfShippedData()
    defer { Self.remove(data) }
    // Our own export, with one project's stage made hostile.
    let export = try Self.run(["export", "projects", "--format", "csv", "--data", data])
    #expect(export.status == 0)
    var csv = export.out
    let row = try #require(csv.range(of: "\nP-0003,"))
    let stage = try #require(csv.range(of: ",implementation,", range: row.upperBound..<csv.endIndex))
    csv.replaceSubrange(stage, with: ",\"\u{1B}]2;pwned\u{07}\u{9B}31m\",")
    let file = data + "/../hostile.csv"
    try csv.write(toFile: file, atomically: true, encoding: .utf8)

    let result = try Self.run(["import", "csv", file, "--data", data, "--dry-run"])
    #expect(result.status == 1, "\(result.out)\(result.err)")
    Self.expectClean(result.err, "import's errors")
    Self.expectClean(result.out, "import's summary")
    #expect(result.err.contains("␛]2;pwned␇"), "the error should quote the cell's pictures: \(result.err)")
  }

  @Test func historyShowsUsersAndValuesAsPictures() throws {
    let data = try E2E.copyOfShippedData()
    defer { Self.remove(data) }
    // A user name, values and a note a hostile session could have
    // recorded: JSON escapes for C0 controls (JSON allows no raw ones),
    // raw CSI (U+009B) and RIGHT-TO-LEFT OVERRIDE (JSON allows them), and a
    // line feed in the note followed by what reads like another entry.
    let line =
      #"{"at":"2026-11-20T10:00:00Z","user":"\u001b]2;pwned\u0007","action":"update","file":"projects","id":"P-0003","rev":2,"changes":[{"field":"title","old":"Old \u001b[2J title","new":"New "#
      + "\u{9B}31m title \u{202E}evil"
      + #""}],"note":"\u001b]52;c;cHduZWQ=\u0007\n2026-11-21T00:00:00Z  admin  delete  P-0001"}"#
    try (line + "\n").write(toFile: data + "/audit.jsonl", atomically: true, encoding: .utf8)
    let text = try Self.run(["history", "--data", data])
    #expect(text.status == 0, "\(text.err)")
    Self.expectClean(text.out, "history")
    Self.expectClean(text.err, "history's errors")
    #expect(text.out.contains("␛]2;pwned␇"))
    // The note's line feed is shown, not obeyed: no line of its own that
    // reads like another entry.
    #expect(!text.out.split(separator: "\n").contains { $0.hasPrefix("2026-11-21") }, "\(text.out)")

    let json = try Self.run(["history", "--data", data, "--json"])
    #expect(json.status == 0)
    Self.expectClean(json.out, "history --json")
    #expect(json.out.contains(#"\u009b31m"#) && json.out.contains(#"\u202eevil"#), "\(json.out)")
  }

  @Test func errorMessagesQuoteArgumentsAsPictures() throws {
    let directory = try Self.run(["validate", "--data", "/nonexistent/\u{1B}]2;pwned\u{07}"])
    #expect(directory.status == 2)
    Self.expectClean(directory.err, "the missing-directory message")
    #expect(directory.err.contains("␛]2;pwned␇"))

    let corridor = try Self.run(["report", "--corridor", "\u{1B}]52;c;cHduZWQ=\u{07}"])
    #expect(corridor.status == 2)
    Self.expectClean(corridor.err, "the unknown-corridor message")
  }

  @Test func exportIsExactIntoAPipeAndShownSafelyOnATerminal() throws {
    let data = try Self.data(replacing: "title", of: "P-0003", withJSON: #"Hostile \u001b]2;pwned\u0007 \u009b31m title"#)
    defer { Self.remove(data) }
    // Into a file or a pipe: the data exactly (CSV has no escapes).
    let piped = try Self.run(["export", "projects", "--format", "csv", "--data", data, "--filter", "stage=implementation"])
    #expect(piped.status == 0)
    #expect(piped.out.contains("Hostile \u{1B}]2;pwned\u{07} \u{9B}31m title"))

    // On a terminal: pictures.
    let home = try E2E.makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let app = try PseudoTerminalProcess(
      E2E.binary, arguments: ["export", "projects", "--format", "csv", "--data", data, "--filter", "stage=implementation"],
      environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": home, "PATH": "/usr/bin:/bin"],
      rows: 40, columns: 120)
    #expect(try app.waitForExit() == 0)
    let shown = String(decoding: app.output, as: UTF8.self)
    // The pty turns LF into CR LF on output; that CR is the terminal's.
    Self.expectClean(shown.replacingOccurrences(of: "\r\n", with: "\n"), "the export on a terminal")
    #expect(shown.contains("Hostile ␛]2;pwned␇ ␦31m title"))
  }
}
