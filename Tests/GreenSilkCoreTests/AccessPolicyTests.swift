import Testing

@testable import GreenSilkCore

/// The pinned role is enforced where records are written (`RecordEditor`),
/// not only by the dashboard's keys: an editor limited to corridors cannot
/// save, create, delete or undo into another corridor's project, and a
/// viewer writes nothing. Each refusal leaves the files and the audit as
/// they were.
@Suite struct AccessPolicyTests {
  let stamp = Timestamp("2026-11-29T10:00:00Z")!

  func editor(_ dir: TempDataDirectory, _ access: AccessPolicy) -> RecordEditor {
    let fixed = stamp
    return RecordEditor(store: dir.store, user: UserIdentity(login: access.name ?? "x"), access: access, now: { fixed })
  }

  func unchanged(_ dir: TempDataDirectory, _ body: () throws -> Void) throws {
    let before = try dir.read("projects.jsonl")
    try body()
    #expect(try dir.read("projects.jsonl") == before)
    #expect(try AuditLog.read(dir.store).entries.isEmpty)
  }

  func refusal(_ body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch StoreError.refused(let reason) {
      return reason
    } catch {
      return "unexpected: \(error)"
    }
  }

  @Test func corridorLimitedEditorCannotSaveAnotherCorridorsProject() throws {
    let dir = try TempDataDirectory()
    let carol = AccessPolicy(name: "carol", role: .editor, corridors: [.cpec])
    let data = try dir.store.load().dataSet
    let other = try #require(data.project(id: "P-0002"))  // CICPEC
    var edited = other
    edited.title = "Renamed by carol"
    try unchanged(dir) {
      let reason = refusal { try editor(dir, carol).update(edited, from: other) }
      #expect(reason == "P-0002 is read-only for carol: this key edits projects in CPEC only; P-0002 is in CICPEC")
      #expect(refusal { try editor(dir, carol).delete(other) } != nil)
      // Moving it into her corridor is still a change to another corridor's project.
      var moved = other
      moved.corridors = [.cpec]
      #expect(refusal { try editor(dir, carol).update(moved, from: other) } != nil)
      // A new project outside her corridors, and an envoy activity.
      var created = other
      created.id = "P-0100"
      #expect(refusal { try editor(dir, carol).create(created) } != nil)
      #expect(refusal { try editor(dir, carol).create(Fixtures.activity) }?.hasPrefix("activities are read-only for carol") == true)
    }
  }

  @Test func corridorLimitedEditorCannotMoveTheirProjectOut() throws {
    let dir = try TempDataDirectory()
    let carol = AccessPolicy(name: "carol", role: .editor, corridors: [.cpec])
    let own = try #require(try dir.store.load().dataSet.project(id: "P-0001"))  // CPEC
    var moved = own
    moved.corridors = [.nelb]
    try unchanged(dir) {
      #expect(refusal { try editor(dir, carol).update(moved, from: own) } == "P-0001 is read-only for carol: this key edits projects in CPEC only; P-0001 is in NELB")
    }
    var renamed = own
    renamed.title = "Renamed by carol"
    let saved = try editor(dir, carol).update(renamed, from: own)
    #expect(saved.changedBy == "carol")
    #expect(try AuditLog.read(dir.store).entries.map(\.user.login) == ["carol"])
  }

  @Test func undoIsRefusedLikeAnySave() throws {
    let dir = try TempDataDirectory()
    let other = try #require(try dir.store.load().dataSet.project(id: "P-0002"))
    var edited = other
    edited.title = "Changed by an admin"
    let saved = try editor(dir, .unrestricted).update(edited, from: other)
    // An undo step for that change (e.g. a journal or a draft) under carol's key.
    let carol = AccessPolicy(name: "carol", role: .editor, corridors: [.nelb])
    let change = EditedRecord(SessionChange(before: other, after: saved, summary: "P-0002"))
    let before = try dir.read("projects.jsonl")
    #expect(refusal { _ = try editor(dir, carol).revert(change, action: "undo") } != nil)
    #expect(try dir.read("projects.jsonl") == before)
  }

  @Test func viewerWritesNothingEvenOnAWritableStore() throws {
    let dir = try TempDataDirectory()
    let vera = AccessPolicy(name: "vera", role: .viewer)
    let project = try #require(try dir.store.load().dataSet.project(id: "P-0001"))
    var edited = project
    edited.title = "x"
    try unchanged(dir) {
      #expect(refusal { try editor(dir, vera).update(edited, from: project) } == "vera is a viewer: read-only, nothing is written")
    }
  }

  @Test func unlimitedEditorAndUnpinnedSessionsEditEverything() throws {
    let dir = try TempDataDirectory()
    let project = try #require(try dir.store.load().dataSet.project(id: "P-0002"))
    var edited = project
    edited.title = "Edited"
    let saved = try editor(dir, AccessPolicy(name: "dan", role: .editor)).update(edited, from: project)
    edited = saved
    edited.title = "Edited again"
    _ = try editor(dir, .unrestricted).update(edited, from: saved)
    #expect(try AuditLog.read(dir.store).entries.count == 2)
  }
}
