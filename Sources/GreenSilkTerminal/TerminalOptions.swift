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

/// Why the terminal could not be opened.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Output is not a terminal (piped or redirected).
  case notATerminal
  /// The device path could not be opened.
  case cannotOpen(path: String, errno: Int32)
  /// ncurses refused the terminal type (unknown `TERM`, or one without
  /// cursor addressing such as `dumb`).
  case unsupportedTerminal(type: String)

  public var description: String {
    switch self {
    case .notATerminal: "standard output is not a terminal"
    case .cannotOpen(let path, let code): "cannot open \(path): \(String(cString: strerror(code)))"
    case .unsupportedTerminal(let type): "terminal type '\(type)' is not usable (unknown, or it cannot move the cursor)"
    }
  }
}
