import Glibc
import GreenSilkRuntime
import GreenSilkUI

/// How to open the terminal. The defaults are what the app wants on the
/// user's terminal; tests open a pseudo-terminal by file descriptors.
public struct TerminalOptions: Sendable {
  /// Which terminal device to draw on.
  public enum Device: Sendable, Hashable {
    /// stdin and stdout: the terminal the user started GreenSilk in.
    case controllingTerminal
    /// A tty device opened by path (`/dev/pts/3`), for input and output.
    case path(String)
    /// Already open descriptors (a pty in tests). They stay the caller's:
    /// shutdown does not close them.
    case fileDescriptors(input: Int32, output: Int32)
  }

  public var device: Device
  /// The terminfo name; nil takes `$TERM`.
  public var terminalType: String?
  /// The richest colour depth to use (`--mono` is `.mono`); it can only
  /// lower what the terminal reports.
  public var maximumColorDepth: ColorDepth?
  /// The value of `NO_COLOR`; set and non-empty forces monochrome.
  public var noColor: String?
  /// Draw ASCII only, even in a UTF-8 locale (fonts without box drawing).
  public var forceASCII: Bool
  /// Milliseconds ncurses waits after ESC for the rest of a key sequence;
  /// short, so that Esc feels instant over SSH.
  public var escapeDelay: Int32

  public init(
    device: Device = .controllingTerminal,
    terminalType: String? = nil,
    maximumColorDepth: ColorDepth? = nil,
    noColor: String? = Environment.value("NO_COLOR"),
    forceASCII: Bool = false,
    escapeDelay: Int32 = 25
  ) {
    self.device = device
    self.terminalType = terminalType
    self.maximumColorDepth = maximumColorDepth
    self.noColor = noColor
    self.forceASCII = forceASCII
    self.escapeDelay = escapeDelay
  }
}

/// Why the terminal could not be opened. Each is an unusable setup: the
/// commands exit with status 2.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Input or output is not a terminal (piped or redirected).
  case notATerminal
  /// The device path could not be opened.
  case cannotOpen(path: String, errno: Int32)
  /// ncurses does not know the terminal type (no terminfo entry).
  case unsupportedTerminal(type: String)
  /// The terminal is known but cannot show a full screen (`dumb`, or a
  /// hard-copy terminal); `reason` says why.
  case unusableTerminal(type: String, reason: String)

  public var description: String {
    switch self {
    case .notATerminal:
      "standard input and output must be a terminal for the screen (the headless commands need none)"
    case .cannotOpen(let path, let code): "cannot open \(path): \(String(cString: strerror(code)))"
    case .unsupportedTerminal(let type):
      "terminal type '\(type)' is not known here; set TERM to your terminal's type (e.g. xterm-256color)"
    case .unusableTerminal(let type, let reason):
      "terminal type '\(type)' cannot show the screen: \(reason); set TERM to a full-screen terminal type (e.g. xterm-256color)"
    }
  }
}
