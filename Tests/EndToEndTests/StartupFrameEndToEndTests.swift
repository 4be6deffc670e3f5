import Foundation
import GreenSilkCore
import Testing

/// Issue 13, "start-up should cost little more than reading what the first
/// screen needs": the dashboard shows the first frame it kept from the last
/// start while it loads, when nothing that frame depends on has changed.
/// The real binary in tmux, its first load made 4 s slow on purpose
/// (`GREENSILK_TEST_START_DELAY_MS`, read only by a DEBUG build), so that
/// what is on screen before the data is read can be seen.
@Suite("The kept first frame, in tmux")
struct StartupFrameEndToEndTests {
  static let delayMilliseconds = 4000
  /// Well under the delay: a screen shown within this was not drawn from
  /// the loaded data.
  static let beforeLoad: Duration = .milliseconds(2500)

  @Test func theLastFirstFrameIsShownWhileTheDataLoadsAndTheRealOneAgrees() throws {
    let state = try E2E.makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: state) }
    let first = try DashboardInTmux(width: 100, height: 30, environment: ["XDG_STATE_HOME": state])
    try first.waitForStart()
    let loadedScreen = try first.session.waitUntil("the whole overview", timeout: .seconds(10), Self.whole)
    try first.session.send("q")
    #expect(try first.exitStatus() == 0)
    let frames = try FileManager.default.contentsOfDirectory(atPath: state + "/greensilk/frames")
    #expect(frames.count == 1 && frames[0].hasSuffix(".frame"), "\(frames)")

    let (second, kept) = try Self.slowStartShowingTheKeptFrame(state: state, data: first.data)
    #expect(Self.withoutClock(kept) == Self.withoutClock(loadedScreen), "kept:\n\(kept)\nloaded before:\n\(loadedScreen)")
    try second.session.send("3")
    try second.session.waitFor("[3 Pipeline]")
    try second.session.send("q")
    #expect(try second.exitStatus() == 0)

    // A colleague's change makes the kept frame stale: not shown.
    try Colleague.movesAConceptProjectToImplementation(first.data)
    let third = try DashboardInTmux(width: 100, height: 30, environment: Self.slow(state: state), data: first.data)
    usleep(UInt32(Self.beforeLoad.components.seconds * 1_000_000))
    let beforeLoad = try third.session.capture()
    #expect(!beforeLoad.contains(" GreenSilk "), "a stale kept frame was shown:\n\(beforeLoad)")
    let implementing = try #require(implementationRow(loadedScreen))
    try third.session.waitUntil("Implementation \(implementing + 1)", timeout: .seconds(15)) {
      implementationRow($0) == implementing + 1
    }
    try third.session.send("q")
    #expect(try third.exitStatus() == 0)
    withExtendedLifetime((first, second, third)) {}
  }

  /// A dashboard that followed a colleague's change keeps, when it ends,
  /// the frame the next start draws first on the changed data: the next
  /// start shows it before its (slow) load, with the colleague's change.
  @Test func aDashboardThatFollowedAChangeKeepsTheNextStartsFrame() throws {
    let state = try E2E.makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: state) }
    let first = try DashboardInTmux(width: 100, height: 30, environment: ["XDG_STATE_HOME": state])
    try first.waitForStart()
    let implementing = try #require(implementationRow(try first.session.waitUntil("the whole overview", Self.whole)))
    try Colleague.movesAConceptProjectToImplementation(first.data)
    try first.session.waitUntil("Implementation \(implementing + 1)", timeout: .seconds(15)) {
      implementationRow($0) == implementing + 1
    }
    // Elsewhere when it ends: the next start's frame is the overview.
    try first.session.send("3")
    try first.session.waitFor("[3 Pipeline]")
    try first.session.send("q")
    #expect(try first.exitStatus() == 0)

    let (second, kept) = try Self.slowStartShowingTheKeptFrame(state: state, data: first.data)
    #expect(implementationRow(kept) == implementing + 1, "\(kept)")
    try second.session.send("q")
    #expect(try second.exitStatus() == 0)
    withExtendedLifetime((first, second)) {}
  }

  /// The environment of a start whose first load is made slow.
  static func slow(state: String) -> [String: String] {
    ["XDG_STATE_HOME": state, "GREENSILK_TEST_START_DELAY_MS": "\(delayMilliseconds)"]
  }

  /// A start with its first load made slow, which must show a kept
  /// overview before the load; once loaded, the program's own frame must
  /// be the same, colours and all. Returns the dashboard and the kept
  /// overview's text.
  static func slowStartShowingTheKeptFrame(state: String, data: String) throws -> (DashboardInTmux, String) {
    let app = try DashboardInTmux(width: 100, height: 30, environment: slow(state: state), data: data)
    let clock = ContinuousClock()
    let started = clock.now
    let kept = try app.session.waitUntil("the kept overview", timeout: beforeLoad, whole)
    #expect(clock.now - started < .milliseconds(delayMilliseconds))
    let keptStyled = try app.session.capture(escapes: true)
    while clock.now - started < .milliseconds(delayMilliseconds + 3000) { usleep(100_000) }
    #expect(withoutClock(try app.session.capture(escapes: true)) == withoutClock(keptStyled))
    return (app, kept)
  }

  /// The overview drawn to its last row (a capture may catch a frame
  /// half written): a top panel and the footer's last key.
  static func whole(_ screen: String) -> Bool {
    screen.contains("Projects by stage") && screen.contains("q quit")
  }

  /// The title bar's clock (HH:MM) may move on between two captures.
  static func withoutClock(_ screen: String) -> String {
    screen.replacingOccurrences(of: #"\b\d\d:\d\d\b"#, with: "HH:MM", options: .regularExpression)
  }
}
