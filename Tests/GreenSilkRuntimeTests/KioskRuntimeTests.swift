import Foundation
import GreenSilkCore
import GreenSilkUI
import Testing

@testable import GreenSilkRuntime

/// The kiosk through the same runtime as the dashboard, on a headless
/// terminal with a hand-moved clock.
@Suite("Kiosk through the runtime")
struct KioskRuntimeTests {
  final class Harness {
    let root: String
    let directory: String
    let clock = ManualClock()
    let terminal = HeadlessTerminal(size: Size(width: 100, height: 30))
    let runtime: Runtime<KioskProgram>

    init(_ edit: (inout KioskConfig) -> Void = { _ in }) throws {
      (root, directory) = try RuntimeFixture.copyOfShippedData()
      let store = FileStore(directory: directory, readOnly: true)
      var config = KioskConfig()
      config.rotate = 20
      edit(&config)
      let program = KioskProgram(
        store: store, initial: try store.load(), config: config,
        display: DisplayChoices(themesDirectory: RuntimeFixture.repoRoot + "/Themes"), clock: clock.runtimeClock)
      runtime = Runtime(program: program, terminal: terminal, clock: clock.runtimeClock)
      runtime.start()
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    var state: KioskState { runtime.program.state }
  }

  @Test func rotatesWhenItsTimeComes() throws {
    let k = try Harness()
    #expect(k.state.index == 0)
    #expect(k.terminal.text?.contains("At a glance") == true)
    k.clock.advance(by: 19.5)
    k.runtime.step(.timer)
    #expect(k.state.index == 0)
    #expect(k.runtime.nextWake() <= 0.51)
    k.clock.advance(by: 0.5)
    k.runtime.step(.timer)
    k.runtime.present()
    #expect(k.state.index == 1)
    #expect(k.terminal.text?.contains(" Overview ") == true)
  }

  @Test func sigtermEndsWithZeroAndTheTerminalGoneWith129() throws {
    for (event, status) in [(RuntimeEvent.signal(SIGTERM), Int32(0)), (.signal(SIGHUP), 129), (.inputClosed, 129)] {
      let k = try Harness()
      k.runtime.step(event)
      #expect(k.runtime.exitStatus == status, "\(event)")
    }
  }

  @Test func sigintAndSigquitFromOutsideAreIgnored() throws {
    let k = try Harness()
    k.runtime.step(.signal(SIGINT))
    k.runtime.step(.signal(SIGQUIT))
    k.runtime.step(.key(.ctrl("c")))
    k.runtime.step(.key(.character("q")))
    #expect(k.runtime.exitStatus == nil)
  }

  @Test func theUnlockSequenceEndsWithZero() throws {
    let k = try Harness { $0.unlock = [.ctrl("x"), .ctrl("q")] }
    k.runtime.step(.key(.ctrl("x")))
    #expect(k.runtime.exitStatus == nil)
    k.runtime.step(.key(.ctrl("q")))
    #expect(k.runtime.exitStatus == 0)
  }

  /// A change from outside is shown after the reload delay, and the
  /// ticker reads the audit line it left.
  @Test func reloadsAndReadsTheTicker() throws {
    let k = try Harness()
    let store = FileStore(directory: k.directory)
    let original = try #require(try store.load().dataSet.project(id: "P-0007"))
    var moved = original
    moved.title = "Moved by a colleague"
    try RecordEditor(store: store, user: UserIdentity(login: "carol")).update(moved, from: original)
    k.runtime.step(.dataChanged)
    k.clock.advance(by: Runtime<KioskProgram>.reloadDelay)
    k.runtime.step(.timer)
    #expect(k.runtime.settleReload())
    #expect(k.state.app.data.project(id: "P-0007")?.title == "Moved by a colleague")
    #expect(k.state.ticker.first?.contains("carol update P-0007") == true)
  }

  @Test func runStopsOnSigtermFromTheTerminal() throws {
    let k = try Harness()
    k.terminal.queue([.key(.character("q"))], [.signal(SIGINT)], [.signal(SIGTERM)])
    #expect(k.runtime.run() == 0)
  }
}
