import Foundation
import GreenSilkCore
import GreenSilkUI
import Testing

@testable import GreenSilkRuntime

/// Editing through the runtime the app runs (effects performed by
/// `DashboardProgram` against a real store in a temporary copy of the
/// shipped data), checking the state, the files and the audit log.
@Suite struct EditingFlowTests {
  @Test func editSaveAndUndoThroughTheStore() throws {
    let h = try DashboardHarness()
    h.selectProject("P-0007")
    h.press(.character("e"))
    #expect(h.state.form?.title == "Edit project P-0007")
    h.focus("title")
    h.replaceFocused(with: "Gwadar water reuse plant")
    h.press(.enter, .ctrl("s"))
    #expect(h.state.form == nil)
    #expect(try h.onDisk("P-0007")?.title == "Gwadar water reuse plant")
    #expect(h.state.status?.text == "saved P-0007 (title)")
    let entries = try h.audit()
    #expect(entries.count == 1)
    #expect(entries.first?.changes.map(\.field) == ["title"])
    h.press(.character("u"))
    #expect(try h.onDisk("P-0007")?.title != "Gwadar water reuse plant")
    #expect(h.state.status?.text.hasPrefix("undone: title of P-0007 back to ") == true)
    h.press(.ctrl("r"))
    #expect(try h.onDisk("P-0007")?.title == "Gwadar water reuse plant")
    #expect(try h.audit().map(\.action) == ["update", "undo", "redo"])
  }

  @Test func aFormWithErrorsCannotBeSavedAndTheCursorGoesToTheFirstError() throws {
    let h = try DashboardHarness()
    h.edit("P-0007", field: "dates.planned_end")
    h.retype("2026-99-01")
    h.focus("title")
    h.press(.ctrl("s"))
    let form = try #require(h.state.form)
    #expect(form.fields[form.focus].key == "dates.planned_end")
    #expect(form.message == "1 problem marked — fix it to save")
    #expect(try h.audit().isEmpty)
  }

  @Test func escapeAsksBeforeDroppingChanges() throws {
    let h = try DashboardHarness()
    h.edit("P-0007", field: "title")
    h.replaceFocused(with: "Changed")
    h.press(.enter, .escape)
    #expect(h.state.form?.confirmingLeave == true)
    h.press(.character("n"))
    #expect(h.text(of: "title") == "Changed")
    h.press(.escape, .character("y"))
    #expect(h.state.form == nil)
    #expect(try h.audit().isEmpty)
  }

  @Test func choicePickListAndCompletion() throws {
    let h = try DashboardHarness()
    h.edit("P-0007", field: "delivery")
    h.press(.enter)
    #expect(h.state.form?.editor?.pick != nil)
    h.press(.character("o"), .enter)  // jumps to "On track" / "Off track"
    let delivery = h.state.form?.fields.first { $0.key == "delivery" }?.text
    #expect(delivery == "On track" || delivery == "Off track")
    h.focus("countries")
    h.press(.enter, .ctrl("u"))
    h.type("malay")
    #expect(h.state.form?.editor?.suggestions.first?.value == "MYS")
    h.press(.down, .enter)
    #expect(h.state.form?.editor?.editing.text == "MYS, ")
  }

  @Test func stageMoveRefusedSaysWhichRuleAndOpensTheFields() throws {
    let h = try DashboardHarness()
    // A screening-stage project with screening not fully recorded.
    let candidate = h.state.data.projects.first { $0.stage == .screening && !$0.screening.isRecorded }
    let project = try #require(candidate)
    h.selectProject(project.id)
    h.press(.character("m"))
    guard case .moveStage(let move)? = h.state.dialog else {
      Issue.record("no move dialog")
      return
    }
    let approved = try #require(move.targets.firstIndex(of: .approved))
    for _ in 0..<approved { h.press(.down) }
    h.press(.enter)
    let form = try #require(h.state.form)
    let stageError = form.fields.first { $0.key == "stage" }?.error ?? ""
    #expect(stageError.contains("cannot be approved before its environmental screening is recorded"))
    #expect(stageError.hasSuffix("[screening-before-approval]"))
    #expect(form.fields[form.focus].key.hasPrefix("screening."))
    #expect(try h.onDisk(project.id)?.stage == .screening)
  }

  @Test func deleteAsksNamingTheRecordAndUndoRecreatesIt() throws {
    let h = try DashboardHarness()
    h.selectProject("P-0012")
    let title = try #require(h.state.data.project(id: "P-0012")).title
    h.press(.character("D"))
    guard case .confirmDelete(let target)? = h.state.dialog else {
      Issue.record("no confirm")
      return
    }
    #expect(target.label == "project P-0012 \u{201C}\(title)\u{201D}")
    h.press(.character("y"))
    #expect(try h.onDisk("P-0012") == nil)
    h.press(.character("u"))
    #expect(try h.onDisk("P-0012")?.title == title)
    #expect(h.state.data.project(id: "P-0012") != nil)
  }

  @Test func newProjectGetsTheNextIdAndSavesThroughTheStore() throws {
    let h = try DashboardHarness()
    h.press(.character("3"), .character("n"))
    let form = try #require(h.state.form)
    #expect(form.title == "New project P-0077")
    h.focus("title")
    h.replaceFocused(with: "Solar pumps for oases")
    h.press(.enter, .ctrl("s"))
    #expect(try h.onDisk("P-0077")?.title == "Solar pumps for oases")
    #expect(try h.onDisk("P-0077")?.changedBy == "tester")
  }

  @Test func conflictShowsBothVersionsAndMergesFieldByField() throws {
    let h = try DashboardHarness()
    h.edit("P-0007", field: "title")
    // Someone else saves the same record meanwhile.
    try h.colleagueSaves("P-0007") { $0.delivery = .offTrack }
    h.retype("Mine")
    h.press(.ctrl("s"))
    guard case .conflict(let conflict)? = h.state.dialog else {
      Issue.record("no conflict view")
      return
    }
    let rows = Dictionary(uniqueKeysWithValues: conflict.rows.map { ($0.field, $0.takeTheirs) })
    #expect(rows["title"] == false)  // mine: I changed it
    #expect(rows["delivery"] == true)  // theirs: they changed it
    h.press(.enter)
    let merged = try #require(try h.onDisk("P-0007"))
    #expect(merged.title == "Mine")
    #expect(merged.delivery == .offTrack)
    #expect(try h.audit().last?.action == "merge")
  }

  @Test func readOnlyEditingKeysExplainAndWriteNothing() throws {
    let h = try DashboardHarness(readOnly: true)
    h.selectProject("P-0007")
    for key in [Key.character("e"), .character("n"), .character("D"), .character("m"), .character("u"), .ctrl("r")] {
      h.press(key)
      #expect(h.state.form == nil)
      #expect(h.state.dialog == nil)
      #expect(h.state.status?.text == "read-only (started with --read-only): editing is off and nothing is written")
    }
    #expect(try h.audit().isEmpty)
  }

  @Test func draftPayloadRestoresEveryField() throws {
    let h = try DashboardHarness()
    h.edit("P-0007", field: "title")
    h.retype("Half-typed title")
    h.focus("dates.planned_end")
    h.replaceFocused(with: "2026-1")  // invalid, still kept
    let form = try #require(h.state.form)
    let context = FormContext(countryNames: h.state.data.countryNames)
    let restored = try #require(FormState.restoring(form.draftPayload, context: context))
    #expect(restored.fields.map(\.text) == form.fields.map(\.text))
    #expect(restored.fields.map(\.original) == form.fields.map(\.original))
    #expect(restored.focus == form.focus)
    #expect(restored.fields.first { $0.key == "dates.planned_end" }?.error != nil)
  }
}
