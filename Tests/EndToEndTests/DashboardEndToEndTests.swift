import Foundation
import Testing

/// The real `greensilk` binary in a real terminal (tmux) on a copy of the
/// shipped data: every screen, the pipeline filter, a project, the help,
/// resizes, quitting; then the exit status and the terminal's state.
/// Each test has a tmux server of its own, so the tests run in parallel.
@Suite("Dashboard in tmux")
struct DashboardEndToEndTests {
  /// A word of one project's title (P-0003, in implementation): the
  /// fuzzy filter keeps that project only.
  static let filterWord = "desulphurisation"
  static let filteredProject = "P-0003"

  @Test func walkThroughAt80x24() throws {
    try walkThrough(width: 80, height: 24)
  }

  @Test func walkThroughAt200x50() throws {
    try walkThrough(width: 200, height: 50)
  }

  func walkThrough(width: Int, height: Int) throws {
    let app = try DashboardInTmux(width: width, height: height)
    let pane = app.session
    try app.waitForStart()
    try expectCurrent("1 Overview", pane)

    // Every screen by its digit.
    for (index, name) in PaneText.screens.enumerated() {
      try pane.send("\(index + 1)")
      try expectCurrent(name, pane)
      if name == "5 Envoys" {
        try pane.waitFor("Envoys program totals")
        try pane.waitFor("Official, as reported")
      }
    }
    // Tab goes forward (wrapping to the first), Shift-Tab back.
    try pane.send("Tab")
    try expectCurrent("1 Overview", pane)
    try pane.send("Tab")
    try expectCurrent("2 Corridors", pane)
    try pane.send("BTab")
    try expectCurrent("1 Overview", pane)
    try pane.send("BTab")
    try expectCurrent("6 Map", pane)

    // Filter the pipeline by a word, keep the filter, open the project.
    try pane.send("3")
    try expectCurrent("3 Pipeline", pane)
    try pane.waitFor("101 of 101 projects")
    try pane.send("/")
    try pane.type(Self.filterWord)
    try pane.waitFor("/\(Self.filterWord)")
    try pane.waitFor("1 of 101 projects")
    try pane.send("Enter")
    try pane.send("Enter")
    try expectCurrent("4 Project", pane)
    try pane.waitFor(Self.filteredProject)

    // Help opens over the screen and closes again.
    try pane.send("?")
    try pane.waitFor("? or Esc closes")
    try pane.waitFor("Show or hide this help")
    try pane.send("?")
    try pane.waitForAbsence("Show or hide this help")
    try expectCurrent("4 Project", pane)

    // Bigger, too small (the notice), and back.
    try pane.resize(width: width + 40, height: height + 10)
    try pane.waitUntil("the dashboard to fill \(width + 40) columns") { capture in
      capture.split(separator: "\n").first.map { $0.count > width } ?? false
    }
    try expectCurrent("4 Project", pane)
    try pane.resize(width: 40, height: 10)
    try pane.waitFor("enlarge")
    try pane.resize(width: width, height: height)
    try pane.waitForAbsence("enlarge")
    try expectCurrent("4 Project", pane)

    try quitAndExpectCleanExit(app)
  }

  /// Starts, shows a screen and quits cleanly in each terminal type.
  @Test(arguments: ["xterm-256color", "xterm", "screen", "tmux-256color", "linux", "vt100"])
  func terminalType(_ term: String) throws {
    let app = try DashboardInTmux(term: term)
    try app.waitForStart()
    try app.session.send("5")
    try app.session.waitFor("Envoys program totals")
    try app.session.waitFor("Official, as reported")
    // Colours within what the terminal type has (read with capture -e).
    let colours = PaneText.colours(try app.session.capture(escapes: true))
    switch term {
    case "vt100":
      #expect(colours.isEmpty, "TERM=vt100 has no colours, the pane has \(colours.sorted())")
    case "xterm", "linux", "screen":
      #expect(colours.allSatisfy { $0.hasPrefix("c") }, "TERM=\(term) has 8 colours, the pane has \(colours.sorted())")
      #expect(!colours.isEmpty, "TERM=\(term): no colour at all")
    default:
      #expect(colours.contains { !$0.hasPrefix("c") }, "TERM=\(term) has 256 colours, the pane has \(colours.sorted())")
    }
    try app.session.send("q")
    #expect(try app.exitStatus() == 0, "TERM=\(term)")
    try app.expectTerminalRestored()
    // Terminals with an alternate screen get the shell's screen back.
    if !["linux", "vt100"].contains(term) {
      let after = try app.session.waitFor(DashboardInTmux.afterExitMarker)
      #expect(after.contains(DashboardInTmux.preStartMarker), "TERM=\(term):\n\(after)")
      #expect(!after.contains("Envoys program totals"), "TERM=\(term): the dashboard is still on screen:\n\(after)")
    }
  }

  /// NO_COLOR: attributes only, no colour anywhere.
  @Test func noColor() throws {
    let app = try DashboardInTmux(environment: ["NO_COLOR": "1"])
    try app.waitForStart()
    for screen in ["1", "2", "3", "5"] {
      try app.session.send(screen)
      try app.session.waitUntil("screen \(screen)") { $0.contains(" GreenSilk ") }
      let colours = PaneText.colours(try app.session.capture(escapes: true))
      #expect(colours.isEmpty, "NO_COLOR, screen \(screen): \(colours.sorted())")
    }
    try quitAndExpectCleanExit(app)
  }

  /// `--ascii`: nothing but ASCII on any screen.
  @Test func asciiFlag() throws {
    try expectOnlyASCII(arguments: ["--ascii"], environment: [:])
  }

  /// A locale without UTF-8: the dashboard falls back to ASCII by itself.
  @Test func cLocale() throws {
    try expectOnlyASCII(arguments: [], environment: ["LANG": "C", "LC_ALL": "C", "LC_CTYPE": "C"])
  }

  func expectOnlyASCII(arguments: [String], environment: [String: String]) throws {
    let app = try DashboardInTmux(arguments: arguments, environment: environment)
    let pane = app.session
    try app.waitForStart()
    for (index, name) in PaneText.screens.enumerated() {
      try pane.send("\(index + 1)")
      let screen = try pane.waitFor(name)
      #expect(PaneText.isASCII(screen), "non-ASCII on \(name): \(PaneText.nonASCII(screen).debugDescription)\n\(screen)")
    }
    try pane.send("?")
    let help = try pane.waitFor("? or Esc closes")
    #expect(PaneText.isASCII(help), "non-ASCII in the help: \(PaneText.nonASCII(help).debugDescription)\n\(help)")
    try pane.send("Escape")
    try pane.send("3", "/")
    try pane.type("solar")
    let filter = try pane.waitFor("/solar")
    #expect(PaneText.isASCII(filter), "non-ASCII while filtering: \(PaneText.nonASCII(filter).debugDescription)\n\(filter)")
    try pane.send("Enter")
    try quitAndExpectCleanExit(app)
  }

  // MARK: - Helpers

  /// Waits until the title bar highlights `name` (colours read with
  /// `capture-pane -e`).
  func expectCurrent(_ name: String, _ pane: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let clock = ContinuousClock()
    let deadline = clock.now + .seconds(10)
    var current: String?
    var row = ""
    repeat {
      row = String(try pane.capture(escapes: true).prefix { $0 != "\n" })
      current = PaneText.currentScreen(escapedFirstRow: row)
      if current == name { return }
      usleep(40_000)
    } while clock.now < deadline
    Issue.record(
      "expected screen \(name), the title bar shows \(current ?? "none"): \(row.debugDescription)\n\(try pane.capture())",
      sourceLocation: sourceLocation)
    throw E2EFailure("wrong screen")
  }

  /// `q`, then: exit status 0, the shell's screen back (the alternate
  /// screen is gone), and the terminal modes a shell needs.
  func quitAndExpectCleanExit(_ app: DashboardInTmux, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try app.session.send("q")
    #expect(try app.exitStatus() == 0, sourceLocation: sourceLocation)
    let after = try app.session.waitFor(DashboardInTmux.afterExitMarker)
    #expect(after.contains(DashboardInTmux.preStartMarker), "the shell's screen is not back:\n\(after)", sourceLocation: sourceLocation)
    #expect(!after.contains(" GreenSilk "), "the dashboard is still on screen:\n\(after)", sourceLocation: sourceLocation)
    try app.expectTerminalRestored(sourceLocation: sourceLocation)
  }
}
