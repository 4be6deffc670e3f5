import Foundation
import Testing

@testable import GreenSilkCore

@Suite struct StoreTests {
  @Test func loadsTheFixtureCleanly() throws {
    let dir = try TempDataDirectory()
    let result = try dir.store.load()
    #expect(result.issues == [])
    #expect(result.dataSet.projects.map(\.id) == ["P-0001", "P-0002", "P-0003"])
    #expect(result.dataSet.countryName(CountryCode("MYS")!) == "Malaysia")
    #expect(result.dataSet.corridors(of: CountryCode("THA")!) == [.cicpec])
  }

  @Test func saveRoundTripsAndBumpsTheRevision() throws {
    let dir = try TempDataDirectory()
    var project = try #require(try dir.store.load().dataSet.project(id: "P-0002"))
    project.title = "Grid link, phase 2"
    let saved = try dir.store.save(project, expecting: 3)
    #expect(saved.revision == 4)
    let reloaded = try #require(try dir.store.load().dataSet.project(id: "P-0002"))
    #expect(reloaded == saved)
    // Only that line changed.
    let lines = try dir.read("projects.jsonl").split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0] == Substring(Fixtures.projects[0].jsonLine))
    #expect(lines[2] == Substring(Fixtures.projects[2].jsonLine))
  }

  @Test func createsInSortedPlaceAndDeletes() throws {
    let dir = try TempDataDirectory()
    let created = try dir.store.save(Project(id: "P-0001a", title: "Between", stage: .concept), expecting: nil)
    #expect(created.revision == 1)
    #expect(try dir.store.load().dataSet.projects.map(\.id) == ["P-0001", "P-0001a", "P-0002", "P-0003"])
    let ids = try dir.read("projects.jsonl").split(separator: "\n").map { try Project(jsonLine: String($0)).id }
    #expect(ids == ["P-0001", "P-0001a", "P-0002", "P-0003"])
    try dir.store.delete(Project.self, id: "P-0001a", expecting: 1)
    #expect(try dir.store.load().dataSet.project(id: "P-0001a") == nil)
  }

  @Test func conflictingSavesFromTwoStoresAreDetected() throws {
    let dir = try TempDataDirectory()
    let alice = FileStore(directory: dir.path)
    let bob = FileStore(directory: dir.path)
    var mine = try #require(try alice.load().dataSet.project(id: "P-0002"))
    var theirs = try #require(try bob.load().dataSet.project(id: "P-0002"))
    theirs.title = "Bob's title"
    try bob.save(theirs, expecting: 3)
    mine.title = "Alice's title"
    do {
      try alice.save(mine, expecting: 3)
      Issue.record("stale save accepted")
    } catch StoreError.conflict(let conflict) {
      #expect(conflict.id == "P-0002")
      #expect(conflict.kind == .changed(revision: 4))
      #expect(conflict.onDisk(as: Project.self)?.title == "Bob's title")
      #expect(
        conflict.description
          == "conflict: project P-0002 was changed by someone else (revision 4 on disk, your edit started from 3); nothing was saved")
    }
    #expect(try dir.store.load().dataSet.project(id: "P-0002")?.title == "Bob's title")
  }

  @Test func saveOfDeletedRecordAndDuplicateCreateAreConflicts() throws {
    let dir = try TempDataDirectory()
    try dir.store.delete(Project.self, id: "P-0001", expecting: 1)
    var p = Fixtures.projects[0]
    p.title = "edited"
    #expect {
      try dir.store.save(p, expecting: 1)
    } throws: { error in
      guard case StoreError.conflict(let c) = error else { return false }
      return c.kind == .deleted
    }
    #expect {
      try dir.store.save(Fixtures.projects[1], expecting: nil)
    } throws: { error in
      guard case StoreError.conflict(let c) = error else { return false }
      return c.kind == .alreadyExists
    }
  }

  @Test func nonConflictingSavesOfDifferentRecordsBothSurvive() throws {
    let dir = try TempDataDirectory()
    let alice = FileStore(directory: dir.path)
    let bob = FileStore(directory: dir.path)
    var a = try #require(try alice.load().dataSet.project(id: "P-0001"))
    var b = try #require(try bob.load().dataSet.project(id: "P-0003"))
    a.title = "A edit"
    b.title = "B edit"
    try alice.save(a, expecting: 1)
    try bob.save(b, expecting: 1)
    let data = try dir.store.load().dataSet
    #expect(data.project(id: "P-0001")?.title == "A edit")
    #expect(data.project(id: "P-0003")?.title == "B edit")
  }

  @Test func badLinesAreReportedAndWrittenBackByteForByte() throws {
    let dir = try TempDataDirectory()
    var bytes = try dir.bytes("projects.jsonl")
    let good = Array(bytes)
    let bad: [[UInt8]] = [
      Array("{not json at all\n".utf8),
      Array(#"{"id":"P-0005","title":"T","stage":"aproved"}"#.utf8) + [0x0A],
      Array(#"{"id":"P-0006","title":"T","stage":"concept","countries":["XYZ"]}"#.utf8) + [0x0A],
      Array(#"{"id":"P-0001","rev":1,"title":"dup","stage":"concept"}"#.utf8) + [0x0A],
      Array(#"{"id":"P-0007","title":"caf"#.utf8) + [0xE9] + Array(#"","stage":"concept"}"#.utf8) + [0x0A],
      Array(#"{"id":"P-0008","title":7,"stage":"concept"}"#.utf8) + [0x0A],
    ]
    bytes = good + bad.flatMap { $0 }
    try Data(bytes).write(to: URL(fileURLWithPath: dir.path + "/projects.jsonl"))
    let store = FileStore(directory: dir.path, displayDirectory: "data")
    let result = try store.load()
    #expect(
      result.issues.map(\.description) == [
        "data/projects.jsonl:4: invalid JSON at column 2: expected a field name in quotes",
        #"data/projects.jsonl:5: field "stage": unknown stage "aproved" (expected one of: concept, screening, approved, implementation, finalisation, closed, cancelled, suspended)"#,
        #"data/projects.jsonl:6: unknown country "XYZ" in project P-0006 (not in countries.jsonl)"#,
        #"data/projects.jsonl:7: duplicate id "P-0001" (first on line 1); this line is not loaded"#,
        "data/projects.jsonl:8: invalid UTF-8; the line is kept as it is but not loaded",
        #"data/projects.jsonl:9: field "title": expected a string, found a number"#,
      ])
    #expect(result.dataSet.projects.count == 3)
    // A save elsewhere in the file keeps every bad line byte-for-byte.
    var p = try #require(result.dataSet.project(id: "P-0001"))
    p.title = "edited"
    try store.save(p, expecting: 1)
    let after = try dir.bytes("projects.jsonl")
    let tail = Array(after.suffix(bad.reduce(0) { $0 + $1.count }))
    #expect(tail == bad.flatMap { $0 })
    #expect(try store.load().dataSet.project(id: "P-0001")?.title == "edited")
  }

  @Test func unknownFieldsSurviveASave() throws {
    let dir = try TempDataDirectory()
    var text = try dir.read("projects.jsonl")
    text = text.replacingOccurrences(of: #""id":"P-0002","rev":3,"#, with: #""id":"P-0002","rev":3,"#)
    var lines = text.split(separator: "\n").map(String.init)
    lines[1] = String(lines[1].dropLast()) + #","from_the_future":{"v":2}}"#
    try dir.write("projects.jsonl", lines)
    var p = try #require(try dir.store.load().dataSet.project(id: "P-0002"))
    p.title = "changed"
    try dir.store.save(p, expecting: 3)
    let saved = try dir.read("projects.jsonl").split(separator: "\n")[1]
    #expect(saved.hasSuffix(#","from_the_future":{"v":2}}"#))
    #expect(saved.contains(#""title":"changed""#))
  }

  @Test func readOnlyStoreWritesNothing() throws {
    let dir = try TempDataDirectory()
    let before = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    let store = FileStore(directory: dir.path, readOnly: true)
    var p = Fixtures.projects[0]
    p.title = "x"
    #expect(throws: StoreError.self) { try store.save(p, expecting: 1) }
    #expect(throws: StoreError.self) { try store.appendAudit([]) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == before)
  }

  @Test func auditEntriesAppendAndReadBack() throws {
    let dir = try TempDataDirectory()
    var p = Fixtures.projects[0]
    let old = p
    p.title = "New"
    let entry = AuditEntry(
      at: Timestamp("2026-11-29T10:00:00Z")!, user: UserIdentity(login: "alice", origin: "10.0.0.5"), action: "update",
      file: .projects, id: p.id, revision: 2, changes: RecordFields.changes(from: old, to: p))
    try dir.store.save(p, expecting: 1)
    try dir.store.appendAudit([entry])
    let read = try AuditLog.read(dir.store)
    #expect(read.issues.isEmpty)
    #expect(read.entries == [entry])
    #expect(read.entries.first?.changes == [FieldChange(field: "title", old: #""Solar park""#, new: #""New""#)])
  }
}

@Suite struct RecordFieldsTests {
  @Test func diffsNestedFieldsAndIgnoresBookkeeping() {
    let a = Fixtures.projects[1]
    var b = a
    b.revision = 9
    b.screening.climate = .significantIrreversible
    b.changedBy = "x"
    #expect(RecordFields.changes(from: a, to: b) == [FieldChange(field: "screening.climate", old: #""positive""#, new: #""significant_irreversible""#)])
  }

  @Test func mergesFieldByField() throws {
    let base = Fixtures.projects[2]
    var mine = base
    mine.title = "Mine"
    mine.delivery = .atRisk
    var theirs = base
    theirs.title = "Theirs"
    theirs.screening.pollution = .positive
    let merged = try RecordFields.merge(theirs, taking: ["title", "delivery"], from: mine)
    #expect(merged.title == "Mine")
    #expect(merged.delivery == .atRisk)
    #expect(merged.screening.pollution == .positive)
  }

  @Test func createAndDeleteDiffs() {
    let p = Fixtures.projects[0]
    let created = RecordFields.changes(from: nil as Project?, to: p)
    #expect(created.contains(FieldChange(field: "title", old: nil, new: #""Solar park""#)))
    #expect(RecordFields.changes(from: p, to: nil as Project?).allSatisfy { $0.new == nil })
  }
}
