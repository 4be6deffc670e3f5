import Foundation
import GreenSilkCore
import Testing

/// Issue 16 items 5-6 and issue 17 part 4 with the real binary: a data
/// file swapped for a FIFO, a link to /dev/zero, a 37,500-level line, a
/// link to /etc/passwd. The dashboard and the kiosk in tmux keep running,
/// say what is wrong (FILE and why) and end on SIGTERM; validate and
/// report finish with FILE:LINE and never quote a foreign file.
@Suite("Hostile data files", .serialized)
struct HostileFilesEndToEndTests {
  static let deepLine: String = {
    let depth = 37_500
    return "{\"id\":\"P-9999\",\"title\":\"Deep\",\"stage\":\"concept\",\"x\":" + String(repeating: "[", count: depth)
      + String(repeating: "]", count: depth) + "}"
  }()

  /// Runs greensilk with a time limit: a hang is a failure, not a stuck run.
  func run(_ arguments: [String], seconds: Int = 30) throws -> Spawn.Result {
    try Spawn.run(
      "/usr/bin/timeout", ["-s", "KILL", "\(seconds)", E2E.binary] + arguments,
      environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
  }

  @Test func theDashboardSurvivesAFileSwappedForAFIFOAndEndsOnSIGTERM() throws {
    let app = try DashboardInTmux(width: 200, height: 30)
    try app.waitForStart()
    let projects = app.data + "/projects.jsonl"
    // Swapped under it, as another user could: rename a FIFO over the file.
    let fifo = app.data + "/.swap-fifo"
    #expect(mkfifo(fifo, 0o644) == 0)
    #expect(rename(fifo, projects) == 0)
    let screen = try app.session.waitFor("not a regular file", timeout: .seconds(10))
    #expect(screen.contains("projects.jsonl"), "\(screen)")
    // Still answering keys.
    try app.session.send("5")
    try app.session.waitFor("Envoys program totals")
    try app.session.send("!")
    let list = try app.session.waitFor("Data problems")
    #expect(list.contains("FIFO"), "\(list)")
    let pid = try app.pid()
    #expect(kill(pid, SIGTERM) == 0)
    #expect(try app.exitStatus() == 128 + Int(SIGTERM))
    try app.expectTerminalRestored()
  }

  @Test func theDashboardSurvivesAReloadOfA37500LevelLineAndSIGHUPEndsIt() throws {
    let app = try DashboardInTmux(width: 200, height: 30)
    try app.waitForStart()
    let projects = app.data + "/projects.jsonl"
    let original = try String(contentsOfFile: projects, encoding: .utf8)
    try (original + Self.deepLine + "\n").write(toFile: projects, atomically: true, encoding: .utf8)
    let lines = original.split(separator: "\n").count
    let screen = try app.session.waitFor("nested deeper than 64", timeout: .seconds(10))
    #expect(screen.contains("projects.jsonl:\(lines + 1)"), "\(screen)")
    let pid = try app.pid()
    #expect(kill(pid, SIGHUP) == 0)
    #expect(try app.exitStatus() == 128 + Int(SIGHUP))
    try app.expectTerminalRestored()
  }

  @Test func theKioskSurvivesAFIFOAndADeepLineAndEndsOnSIGTERM() throws {
    let app = try DashboardInTmux(
      width: 200, height: 30, subcommand: ["kiosk"], arguments: ["--screens", "overview", "--rotate", "60s"])
    try app.session.waitFor("Projects by stage", timeout: .seconds(15))
    let projects = app.data + "/projects.jsonl"
    let original = try String(contentsOfFile: projects, encoding: .utf8)
    try (original + Self.deepLine + "\n").write(toFile: projects, atomically: true, encoding: .utf8)
    try app.session.waitFor("nested deeper than 64", timeout: .seconds(10))
    let fifo = app.data + "/.swap-fifo"
    #expect(mkfifo(fifo, 0o644) == 0)
    #expect(rename(fifo, app.data + "/activities.jsonl") == 0)
    try app.session.waitFor("not a regular file", timeout: .seconds(10))
    let pid = try app.pid()
    #expect(kill(pid, SIGTERM) == 0)
    #expect(try app.exitStatus() == 0)
    try app.expectTerminalRestored()
  }

  @Test func validateAndReportFinishOnAFIFOALinkToDevZeroAndADeepLine() throws {
    let data = try E2E.copyOfShippedData()
    unlink(data + "/activities.jsonl")
    #expect(mkfifo(data + "/activities.jsonl", 0o644) == 0)
    unlink(data + "/program-totals.jsonl")
    #expect(symlink("/dev/zero", data + "/program-totals.jsonl") == 0)
    let projects = data + "/projects.jsonl"
    let original = try String(contentsOfFile: projects, encoding: .utf8)
    try (original + Self.deepLine + "\n").write(toFile: projects, atomically: true, encoding: .utf8)
    let lines = original.split(separator: "\n").count
    let validate = try run(["validate", "--data", data])
    #expect(validate.status == 1, "\(validate)")
    #expect(validate.out.contains("\(data)/activities.jsonl: a FIFO (named pipe), not a regular file; not read"), "\(validate.out)")
    #expect(validate.out.contains("\(data)/program-totals.jsonl: a symbolic link to a file outside the data directory"))
    #expect(validate.out.contains("\(data)/projects.jsonl:\(lines + 1): field \"x\": objects and lists nested deeper than 64 levels"))
    let report = try run(["report", "--data", data, "--format", "text"])
    #expect(report.status == 0, "\(report.status) \(report.err)")
    #expect(report.err.contains("activities.jsonl: a FIFO"))
  }

  @Test func aLinkToEtcPasswdIsNamedButNeverQuoted() throws {
    let data = try E2E.copyOfShippedData()
    for name in ["countries.jsonl", "projects.jsonl", "dataset.json"] {
      unlink(data + "/" + name)
      #expect(symlink("/etc/passwd", data + "/" + name) == 0)
    }
    for arguments in [["validate", "--data", data], ["report", "--data", data, "--format", "text"], ["history", "--data", data]] {
      let result = try run(arguments)
      let all = result.out + result.err
      #expect(!all.contains("root:"), "\(arguments[0]) quoted /etc/passwd:\n\(all)")
      #expect(!all.contains("/bin/"), "\(arguments[0]):\n\(all)")
      #expect(result.status < 128, "\(arguments[0]) ended on a signal")
    }
    let validate = try run(["validate", "--data", data])
    #expect(validate.out.contains("\(data)/countries.jsonl: a symbolic link to a file outside the data directory"))
  }
}
