import Testing

@testable import GreenSilkCore

@Suite struct EditingTests {
  let stamp = Timestamp("2026-11-29T10:00:00Z")!

  func editor(_ dir: TempDataDirectory, login: String = "alice") -> RecordEditor {
    let fixed = stamp
    return RecordEditor(store: dir.store, user: UserIdentity(login: login, origin: "10.0.0.5"), now: { fixed })
  }

  @Test func updateStampsSavesAndAudits() throws {
    let dir = try TempDataDirectory()
    let original = try #require(try dir.store.load().dataSet.project(id: "P-0002"))
    var edited = original
    edited.title = "Grid link, phase 2"
    let saved = try editor(dir).update(edited, from: original)
    #expect(saved.revision == 4)
    #expect(saved.changedBy == "alice")
    #expect(saved.changedAt == stamp)
    let audit = try AuditLog.read(dir.store).entries
    #expect(audit.count == 1)
    #expect(audit[0].user == UserIdentity(login: "alice", origin: "10.0.0.5"))
    #expect(audit[0].changes == [FieldChange(field: "title", old: #""Grid link""#, new: #""Grid link, phase 2""#)])
    #expect(audit[0].revision == 4)
  }

  @Test func undoAndRedoAnUpdateGoThroughTheStore() throws {
    let dir = try TempDataDirectory()
    let e = editor(dir)
    let original = try #require(try dir.store.load().dataSet.project(id: "P-0002"))
    var edited = original
    edited.stage = .approved
    let saved = try e.update(edited, from: original, action: "stage")
    var history = ChangeHistory()
    history.record(EditedRecord(SessionChange(before: original, after: saved, summary: "stage of P-0002")))
    let undoing = try #require(history.nextUndo)
    let inverse = try e.revert(undoing, action: "undo")
    history.undone(inverse)
    var onDisk = try #require(try dir.store.load().dataSet.project(id: "P-0002"))
    #expect(onDisk.stage == .screening)
    #expect(onDisk.revision == 5)
    let redoing = try #require(history.nextRedo)
    history.redone(try e.revert(redoing, action: "redo"))
    onDisk = try #require(try dir.store.load().dataSet.project(id: "P-0002"))
    #expect(onDisk.stage == .approved)
    #expect(onDisk.revision == 6)
    #expect(try AuditLog.read(dir.store).entries.map(\.action) == ["stage", "undo", "redo"])
  }

  @Test func undoOfADeleteRecreatesTheRecord() throws {
    let dir = try TempDataDirectory()
    let e = editor(dir)
    let victim = try #require(try dir.store.load().dataSet.project(id: "P-0001"))
    try e.delete(victim)
    #expect(try dir.store.load().dataSet.project(id: "P-0001") == nil)
    let change = SessionChange<Project>(before: victim, after: nil, summary: "P-0001")
    let inverse = try e.revert(change, action: "undo")
    let back = try #require(try dir.store.load().dataSet.project(id: "P-0001"))
    #expect(back.title == victim.title)
    #expect(inverse.after?.id == "P-0001")
    // Redo deletes it again.
    _ = try e.revert(inverse, action: "redo")
    #expect(try dir.store.load().dataSet.project(id: "P-0001") == nil)
  }

  @Test func undoOfACreateDeletes() throws {
    let dir = try TempDataDirectory()
    let e = editor(dir)
    let created = try e.create(Project(id: "P-0100", title: "New", stage: .concept))
    _ = try e.revert(SessionChange(before: nil, after: created, summary: "P-0100"), action: "undo")
    #expect(try dir.store.load().dataSet.project(id: "P-0100") == nil)
  }

  @Test func undoRefusesToOverwriteAColleaguesLaterChange() throws {
    let dir = try TempDataDirectory()
    let mine = editor(dir, login: "alice")
    let theirs = editor(dir, login: "bob")
    let original = try #require(try dir.store.load().dataSet.project(id: "P-0002"))
    var edited = original
    edited.title = "Alice"
    let saved = try mine.update(edited, from: original)
    var bobs = saved
    bobs.title = "Bob"
    try theirs.update(bobs, from: saved)
    #expect(throws: StoreError.self) {
      try mine.revert(SessionChange(before: original, after: saved, summary: "title"), action: "undo")
    }
    #expect(try dir.store.load().dataSet.project(id: "P-0002")?.title == "Bob")
  }

  @Test func describesChangesForTheStatusLine() {
    let a = Fixtures.projects[1]
    var b = a
    b.stage = .approved
    #expect(SessionChange<Project>.describe(before: a, after: b) == "stage of P-0002")
    b.title = "x"
    #expect(SessionChange<Project>.describe(before: a, after: b) == "title and stage of P-0002")
    #expect(SessionChange<Project>.describe(before: nil, after: a) == "created P-0002")
  }
}
