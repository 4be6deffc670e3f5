import Foundation
import GreenSilkRuntime
import Testing

@Suite("Logger")
struct LoggerTests {
  @Test("appends lines, creates the directory, makes control characters visible")
  func appends() throws {
    let dir = NSTemporaryDirectory() + "greensilk-log-" + UUID().uuidString
    let path = dir + "/state/greensilk/greensilk.log"
    do {
      let logger = Logger(path: path)
      #expect(logger.isEnabled)
      logger.log("theme loaded")
      logger.log("bad title \u{1B}]0;pwned\u{7}", level: .warning)
    }
    do {
      Logger(path: path).log("second run", level: .error)
    }
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0].hasSuffix(" info theme loaded"))
    #expect(lines[1].hasSuffix(" warning bad title \u{241B}]0;pwned\u{2407}"))
    #expect(lines[2].hasSuffix(" error second run"))
    #expect(!lines.joined().contains("\u{1B}"))
    // 2026-01-31T12:00:00Z
    #expect(lines[0].prefix(20).filter { $0 == "-" || $0 == ":" }.count == 4)
    #expect(lines[0].dropFirst(19).first == "Z")
  }

  @Test("no path, or an unwritable one, logs nowhere without failing")
  func disabled() {
    #expect(!Logger.disabled.isEnabled)
    Logger.disabled.log("dropped")
    let bad = Logger(path: "/proc/greensilk-cannot-write/x.log")
    #expect(!bad.isEnabled)
    bad.log("dropped")
  }

  @Test("the default path follows XDG_STATE_HOME, then HOME")
  func defaultPath() {
    #expect(Logger.defaultPath(stateHome: "/s", home: "/h") == "/s/greensilk/greensilk.log")
    #expect(Logger.defaultPath(stateHome: nil, home: "/h") == "/h/.local/state/greensilk/greensilk.log")
    #expect(Logger.defaultPath(stateHome: "relative", home: "/h") == "/h/.local/state/greensilk/greensilk.log")
    #expect(Logger.defaultPath(stateHome: nil, home: nil) == nil)
  }
}
