import GreenSilkCore
import GreenSilkUI

#if canImport(Glibc)
  import Glibc
#endif

/// The wall display, as the runtime drives it for weeks: `KioskState`
/// reduced by `KioskReducer`, drawn by `KioskView`. It wakes only when
/// the display must change (the clock, the countdown, a rotation) or
/// something happened, so idle CPU stays near zero. Reads only: never a
/// lock, a draft or an audit line. Its reducer asks for no effects.
public final class KioskProgram: Program {
  public private(set) var state: KioskState
  public let theme: Theme
  public let data: DataFollower
  let clock: RuntimeClock
  let origin: Double
  let timeScale: Double
  let logger: Logger
  var reloads = 0

  /// `timeScale` runs the rotation clock that many times faster (soak
  /// tests); reloads stay real.
  public init(
    store: FileStore, initial: LoadResult, config: KioskConfig, display: DisplayChoices, timeScale: Double = 1,
    clock: RuntimeClock = .system, logger: Logger = .disabled
  ) {
    self.clock = clock
    self.timeScale = max(1, timeScale)
    self.logger = logger
    var config = config
    if let theme = display.theme { config.theme = theme }
    theme = ThemeCatalog.locate(themesDirectory: display.themesDirectory).catalog.load(config.theme).theme
    data = DataFollower(store: store, initial: initial, readsAuditTail: true)
    origin = clock.seconds()
    state = KioskState(
      config: config, data: initial.dataSet, issues: initial.issues, clock: clock.localTime(), now: 0,
      size: Size(width: 80, height: 24), glyphs: display.ascii ? .ascii : .unicode, totals: display.totals)
  }

  /// Seconds since start on the (possibly accelerated) rotation clock.
  var now: Double { (clock.seconds() - origin) * timeScale }

  public var exitStatus: Int32? { state.shouldExit ? 0 : nil }

  public func render() -> Buffer { KioskView.render(state, size: state.app.size) }

  public func actions(for event: RuntimeEvent) -> [KioskAction] {
    switch event {
    case .started(let size, let asciiOnly): [.terminalOpened(size, asciiOnly: asciiOnly)] + (auditTail().map { [.auditRead($0)] } ?? [])
    case .key(let key): [.keyPressed(key)]
    case .resize(let size): [.resized(size)]
    case .timer: [.ticked(now: now, clock: clock.localTime())]
    case .signal, .dataChanged, .reloadFinished, .inputClosed: []
    }
  }

  public func reduce(_ action: KioskAction) -> [Never] {
    let rotations = state.rotations
    KioskReducer.reduce(&state, action)
    if state.rotations / 1000 != rotations / 1000 { logger.log("kiosk: \(state.rotations) page rotations") }
    if state.shouldExit { logger.log("kiosk: unlocked, exiting") }
    return []
  }

  /// Never called: the kiosk's reducer asks for no effects.
  public func perform(_ effect: Never, on terminal: any Terminal) -> [KioskAction] {}

  /// A reload finished off the loop, with the ticker's audit tail read
  /// there too. A load with problems keeps the last good data on screen,
  /// with a warning, until the files are fixed.
  public func reloaded(_ outcome: ReloadOutcome) -> [KioskAction] {
    let at = clock.localTime()
    var actions: [KioskAction]
    let tail: [AuditEntry]?
    switch outcome {
    case .loaded(let result, let auditTail):
      reloads += 1
      logger.log("kiosk: reload \(reloads)\(result.issues.isEmpty ? "" : " with problems")")
      if let first = result.issues.first { logger.log("kiosk: data problem: \(first)") }
      actions = [.dataLoaded(result, at: at)]
      tail = auditTail
    case .failed(let message, let auditTail):
      actions = [.dataFailed(message, at: at)]
      tail = auditTail
    }
    if let tail { actions.append(.auditRead(tail)) }
    return actions
  }

  /// SIGTERM ends the kiosk (0); SIGHUP or a closed terminal end it with
  /// 129, for a service manager to restart it; SIGINT and SIGQUIT sent
  /// from outside are ignored (a wall display stays up).
  public func interrupted(by event: RuntimeEvent) -> Int32? {
    switch event {
    case .signal(SIGTERM):
      logger.log("kiosk: SIGTERM, exiting")
      return 0
    case .signal(SIGHUP), .inputClosed:
      logger.log("kiosk: terminal gone, exiting with 129 for a restart")
      return 129
    default:
      return nil
    }
  }

  /// Real seconds until the display must change, a millisecond past it so
  /// that the wake never comes just before.
  public func secondsUntilNextChange() -> Double {
    let next = state.nextChange(clockSecond: clock.localTime().second)
    return max(0, next - now) / timeScale + 0.001
  }

  /// The tail of the audit log, for the ticker (never the whole file:
  /// the log only grows).
  func auditTail() -> [AuditEntry]? {
    try? AuditLog.readTail(data.store, bytes: 64 * 1024)
  }
}
