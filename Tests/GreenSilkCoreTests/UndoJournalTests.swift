import Foundation
import Testing

@testable import GreenSilkCore

/// The undo journal: what a session could undo is still undoable after a
/// restart, for the same user and data directory only.
@Suite struct UndoJournalTests {
  func journal(_ state: String, user: String = "alice", data: String = "/srv/greensilk/data") -> UndoJournal {
    UndoJournal(dataDirectory: data, user: user, environment: ["XDG_STATE_HOME": state])
  }

  func history() -> ChangeHistory {
    let project = Fixtures.projects[0]
    var renamed = project
    renamed.title = "Renamed — 改名"
    renamed.revision += 1
    var history = ChangeHistory()
    history.record(EditedRecord(SessionChange(before: project, after: renamed, summary: "title of \(project.id)")))
    history.record(EditedRecord(SessionChange(before: nil, after: Fixtures.activity, summary: "created \(Fixtures.activity.id)")))
    history.record(EditedRecord(SessionChange(before: renamed, after: nil, summary: "deleted \(project.id)")))
    history.undone(history.nextUndo!)
    return history
  }

  @Test func roundTripKeepsBothStacksInOrder() throws {
    let state = try TempDataDirectory().path
    let kept = history()
    try journal(state).save(kept)
    let loaded = journal(state).load()
    #expect(loaded.undoStack.map(\.summary) == kept.undoStack.map(\.summary))
    #expect(loaded.redoStack.map(\.summary) == ["deleted \(Fixtures.projects[0].id)"])
    guard let change = loaded.undoStack.first?.typed(Project.self) else { Issue.record("first change is not a project's"); return }
    #expect(change.after?.title == "Renamed — 改名")
    #expect(change.before == Fixtures.projects[0])
    guard let created = loaded.undoStack.last?.typed(EnvoyActivity.self) else { Issue.record("second change is not an activity's"); return }
    #expect(created.before == nil && created.after == Fixtures.activity)
  }

  @Test func otherUsersAndDataDirectoriesHaveTheirOwn() throws {
    let state = try TempDataDirectory().path
    try journal(state).save(history())
    #expect(journal(state, user: "bob").load().undoStack.isEmpty)
    #expect(journal(state, data: "/srv/other").load().undoStack.isEmpty)
    #expect(journal(state).path.hasPrefix(state + "/greensilk/undo/alice-"))
  }

  @Test func aDamagedLineDropsTheStepsBeforeItNotLaterOnes() throws {
    let state = try TempDataDirectory().path
    try journal(state).save(history())
    let path = journal(state).path
    var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    lines[0] = "{\"stack\":\"undo\",\"kind\":\"project\",\"after\":{\"id\":"  // cut short
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
    let loaded = journal(state).load()
    // Undo never skips a step: only what came after the damage is kept.
    #expect(loaded.undoStack.map(\.summary) == ["created \(Fixtures.activity.id)"])
    #expect(loaded.redoStack.count == 1)
  }

  @Test func noJournalIsAnEmptyHistory() throws {
    let state = try TempDataDirectory().path
    #expect(!journal(state).load().canUndo)
  }
}
