import Foundation
import GreenSilkCore
import GreenSilkUI
import Synchronization
import Testing

@testable import GreenSilkRuntime

/// Reloads off the loop (issue 16, item 5), through the runtime on a
/// headless terminal against real files: the reload is held at a gate on
/// its worker thread (`ReloadTestHook`) while the test presses keys and
/// saves, then let go. Serialized: the hooks are process-wide (each gate
/// acts on its own directory only, so other suites' reloads pass).
@Suite("Reloads in the background", .serialized)
struct BackgroundReloadTests {
  @Test func keysAndFramesGoOnWhileAReloadIsHeld() throws {
    let h = try DashboardHarness()
    let gate = ReloadGate(directory: h.directory, at: .beforeLoad)
    defer { gate.remove() }
    let original = try h.colleagueSaves("P-0007") { $0.title = "Changed outside" }
    h.runtime.step(.dataChanged)
    h.clock.advance(by: Runtime<DashboardProgram>.reloadDelay)
    h.runtime.step(.timer)
    try gate.waitForArrivals(1)
    #expect(h.program.data.isReloading)

    // The loop goes on: a key changes the screen and a frame shows it.
    h.press(.character("2"))
    #expect(h.state.screen == .corridors)
    #expect(h.terminal.text?.contains("[2 Corridors]") == true)
    #expect(h.state.data.project(id: "P-0007")?.title == original.title)

    gate.open()
    #expect(h.runtime.settleReload())
    #expect(h.state.data.project(id: "P-0007")?.title == "Changed outside")
    #expect(h.state.screen == .corridors)
    #expect(gate.arrivals == 1)
  }

  /// Changes that come while a reload runs make one more reload after it,
  /// however many they are; that one reads the latest files. (Held after
  /// the read, so that the first reload has read only the first change.)
  @Test func changesDuringAReloadCoalesceIntoOneMore() throws {
    let h = try DashboardHarness()
    let gate = ReloadGate(directory: h.directory, at: .afterLoad)
    defer { gate.remove() }
    _ = try h.colleagueSaves("P-0007") { $0.title = "First change" }
    h.program.data.requestReload()
    try gate.waitForArrivals(1)
    for round in 1...5 {
      _ = try h.colleagueSaves("P-0007") { $0.title = "Change \(round)" }
      h.runtime.step(.dataChanged)
      h.clock.advance(by: Runtime<DashboardProgram>.reloadDelay)
      h.runtime.step(.timer)
    }
    gate.open()
    #expect(h.runtime.settleReload())
    #expect(gate.arrivals == 2)
    #expect(h.state.data.project(id: "P-0007")?.title == "Change 5")
  }

  /// The reload read the files (with a colleague's change) before this
  /// session saved; it finishes after the save. It must not put the old
  /// title back: it is dropped for a reload of the files as they are now,
  /// which shows both changes.
  @Test func aReloadThatReadBeforeAnOwnSaveDoesNotUndoIt() throws {
    let h = try DashboardHarness()
    let gate = ReloadGate(directory: h.directory, at: .afterLoad)
    defer { gate.remove() }
    _ = try h.colleagueSaves("P-0007") { $0.title = "Changed by a colleague" }
    h.program.data.requestReload()
    try gate.waitForArrivals(1)

    h.edit("P-0003", field: "title")
    h.retype("Saved during the reload")
    h.press(.ctrl("s"))
    #expect(h.state.status?.text == "saved P-0003 (title)")
    #expect(h.state.data.project(id: "P-0003")?.title == "Saved during the reload")

    gate.open()
    #expect(h.runtime.settleReload())
    #expect(h.state.data.project(id: "P-0003")?.title == "Saved during the reload")
    #expect(h.state.data.project(id: "P-0007")?.title == "Changed by a colleague")
    #expect(gate.arrivals == 2, "the stale reload is replaced by one more")
  }

  /// An own save is not reloaded as someone else's change.
  @Test func anOwnSaveAloneIsNotReloaded() throws {
    let h = try DashboardHarness()
    let gate = ReloadGate(directory: h.directory, at: .beforeLoad)
    defer { gate.remove() }
    gate.open()
    h.edit("P-0003", field: "title")
    h.retype("Saved alone")
    h.press(.ctrl("s"))
    // What inotify reports of the save itself.
    h.runtime.step(.dataChanged)
    h.clock.advance(by: Runtime<DashboardProgram>.reloadDelay)
    h.runtime.step(.timer)
    #expect(h.runtime.settleReload())
    #expect(gate.arrivals == 0, "the own save was loaded again")
    #expect(h.state.data.project(id: "P-0003")?.title == "Saved alone")
  }

  /// A colleague wrote just before this session saved (before its change
  /// was loaded): the save's own file identities would hide that change,
  /// so a forced reload follows the save.
  @Test func aChangeJustBeforeAnOwnSaveIsStillLoaded() throws {
    let h = try DashboardHarness()
    h.edit("P-0003", field: "title")
    h.retype("Saved after a colleague")
    _ = try h.colleagueSaves("P-0007") { $0.title = "Changed just before" }
    h.press(.ctrl("s"))
    h.runtime.step(.dataChanged)
    h.clock.advance(by: Runtime<DashboardProgram>.reloadDelay)
    h.runtime.step(.timer)
    #expect(h.runtime.settleReload())
    #expect(h.state.data.project(id: "P-0007")?.title == "Changed just before")
    #expect(h.state.data.project(id: "P-0003")?.title == "Saved after a colleague")
  }

  /// The kiosk rotates while a reload is held, and its reload brings the
  /// ticker's audit tail read on the worker.
  @Test func theKioskRotatesWhileAReloadIsHeld() throws {
    let k = try KioskRuntimeTests.Harness { $0.rotate = 10 }
    let gate = ReloadGate(directory: k.directory, at: .beforeLoad)
    defer { gate.remove() }
    let store = FileStore(directory: k.directory)
    let original = try #require(try store.load().dataSet.project(id: "P-0007"))
    var moved = original
    moved.title = "Moved by a colleague"
    _ = try RecordEditor(store: store, user: UserIdentity(login: "carol")).update(moved, from: original)
    k.runtime.step(.dataChanged)
    k.clock.advance(by: Runtime<KioskProgram>.reloadDelay)
    k.runtime.step(.timer)
    try gate.waitForArrivals(1)
    let page = k.state.index
    k.clock.advance(by: 10)
    k.runtime.step(.timer)
    #expect(k.state.index != page)
    gate.open()
    #expect(k.runtime.settleReload())
    #expect(k.state.app.data.project(id: "P-0007")?.title == "Moved by a colleague")
    #expect(k.state.ticker.first?.contains("carol update P-0007") == true)
  }
}

/// Holds the reloads of one data directory at a hook point until opened,
/// and counts them.
final class ReloadGate: Sendable {
  private let state = Mutex((isOpen: false, arrivals: 0))
  private let point: ReloadTestHook.Point

  init(directory: String, at point: ReloadTestHook.Point) {
    self.point = point
    ReloadTestHook.set(point) { [self] reloading in
      guard reloading == directory else { return }
      state.withLock { $0.arrivals += 1 }
      while !state.withLock({ $0.isOpen }) { usleep(1000) }
    }
  }

  var arrivals: Int { state.withLock { $0.arrivals } }

  func open() { state.withLock { $0.isOpen = true } }

  /// Waits until `count` reloads have reached the gate (10 s at most).
  func waitForArrivals(_ count: Int) throws {
    for _ in 0..<10_000 where arrivals < count { usleep(1000) }
    if arrivals < count { throw GateTimeout() }
  }

  func remove() {
    ReloadTestHook.set(point, nil)
    open()
  }

  struct GateTimeout: Error {}
}
