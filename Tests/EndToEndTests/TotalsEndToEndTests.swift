import Foundation
import Testing

/// Issue 12 with the real binary: the real Malaysia file imported by
/// `greensilk import aiddata`, then the dashboard in tmux at 80x24 (a
/// record left out of totals, marked; an estimated date; key A and its
/// badge), `report` and `export` with and without `--all-in-totals`.
@Suite("Totals in tmux and on the command line")
struct TotalsEndToEndTests {
  static var malaysia: String { E2E.repoRoot + "/Tests/GreenSilkCoreTests/Fixtures/aiddata/malaysia_projects.csv" }

  /// A copy of the shipped data with Malaysia imported.
  static func importedData() throws -> String {
    let data = try E2E.copyOfShippedData()
    let result = try E2E.run(["import", "aiddata", "--data", data, malaysia])
    #expect(result.status == 0, "\(result.err)")
    return data
  }

  @Test func anExcludedRecordAndAnEstimatedDateAt80x24() throws {
    let app = try DashboardInTmux(width: 80, height: 24, arguments: ["--read-only"], data: try Self.importedData())
    let pane = app.session
    try app.waitForStart()
    try pane.waitFor("Totals exclude 14 not in totals (USD 31.0 bn) · A: all")
    try pane.send("A")
    try pane.waitFor("ALL IN TOTALS")
    try pane.waitFor("277 projects")
    try pane.send("A")
    try pane.waitForAbsence("ALL IN TOTALS")
    try pane.waitFor("263 projects")

    // The East Coast Rail Link's cancelled portion: listed, marked.
    try pane.send("3")
    try pane.send("v")
    try pane.send("/")
    try pane.type("East Coast")
    // The pledge (49309), the cancelled portion (73473), the disbursed
    // portion (85858), by id: the first two left out of totals.
    try pane.waitFor("1/3 ┓")
    try pane.waitFor("[out] [Cancelled Portion]")
    try pane.send("Enter")
    try pane.send("Down")
    try pane.send("Enter")
    try pane.waitFor("AIDDATA-73473")
    try pane.waitFor("Not in totals")
    // Every page of the project screen, each read once it has settled;
    // where the pages break depends on the layout, so the lines are looked
    // for in all of them.
    var screen = try pane.waitUntil("the whole project screen") { $0.contains("of 78 ┓") && $0.contains("Sector") }
    var pages = [screen]
    for _ in 0..<20 where !Self.showsLastPage(screen) {
      try pane.send("PageDown")
      screen = try pane.waitForSettled(changedFrom: screen)
      pages.append(screen)
    }
    #expect(Self.showsLastPage(screen), "\(screen)")
    let whole = pages.joined(separator: "\n")
    #expect(whole.contains("Totals         Not in totals: cancelled portion"))
    #expect(whole.contains("≈ estimated by the source"))
    #expect(whole.contains("Commitment     ≈ 2018-01-01"))
    try pane.send("q")
    #expect(try app.exitStatus() == 0)
  }

  /// Whether the panel's title says its last line is shown ("64-78 of 78").
  static func showsLastPage(_ screen: String) -> Bool {
    guard let match = screen.firstMatch(of: /(\d+)-(\d+) of (\d+) ┓/) else { return false }
    return match.output.2 == match.output.3
  }

  @Test func reportAndExportSayWhatTheyCount() throws {
    let data = try Self.importedData()
    let report = try E2E.run(["report", "--data", data, "--as-of", "2026-12-01"])
    #expect(report.status == 0)
    #expect(report.out.contains("Budget with a USD figure (counted records only)"))
    #expect(report.out.contains("USD 21.4 bn"), "5.4 bn sample + 16.0 bn Malaysia recommended for aggregates")
    #expect(report.out.contains("Records not in totals (14)"))
    let all = try E2E.run(["report", "--data", data, "--as-of", "2026-12-01", "--all-in-totals"])
    #expect(all.out.contains("ALL records, incl. those not in totals"))
    #expect(all.out.contains("USD 52.4 bn"))
    let export = try E2E.run(["export", "projects", "--data", data, "--format", "jsonl"])
    #expect(export.status == 0)
    #expect(export.err.contains("exported 277 projects; total of the 263 that count: USD 21.4 bn"), "\(export.err)")
    #expect(export.out.contains("\"not_in_totals\":\"cancelled_portion\""))
    #expect(export.out.contains("\"commitment_estimated\":true"))
  }
}
