import Foundation
import GreenSilkCore
import Testing

@testable import GreenSilkUI

/// Drives the dashboard with keys, runs its editing effects against a real
/// store in a temporary copy of the shipped data (as the runtime does),
/// and checks the state, the files and the audit log.
struct EditingHarness {
  var driver: AppDriver
  let directory: String
  let store: FileStore
  let runner: EditRunner

  init(width: Int = 100, height: Int = 30) throws {
    let root = NSTemporaryDirectory() + "greensilk-edit-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    directory = root + "/data"
    try FileManager.default.copyItem(atPath: ScreenFixture.repoRoot + "/data", toPath: directory)
    try? FileManager.default.removeItem(atPath: directory + "/.greensilk.lock")
    store = FileStore(directory: directory)
    let stamp = Timestamp("2026-11-29T10:30:00Z")!
    runner = EditRunner(editor: RecordEditor(store: store, user: UserIdentity(login: "tester"), now: { stamp }))
    let loaded = try store.load()
    driver = AppDriver(data: loaded.dataSet, size: Size(width: width, height: height), clock: ScreenFixture.clock)
  }

  /// Presses keys, running each effect like the runtime would.
  mutating func press(_ keys: Key...) {
    for key in keys {
      driver.press(key)
      for effect in driver.takeEffects() {
        if let outcome = runner.outcome(of: effect) { driver.send(.editFinished(outcome)) }
      }
    }
  }

  mutating func type(_ text: String) {
    for character in text { press(.character(character)) }
  }

  func onDisk(_ id: String) throws -> Project? { try store.load().dataSet.project(id: id) }
  func audit() throws -> [AuditEntry] { try AuditLog.read(store).entries }

  /// Puts the cursor on a project in the pipeline table.
  mutating func selectProject(_ id: String) {
    press(.character("3"))
    if driver.state.pipeline.mode == .kanban { press(.character("v")) }
    press(.character("/"))
    type(id)
    press(.enter)
  }

  /// Focuses a form field by key.
  mutating func focus(_ key: String) {
    guard let index = driver.state.form?.index(of: key) else { return }
    driver.state.form?.focus = index
  }

  /// Replaces the focused field's text by typing, as a user would.
  mutating func replaceFocused(with text: String) {
    press(.enter, .ctrl("u"))
    type(text)
  }
}

@Suite struct EditingFlowTests {
  @Test func editSaveAndUndoThroughTheStore() throws {
    var h = try EditingHarness()
    h.selectProject("P-0007")
    h.press(.character("e"))
    #expect(h.driver.state.form?.title == "Edit project P-0007")
    h.focus("title")
    h.replaceFocused(with: "Gwadar water reuse plant")
    h.press(.enter, .ctrl("s"))
    #expect(h.driver.state.form == nil)
    #expect(try h.onDisk("P-0007")?.title == "Gwadar water reuse plant")
    #expect(h.driver.state.status?.text == "saved P-0007 (title)")
    let entries = try h.audit()
    #expect(entries.count == 1)
    #expect(entries.first?.changes.map(\.field) == ["title"])
    h.press(.character("u"))
    #expect(try h.onDisk("P-0007")?.title != "Gwadar water reuse plant")
    #expect(h.driver.state.status?.text.hasPrefix("undone: title of P-0007 back to ") == true)
    h.press(.ctrl("r"))
    #expect(try h.onDisk("P-0007")?.title == "Gwadar water reuse plant")
    #expect(try h.audit().map(\.action) == ["update", "undo", "redo"])
  }

  @Test func aFormWithErrorsCannotBeSavedAndTheCursorGoesToTheFirstError() throws {
    var h = try EditingHarness()
    h.selectProject("P-0007")
    h.press(.character("e"))
    h.focus("dates.planned_end")
    h.replaceFocused(with: "2026-99-01")
    h.press(.enter)
    h.focus("title")
    h.press(.ctrl("s"))
    let form = try #require(h.driver.state.form)
    #expect(form.fields[form.focus].key == "dates.planned_end")
    #expect(form.message == "1 problem marked — fix it to save")
    #expect(try h.audit().isEmpty)
  }

  @Test func escapeAsksBeforeDroppingChanges() throws {
    var h = try EditingHarness()
    h.selectProject("P-0007")
    h.press(.character("e"))
    h.focus("title")
    h.replaceFocused(with: "Changed")
    h.press(.enter, .escape)
    #expect(h.driver.state.form?.confirmingLeave == true)
    h.press(.character("n"))
    #expect(h.driver.state.form?.fields.first { $0.key == "title" }?.text == "Changed")
    h.press(.escape, .character("y"))
    #expect(h.driver.state.form == nil)
    #expect(try h.audit().isEmpty)
  }

  @Test func choicePickListAndCompletion() throws {
    var h = try EditingHarness()
    h.selectProject("P-0007")
    h.press(.character("e"))
    h.focus("delivery")
    h.press(.enter)
    #expect(h.driver.state.form?.editor?.pick != nil)
    h.press(.character("o"), .enter)  // jumps to "On track" / "Off track"
    let delivery = h.driver.state.form?.fields.first { $0.key == "delivery" }?.text
    #expect(delivery == "On track" || delivery == "Off track")
    h.focus("countries")
    h.press(.enter, .ctrl("u"))
    h.type("malay")
    #expect(h.driver.state.form?.editor?.suggestions.first?.value == "MYS")
    h.press(.down, .enter)
    #expect(h.driver.state.form?.editor?.editing.text == "MYS, ")
  }

  @Test func stageMoveRefusedSaysWhichRuleAndOpensTheFields() throws {
    var h = try EditingHarness()
    // A screening-stage project with screening not fully recorded.
    let candidate = h.driver.state.data.projects.first { $0.stage == .screening && !$0.screening.isRecorded }
    let project = try #require(candidate)
    h.selectProject(project.id)
    h.press(.character("m"))
    guard case .moveStage(let move)? = h.driver.state.dialog else {
      Issue.record("no move dialog")
      return
    }
    let approved = try #require(move.targets.firstIndex(of: .approved))
    for _ in 0..<approved { h.press(.down) }
    h.press(.enter)
    let form = try #require(h.driver.state.form)
    let stageError = form.fields.first { $0.key == "stage" }?.error ?? ""
    #expect(stageError.contains("cannot be approved before its environmental screening is recorded"))
    #expect(stageError.hasSuffix("[screening-before-approval]"))
    #expect(form.fields[form.focus].key.hasPrefix("screening."))
    #expect(try h.onDisk(project.id)?.stage == .screening)
  }

  @Test func deleteAsksNamingTheRecordAndUndoRecreatesIt() throws {
    var h = try EditingHarness()
    h.selectProject("P-0012")
    let title = try #require(h.driver.state.data.project(id: "P-0012")).title
    h.press(.character("D"))
    guard case .confirmDelete(let target)? = h.driver.state.dialog else {
      Issue.record("no confirm")
      return
    }
    #expect(target.label == "project P-0012 \u{201C}\(title)\u{201D}")
    h.press(.character("y"))
    #expect(try h.onDisk("P-0012") == nil)
    h.press(.character("u"))
    #expect(try h.onDisk("P-0012")?.title == title)
    #expect(h.driver.state.data.project(id: "P-0012") != nil)
  }

  @Test func newProjectGetsTheNextIdAndSavesThroughTheStore() throws {
    var h = try EditingHarness()
    h.press(.character("3"), .character("n"))
    let form = try #require(h.driver.state.form)
    #expect(form.title == "New project P-0077")
    h.focus("title")
    h.replaceFocused(with: "Solar pumps for oases")
    h.press(.enter, .ctrl("s"))
    #expect(try h.onDisk("P-0077")?.title == "Solar pumps for oases")
    #expect(try h.onDisk("P-0077")?.changedBy == "tester")
  }

  @Test func conflictShowsBothVersionsAndMergesFieldByField() throws {
    var h = try EditingHarness()
    h.selectProject("P-0007")
    h.press(.character("e"))
    // Someone else saves the same record meanwhile.
    let theirs = try #require(try h.onDisk("P-0007"))
    var edited = theirs
    edited.delivery = .offTrack
    let bob = RecordEditor(store: h.store, user: UserIdentity(login: "bob"))
    try bob.update(edited, from: theirs)
    h.focus("title")
    h.replaceFocused(with: "Mine")
    h.press(.enter, .ctrl("s"))
    guard case .conflict(let conflict)? = h.driver.state.dialog else {
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
    var h = try EditingHarness()
    h.driver.state.settings.readOnly = true
    h.driver.state.settings.readOnlyReason = "started with --read-only"
    h.selectProject("P-0007")
    for key in [Key.character("e"), .character("n"), .character("D"), .character("m"), .character("u"), .ctrl("r")] {
      h.press(key)
      #expect(h.driver.state.form == nil)
      #expect(h.driver.state.dialog == nil)
      #expect(h.driver.state.status?.text == "read-only (started with --read-only): editing is off and nothing is written")
    }
    #expect(try h.audit().isEmpty)
  }

  @Test func draftPayloadRestoresEveryField() throws {
    var h = try EditingHarness()
    h.selectProject("P-0007")
    h.press(.character("e"))
    h.focus("title")
    h.replaceFocused(with: "Half-typed title")
    h.press(.enter)
    h.focus("dates.planned_end")
    h.replaceFocused(with: "2026-1")  // invalid, still kept
    let form = try #require(h.driver.state.form)
    let context = FormContext(countryNames: h.driver.state.data.countryNames)
    let restored = try #require(FormState.restoring(form.draftPayload, context: context))
    #expect(restored.fields.map(\.text) == form.fields.map(\.text))
    #expect(restored.fields.map(\.original) == form.fields.map(\.original))
    #expect(restored.focus == form.focus)
    #expect(restored.fields.first { $0.key == "dates.planned_end" }?.error != nil)
  }
}

@Suite struct ReloadKeepsSelectionTests {
  /// A reload that shifts indexes (a project inserted before the cursor)
  /// keeps the cursor on the same project, by id.
  @Test func pipelineSelectionSurvivesAnInsertBeforeIt() throws {
    var driver = ScreenFixture.driver(width: 100, height: 30)
    driver.press(.character("3"), .character("v"))
    for _ in 0..<10 { driver.press(.down) }
    let before = try #require(driver.state.pipeline.selectedProject(driver.state.context))
    var data = driver.state.data
    data.upsert(Project(id: "A-0000", title: "Sorts first", stage: .concept))
    var result = ScreenFixture.shipped
    result.dataSet = data
    driver.send(.dataLoaded(result))
    #expect(driver.state.pipeline.selectedProject(driver.state.context)?.id == before.id)
  }
}
