import Foundation
import GreenSilkCore
import GreenSilkUI
import Testing

@testable import GreenSilkRuntime

/// Issue 16 through the dashboard's runtime, on real files: a hand edit
/// that kept `rev` is a conflict at Ctrl-S (item 1), and the open form is
/// on disk as a draft after every change, not only when told to end (item 4).
@Suite struct RobustEditingTests {
  /// The issue's case: KP-01-like project open with a new title typed;
  /// meanwhile another process rewrites projects.jsonl with its summary
  /// and budget changed and `rev` as it was.
  @Test func aHandEditThatKeptTheRevisionShowsTheConflictView() throws {
    let h = try DashboardHarness()
    h.edit("P-0007", field: "title")
    let path = h.directory + "/projects.jsonl"
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line -> String in
      guard var project = try? Project(jsonLine: String(line)), project.id == "P-0007" else { return String(line) }
      project.summary = "Summary edited by hand"
      project.budget = Budget(currency: "USD", amount: 123_456_789)
      return project.jsonLine
    }
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    h.retype("My new title")
    h.press(.ctrl("s"))
    guard case .conflict(let conflict)? = h.state.dialog else {
      Issue.record("saved over the hand edit: \(String(describing: h.state.status?.text))")
      return
    }
    let rows = Dictionary(uniqueKeysWithValues: conflict.rows.map { ($0.field, $0.takeTheirs) })
    #expect(rows["title"] == false)
    #expect(rows["summary"] == true)
    #expect(rows.filter { $0.key.hasPrefix("budget") }.values.allSatisfy { $0 } && rows.keys.contains { $0.hasPrefix("budget") })
    #expect(h.state.status?.text.contains("without a new revision") == true)
    h.press(.enter)  // the default merge: my title, their summary and budget
    let merged = try #require(try h.onDisk("P-0007"))
    #expect(merged.title == "My new title")
    #expect(merged.summary == "Summary edited by hand")
    #expect(merged.budget?.amount == 123_456_789)
  }

  @Test func theOpenFormIsADraftOnDiskAfterEveryChange() throws {
    let h = try DashboardHarness()
    let drafts = h.program.drafts
    h.edit("P-0007", field: "title")
    #expect(drafts.load() == nil)  // nothing changed yet
    h.replaceFocused(with: "Typed before a freeze")
    // No signal, no exit: the draft is there already, as typed so far.
    let draft = try #require(drafts.load())
    #expect(draft.recordID == "P-0007")
    #expect(draft.payload == h.state.form?.draftPayload)
    // A second dashboard (after a kill -9 or a crash) offers it back.
    let next = try DashboardHarness(data: (h.root, h.directory))
    guard case .restoreDraft(let offered, _)? = next.state.dialog else {
      Issue.record("no draft offered: \(String(describing: next.state.dialog))")
      return
    }
    #expect(offered.recordID == "P-0007")
    // Saved: the draft goes.
    h.press(.enter, .ctrl("s"))
    #expect(h.state.form == nil)
    #expect(drafts.load() == nil)
  }
}
