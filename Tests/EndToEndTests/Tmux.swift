import Foundation
import Synchronization
import Testing

/// Why an end-to-end test could not go on: the message says what was
/// expected and what the pane showed.
struct E2EFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// A tmux session on a server of its own (`tmux -L <unique socket>`), so
/// that tests can run in parallel without seeing each other's sessions,
/// and so that killing the server at the end kills only what the test
/// started. Waits poll the pane for expected text with a deadline instead
/// of sleeping a fixed time.
final class TmuxSession {
  /// tmux on the PATH, or nil.
  static let executable: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/tmux"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }()

  /// tmux, or a failure that says how to get it (the tests must fail,
  /// not skip, when it is missing: `.ci/run` installs it).
  static func requireTmux() throws -> String {
    guard let executable else {
      throw E2EFailure("tmux is not installed (or not on PATH); the end-to-end tests need it: apt-get install tmux (.ci/run does)")
    }
    return executable
  }

  private static let counter = Mutex(0)

  let tmux: String
  let socket: String
  let target: String
  private(set) var width: Int
  private(set) var height: Int
  private var killed = false
  /// The server's socket file: tmux leaves it behind when the server
  /// ends, so `kill` removes it.
  private var socketPath: String?

  /// Starts `command` (run by `sh -c`) in a detached session of the given
  /// size; `TERM` is the terminal type tmux itself is told it runs in.
  init(width: Int, height: Int, command: String, term: String = "xterm-256color") throws {
    tmux = try Self.requireTmux()
    let serial = Self.counter.withLock { value -> Int in
      value += 1
      return value
    }
    socket = "gs-e2e-\(getpid())-\(serial)"
    target = "gs"
    self.width = width
    self.height = height
    try run(["-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)", command], term: term)
    socketPath = try? run(["display-message", "-p", "-t", target, "#{socket_path}"]).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  deinit { kill() }

  /// Ends the session and its server (and every process in its panes).
  func kill() {
    guard !killed else { return }
    killed = true
    _ = try? run(["kill-session", "-t", target])
    _ = try? run(["kill-server"])
    if let socketPath, socketPath.hasSuffix("/" + socket) { unlink(socketPath) }
  }

  /// `tmux send-keys`: key names (`Enter`, `Tab`, `BTab`, `Escape`) or text.
  func send(_ keys: String...) throws {
    try run(["send-keys", "-t", target] + keys)
  }

  /// Types `text` literally (no key-name lookup).
  func type(_ text: String) throws {
    try run(["send-keys", "-t", target, "-l", text])
  }

  /// The visible pane as text; with `escapes`, with its colours and
  /// attributes as SGR sequences.
  func capture(escapes: Bool = false) throws -> String {
    try run(["capture-pane", "-p", "-t", target] + (escapes ? ["-e"] : []))
  }

  /// The pane's rows.
  func lines() throws -> [String] {
    try capture().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  func resize(width: Int, height: Int) throws {
    try run(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    self.width = width
    self.height = height
  }

  /// Waits until the pane contains `text`; returns the capture.
  @discardableResult
  func waitFor(_ text: String, timeout: Duration = .seconds(10)) throws -> String {
    try waitUntil("the pane to show \"\(text)\"", timeout: timeout) { $0.contains(text) }
  }

  /// Waits until the pane no longer contains `text`.
  @discardableResult
  func waitForAbsence(_ text: String, timeout: Duration = .seconds(10)) throws -> String {
    try waitUntil("the pane to stop showing \"\(text)\"", timeout: timeout) { !$0.contains(text) }
  }

  /// Polls the pane until `condition` holds, failing after `timeout` with
  /// the last capture in the message.
  @discardableResult
  func waitUntil(_ what: String, timeout: Duration = .seconds(10), _ condition: (String) -> Bool) throws -> String {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    var last = ""
    while true {
      last = try capture()
      if condition(last) { return last }
      if clock.now >= deadline { break }
      usleep(40_000)
    }
    throw E2EFailure("timed out after \(timeout) waiting for \(what); the \(width)x\(height) pane showed:\n\(last)")
  }

  /// Waits until the pane differs from `before` and then holds still for
  /// a moment (the same capture twice, 150 ms apart): a capture taken
  /// while the program is still writing a frame can show half of it.
  @discardableResult
  func waitForSettled(changedFrom before: String, timeout: Duration = .seconds(10)) throws -> String {
    var last = try waitUntil("the pane to change", timeout: timeout) { $0 != before }
    for _ in 0..<50 {
      usleep(150_000)
      let next = try capture()
      if next == last { return next }
      last = next
    }
    throw E2EFailure("the \(width)x\(height) pane kept changing; last:\n\(last)")
  }

  /// Runs tmux on this session's server and returns its standard output.
  @discardableResult
  func run(_ arguments: [String], term: String = "xterm-256color") throws -> String {
    var environment = ProcessInfo.processInfo.environment
    environment["TERM"] = term
    environment["SHELL"] = "/bin/sh"  // the session's script is plain sh
    environment.removeValue(forKey: "TMUX")  // never talk to a tmux the tests run inside
    let result = try Spawn.run(tmux, ["-L", socket] + arguments, environment: environment)
    guard result.status == 0 else {
      throw E2EFailure("tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.err)")
    }
    return result.out
  }
}

/// The greensilk dashboard started in a tmux pane by a small shell script
/// that prints a marker first, records the process id, waits for the
/// exit status, and then records the terminal modes (`stty -a`) in the
/// same pane — so a test can check that the program exited as expected
/// and left the terminal as it found it.
final class DashboardInTmux {
  static let preStartMarker = "GS-E2E-BEFORE-START"
  static let afterExitMarker = "GS-E2E-AFTER-EXIT"

  let session: TmuxSession
  let workDirectory: String
  let data: String
  let pidFile: String
  let exitFile: String
  let sttyFile: String

  /// `environment` is set for greensilk only (TERM, LANG, …).
  /// `subcommand` comes before `--data` (e.g. `["kiosk"]`).
  init(
    width: Int = 80, height: Int = 24, term: String = "xterm-256color", subcommand: [String] = [], arguments: [String] = [],
    environment: [String: String] = [:], data: String? = nil
  ) throws {
    let data = try data ?? E2E.copyOfShippedData()
    self.data = data
    workDirectory = try E2E.makeTemporaryDirectory()
    pidFile = workDirectory + "/pid"
    exitFile = workDirectory + "/exit"
    sttyFile = workDirectory + "/stty"
    var variables = ["TERM": term, "GREENSILK_THEMES": E2E.repoRoot + "/Themes"]
    variables.merge(environment) { $1 }
    let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(Shell.quote($0.value))" }.joined(separator: " ")
    let command = ([E2E.binary] + subcommand + ["--data", data] + arguments).map(Shell.quote).joined(separator: " ")
    // The inner shell writes its pid and becomes greensilk (exec), so the
    // pid is greensilk's; the outer one waits for it in the foreground.
    // NO_COLOR is dropped (the test runner sets it) unless a test sets it.
    let inner = "echo $$ > \(Shell.quote(pidFile)); exec env -u NO_COLOR -u COLORTERM \(assignments) \(command)"
    let script = """
      printf '%s\\n' \(Self.preStartMarker); \
      sh -c \(Shell.quote(inner)); \
      status=$?; \
      stty -a > \(Shell.quote(sttyFile)) 2>&1; \
      echo "EXIT=$status" > \(Shell.quote(exitFile)); \
      printf '%s %s\\n' \(Self.afterExitMarker) "EXIT=$status"; \
      exec sleep 600
      """
    session = try TmuxSession(width: width, height: height, command: script)
  }

  deinit {
    session.kill()
    try? FileManager.default.removeItem(atPath: workDirectory)
    try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: data).deletingLastPathComponent().path)
  }

  /// Waits for the dashboard's first frame (its title bar).
  @discardableResult
  func waitForStart(timeout: Duration = .seconds(15)) throws -> String {
    try session.waitFor(" GreenSilk ", timeout: timeout)
  }

  /// greensilk's process id, once the script has written it.
  func pid(timeout: Duration = .seconds(10)) throws -> pid_t {
    let text = try waitForFile(pidFile, timeout: timeout)
    guard let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
      throw E2EFailure("unreadable pid file: \(text)")
    }
    return pid
  }

  /// The exit status, once greensilk has exited.
  func exitStatus(timeout: Duration = .seconds(10)) throws -> Int {
    let text = try waitForFile(exitFile, timeout: timeout).trimmingCharacters(in: .whitespacesAndNewlines)
    guard text.hasPrefix("EXIT="), let status = Int(text.dropFirst(5)) else {
      throw E2EFailure("unreadable exit file: \(text)")
    }
    return status
  }

  /// `stty -a` in the pane after greensilk exited.
  func terminalModes(timeout: Duration = .seconds(10)) throws -> String {
    _ = try exitStatus(timeout: timeout)
    return try waitForFile(sttyFile, timeout: timeout)
  }

  /// Checks the terminal modes are a shell's again: canonical input and
  /// echo on (greensilk turns both off while it runs).
  func expectTerminalRestored(sourceLocation: SourceLocation = #_sourceLocation) throws {
    let modes = try terminalModes()
    let words = Set(modes.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
    #expect(words.contains("icanon") && words.contains("echo"), "terminal not restored; stty -a after exit:\n\(modes)", sourceLocation: sourceLocation)
    #expect(!words.contains("-icanon") && !words.contains("-echo"), "stty -a after exit:\n\(modes)", sourceLocation: sourceLocation)
  }

  private func waitForFile(_ path: String, timeout: Duration) throws -> String {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
      if let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasSuffix("\n") { return text }
      usleep(30_000)
    }
    let pane = (try? session.capture()) ?? "(no capture)"
    throw E2EFailure("timed out after \(timeout) waiting for \(path); the pane showed:\n\(pane)")
  }
}

/// Quoting for `sh`.
enum Shell {
  static func quote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
