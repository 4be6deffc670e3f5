import Foundation
import Testing

/// The map (screen 6) in the real binary in tmux: choose a corridor and a
/// country, zoom, Enter into the pipeline filtered to the country, Esc
/// back to the map as it was, another country, quit; at 160x48 with the
/// side column and at 80x24 without; ASCII only under LANG=C on a vt100;
/// no colour but the labels still there on a vt100 in a UTF-8 locale.
extension DashboardEndToEndTests {
  @Test func mapWalkThroughAt160x48() throws {
    try mapWalkThrough(width: 160, height: 48)
  }

  @Test func mapWalkThroughAt80x24() throws {
    try mapWalkThrough(width: 80, height: 24)
  }

  func mapWalkThrough(width: Int, height: Int) throws {
    let app = try DashboardInTmux(width: width, height: height)
    let pane = app.session
    try app.waitForStart()
    try pane.send("6")
    try expectCurrent("6 Map", pane)
    try pane.waitFor("All corridors: 101 projects in 31 countries")
    if width >= 120 { try pane.waitFor("Countries with projects") } else { try pane.waitFor("1-9 projects") }

    // ↓ five times: CPEC; → its westernmost country, Pakistan.
    for _ in 0..<4 { try pane.send("j") }
    try pane.send("Down")
    try pane.waitFor("CPEC: 27 projects")
    if width >= 120 { try pane.waitFor("CPEC countries") }
    try pane.send("l")
    try pane.waitFor("Pakistan (PAK): 20 projects")
    try pane.waitFor("PAK 20")

    // Zoomed twice about Pakistan: CPEC's nodes are named (the chosen
    // country's label may shrink to its code where they take the room).
    try pane.send("+")
    try pane.send("=")
    try pane.waitFor("zoom 2.3x")
    try pane.waitFor("Gwadar")
    try pane.waitFor("Khunjerab Pass")

    // Enter: the pipeline, filtered to Pakistan's 20 projects.
    try pane.send("Enter")
    try expectCurrent("3 Pipeline", pane)
    try pane.waitFor("country Pakistan")
    try pane.waitFor("20 of 101 projects")

    // Esc: the map as it was, the pipeline's filter gone.
    try pane.send("Escape")
    try expectCurrent("6 Map", pane)
    try pane.waitFor("Pakistan (PAK): 20 projects")
    try pane.waitForAbsence("filtered:")
    try pane.send("3")
    try pane.waitFor("101 of 101 projects")
    try pane.send("6")

    // The next country east, and the whole map again.
    try pane.send("Right")
    try pane.waitFor("China (CHN): 40 projects")
    try pane.send("0")
    try pane.waitForAbsence("zoom 2.3x")
    try quitAndExpectCleanExit(app)
  }

  /// A vt100 in the C locale: the map in ASCII, without colour, with its
  /// labels and key.
  @Test func mapOnAVT100InTheCLocale() throws {
    let screen = try mapOnAVT100(locale: ["LANG": "C", "LC_ALL": "C", "LC_CTYPE": "C"])
    #expect(PaneText.isASCII(screen), "non-ASCII: \(PaneText.nonASCII(screen).debugDescription)\n\(screen)")
    for text in ["PAK 20", "CPEC", "1-9 projects", "## CPEC route", ":: CPEC countries"] {
      #expect(screen.contains(text), "\(text) missing:\n\(screen)")
    }
  }

  /// A vt100 in a UTF-8 locale: braille, no colour; the chosen country
  /// and the routes' labels still read.
  @Test func mapOnAVT100InAUTF8Locale() throws {
    let screen = try mapOnAVT100(locale: ["LANG": "C.UTF-8"])
    for text in ["PAK 20", "CPEC", "NELB", "1-9 projects"] { #expect(screen.contains(text), "\(text) missing:\n\(screen)") }
    #expect(screen.unicodeScalars.contains { $0.value >= 0x2800 && $0.value <= 0x28FF }, "no braille:\n\(screen)")
  }

  /// The map on a vt100 (no colour, no alternate screen) at 100x30 with
  /// CPEC and Pakistan chosen: the pane's text, after checking that no
  /// colour was drawn and that `q` leaves with status 0 and the
  /// terminal's modes restored.
  func mapOnAVT100(locale: [String: String]) throws -> String {
    let app = try DashboardInTmux(width: 100, height: 30, term: "vt100", environment: locale)
    let pane = app.session
    try app.waitForStart()
    try pane.send("6")
    for _ in 0..<5 { try pane.send("j") }
    try pane.send("l")
    let screen = try pane.waitFor("Pakistan (PAK): 20 projects")
    #expect(PaneText.colours(try pane.capture(escapes: true)).isEmpty)
    try pane.send("q")
    #expect(try app.exitStatus() == 0)
    try app.expectTerminalRestored()
    return screen
  }
}
