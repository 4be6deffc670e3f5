import Testing

@testable import GreenSilkCore

/// The merge driver's record merge on small hand-written files: each case
/// of the issue (different records, different fields, a true conflict,
/// delete against edit, the same new id) and the audit union.
@Suite struct RecordMergeTests {
  func file(_ lines: String...) -> [UInt8] { Array(lines.map { $0 + "\n" }.joined().utf8) }
  func lines(_ bytes: [UInt8]) -> [String] { String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init) }
  func merge(_ b: [UInt8], _ o: [UInt8], _ t: [UInt8]) throws -> RecordMerge.Outcome {
    try #require(RecordMerge.merge(base: b, ours: o, theirs: t, leafKeys: []))
  }

  let a1 = #"{"id":"P-1","rev":1,"title":"Grid","stage":"concept"}"#
  let b1 = #"{"id":"P-2","rev":1,"title":"Port","stage":"concept"}"#

  @Test func differentRecordsMerge() throws {
    let base = file(a1, b1)
    let ours = file(#"{"id":"P-1","rev":2,"title":"Grid 2","stage":"concept"}"#, b1)
    let theirs = file(a1, #"{"id":"P-2","rev":2,"title":"Port","stage":"pipeline"}"#)
    let out = try merge(base, ours, theirs)
    #expect(
      lines(out.bytes) == [
        #"{"id":"P-1","rev":2,"title":"Grid 2","stage":"concept"}"#,
        #"{"id":"P-2","rev":2,"title":"Port","stage":"pipeline"}"#,
      ])
    #expect(out.conflicts.isEmpty)
  }

  @Test func differentFieldsMergeFieldByFieldWithANewRevision() throws {
    let base = file(a1)
    let ours = file(#"{"id":"P-1","rev":2,"title":"Grid 2","stage":"concept","changed_at":"2026-01-01T00:00:00Z"}"#)
    let theirs = file(#"{"id":"P-1","rev":3,"title":"Grid","stage":"pipeline","changed_at":"2026-01-02T00:00:00Z"}"#)
    let out = try merge(base, ours, theirs)
    #expect(lines(out.bytes) == [#"{"id":"P-1","rev":4,"title":"Grid 2","stage":"pipeline","changed_at":"2026-01-02T00:00:00Z"}"#])
    #expect(out.conflicts.isEmpty)
  }

  @Test func nestedFieldsMergeOneByOne() throws {
    let base = file(#"{"id":"P-1","rev":1,"screening":{"pollution":"neutral","climate":"neutral"}}"#)
    let ours = file(#"{"id":"P-1","rev":2,"screening":{"pollution":"positive","climate":"neutral"}}"#)
    let theirs = file(#"{"id":"P-1","rev":2,"screening":{"pollution":"neutral","climate":"negative"}}"#)
    let out = try merge(base, ours, theirs)
    #expect(lines(out.bytes) == [#"{"id":"P-1","rev":3,"screening":{"pollution":"positive","climate":"negative"}}"#])
  }

  @Test func aTrueConflictKeepsBothValues() throws {
    let base = file(a1)
    let ours = file(#"{"id":"P-1","rev":2,"title":"Grid A","stage":"concept"}"#)
    let theirs = file(#"{"id":"P-1","rev":2,"title":"Grid B","stage":"concept"}"#)
    let out = try merge(base, ours, theirs)
    let line = try #require(lines(out.bytes).first)
    #expect(line == #"{"id":"P-1","rev":3,"title":"Grid A","stage":"concept","merge_conflict":{"fields":[{"field":"title","other":"Grid B","base":"Grid"}]}}"#)
    #expect(out.conflicts.map(\.id) == ["P-1"])
    let held = try #require(HeldConflict.held(inLine: line))
    #expect(held.fields == [HeldConflict.Field(field: "title", other: #""Grid B""#, base: #""Grid""#)])
  }

  @Test func aHeldConflictSurvivesAndGrowsWithTheNextOne() throws {
    let held = #"{"id":"P-1","rev":3,"title":"Grid A","stage":"concept","merge_conflict":{"fields":[{"field":"title","other":"Grid B","base":"Grid"}]}}"#
    // Another office, still at the base, changes the title a third way.
    let out = try merge(file(a1), file(held), file(#"{"id":"P-1","rev":2,"title":"Grid C","stage":"concept"}"#))
    let line = try #require(lines(out.bytes).first)
    let conflict = try #require(HeldConflict.held(inLine: line))
    #expect(Set(conflict.fields.compactMap(\.other)) == [#""Grid B""#, #""Grid C""#])
    #expect(line.contains(#""title":"Grid A""#))
  }

  @Test func aResolutionOnOneSideWins() throws {
    let held = #"{"id":"P-1","rev":3,"title":"Grid A","stage":"concept","merge_conflict":{"fields":[{"field":"title","other":"Grid B","base":"Grid"}]}}"#
    let resolved = #"{"id":"P-1","rev":4,"title":"Grid B","stage":"concept"}"#
    let otherEdit = #"{"id":"P-1","rev":4,"title":"Grid A","stage":"pipeline","merge_conflict":{"fields":[{"field":"title","other":"Grid B","base":"Grid"}]}}"#
    let out = try merge(file(held), file(resolved), file(otherEdit))
    #expect(lines(out.bytes) == [#"{"id":"P-1","rev":5,"title":"Grid B","stage":"pipeline"}"#])
  }

  @Test func deleteAgainstEditKeepsTheEditHeld() throws {
    let base = file(a1, b1)
    let ours = file(b1)
    let theirs = file(#"{"id":"P-1","rev":2,"title":"Grid 2","stage":"concept"}"#, b1)
    for (o, t) in [(ours, theirs), (theirs, ours)] {
      let out = try merge(base, o, t)
      let first = try #require(lines(out.bytes).first)
      #expect(first == #"{"id":"P-1","rev":3,"title":"Grid 2","stage":"concept","merge_conflict":{"deleted":true,"fields":[]}}"#)
      #expect(out.conflicts.map(\.deleted) == [true])
    }
  }

  @Test func deletedOnBothSidesIsGone() throws {
    let out = try merge(file(a1, b1), file(b1), file(b1))
    #expect(lines(out.bytes) == [b1])
  }

  @Test func theSameNewIDInTwoOfficesKeepsBothAndRenumbersOurs() throws {
    let base = file(a1)
    let mine = #"{"id":"P-3","rev":1,"title":"Solar farm","stage":"concept"}"#
    let hubs = #"{"id":"P-3","rev":1,"title":"Wind farm","stage":"concept"}"#
    let out = try merge(base, file(a1, mine), file(a1, hubs))
    #expect(
      lines(out.bytes) == [
        a1, hubs, #"{"id":"P-3.2","rev":1,"title":"Solar farm","stage":"concept","renamed_from":"P-3"}"#,
      ])
    #expect(out.renamed.map(\.to) == ["P-3.2"])
    // A second new record under a renumbered id finds the next free one.
    let again = try merge(file(a1, hubs, #"{"id":"P-3.2","rev":1,"title":"x"}"#), file(a1, hubs, #"{"id":"P-3.2","rev":1,"title":"x"}"#, mine), file(a1, hubs, #"{"id":"P-3.2","rev":1,"title":"x"}"#))
    #expect(lines(again.bytes).count == 4)
  }

  @Test func aVirtualBaseKeepsDisagreementsOpen() throws {
    let base = file(a1, b1)
    let ours = file(#"{"id":"P-1","rev":2,"title":"Grid A","stage":"concept"}"#, #"{"id":"P-3","rev":1,"title":"New A"}"#)
    let theirs = file(#"{"id":"P-1","rev":2,"title":"Grid B","stage":"concept"}"#, b1, #"{"id":"P-3","rev":1,"title":"New B"}"#)
    let out = try #require(RecordMerge.merge(base: base, ours: ours, theirs: theirs, leafKeys: [], virtualBase: true))
    // The title goes back to the older base's; P-2 (deleted against
    // unchanged) is deleted; P-3 (created twice) is left out.
    #expect(lines(out.bytes) == [#"{"id":"P-1","rev":3,"title":"Grid","stage":"concept"}"#])
    #expect(out.conflicts.isEmpty && out.renamed.isEmpty)
  }

  @Test func linesWithoutIDsAreNotMergedByID() {
    let out = RecordMerge.merge(base: file(a1), ours: file(a1, "not json"), theirs: file(b1), leafKeys: [])
    #expect(out == nil)
  }

  @Test func leafKeysStayWhole() throws {
    let base = file(#"{"id":"P-1","rev":1,"columns":{"a":1,"b":1}}"#)
    let ours = file(#"{"id":"P-1","rev":2,"columns":{"a":2,"b":1}}"#)
    let theirs = file(#"{"id":"P-1","rev":2,"columns":{"a":1,"b":2}}"#)
    let out = try #require(RecordMerge.merge(base: base, ours: ours, theirs: theirs, leafKeys: ["columns"]))
    #expect(out.conflicts.map(\.fields) == [["columns"]])
  }

  @Test func auditMergesAsTheUnionOfEntries() {
    let base = file("e1", "e2")
    let ours = file("e1", "e2", "o1", "same")
    let theirs = file("e1", "e2", "t1", "same", "t2")
    #expect(lines(AuditUnionMerge.merge(base: base, ours: ours, theirs: theirs)) == ["e1", "e2", "o1", "same", "t1", "t2"])
  }

  @Test func theDispatchTableChoosesByPath() {
    #expect(MergeKind.of(path: "audit.jsonl") == .appendOnlyLog)
    #expect(MergeKind.of(path: "audit/2026-12.jsonl") == .appendOnlyLog)
    #expect(MergeKind.of(path: "projects.jsonl") == .records(leafKeys: Project.leafKeys))
    #expect(MergeKind.of(path: "project-sources.jsonl") == .records(leafKeys: []))
    #expect(MergeKind.of(path: "dataset.json") == .text)
    #expect(MergeKind.of(path: ".gitattributes") == .text)
  }

  @Test func markersAreFoundByLine() {
    let bytes = Array("{\"id\":\"a\"}\n<<<<<<< ours\n{}\n=======\n{}\n>>>>>>> theirs\n".utf8)
    #expect(ConflictMarkers.lines(in: bytes) == [2, 4, 6])
  }
}
