import GreenSilkCore
import GreenSilkTerminal
import GreenSilkUI

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the wall display for weeks: one poll loop over the tty, signals
/// and inotify; it wakes only when the display must change (the clock,
/// the countdown, a rotation) or something happened, so idle CPU stays
/// near zero. Reads only: never a lock, a draft or an audit line.
final class KioskRuntime {
  let store: FileStore
  var state: KioskState
  let theme: Theme
  let data: DataFollower
  var reloadDue: Double?
  var reloads = 0
  let clock = ContinuousClock()
  let origin: ContinuousClock.Instant
  let timeScale: Double
  let ascii: Bool
  /// Diagnostics go to the file named by $GREENSILK_LOG, else
  /// nowhere: nothing may print while the screen is up, and a read-only
  /// session writes no file it was not asked to.
  let logger = Logger(path: Environment.value("GREENSILK_LOG"))

  init(store: FileStore, initial: LoadResult, config: KioskConfig, themesDirectory: String?, ascii: Bool, timeScale: Double) throws {
    self.store = store
    self.timeScale = timeScale
    self.ascii = ascii
    let located = ThemeCatalog.locate(themesDirectory: themesDirectory)
    theme = located.catalog.load(config.theme).theme
    data = DataFollower(store: store, initial: initial)
    origin = clock.now
    state = KioskState(
      config: config, data: initial.dataSet, issues: initial.issues, clock: LocalTime.at(), now: 0,
      size: Size(width: 80, height: 24), glyphs: ascii ? .ascii : .unicode)
    readAudit()
  }

  /// Seconds since start on the (possibly accelerated) rotation clock.
  var now: Double {
    let elapsed = clock.now - origin
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) * timeScale
  }

  func run() throws -> Int32 {
    // A stray SIGTSTP (kill -TSTP) must not freeze the wall; raw mode
    // already keeps Ctrl-Z, Ctrl-C and Ctrl-\ from becoming signals.
    signal(SIGTSTP, SIG_IGN)
    signal(SIGTTOU, SIG_IGN)
    signal(SIGTTIN, SIG_IGN)
    let options = TerminalOptions(forceASCII: ascii)
    return try withTerminal(options) { terminal in
      if terminal.asciiOnly { state.app.settings.glyphs = .ascii }
      KioskReducer.reduce(&state, .resized(terminal.size))
      let loop = try EventLoop(terminal: terminal, signals: [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGCONT])
      defer { loop.close() }
      if let fd = data.descriptor { loop.watch(fd) }
      tick()
      terminal.present(KioskView.render(state, size: terminal.size), theme: theme)
      while true {
        for event in loop.wait(timeout: nextWake()) {
          switch event {
          case .key(let key): KioskReducer.reduce(&state, .keyPressed(key))
          case .resize(let size): KioskReducer.reduce(&state, .resized(size))
          case .signal(SIGTERM):
            logger.log("kiosk: SIGTERM, exiting")
            return 0
          case .signal(SIGHUP), .inputClosed:
            logger.log("kiosk: terminal gone, exiting with 129 for a restart")
            return 129
          case .signal(SIGCONT): terminal.invalidate()
          case .signal: break  // SIGINT, SIGQUIT: a wall display ignores them
          case .readable(let fd) where fd == data.descriptor:
            if data.drainEvents() { reloadDue = now + 0.2 * timeScale }
          case .readable, .timeout: break
          }
        }
        if state.shouldExit {
          logger.log("kiosk: unlocked, exiting")
          return 0
        }
        tick()
        if let due = reloadDue, now >= due {
          reloadDue = nil
          reload()
        }
        if data.descriptor == nil && data.changedOnDisk { reload() }
        // Draws only the cells that changed; an unchanged frame writes nothing.
        terminal.present(KioskView.render(state, size: state.app.size), theme: theme)
      }
    }
  }

  func tick() {
    let before = state.rotations
    KioskReducer.reduce(&state, .ticked(now: now, clock: LocalTime.at()))
    if state.rotations / 1000 != before / 1000 { logger.log("kiosk: \(state.rotations) page rotations") }
  }

  /// Seconds of real time until the display must change.
  func nextWake() -> Duration {
    let clockTime = LocalTime.at()
    var next = state.nextChange(clockSecond: clockTime.second)
    if let reloadDue { next = min(next, reloadDue) }
    var seconds = max(0, next - now) / timeScale
    if data.descriptor == nil { seconds = min(seconds, 1) }
    return .milliseconds(Int64((seconds * 1000).rounded(.up)) + 1)
  }

  /// Reloads when a file changed. A load with problems keeps the last
  /// good data on screen, with a warning, until the files are fixed.
  func reload() {
    let at = LocalTime.at()
    switch data.reloadIfChanged() {
    case .success(let result)?:
      reloads += 1
      logger.log("kiosk: reload \(reloads)\(result.issues.isEmpty ? "" : " with problems")")
      KioskReducer.reduce(&state, .dataLoaded(result, at: at))
      if !result.issues.isEmpty { logger.log("kiosk: data problem: \(result.issues[0])") }
    case .failure(let error)?:
      KioskReducer.reduce(&state, .dataFailed("\(error)", at: at))
    case nil:
      return
    }
    readAudit()
  }

  /// The tail of the audit log, for the ticker (never the whole file:
  /// the log only grows).
  func readAudit() {
    guard let entries = try? AuditLog.readTail(store, bytes: 64 * 1024) else { return }
    KioskReducer.reduce(&state, .auditRead(entries))
  }
}
