import GreenSilkUI

#if canImport(Glibc)
  import Glibc
#endif

/// The one loop of the dashboard, the kiosk and the tests: events in,
/// actions reduced, every effect run, frames presented.
///
///     let runtime = Runtime(program: dashboard, terminal: terminal)
///     let status = runtime.run()
///
/// `run` waits on the terminal (one `poll` over the tty, signals and the
/// data directory in the app) and calls `step` for each event; tests call
/// `step` themselves on a `HeadlessTerminal`. Single-threaded, as ncurses
/// wants it; between events the process sleeps.
///
/// Nothing is dropped: `dispatch` is the only place actions are reduced,
/// and it performs every effect each reduce returns, feeding the actions
/// an effect's outcome brings back in, depth first (an effect's outcome
/// is reduced before the next effect runs).
public final class Runtime<P: Program> {
  public let program: P
  public let terminal: any Terminal
  public let clock: RuntimeClock
  /// Called with every effect before it is performed (tests record them).
  public var effectObserver: ((P.Effect) -> Void)?
  /// When the pending reload is due (monotonic seconds), if one is.
  public private(set) var reloadDue: Double?
  private var interruptedStatus: Int32?
  /// Without inotify: when the worker next compares the files' identities.
  private var nextPoll: Double = 0

  /// How long after a change in the data directory the reload happens:
  /// an editor's save or `git pull` is several writes, loaded once. Short,
  /// since it is part of every save's way to other people's screens (issue
  /// 17: within 1 s on 30 dashboards); a burst longer than this costs one
  /// more reload (coalesced by `DataFollower`), which only compares file
  /// identities when the files are as the first one left them.
  public static var reloadDelay: Double { 0.05 }
  /// Without inotify, how often the files' identities are compared.
  public static var pollInterval: Double { 1 }

  public init(program: P, terminal: any Terminal, clock: RuntimeClock = .system) {
    self.program = program
    self.terminal = terminal
    self.clock = clock
  }

  /// The exit status once the program has ended (by itself, a signal,
  /// or the terminal going away); nil while it runs.
  public var exitStatus: Int32? { interruptedStatus ?? program.exitStatus }

  /// Starts the program, then runs until it ends; returns its exit status.
  /// `firstFrame` is called once the first frame is on screen.
  public func run(firstFrame: () -> Void = {}) -> Int32 {
    start()
    firstFrame()
    // What loading freed (file blocks, the parser's scratch) goes back.
    MemoryTrim.releaseFreedMemory()
    while exitStatus == nil {
      for event in terminal.waitForEvents(timeout: .milliseconds(Int64((nextWake() * 1000).rounded(.up)))) {
        if let event = translate(event) { step(event) }
        if exitStatus != nil { break }
      }
      guard exitStatus == nil else { break }
      step(.timer)
      if exitStatus == nil { present() }
    }
    return exitStatus ?? 0
  }

  /// Tells the program the terminal is open (size, ASCII), registers the
  /// data directory's descriptor, runs what is due, and shows a frame.
  public func start() {
    if let descriptor = program.data.descriptor { terminal.watch(descriptor) }
    terminal.watch(program.data.reloadDescriptor)
    step(.started(terminal.size, asciiOnly: terminal.asciiOnly))
    step(.timer)
    present()
  }

  /// Reacts to one event: the runtime's own part (repaint after SIGCONT,
  /// ending on a signal, scheduling and running reloads), then the
  /// program's actions for it, reduced with all their effects.
  public func step(_ event: RuntimeEvent) {
    guard exitStatus == nil else { return }
    switch event {
    case .signal(SIGCONT):
      terminal.invalidate()
    case .signal, .inputClosed:
      interruptedStatus = program.interrupted(by: event)
    case .dataChanged:
      reloadDue = clock.seconds() + Self.reloadDelay
    case .timer:
      dispatch(program.actions(for: event))
      if program.data.descriptor == nil, clock.seconds() >= nextPoll {
        // No inotify: the worker compares the files' identities.
        nextPoll = clock.seconds() + Self.pollInterval
        reloadDue = reloadDue ?? clock.seconds()
      }
      if let due = reloadDue, clock.seconds() >= due {
        reloadDue = nil
        // Off the loop (issue 16, item 5): keys and frames go on while
        // the worker reads; `.reloadFinished` brings the outcome back.
        program.data.requestReload()
      }
      // No pipe to wake on (out of descriptors): the reload ran on this
      // thread, or was asked for by an effect since the last wake.
      if program.data.reloadDescriptor < 0 && program.data.isReloading { step(.reloadFinished) }
    case .reloadFinished:
      guard let outcome = program.data.takeFinishedReload() else { return }
      dispatch(program.reloaded(outcome))
      // The old data set is gone now: hand its memory back.
      MemoryTrim.releaseFreedMemory()
    case .started, .key, .resize:
      dispatch(program.actions(for: event))
    }
  }

  /// For tests on a `HeadlessTerminal` (which polls nothing): waits for
  /// the reload running on the worker, at most `seconds`, and applies it
  /// as the loop would on its wake. Returns whether none is left running.
  @discardableResult
  public func settleReload(seconds: Double = 30) -> Bool {
    while program.data.isReloading {
      guard program.data.waitForReload(seconds: seconds) else { return false }
      step(.reloadFinished)
    }
    return true
  }

  /// Reduces `actions` in order, running every effect each one asks for.
  public func dispatch(_ actions: [P.Action]) {
    for action in actions {
      for effect in program.reduce(action) {
        effectObserver?(effect)
        dispatch(program.perform(effect, on: terminal))
      }
    }
  }

  /// Shows the current frame (or the notice for a window too large to draw).
  public func present() {
    terminal.present(frame(), theme: program.theme)
  }

  /// What the screen shows now. A window beyond `DrawableArea.largest`
  /// gets a small notice instead of a frame of its size, so memory does
  /// not grow with the window.
  public func frame() -> Buffer {
    let size = terminal.size
    if DrawableArea.isTooLarge(size) { return TooLargeNotice.frame(for: size) }
    return program.render()
  }

  /// Seconds until the loop must wake without input: the program's next
  /// change, a pending reload, and the check for changed files when there
  /// is no inotify.
  public func nextWake() -> Double {
    var seconds = program.secondsUntilNextChange()
    if let reloadDue { seconds = min(seconds, reloadDue - clock.seconds()) }
    if program.data.descriptor == nil { seconds = min(seconds, nextPoll - clock.seconds()) }
    // An hour at most: a paused kiosk has no next change of its own.
    return min(max(0, seconds), 3600)
  }

  /// The terminal's event as the runtime understands it: the data
  /// directory's descriptor is drained (nil when it held nothing of
  /// interest); a timeout needs nothing (the loop runs `.timer` after
  /// every wake).
  func translate(_ event: TerminalEvent) -> RuntimeEvent? {
    switch event {
    case .key(let key): .key(key)
    case .resize(let size): .resize(size)
    case .signal(let signal): .signal(signal)
    case .readable(let descriptor) where descriptor == program.data.reloadDescriptor: .reloadFinished
    case .readable(let descriptor): descriptor == program.data.descriptor && program.data.drainEvents() ? .dataChanged : nil
    case .inputClosed: .inputClosed
    case .timeout: nil
    }
  }
}

/// Gives freed heap memory back to the system after a reload (issue 13:
/// "a reload never keeps an old copy"). Once the new data set replaces
/// the old one, the old one's memory is free but glibc keeps it in its
/// arenas (one per thread the parser ran on), so the process stayed at
/// the high-water mark of old and new together: ×1.75 resident on the
/// synthetic 20,000 after three outside saves, ×1.98 at GCDF scale.
/// `malloc_trim` returns what is free at the top of each arena and, since
/// glibc 2.8, whole free pages inside them.
enum MemoryTrim {
  static func releaseFreedMemory() {
    #if canImport(Glibc)
      _ = glibcMallocTrim(0)
    #endif
  }
}

#if canImport(Glibc)
  /// glibc's `malloc_trim` (declared in malloc.h, which the Glibc module
  /// does not bring in).
  @_silgen_name("malloc_trim")
  private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
