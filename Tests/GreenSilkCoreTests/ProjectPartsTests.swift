import Foundation
import Testing

@testable import GreenSilkCore

/// Projects in parts (`ProjectParts`, DECISIONS.md "Projects in parts"):
/// a portfolio past 2,000 projects moves into `projects/NN.jsonl`, a save
/// rewrites one part, and every guarantee of the one-file store holds.
@Suite struct ProjectPartsTests {
  /// `count` projects like the fixture's first, ids `G-00001`….
  static func manyProjects(_ count: Int) -> [Project] {
    let template = Fixtures.projects[0]
    return (1...count).map { number in
      var project = template
      project.id = "G-" + String(repeating: "0", count: 5 - String(number).count) + String(number)
      project.title = "Generated project \(number)"
      return project
    }
  }

  /// A data directory whose projects were split by an import-sized write.
  static func splitDirectory() throws -> TempDataDirectory {
    let dir = try TempDataDirectory()
    try dir.store.apply(manyProjects(ProjectParts.splitThreshold + 1).map { RecordChange.create($0) })
    return dir
  }

  func partBytes(_ dir: TempDataDirectory) throws -> [Int: [UInt8]] {
    var out: [Int: [UInt8]] = [:]
    for index in dir.store.projectPartIndices() { out[index] = try dir.bytes(ProjectParts.relativePath(ofPart: index)) }
    return out
  }

  @Test func aWriteThatPassesTheThresholdSplitsAndEveryRecordIsInItsPartSorted() throws {
    let dir = try Self.splitDirectory()
    #expect(dir.store.projectsAreSplit)
    #expect(!FileManager.default.fileExists(atPath: dir.path + "/projects.jsonl"))
    let loaded = try dir.store.load()
    #expect(loaded.issues.isEmpty, "\(loaded.issues)")
    #expect(loaded.projectsInParts)
    #expect(loaded.dataSet.projects.count == ProjectParts.splitThreshold + 1 + Fixtures.projects.count)
    #expect(loaded.dataSet.projects.map(\.id) == loaded.dataSet.projects.map(\.id).sorted())
    let parts = try partBytes(dir)
    #expect(parts.count > 50)  // 2,000-odd ids spread over the 64 parts
    for (index, bytes) in parts {
      let ids = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { line in
        String(line.dropFirst(7).prefix { $0 != "\"" })  // {"id":"…"
      }
      #expect(ids == ids.sorted(), "part \(index) is not sorted by id")
      #expect(ids.allSatisfy { ProjectParts.partIndex(of: $0) == index })
    }
    let (file, line) = loaded.location(of: .projects, id: "G-00042", displayDirectory: "data")
    #expect(file == "data/" + ProjectParts.relativePath(ofPart: ProjectParts.partIndex(of: "G-00042")))
    #expect(line >= 1)
  }

  @Test func aSaveRewritesOnlyItsPartAndIsAudited() throws {
    let dir = try Self.splitDirectory()
    let before = dir.store.identities()
    var project = try #require(try dir.store.load().dataSet.project(id: "G-00042"))
    project.title = "Changed in its part"
    try dir.store.apply(
      [RecordChange.update(project, expecting: project.revision)],
      audit: [AuditEntry(at: Timestamp.now(), user: UserIdentity(login: "test"), action: "update", file: .projects,
                         id: project.id, revision: project.revision + 1, changes: [])])
    let after = dir.store.identities()
    let changed = try #require(FileStore.changedParts(from: before, to: after))
    #expect(changed == [ProjectParts.partIndex(of: "G-00042")])
    // The unchanged parts are the same files (hard links into the new folder).
    for (key, identity) in before where key.hasPrefix("projects/") && !changed.contains(ProjectParts.partIndex(fileName: String(key.dropFirst(9)))!) {
      #expect(after[key]?.inode == identity.inode)
    }
    #expect(try dir.store.load().dataSet.project(id: "G-00042")?.title == "Changed in its part")
    #expect(try AuditLog.read(dir.store).entries.contains { $0.id == "G-00042" })
    #expect(WriteAheadAudit.pending(dir.store) == nil)
    #expect(!FileManager.default.fileExists(atPath: dir.path + "/" + ProjectParts.stagingName))
  }

  @Test func oneStaleChangeRefusesTheWholeWriteAcrossParts() throws {
    let dir = try Self.splitDirectory()
    let before = try partBytes(dir)
    let data = try dir.store.load().dataSet
    var a = try #require(data.project(id: "G-00001"))
    var b = try #require(data.project(id: "G-01999"))
    #expect(ProjectParts.partIndex(of: a.id) != ProjectParts.partIndex(of: b.id))
    a.title = "A"
    b.title = "B"
    #expect(throws: StoreError.self) {
      try dir.store.apply([RecordChange.update(a, expecting: a.revision), .update(b, expecting: b.revision + 5)])
    }
    #expect(try partBytes(dir) == before)
  }

  @Test func aRecordInTheWrongPartIsReportedWithItsLineAndNotLoaded() throws {
    let dir = try Self.splitDirectory()
    let home = ProjectParts.partIndex(of: "G-00007")
    let other = (home + 1) % ProjectParts.partCount
    let homePath = ProjectParts.relativePath(ofPart: home)
    let otherPath = ProjectParts.relativePath(ofPart: other)
    var homeLines = try dir.read(homePath).split(separator: "\n").map(String.init)
    let moved = try #require(homeLines.firstIndex { $0.hasPrefix("{\"id\":\"G-00007\"") })
    let line = homeLines.remove(at: moved)
    try dir.write(homePath, homeLines)
    let otherText = (try? dir.read(otherPath)) ?? ""
    try dir.write(otherPath, otherText + line + "\n")
    let loaded = try dir.store.load()
    #expect(loaded.dataSet.project(id: "G-00007") == nil)
    let issue = try #require(loaded.issues.first { $0.reason.contains("G-00007") })
    #expect(issue.file.hasSuffix(otherPath))
    #expect(issue.line == otherText.split(separator: "\n").count + 1)
    #expect(issue.reason.contains("belongs in \(homePath)"))
  }

  @Test func aReloadOfTheChangedPartsEqualsAWholeLoad() throws {
    let dir = try Self.splitDirectory()
    let first = try dir.store.load()
    let known = dir.store.identities()
    // Another writer: one update, one new project, one delete, in three parts.
    var changed = try #require(first.dataSet.project(id: "G-00010"))
    changed.title = "Updated elsewhere"
    var created = Fixtures.projects[0]
    created.id = "G-99999"
    let removed = try #require(first.dataSet.project(id: "G-00300"))
    try dir.store.apply([
      RecordChange.update(changed, expecting: changed.revision), .create(created),
      .delete(id: removed.id, expecting: removed.revision),
    ])
    let parts = try #require(FileStore.changedParts(from: known, to: dir.store.identities()))
    #expect(parts.count <= 3 && !parts.isEmpty)
    let partial = dir.store.reload(first, parts: parts)
    let whole = try dir.store.load()
    #expect(partial.dataSet == whole.dataSet)
    #expect(partial.issues == whole.issues)
    #expect(partial.fileIdentities == whole.fileIdentities)
    #expect(partial.lineNumbers[.projects] == whole.lineNumbers[.projects])
  }

  @Test func aChangeOutsideThePartsAsksForAWholeLoad() throws {
    let dir = try Self.splitDirectory()
    let known = dir.store.identities()
    try dir.write("countries.jsonl", try dir.read("countries.jsonl"))
    #expect(FileStore.changedParts(from: known, to: dir.store.identities()) == nil)
  }

  @Test func aProjectsFileLeftBySplitKilledHalfWayIsReportedThenRemoved() throws {
    let dir = try Self.splitDirectory()
    // What a split killed between its two steps leaves: the old file, whose
    // every line is also in a part.
    let all = try partBytes(dir).sorted { $0.key < $1.key }.flatMap(\.value)
    try Data(all).write(to: URL(fileURLWithPath: dir.path + "/projects.jsonl"))
    let loaded = try dir.store.load()
    #expect(loaded.issues.contains { $0.file.hasSuffix("projects.jsonl") && $0.reason.contains("not read") })
    #expect(loaded.dataSet.projects.count == ProjectParts.splitThreshold + 1 + Fixtures.projects.count)
    var project = try #require(loaded.dataSet.project(id: "G-00005"))
    project.title = "After the leftover"
    try dir.store.save(project, expecting: project.revision)
    #expect(!FileManager.default.fileExists(atPath: dir.path + "/projects.jsonl"))
    #expect(try dir.store.load().issues.isEmpty)
  }

  @Test func aSchema2DirectoryPastTheThresholdIsSplitByTheUpgrade() throws {
    let dir = try TempDataDirectory()
    var meta = DataSetMeta(label: .illustrative, title: "Old", asOf: Day("2026-11-20"))
    meta.schema = 2
    try dir.write("dataset.json", meta.fileText)
    let projects = Self.manyProjects(ProjectParts.splitThreshold + 10)
    try dir.write("projects.jsonl", projects.map(\.jsonLine))
    let before = try dir.store.load()
    let report = try #require(try dir.store.upgrade())
    #expect(report.fromSchema == 2 && report.toSchema == 3 && report.splitIntoParts)
    let after = try dir.store.load()
    #expect(after.issues.isEmpty, "\(after.issues)")
    #expect(after.dataSet.projects == before.dataSet.projects)
    #expect(after.dataSet.meta.schema == 3)
    #expect(try dir.store.upgrade() == nil)
  }

  @Test func partsMergeByRecordAndPassTheSyncCheck() throws {
    #expect(MergeKind.of(path: "projects/07.jsonl") == .records(leafKeys: Project.leafKeys))
    let dir = try Self.splitDirectory()
    let name = ProjectParts.relativePath(ofPart: ProjectParts.partIndex(of: "G-00003"))
    #expect(SyncPreflight.problems(directory: dir.path, displayDirectory: "d", files: [name]).isEmpty)
    try dir.write(name, try dir.read(name) + "{\"id\":\"G-00003x\",\n")
    let problems = SyncPreflight.problems(directory: dir.path, displayDirectory: "d", files: [name])
    #expect(problems.count == 1 && problems[0].file == "d/" + name)
  }
}
