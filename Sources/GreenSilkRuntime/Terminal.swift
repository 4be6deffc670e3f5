import GreenSilkUI

#if canImport(Glibc)
  import Glibc
#endif

/// What the runtime needs from a screen: its size, a way to show frames,
/// to hand the screen over to another program (`$EDITOR`) and back, and
/// the events that happen to it. `LiveTerminal` (GreenSilkTerminal) is
/// the real one, over ncurses and one `poll`; `HeadlessTerminal` keeps
/// frames in memory and plays scripted events, for tests.
///
/// Single-threaded, like ncurses: one runtime uses one terminal on one
/// thread.
public protocol Terminal: AnyObject {
  /// The window's size in cells, as the window really is (it may be
  /// larger than `DrawableArea.largest`; the runtime then draws a notice).
  var size: Size { get }
  /// Whether only ASCII can be shown (no UTF-8 locale, or `--ascii`).
  var asciiOnly: Bool { get }
  /// Shows `frame` in `theme`, writing only what changed since the frame
  /// presented before (everything after `invalidate`).
  func present(_ frame: Buffer, theme: Theme)
  /// The next `present` repaints every cell (after a theme switch, a
  /// return from `$EDITOR`, SIGCONT).
  func invalidate()
  /// Hands the screen over to another program (the terminal restored).
  func suspend()
  /// Takes the screen back after `suspend`; the next frame repaints all.
  func resume()
  /// Also wakes `waitForEvents` when `descriptor` is readable (the data
  /// directory's inotify descriptor), reported as `.readable`.
  func watch(_ descriptor: Int32)
  /// Waits until something happens or `timeout` passes (nil: no limit)
  /// and returns everything that happened, in order. Never empty.
  func waitForEvents(timeout: Duration?) -> [TerminalEvent]
}

/// Something that happened to the terminal or the process, as a terminal
/// reports it.
public enum TerminalEvent: Hashable, Sendable {
  case key(Key)
  /// The window has a new size (several resizes coalesce into the last).
  case resize(Size)
  /// SIGINT, SIGTERM, SIGHUP, SIGQUIT, or SIGCONT (after which the
  /// terminal is already back in shape and only needs a repaint).
  case signal(Int32)
  /// A descriptor given to `watch` has something to read.
  case readable(Int32)
  /// The terminal's input is gone (hang-up, closed pty): no more keys
  /// will come. Reported once.
  case inputClosed
  /// The timeout passed with nothing else to report.
  case timeout
}

extension TerminalEvent {
  /// The signals a terminal reports as `.signal`, for the program to end
  /// on (SIGCONT: to repaint). SIGWINCH becomes `.resize`; SIGTSTP needs
  /// nothing, since raw mode turns Ctrl-Z into a key.
  public static var reportedSignals: [Int32] { [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCONT] }
}
