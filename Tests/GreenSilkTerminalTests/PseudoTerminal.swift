import CNcursesw
import Glibc
import GreenSilkTerminal
import Testing

/// Every test that opens a terminal: ncurses has one current screen per
/// process and a process has one set of signal handlers, so these run one
/// at a time (the trait covers the nested suites).
@Suite("Backend on a pseudo-terminal", .serialized)
enum OnPseudoTerminal {}

/// The colour parameters (30-38, 40-48, 90-97, 100-107) of every SGR
/// sequence (ESC [ … m) in `bytes`; 39 and 49 (default colours) are left out.
func sgrColourCodes(_ bytes: [UInt8]) -> [Int] {
  var codes: [Int] = []
  var index = 0
  while index + 1 < bytes.count {
    guard bytes[index] == 0x1B, bytes[index + 1] == UInt8(ascii: "[") else {
      index += 1
      continue
    }
    var end = index + 2
    while end < bytes.count, (0x30...0x3F).contains(bytes[end]) { end += 1 }
    if end < bytes.count, bytes[end] == UInt8(ascii: "m") {
      let params = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
      for param in params.split(separator: ";") {
        guard let n = Int(param) else { continue }
        if (30...38).contains(n) || (40...48).contains(n) || (90...97).contains(n)
          || (100...107).contains(n)
        {
          codes.append(n)
        }
      }
    }
    index = end
  }
  return codes
}

/// A pseudo-terminal for running the backend without a real terminal:
/// the backend draws on the slave side, the test reads what it wrote from
/// the master side and types keys into it.
final class PseudoTerminal {
  let master: Int32
  let slave: Int32
  /// The backend reads the locale from the environment; the pty tests
  /// expect UTF-8 whatever the runner was started with. Set once, and only
  /// when needed: setenv is not safe while other test threads read the
  /// environment.
  private static let utf8Locale: Void = {
    let names = ["LC_ALL", "LC_CTYPE", "LANG"]
    let effective = names.lazy.compactMap { getenv($0).map { String(cString: $0) } }
      .first { !$0.isEmpty } ?? ""
    if !effective.lowercased().filter({ $0 != "-" }).contains("utf8") {
      setenv("LC_ALL", "C.UTF-8", 1)
    }
  }()

  private static let marker: [UInt8] = Array("\u{1}GS-SYNC\u{1}".utf8)

  init(rows: Int32 = 8, columns: Int32 = 40) throws {
    _ = Self.utf8Locale
    var master: Int32 = -1
    var slave: Int32 = -1
    guard gs_openpty(&master, &slave, rows, columns) == 0 else {
      throw PseudoTerminalError.openFailed(errno)
    }
    self.master = master
    self.slave = slave
    _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
  }

  deinit {
    close(master)
    close(slave)
  }

  /// Options that open the backend on this pty.
  func options(
    type: String = "xterm-256color", noColor: String? = nil, forceASCII: Bool = false
  ) -> TerminalOptions {
    TerminalOptions(
      device: .fileDescriptors(input: slave, output: slave), terminalType: type,
      noColor: noColor, forceASCII: forceASCII)
  }

  /// Everything written to the terminal since the last call. A marker is
  /// written after it on the same tty, so reading up to the marker gets
  /// all of it without guessing how long to wait.
  func output() -> [UInt8] {
    _ = Self.marker.withUnsafeBytes { write(slave, $0.baseAddress, $0.count) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while !bytes.ends(with: Self.marker) {
      var fd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      // A safety net against hanging, not a measurement.
      guard poll(&fd, 1, 10_000) > 0 else {
        Issue.record("the pty went quiet before the marker")
        break
      }
      let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      if count > 0 { bytes += chunk[0..<count] }
    }
    return bytes.ends(with: Self.marker) ? Array(bytes.dropLast(Self.marker.count)) : bytes
  }

  /// Types `text` as if on a keyboard.
  func type(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
  }

  func resize(rows: Int32, columns: Int32) {
    _ = gs_set_window_size(master, rows, columns)
  }
}

enum PseudoTerminalError: Error {
  case openFailed(Int32)
}

extension Array where Element == UInt8 {
  func ends(with suffix: [UInt8]) -> Bool {
    count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
  }

  func contains(_ sequence: [UInt8]) -> Bool {
    guard sequence.count <= count else { return false }
    for start in 0...(count - sequence.count) where self[start] == sequence[0] {
      if Array(self[start..<(start + sequence.count)]) == sequence { return true }
    }
    return false
  }

  func contains(_ text: String) -> Bool { contains(Array(text.utf8)) }
}
