import Glibc
import GreenSilkTerminal
import GreenSilkUI
import Testing

extension OnPseudoTerminal {
/// Runs the real backend on a pseudo-terminal.
@Suite("NcursesTerminal")
struct NcursesTerminalTests {
  @Test("text from the data never reaches the terminal as control sequences")
  func hostileText() throws {
    let pty = try PseudoTerminal()
    let terminal = try NcursesTerminal(options: pty.options())
    defer { terminal.shutdown() }
    #expect(terminal.isUTF8)
    #expect(terminal.colorDepth == .indexed256)
    _ = pty.output()  // ncurses' own start-up (it may clear the screen)

    var frame = Buffer(width: 40, height: 8)
    frame.put("T \u{1B}]0;pwned\u{07} \u{1B}[2J \u{9B}31m", x: 0, y: 0, style: Style(.title))
    // Cells built directly, past Buffer.put's sanitizing: the backend
    // must still refuse to send the controls.
    for (x, symbol) in ["\u{1B}", "]", "0", ";", "x", "\u{07}", "\u{9D}", "\u{1B}[2J"].enumerated() {
      frame.setCell(Cell(symbol, style: Style(.lightRed)), x: x, y: 2)
    }
    terminal.present(frame, theme: .builtin)
    let drawn = pty.output()

    #expect(drawn.count > 40, "the frame was drawn")
    #expect(!drawn.contains([0x1B, 0x5D]), "no OSC (ESC ]) at all")
    #expect(!drawn.contains("\u{1B}]0;pwned"))
    #expect(!drawn.contains("\u{1B}[2J"), "no clear-screen after start-up")
    #expect(!drawn.contains([0x07]), "no BEL")
    // Decoded as UTF-8: no C1 control as a character, and no stray byte
    // (a lone 0x9B is CSI to an 8-bit terminal) that would not decode.
    let scalars = String(decoding: drawn, as: UTF8.self).unicodeScalars
    #expect(!scalars.contains { (0x80...0x9F).contains($0.value) }, "no C1 controls")
    #expect(!scalars.contains("\u{FFFD}"), "only valid UTF-8")
    #expect(drawn.contains("\u{241B}]0;pwned"), "the escape is shown as a visible placeholder")
  }

  @Test("a second draw of an identical frame writes (almost) nothing")
  func unchangedFrame() throws {
    let pty = try PseudoTerminal()
    let terminal = try NcursesTerminal(options: pty.options())
    defer { terminal.shutdown() }
    _ = pty.output()
    var frame = Buffer(width: 40, height: 8)
    frame.put("GreenSilk ─ corridors", x: 0, y: 0, style: Style(.titleBar))
    frame.put("CPEC  ● red", x: 2, y: 3, style: Style(.lightRed, emphasis: .selected))
    terminal.present(frame, theme: .builtin)
    let first = pty.output()
    terminal.present(frame, theme: .builtin)
    let second = pty.output()
    #expect(first.count > 40)
    #expect(second.count <= 8, "wrote \(second.count) bytes: \(second)")

    // One changed cell writes little, and a theme switch repaints all.
    frame.put("y", x: 10, y: 3, style: Style(.lightYellow))
    terminal.present(frame, theme: .builtin)
    let oneCell = pty.output()
    #expect(oneCell.count > 0 && oneCell.count < first.count / 2)
    let light = ThemeCatalog(directory: nil).load(themeTestsRoot + "/Themes/light.toml").theme
    terminal.present(frame, theme: light)
    #expect(pty.output().contains("corridors"))
  }

  @Test("ASCII mode writes only ASCII, with stand-ins for box drawing")
  func asciiMode() throws {
    let pty = try PseudoTerminal()
    let terminal = try NcursesTerminal(options: pty.options(forceASCII: true))
    defer { terminal.shutdown() }
    #expect(terminal.asciiOnly)
    _ = pty.output()
    var frame = Buffer(width: 40, height: 8)
    frame.put("┌──┐ 中文 é █", x: 0, y: 1, style: Style(.border))
    terminal.present(frame, theme: .builtin)
    let drawn = pty.output()
    #expect(drawn.allSatisfy { $0 < 0x80 })
    #expect(drawn.contains("+--+"))
  }

  @Test("colour depth from terminfo, NO_COLOR and the option")
  func colorDepth() throws {
    let pty = try PseudoTerminal()
    for (type, noColor, expected) in [
      ("xterm-256color", nil, ColorDepth.indexed256), ("xterm", nil, .ansi8),
      ("xterm-256color", "1", .mono), ("vt100", nil, .mono),
    ] as [(String, String?, ColorDepth)] {
      let terminal = try NcursesTerminal(options: pty.options(type: type, noColor: noColor))
      #expect(terminal.colorDepth == expected, "\(type)")
      if expected == .mono {
        _ = pty.output()
        var frame = Buffer(width: 40, height: 8)
        frame.put("red light", x: 0, y: 0, style: Style(.lightRed))
        terminal.present(frame, theme: .builtin)
        let drawn = pty.output()
        #expect(sgrColourCodes(drawn).isEmpty, "no colour codes")
        #expect(drawn.contains("red light"))
      }
      terminal.shutdown()
      _ = pty.output()
    }
  }

  @Test("an unusable terminal type is an error, not an exit")
  func unknownType() throws {
    let pty = try PseudoTerminal()
    #expect(throws: TerminalError.unsupportedTerminal(type: "no-such-terminal-xyz")) {
      try NcursesTerminal(options: pty.options(type: "no-such-terminal-xyz"))
    }
  }

  @Test("shutdown restores the terminal once and is idempotent")
  func shutdownTwice() throws {
    let pty = try PseudoTerminal()
    let terminal = try NcursesTerminal(options: pty.options())
    _ = pty.output()
    terminal.shutdown()
    let restored = pty.output()
    #expect(restored.contains("\u{1B}[?1049l"), "left the alternate screen")
    terminal.shutdown()
    var frame = Buffer(width: 40, height: 8)
    frame.put("after", x: 0, y: 0)
    terminal.present(frame, theme: .builtin)
    #expect(pty.output().isEmpty)
  }

  @Test("withTerminal shuts down when the body throws")
  func withTerminalThrows() throws {
    struct Boom: Error {}
    let pty = try PseudoTerminal()
    #expect(throws: Boom.self) {
      try withTerminal(pty.options()) { _ in throw Boom() }
    }
    #expect(pty.output().contains("\u{1B}[?1049l"))
  }
}

}

/// The repository root, from this file's path.
let themeTestsRoot: String = {
  var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
  parts.removeLast(3)
  return parts.joined(separator: "/")
}()
