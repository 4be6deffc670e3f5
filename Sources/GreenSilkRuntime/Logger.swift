import Glibc
import GreenSilkUI

/// A tiny append-only log file, because nothing may be printed to stdout
/// while the screen is up (it would scribble over the frame). Each line
/// is one `write(2)` to a file opened with O_APPEND, so lines from two
/// GreenSilk processes never interleave mid-line.
///
///     let log = Logger(path: Logger.defaultPath())
///     log.log("theme default.toml: 2 warnings", level: .warning)
public final class Logger: Sendable {
  /// How much a line matters.
  public enum Level: String, Sendable {
    case debug, info, warning, error
  }

  /// The file written to, nil when logging is off.
  public let path: String?
  private let descriptor: Int32

  /// Logs to `path` (its directory is created), or nowhere when nil or
  /// when the file cannot be opened: logging never stops the app.
  public init(path: String?) {
    self.path = path
    guard let path else {
      descriptor = -1
      return
    }
    Self.makeParentDirectories(of: path)
    descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
  }

  /// A logger that drops everything.
  public static let disabled = Logger(path: nil)

  /// Whether lines actually go somewhere.
  public var isEnabled: Bool { descriptor >= 0 }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  /// `$XDG_STATE_HOME/greensilk/greensilk.log`, else
  /// `$HOME/.local/state/greensilk/greensilk.log`; nil with neither set.
  public static func defaultPath(
    stateHome: String? = Environment.value("XDG_STATE_HOME"),
    home: String? = Environment.value("HOME")
  ) -> String? {
    if let stateHome, stateHome.hasPrefix("/") { return stateHome + "/greensilk/greensilk.log" }
    if let home, !home.isEmpty { return home + "/.local/state/greensilk/greensilk.log" }
    return nil
  }

  /// Appends `2026-01-31T12:00:00Z warning message`. Control characters in
  /// the message are made visible, so `cat`ing the log is always safe.
  public func log(_ message: String, level: Level = .info) {
    guard descriptor >= 0 else { return }
    let text = Sanitizer.visible(message)
    var line = Array("\(Self.timestamp()) \(level.rawValue) \(text)\n".utf8)
    var offset = 0
    while offset < line.count {
      let written = line.withUnsafeMutableBytes {
        write(descriptor, $0.baseAddress.map { $0 + offset }, $0.count - offset)
      }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return }
      offset += written
    }
  }

  /// UTC, ISO 8601, to the second.
  static func timestamp() -> String {
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
      + "T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
  }

  private static func makeParentDirectories(of path: String) {
    guard !path.isEmpty else { return }
    var search = path.index(after: path.startIndex)
    while let slash = path[search...].firstIndex(of: "/") {
      mkdir(String(path[..<slash]), 0o700)
      search = path.index(after: slash)
    }
  }
}
