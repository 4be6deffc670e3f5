import Foundation
import GreenSilkCore
import GreenSilkUI
import Synchronization
import Testing

@testable import GreenSilkRuntime

/// Paths and a fixed moment shared by the runtime tests.
enum RuntimeFixture {
  static let repoRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// 2026-11-29 10:30:00 local, as the screen tests use.
  static let start = LocalTime(
    secondsSinceEpoch: 1_795_948_200, day: Day("2026-11-29")!, hour: 10, minute: 30, second: 0)

  /// A fresh copy of the shipped data/ in a temporary directory, and the
  /// directory above it (for the state directory: drafts, undo journal).
  static func copyOfShippedData() throws -> (root: String, data: String) {
    let root = NSTemporaryDirectory() + "greensilk-runtime-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    let data = root + "/data"
    try FileManager.default.copyItem(atPath: repoRoot + "/data", toPath: data)
    try? FileManager.default.removeItem(atPath: data + "/.greensilk.lock")
    return (root, data)
  }
}

/// A clock the test moves by hand: monotonic seconds, and the local time
/// and UTC stamp that go with them.
final class ManualClock: Sendable {
  private let elapsed = Mutex<Double>(0)
  let start: LocalTime

  init(start: LocalTime = RuntimeFixture.start) { self.start = start }

  func advance(by seconds: Double) { elapsed.withLock { $0 += seconds } }

  var runtimeClock: RuntimeClock {
    RuntimeClock(
      seconds: { self.elapsed.withLock { $0 } },
      localTime: { self.localTime() },
      timestamp: { Timestamp(secondsSinceEpoch: self.start.secondsSinceEpoch + Int64(self.elapsed.withLock { $0 })) })
  }

  func localTime() -> LocalTime {
    let whole = Int(elapsed.withLock { $0 })
    let secondOfDay = start.hour * 3600 + start.minute * 60 + start.second + whole
    let days = secondOfDay / 86_400
    let rest = secondOfDay % 86_400
    return LocalTime(
      secondsSinceEpoch: start.secondsSinceEpoch + Int64(whole), day: Day(daysSinceEpoch: start.day.daysSinceEpoch + Int32(days)),
      hour: rest / 3600, minute: rest / 60 % 60, second: rest % 60)
  }
}

/// The dashboard on a copy of the shipped data, run by the real runtime on
/// a headless terminal with a hand-moved clock: what the app runs, with
/// the screen in memory. Records every effect the runtime performs.
final class DashboardHarness {
  let root: String
  let directory: String
  let store: FileStore
  let clock = ManualClock()
  let terminal: HeadlessTerminal
  let runtime: Runtime<DashboardProgram>
  /// The next start's first frame, when the dashboard keeps it.
  let keeper: StartFrameKeeper?
  private(set) var effects: [AppEffect] = []

  /// `environment` adds to the user (tester) and the state directory
  /// (inside the temporary root). `keepsStartFrame`: the session keeps
  /// the next start's first frame when it ends, as the command's does.
  init(
    width: Int = 100, height: Int = 30, readOnly: Bool = false, environment: [String: String] = [:],
    data: (root: String, data: String)? = nil, keepsStartFrame: Bool = false
  ) throws {
    let copy = try data ?? RuntimeFixture.copyOfShippedData()
    root = copy.root
    directory = copy.data
    store = FileStore(directory: directory, readOnly: readOnly)
    let loaded = try store.load()
    var variables = ["USER": "tester", "XDG_STATE_HOME": root + "/state", "HOME": root]
    variables.merge(environment) { $1 }
    let display = DisplayChoices(themesDirectory: RuntimeFixture.repoRoot + "/Themes")
    keeper =
      keepsStartFrame
      ? StartFrameKeeper(dataDirectory: directory, user: "tester", environment: variables, display: display, readOnly: readOnly)
      : nil
    let program = DashboardProgram(
      store: store, initial: loaded, display: display, readOnlyReason: readOnly ? "started with --read-only" : nil,
      environment: variables, clock: clock.runtimeClock, keeper: keeper)
    terminal = HeadlessTerminal(size: Size(width: width, height: height))
    runtime = Runtime(program: program, terminal: terminal, clock: clock.runtimeClock)
    runtime.effectObserver = { [unowned self] in self.effects.append($0) }
    runtime.start()
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  var state: AppState { runtime.program.state }
  var program: DashboardProgram { runtime.program }

  /// Presses keys through the runtime, a frame after each, as the loop does.
  func press(_ keys: Key...) {
    for key in keys {
      runtime.step(.key(key))
      runtime.present()
    }
  }

  func type(_ text: String) {
    for character in text { press(.character(character)) }
  }

  /// The effects performed since the last call.
  func takeEffects() -> [AppEffect] {
    defer { effects.removeAll() }
    return effects
  }

  func onDisk(_ id: String) throws -> Project? { try store.load().dataSet.project(id: id) }
  func audit() throws -> [AuditEntry] { try AuditLog.read(store).entries }

  /// Puts the cursor on a project in the pipeline table.
  func selectProject(_ id: String) {
    press(.character("3"))
    if state.pipeline.mode == .kanban { press(.character("v")) }
    if !state.pipeline.query.isEmpty { press(.character("x")) }
    press(.character("/"))
    type(id)
    press(.enter)
  }

  /// Opens the edit form on a project, the cursor on `field`.
  func edit(_ id: String, field: String) {
    selectProject(id)
    press(.character("e"))
    focus(field)
  }

  /// Types `text` into the focused field in place of what was there.
  func retype(_ text: String) {
    replaceFocused(with: text)
    press(.enter)
  }

  /// The text of the open form's field `key`.
  func text(of key: String) -> String? { state.form?.fields.first { $0.key == key }?.text }

  /// A colleague's save of project `id`, from another store, as another
  /// process would write it. Returns the version before.
  @discardableResult
  func colleagueSaves(_ id: String, _ change: (inout Project) -> Void) throws -> Project {
    let store = FileStore(directory: directory)
    let before = try #require(try store.load().dataSet.project(id: id), "no project \(id)")
    var after = before
    change(&after)
    try RecordEditor(store: store, user: UserIdentity(login: "bob")).update(after, from: before)
    return before
  }

  /// Focuses a form field by key, with Tab as a user would.
  func focus(_ key: String) {
    guard let target = state.form?.index(of: key) else {
      Issue.record("no field \(key)")
      return
    }
    var presses = 0
    while let form = state.form, form.focus != target, presses < form.fields.count * 2 {
      press(form.focus < target ? .tab : .backTab)
      presses += 1
    }
  }

  /// Replaces the focused field's text by typing, as a user would.
  func replaceFocused(with text: String) {
    press(.enter, .ctrl("u"))
    type(text)
  }
}
