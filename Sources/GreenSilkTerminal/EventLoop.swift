import Glibc
import GreenSilkRuntime
import GreenSilkUI

/// Why the loop could not start.
public enum EventLoopError: Error, Equatable, Sendable {
  /// Another `EventLoop` owns the signal handlers.
  case alreadyRunning
  case systemCall(String, Int32)
}

/// The app's single-threaded main loop primitive: one `poll()` over the
/// terminal's input, a signal self-pipe and any descriptors the caller
/// adds (an inotify descriptor for data reloads), with a timeout for the
/// next timer. Idle costs nothing: with no timeout it sleeps in `poll`
/// until something happens.
///
/// `LiveTerminal` pairs it with the terminal for the runtime.
///
///     let loop = try EventLoop(terminal: terminal)
///     for event in loop.wait(timeout: .seconds(30)) { … }
public final class EventLoop {
  private let terminal: NcursesTerminal
  private let signals: SignalPipe
  private var watched: [Int32] = []
  private var inputOpen = true

  /// Installs the signal handlers (replacing ncurses' own, which would
  /// exit the process from inside a signal handler).
  public init(terminal: NcursesTerminal, signals: [Int32] = TerminalEvent.reportedSignals)
    throws(EventLoopError)
  {
    self.terminal = terminal
    self.signals = try SignalPipe(signals: signals + [SIGWINCH])
  }

  deinit { close() }

  /// Adds a descriptor to wait on; it is reported as `.readable(fd)`.
  public func watch(_ descriptor: Int32) {
    if !watched.contains(descriptor) { watched.append(descriptor) }
  }

  public func unwatch(_ descriptor: Int32) {
    watched.removeAll { $0 == descriptor }
  }

  /// Restores the previous signal handlers. Called by deinit too.
  public func close() {
    signals.close()
  }

  /// Waits until something happens or `timeout` passes (nil: no limit),
  /// and returns everything that happened, in this order: signals, one
  /// resize (several coalesce into the last size), keys as typed, readable
  /// descriptors. Never returns an empty array.
  public func wait(timeout: Duration?) -> [TerminalEvent] {
    let clock = ContinuousClock()
    let deadline = timeout.map { clock.now.advanced(by: max(.zero, $0)) }
    while true {
      var fds = [pollfd(fd: signals.readEnd, events: Int16(POLLIN), revents: 0)]
      if inputOpen { fds.append(pollfd(fd: terminal.inputDescriptor, events: Int16(POLLIN), revents: 0)) }
      for fd in watched { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
      let milliseconds = deadline.map { Self.milliseconds(until: $0, clock: clock) } ?? -1
      let ready = poll(&fds, nfds_t(fds.count), milliseconds)
      if ready < 0 {
        // A signal interrupted poll: its byte is in the pipe, go round.
        if errno == EINTR { continue }
        return [.inputClosed]
      }
      if ready == 0 { return [.timeout] }
      let events = collect(fds)
      if !events.isEmpty { return events }
      if let deadline, clock.now >= deadline { return [.timeout] }
    }
  }

  private func collect(_ fds: [pollfd]) -> [TerminalEvent] {
    var events: [TerminalEvent] = []
    var resized: Size?
    if fds[0].revents != 0 {
      for signal in signals.drain() {
        switch signal {
        case SIGWINCH:
          resized = terminal.windowSizeChanged()
        case SIGCONT:
          terminal.resume()
          resized = terminal.size
          events.append(.signal(signal))
        default:
          events.append(.signal(signal))
        }
      }
    }
    var keys: [TerminalEvent] = []
    var next = 1
    if inputOpen {
      let revents = Int32(fds[next].revents)
      next += 1
      // Keys can be buffered inside ncurses after a resize or escape
      // sequence, so drain whenever anything woke us, not only on POLLIN.
      for key in terminal.readKeys() {
        if key == .resize { resized = terminal.size } else { keys.append(.key(key)) }
      }
      // A hung-up tty also reports POLLIN (reads return EOF at once), so
      // HUP wins: otherwise poll would wake us forever with nothing to read.
      if revents & Int32(POLLHUP | POLLERR | POLLNVAL) != 0 {
        inputOpen = false
        keys.append(.inputClosed)
      }
    }
    if let resized { events.append(.resize(resized)) }
    events += keys
    for pollfd in fds[next...] where pollfd.revents != 0 {
      events.append(.readable(pollfd.fd))
    }
    return events
  }

  /// Milliseconds for poll(), rounded up so a timer is never woken early
  /// (which would spin with zero-length polls until it is due).
  private static func milliseconds(until deadline: ContinuousClock.Instant, clock: ContinuousClock)
    -> Int32
  {
    let remaining = clock.now.duration(to: deadline)
    guard remaining > .zero else { return 0 }
    let (seconds, attoseconds) = remaining.components
    let ms = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    return Int32(clamping: ms)
  }
}
