import Foundation
import GreenSilkCore
import GreenSilkUI
import Testing

@testable import GreenSilkRuntime

/// The runtime's own part of a step: signals, the terminal going away,
/// data changes and their delayed reload, time, the largest drawable
/// area, and `run` driving it all from the terminal's events.
@Suite("Runtime loop")
struct RuntimeLoopTests {
  @Test(arguments: [SIGINT, SIGTERM, SIGHUP, SIGQUIT])
  func aSignalEndsTheDashboardWith128PlusIt(_ signal: Int32) throws {
    let h = try DashboardHarness()
    h.runtime.step(.signal(signal))
    #expect(h.runtime.exitStatus == 128 + signal)
  }

  @Test func sigcontRepaintsAndCarriesOn() throws {
    let h = try DashboardHarness()
    let invalidations = h.terminal.invalidations
    h.runtime.step(.signal(SIGCONT))
    #expect(h.runtime.exitStatus == nil)
    #expect(h.terminal.invalidations == invalidations + 1)
  }

  @Test func theTerminalGoingAwayEndsWith129() throws {
    let h = try DashboardHarness()
    h.runtime.step(.inputClosed)
    #expect(h.runtime.exitStatus == 129)
  }

  /// A change on disk is loaded once the reload delay has passed (a burst
  /// of writes loads once), not before.
  @Test func aDataChangeReloadsAfterTheDelay() throws {
    let h = try DashboardHarness()
    let original = try h.colleagueSaves("P-0007") { $0.title = "Changed outside" }
    h.runtime.step(.dataChanged)
    h.runtime.step(.timer)
    #expect(h.state.data.project(id: "P-0007")?.title == original.title)
    #expect(h.runtime.nextWake() <= Runtime<DashboardProgram>.reloadDelay)
    h.clock.advance(by: Runtime<DashboardProgram>.reloadDelay)
    h.runtime.step(.timer)
    #expect(h.program.data.isReloading)
    #expect(h.runtime.settleReload())
    #expect(h.state.data.project(id: "P-0007")?.title == "Changed outside")
    #expect(h.runtime.reloadDue == nil)
  }

  @Test func theClockTicksOnTheMinute() throws {
    let h = try DashboardHarness()
    #expect(h.runtime.nextWake() == (h.program.data.descriptor == nil ? Runtime<DashboardProgram>.pollInterval : 60))
    h.clock.advance(by: 59)
    h.runtime.step(.timer)
    #expect(h.state.clock.minute == 30)
    h.clock.advance(by: 1)
    h.runtime.step(.timer)
    #expect(h.state.clock.minute == 31)
    #expect(h.runtime.frame().line(0).contains("10:31"))
  }

  /// Beyond the largest drawable area the runtime presents a small notice,
  /// never a frame of the window's size; back within it, the screen.
  @Test func aWindowTooLargeGetsANoticeOfConstantSize() throws {
    let h = try DashboardHarness()
    for size in [Size(width: 10_000, height: 10_000), Size(width: 65_535, height: 65_535), Size(width: 501, height: 40), Size(width: 120, height: 301)] {
      h.terminal.size = size
      h.runtime.step(.resize(size))
      h.runtime.present()
      let frame = try #require(h.terminal.frame)
      #expect(frame.size == DrawableArea.drawn(for: size))
      #expect(frame.width <= 80 && frame.height <= 24)
      #expect(h.terminal.text?.contains("window too large") == true)
    }
    let largest = DrawableArea.largest
    h.terminal.size = largest
    h.runtime.step(.resize(largest))
    h.runtime.present()
    #expect(h.terminal.frame?.size == largest)
    #expect(h.terminal.text?.contains(" GreenSilk ") == true)
  }

  /// The same events give equal states (AppState is Equatable): a resize
  /// there and back changes nothing else.
  @Test func statesCompareWhole() throws {
    let a = try DashboardHarness()
    let b = try DashboardHarness()
    for h in [a, b] {
      h.press(.character("3"), .character("v"), .down, .down, .character("s"))
    }
    #expect(a.state == b.state)
    let before = a.state
    a.runtime.step(.resize(Size(width: 60, height: 20)))
    #expect(a.state != before)
    a.runtime.step(.resize(Size(width: 100, height: 30)))
    #expect(a.state == before)
  }

  /// `run` takes the terminal's events until the program ends, and
  /// presents a frame after each batch.
  @Test func runPlaysTheTerminalsEventsUntilQuit() throws {
    let h = try DashboardHarness()
    h.terminal.queue([.key(.character("3"))], [.timeout], [.key(.character("5")), .key(.character("q")), .key(.character("2"))])
    let presents = h.terminal.presentCount
    var firstFrames = 0
    #expect(h.runtime.run { firstFrames += 1 } == 0)
    #expect(firstFrames == 1)
    #expect(h.state.screen == .envoys, "keys after q in the same batch are not reduced")
    #expect(h.terminal.presentCount == presents + 3, "the start's frame and one after each of the two batches before q")
    #expect(h.terminal.waits.count == 3)
  }

  @Test func runEndsWhenTheInputCloses() throws {
    let h = try DashboardHarness()
    #expect(h.runtime.run() == 129)
  }

  /// A data directory watched by inotify: the runtime registers its
  /// descriptor with the terminal at the start, and the reload worker's.
  @Test func theDataDirectoryIsWatched() throws {
    let h = try DashboardHarness()
    if let descriptor = h.program.data.descriptor {
      #expect(h.terminal.watched == [descriptor, h.program.data.reloadDescriptor])
    } else {
      #expect(h.runtime.nextWake() <= Runtime<DashboardProgram>.pollInterval)
    }
  }
}
