import GreenSilkCore
import SnapshotTesting
import Testing

@testable import GreenSilkUI

/// Issue 16: the status line names the first bad FILE:LINE (not only a
/// count), and `!` lists every problem, per file.
@Suite struct DataProblemsTests {
  static let issues = [
    LoadIssue(file: "data/dataset.json", line: 3, reason: "field \"label\": unknown label \"made-up\""),
    LoadIssue(file: "data/projects.jsonl", line: 12, reason: "field \"budget.amount\": number 1e400 out of range (at most 10^15 either way)"),
    LoadIssue(file: "data/projects.jsonl", line: 40, reason: "objects and lists nested deeper than 64 levels"),
    LoadIssue(file: "data/activities.jsonl", line: 0, reason: "a FIFO (named pipe), not a regular file; not read"),
  ]

  func driver(_ issues: [LoadIssue] = issues) -> AppDriver {
    var driver = AppDriver(
      data: ScreenFixture.shipped.dataSet, size: Size(width: 100, height: 24), clock: ScreenFixture.clock,
      issues: [])
    var result = ScreenFixture.shipped
    result.issues = issues
    driver.send(.dataLoaded(result))
    return driver
  }

  @Test func theStatusLineNamesTheFirstProblemAndTheKey() {
    let screen = driver().render()
    let status = screen.line(22)
    #expect(status.contains("data problem: data/dataset.json:3: field \"label\""), "\(status)")
    #expect(status.contains("! 4 data problems"), "\(status)")
    #expect(DataProblems.statusText(Self.issues)?.hasSuffix("(+3 more: ! lists them)") == true)
    #expect(DataProblems.statusText([Self.issues[1]]) == "data problem: \(Self.issues[1]) (! lists it)")
  }

  @Test func bangListsEveryProblemPerFileAndClosesAgain() {
    var driver = driver()
    driver.press(.character("!"))
    #expect(driver.state.help == 0 && driver.state.helpListsProblems)
    let text = (0..<24).map { driver.render().line($0) }.joined(separator: "\n")
    #expect(text.contains("Data problems (4)"))
    for file in ["data/dataset.json", "data/projects.jsonl", "data/activities.jsonl"] { #expect(text.contains(file)) }
    #expect(text.contains("line 12"))
    #expect(text.contains("line 40"))
    #expect(text.contains("not a regular file"))
    assertSnapshot(of: driver.render().snapshotText, as: .lines)
    driver.press(.character("!"))
    #expect(driver.state.help == nil)
    // ? still shows the keys, and lists !.
    driver.press(.character("?"))
    #expect(!driver.state.helpListsProblems)
    let help = (0..<24).map { driver.render().line($0) }.joined(separator: "\n")
    #expect(!help.contains("Data problems"))
  }

  @Test func aCleanReloadClearsTheWarning() {
    var driver = driver()
    driver.send(.dataLoaded(ScreenFixture.shipped))
    #expect(!driver.render().line(22).contains("data problem"))
  }
}
