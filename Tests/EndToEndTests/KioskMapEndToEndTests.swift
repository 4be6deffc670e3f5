import Foundation
import Testing

/// The kiosk's map pages in tmux: the six corridors, then one page per
/// corridor zoomed to it, in turn; SIGTERM ends it cleanly.
extension KioskEndToEndTests {
  @Test func mapPagesRotate() throws {
    let app = try DashboardInTmux(
      width: 120, height: 36, subcommand: ["kiosk"], arguments: ["--screens", "map,corridor-maps", "--rotate", "1s"])
    try app.session.waitFor("The six corridors", timeout: .seconds(15))
    try app.session.waitFor("Corridor NELB on the map")
    let cpec = try app.session.waitFor("Corridor CPEC on the map")
    #expect(cpec.contains("CPEC countries") || cpec.contains("Kashgar"), "\(cpec)")
    #expect(kill(try app.pid(), SIGTERM) == 0)
    #expect(try app.exitStatus() == 0)
    try app.expectTerminalRestored()
  }
}
