import Foundation
import Testing

/// Issue 16, item 8: the dashboard dies of a real trap (a Swift runtime
/// check, an invalid access, abort, a stack overflow) right after its
/// first frame (`GREENSILK_DEBUG_TRAP`, for this test only), and the
/// terminal is a shell's again: canonical input and echo on, the main
/// screen back, the cursor visible; the exit status is still the signal's.
@Suite("Fatal signals in tmux")
struct FatalSignalEndToEndTests {
  /// A Swift runtime trap: ud2 on x86-64, brk on arm64.
  static let runtimeTrap: Int32 = {
    #if arch(arm64)
      SIGTRAP
    #else
      SIGILL
    #endif
  }()

  @Test(arguments: [
    ("fatal-error", runtimeTrap), ("segv", SIGSEGV), ("abort", SIGABRT), ("stack-overflow", SIGSEGV),
  ])
  func aTrapLeavesTheTerminalAsItWas(_ kind: String, _ signal: Int32) throws {
    let app = try DashboardInTmux(environment: ["GREENSILK_DEBUG_TRAP": kind])
    #expect(try app.exitStatus(timeout: .seconds(20)) == 128 + Int(signal), "\(kind)")
    try app.expectTerminalRestored()
    let after = try app.session.waitFor(DashboardInTmux.afterExitMarker)
    #expect(after.contains(DashboardInTmux.preStartMarker), "the shell's screen is not back:\n\(after)")
    let flags = try app.session.run(["display-message", "-p", "-t", app.session.target, "#{alternate_on} #{cursor_flag}"])
    #expect(flags.trimmingCharacters(in: .whitespacesAndNewlines) == "0 1", "alternate screen, cursor: \(flags)")
  }
}
