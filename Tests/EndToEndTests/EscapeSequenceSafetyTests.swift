import Foundation
import Testing

/// A project title holding terminal escape sequences (retitle the window,
/// clear the screen, a C1 CSI) must reach the screen as visible
/// placeholders, never as the sequences themselves. The real binary runs
/// on a pseudo-terminal and every byte it writes is checked.
@Suite("Escape sequences in the data")
struct EscapeSequenceSafetyTests {
  static let projectID = "P-0003"
  /// The title as JSON text: every control character escaped, so that
  /// the line parses and loads (raw controls would be rejected).
  static let hostileTitleJSON = #"Hostile \u001b]0;pwned\u0007 title \u001b[2J cleared \u009b31m end"#

  @Test func hostileTitleIsShownNotExecuted() throws {
    let data = try E2E.copyOfShippedData()
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: data).deletingLastPathComponent().path) }
    try E2E.replaceField("title", of: Self.projectID, withJSON: Self.hostileTitleJSON, in: data + "/projects.jsonl")
    // The line must load, or the test would prove nothing.
    let validate = try Spawn.run(E2E.binary, ["validate", "--data", data], environment: ProcessInfo.processInfo.environment)
    #expect(validate.status == 0, "the hostile line did not load: \(validate.out)\(validate.err)")

    let home = try E2E.makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let app = try PseudoTerminalProcess(
      E2E.binary, arguments: ["--data", data],
      environment: [
        "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": home,
        "PATH": "/usr/bin:/bin", "GREENSILK_THEMES": E2E.repoRoot + "/Themes",
      ],
      rows: 40, columns: 120)
    try app.read(untilContains: " GreenSilk ")
    app.readUntilQuiet()
    // Pipeline, filter on the id's digits (the filter does not match a
    // whole "P-0003": see the report), keep the filter, open the project.
    // The screen is redrawn by differences, so the waits are for the
    // program to go quiet rather than for text.
    for keys in ["3", "/", String(Self.projectID.dropFirst(2)), "\r", "\r"] {
      app.send(keys)
      app.readUntilQuiet()
    }
    try app.read(untilContains: "pwned")
    app.send("q")
    #expect(try app.waitForExit() == 0)

    let bytes = app.output
    let esc: UInt8 = 0x1B
    #expect(!bytes.containsBytes([esc, UInt8(ascii: "]")]), "an OSC sequence (ESC ]) reached the terminal")
    #expect(!bytes.containsBytes(Array("\u{1B}]0;pwned".utf8)), "the window-title sequence reached the terminal")
    #expect(!bytes.contains(0x07), "a BEL reached the terminal")
    // ncurses clears the screen with its own `clear` (ESC [ H ESC [ 2 J for
    // xterm); an ESC [ 2 J without that ESC [ H before it is the data's.
    let clears = bytes.byteRanges(of: Array("\u{1B}[2J".utf8))
    let strayClears = clears.filter { range in
      range.lowerBound < 3 || !bytes[(range.lowerBound - 3)..<range.lowerBound].elementsEqual(Array("\u{1B}[H".utf8))
    }
    #expect(strayClears.isEmpty, "the data's ESC [ 2 J reached the terminal at \(strayClears)")
    #expect(Self.rawC1Offsets(bytes).isEmpty, "a raw C1 control (0x9B, CSI) reached the terminal at \(Self.rawC1Offsets(bytes))")
    // What the user sees instead: the placeholders and the harmless tails.
    #expect(bytes.containsBytes(Array("␛]0;pwned".utf8)), "the placeholder for ESC ] 0 ; pwned is not on screen")
    #expect(bytes.containsBytes(Array("␛[2J".utf8)), "the placeholder for ESC [ 2 J is not on screen")
  }

  /// Offsets of C1 control characters: a 0x80-0x9F byte that is not the
  /// continuation of a UTF-8 sequence, or U+0080-U+009F encoded in UTF-8
  /// (which a UTF-8 terminal may also obey).
  static func rawC1Offsets(_ bytes: [UInt8]) -> [Int] {
    var offsets: [Int] = []
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let length: Int
      switch byte {
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      case 0x80...0x9F:
        offsets.append(index)  // a lone byte: C1 in an 8-bit terminal
        length = 1
      default: length = 1
      }
      if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { offsets.append(index) }
      index += length
    }
    return offsets
  }
}
