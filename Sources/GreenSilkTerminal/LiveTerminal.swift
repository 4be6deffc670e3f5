import GreenSilkRuntime
import GreenSilkUI

/// The real terminal as the runtime sees it: `NcursesTerminal` draws and
/// reads keys, `EventLoop` waits (one `poll` over the tty, the signal
/// self-pipe and the data directory's inotify descriptor).
///
///     try withLiveTerminal(options) { terminal in
///       Runtime(program: program, terminal: terminal).run()
///     }
public final class LiveTerminal: Terminal {
  public let screen: NcursesTerminal
  private let loop: EventLoop

  /// Installs the handlers for `signals` (see `EventLoop`).
  public init(_ screen: NcursesTerminal, signals: [Int32] = TerminalEvent.reportedSignals) throws(EventLoopError) {
    self.screen = screen
    loop = try EventLoop(terminal: screen, signals: signals)
  }

  /// Restores the signal handlers.
  public func close() { loop.close() }

  public var size: Size { screen.size }
  public var asciiOnly: Bool { screen.asciiOnly }
  public func present(_ frame: Buffer, theme: Theme) { screen.present(frame, theme: theme) }
  public func invalidate() { screen.invalidate() }
  public func suspend() { screen.suspend() }
  /// Back in GreenSilk's modes, the size reread, everything repainted.
  public func resume() { screen.resume() }
  public func watch(_ descriptor: Int32) { loop.watch(descriptor) }
  public func waitForEvents(timeout: Duration?) -> [TerminalEvent] { loop.wait(timeout: timeout) }
}

/// Runs `body` on the real terminal with its event loop, and always
/// restores both (signal handlers, then the terminal's modes) afterwards,
/// on return and on throw.
public func withLiveTerminal<Result>(
  _ options: TerminalOptions = TerminalOptions(), _ body: (LiveTerminal) throws -> Result
) throws -> Result {
  try withTerminal(options) { screen in
    let terminal = try LiveTerminal(screen)
    defer { terminal.close() }
    return try body(terminal)
  }
}
