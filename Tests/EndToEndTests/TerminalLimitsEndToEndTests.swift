import Foundation
import Testing

/// Bounded resources, on the real binary in a pseudo-terminal: a window
/// of any size an SSH client may claim (up to 65535x65535) costs what an
/// 80x24 one does and shows a "window too large" notice; terminals that
/// cannot show a screen (`dumb`, hard-copy) and standard input or output
/// that is not a terminal are refused with a message and status 2.
///
/// Each program runs under a 4 GB address-space limit, so that a build
/// that does allocate per cell fails here at once instead of taking the
/// machine's memory (today's main took over 10 GB at 10000x10000).
@Suite("Terminal limits")
struct TerminalLimitsEndToEndTests {
  static let addressSpaceKilobytes = 4 * 1024 * 1024

  static func environment(term: String = "xterm-256color", extra: [String: String] = [:]) throws -> [String: String] {
    var variables = [
      "TERM": term, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": try E2E.makeTemporaryDirectory(),
      "PATH": "/usr/bin:/bin", "GREENSILK_THEMES": E2E.repoRoot + "/Themes",
    ]
    variables.merge(extra) { $1 }
    return variables
  }

  /// greensilk on a pty of `rows` x `columns`, under the address-space limit.
  static func start(
    _ arguments: [String], rows: UInt16, columns: UInt16, term: String = "xterm-256color", extra: [String: String] = [:]
  ) throws -> PseudoTerminalProcess {
    try PseudoTerminalProcess(
      "/bin/sh", arguments: ["-c", "ulimit -v \(addressSpaceKilobytes) && exec \"$0\" \"$@\"", E2E.binary] + arguments,
      environment: environment(term: term, extra: extra), rows: rows, columns: columns)
  }

  /// The dashboard's resident memory once its first screen is up at 80x24.
  static func residentAt80x24(data: String) throws -> Int {
    let app = try start(["--data", data], rows: 24, columns: 80)
    try app.read(untilContains: " GreenSilk ", timeout: .seconds(20))
    app.readUntilQuiet()
    let resident = try #require(app.residentKilobytes())
    app.send("q")
    #expect(try app.waitForExit() == 0)
    return resident
  }

  /// Memory a huge window may add to an 80x24 one: the notice is 80x24 at
  /// most, so little more than noise (today's main added ~140 MB at 1000x1000).
  static let allowance = 16 * 1024

  @Test(arguments: [(UInt16(1000), UInt16(1000)), (10_000, 10_000), (65_535, 65_535), (30, 2000)])
  func aHugeWindowShowsANoticeAtTheMemoryOf80x24(rows: UInt16, columns: UInt16) throws {
    let data = try E2E.copyOfShippedData()
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: data).deletingLastPathComponent().path) }
    let normal = try Self.residentAt80x24(data: data)
    let app = try Self.start(["--data", data], rows: rows, columns: columns)
    try app.read(untilContains: "window too large", timeout: .seconds(20))
    app.readUntilQuiet()
    let huge = try #require(app.residentKilobytes(), "the dashboard died at \(columns)x\(rows)")
    #expect(huge <= normal + Self.allowance, "\(columns)x\(rows): \(huge) kB resident, \(normal) kB at 80x24")
    #expect(app.output.containsBytes(Array("\(columns)x\(rows)".utf8)), "the notice names the window's size")
    app.send("q")
    #expect(try app.waitForExit() == 0)
  }

  /// Growing the window past the limit while running, then back: the
  /// notice, then the dashboard again, memory bounded throughout.
  @Test func resizingPastTheLimitAndBack() throws {
    let data = try E2E.copyOfShippedData()
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: data).deletingLastPathComponent().path) }
    let app = try Self.start(["--data", data], rows: 24, columns: 80)
    try app.read(untilContains: " GreenSilk ", timeout: .seconds(20))
    app.readUntilQuiet()
    let normal = try #require(app.residentKilobytes())
    app.resize(rows: 10_000, columns: 10_000)
    try app.read(untilContains: "window too large", timeout: .seconds(20))
    app.readUntilQuiet()
    let huge = try #require(app.residentKilobytes())
    #expect(huge <= normal + Self.allowance, "\(huge) kB at 10000x10000, \(normal) kB at 80x24")
    let before = app.output.count
    app.resize(rows: 30, columns: 100)
    try app.read(until: "the dashboard back after the resize") { $0[before...].contains(Array("Overview".utf8)) }
    app.send("q")
    #expect(try app.waitForExit() == 0)
  }

  /// The kiosk shares the runtime, and with it the limit.
  @Test func theKioskToo() throws {
    let data = try E2E.copyOfShippedData()
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: data).deletingLastPathComponent().path) }
    let app = try Self.start(["kiosk", "--data", data], rows: 10_000, columns: 10_000)
    try app.read(untilContains: "window too large", timeout: .seconds(20))
    #expect(kill(app.pid, SIGTERM) == 0)
    #expect(try app.waitForExit() == 0)
  }

  @Test(arguments: [["--data"], ["kiosk", "--data"]])
  func dumbIsRefusedWithStatus2(_ command: [String]) throws {
    let data = try E2E.copyOfShippedData()
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: data).deletingLastPathComponent().path) }
    let app = try Self.start(command + [data], rows: 24, columns: 80, term: "dumb")
    let status = try app.waitForExit(timeout: .seconds(20))
    let text = String(decoding: app.output, as: UTF8.self)
    #expect(status == 2, "output: \(text)")
    #expect(text.contains("terminal type 'dumb' cannot show the screen: it cannot move the cursor"), "output: \(text)")
  }

  /// A hard-copy terminal (terminfo `hc`) even with cursor addressing.
  @Test func aHardCopyTerminalIsRefusedWithStatus2() throws {
    let directory = try E2E.makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let source = directory + "/hardcopy.ti"
    try """
    gs-hardcopy|hard-copy terminal for the GreenSilk tests,
    \thc, os, am, cols#80, lines#24,
    \tbel=^G, cr=\\r, cud1=\\n, ind=\\n, cup=\\E[%i%p1%d;%p2%dH,

    """.write(toFile: source, atomically: true, encoding: .utf8)
    let compiled = try Spawn.run("/usr/bin/tic", ["-o", directory + "/terminfo", source], environment: [:])
    try #require(compiled.status == 0, "tic: \(compiled.err)")
    let data = try E2E.copyOfShippedData()
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: data).deletingLastPathComponent().path) }
    let app = try Self.start(
      ["--data", data], rows: 24, columns: 80, term: "gs-hardcopy", extra: ["TERMINFO": directory + "/terminfo"])
    let status = try app.waitForExit(timeout: .seconds(20))
    let text = String(decoding: app.output, as: UTF8.self)
    #expect(status == 2, "output: \(text)")
    #expect(text.contains("terminal type 'gs-hardcopy' cannot show the screen: it is a hard-copy terminal"), "output: \(text)")
  }

  /// Standard input and output not a terminal: status 2, as README says
  /// of unusable setups (it was 1).
  @Test func noTerminalIsStatus2() throws {
    let data = try E2E.copyOfShippedData()
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: data).deletingLastPathComponent().path) }
    // Neither (stdin /dev/null, stdout a file).
    let neither = try Spawn.run(E2E.binary, ["--data", data], environment: Self.environment())
    #expect(neither.status == 2, "stderr: \(neither.err)")
    #expect(neither.err.contains("standard input and output must be a terminal"), "stderr: \(neither.err)")
    // Input a terminal, output a file.
    let output = try E2E.makeTemporaryDirectory() + "/out"
    let app = try PseudoTerminalProcess(
      "/bin/sh", arguments: ["-c", "exec \"$0\" --data \"$1\" > \"$2\"", E2E.binary, data, output],
      environment: Self.environment(), rows: 24, columns: 80)
    let status = try app.waitForExit(timeout: .seconds(20))
    let text = String(decoding: app.output, as: UTF8.self)
    #expect(status == 2, "output: \(text)")
    #expect(text.contains("standard input and output must be a terminal"), "output: \(text)")
  }
}
