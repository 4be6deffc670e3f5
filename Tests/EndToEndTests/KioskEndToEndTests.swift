import Foundation
import GreenSilkCore
import Testing

/// The kiosk as a wall would run it, in tmux: it rotates, shrugs off the
/// keys a passer-by would press, reloads within 2 seconds of a change made
/// from outside (atomic replace), keeps the last good data with a warning
/// when a file breaks, recovers when it is fixed, and ends on SIGTERM with
/// the terminal restored. It writes nothing into the data directory.
@Suite("Kiosk in tmux")
struct KioskEndToEndTests {
  static let pageTitles = ["At a glance", "Overview", "Corridor NELB", "Corridor CMREC", "Corridor CCWAEC", "Corridor CICPEC", "Corridor CPEC", "Corridor BCIMEC", "Pipeline", "Green Silk Road Envoys"]

  @Test func rotatesIgnoresKeysReloadsRecoversAndEndsOnSIGTERM() throws {
    let app = try DashboardInTmux(width: 100, height: 30, subcommand: ["kiosk"], arguments: ["--rotate", "2s"])
    let before = try snapshotOfDataDirectory(app.data)
    try app.session.waitFor(" GreenSilk ", timeout: .seconds(15))

    // At least three different pages in turn.
    var seen: [String] = []
    let clock = ContinuousClock()
    let deadline = clock.now + .seconds(12)
    while seen.count < 3 && clock.now < deadline {
      let header = try app.session.lines().first ?? ""
      if let title = Self.pageTitles.first(where: { header.contains(" \($0) ") }), seen.last != title { seen.append(title) }
      usleep(100_000)
    }
    #expect(Set(seen).count >= 3, "pages seen: \(seen)")

    // Keys that end most programs do nothing here.
    let pid = try app.pid()
    for key in ["q", "C-c", "Escape", "C-z", "C-\\\\"] {
      try app.session.send(key)
      usleep(200_000)
      #expect(kill(pid, 0) == 0, "the kiosk ended after \(key)")
    }
    #expect(try app.session.capture().contains(" GreenSilk "))

    // SIGTERM ends it; the terminal is restored; nothing was written.
    #expect(kill(pid, SIGTERM) == 0)
    #expect(try app.exitStatus() == 0)
    try app.expectTerminalRestored()
    #expect(try snapshotOfDataDirectory(app.data) == before, "the kiosk wrote into the data directory")
  }

  /// On the overview page (one page, no rotation in the way): a project
  /// moved to implementation from outside by atomic replace shows within
  /// 2 seconds; a broken file keeps the last good data with a warning; the
  /// fixed file clears it.
  @Test func reloadsWithinTwoSecondsKeepsLastGoodDataAndRecovers() throws {
    let app = try DashboardInTmux(width: 100, height: 30, subcommand: ["kiosk"], arguments: ["--screens", "overview", "--rotate", "60s"])
    try app.session.waitFor("Projects by stage", timeout: .seconds(15))
    let projects = app.data + "/projects.jsonl"
    let original = try String(contentsOfFile: projects, encoding: .utf8)
    let data = try FileStore(directory: app.data, readOnly: true).load().dataSet
    let implementing = data.projects.filter { $0.stage == .implementation }.count
    #expect(try implementationRow(app.session.capture()) == implementing)
    let concept = try #require(data.projects.first { $0.stage == .concept })
    var moved = concept
    moved.stage = .implementation
    moved.dates = ProjectDates(plannedStart: Day("2026-01-01"), actualStart: Day("2026-02-01"), plannedEnd: Day("2027-01-01"))
    moved.budget = Budget(currency: "USD", amount: 1_000_000)
    let changed = original.replacingOccurrences(of: concept.jsonLine, with: moved.jsonLine)
    #expect(changed != original)
    try replaceAtomically(projects, changed)
    // The bar: on screen within 2 seconds.
    try app.session.waitUntil("Implementation \(implementing + 1)", timeout: .seconds(2)) {
      implementationRow($0) == implementing + 1
    }

    // A broken file: a warning naming the line, and the last good data stays.
    let badLine = changed.split(separator: "\n").count + 1
    try replaceAtomically(projects, changed + "{this is not json\n")
    let warned = try app.session.waitFor("data problem", timeout: .seconds(5))
    #expect(warned.contains("projects.jsonl:\(badLine)"), "the warning names the line:\n\(warned)")
    #expect(implementationRow(warned) == implementing + 1, "the last good data is still shown:\n\(warned)")
    // Fixed: the warning goes away by itself.
    try replaceAtomically(projects, original)
    let recovered = try app.session.waitForAbsence("data problem", timeout: .seconds(5))
    #expect(implementationRow(recovered) == implementing)
    #expect(kill(try app.pid(), SIGTERM) == 0)
    #expect(try app.exitStatus() == 0)
  }

  @Test func sighupExitsWith129ForTheServiceManager() throws {
    let app = try DashboardInTmux(subcommand: ["kiosk"], arguments: ["--rotate", "2s"])
    try app.session.waitFor(" GreenSilk ", timeout: .seconds(15))
    let pid = try app.pid()
    #expect(kill(pid, SIGHUP) == 0)
    #expect(try app.exitStatus() == 129)
    try app.expectTerminalRestored()
  }

  func replaceAtomically(_ path: String, _ text: String) throws {
    let temporary = path + ".e2e-tmp"
    try text.write(toFile: temporary, atomically: false, encoding: .utf8)
    #expect(rename(temporary, path) == 0)
  }

  /// Every file name with its bytes (hidden files included: a lock file
  /// would show up).
  func snapshotOfDataDirectory(_ path: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: path) {
      out[name] = try Data(contentsOf: URL(fileURLWithPath: path + "/" + name))
    }
    return out
  }
}

/// The count on the overview's "Implementation" stage bar, if shown.
func implementationRow(_ pane: String) -> Int? {
  for line in pane.split(separator: "\n") where line.contains("Implementation ") {
    let afterLabel = line[line.range(of: "Implementation ")!.upperBound...]
    let digits = afterLabel.drop { !$0.isNumber }.prefix { $0.isNumber }
    if let count = Int(digits) { return count }
  }
  return nil
}
