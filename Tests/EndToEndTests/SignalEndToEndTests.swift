import Foundation
import Testing

/// SIGTERM, SIGHUP, SIGINT and SIGQUIT sent to the running dashboard: it exits
/// with 128 + the signal number and leaves the terminal as it found it
/// (canonical input and echo back on, the shell's screen back).
@Suite("Signals in tmux")
struct SignalEndToEndTests {
  @Test(arguments: [SIGTERM, SIGHUP, SIGINT, SIGQUIT])
  func signalEndsTheDashboardCleanly(_ signal: Int32) throws {
    let app = try DashboardInTmux()
    try app.waitForStart()
    try app.session.send("5")
    try app.session.waitFor("Envoys program totals")
    let pid = try app.pid()
    #expect(kill(pid, signal) == 0, "kill(\(pid), \(signal)): errno \(errno)")
    #expect(try app.exitStatus() == 128 + Int(signal), "signal \(signal)")
    try app.expectTerminalRestored()
    let after = try app.session.waitFor(DashboardInTmux.afterExitMarker)
    #expect(after.contains(DashboardInTmux.preStartMarker), "the shell's screen is not back:\n\(after)")
    #expect(!after.contains(" GreenSilk "), "the dashboard is still on screen:\n\(after)")
  }
}
