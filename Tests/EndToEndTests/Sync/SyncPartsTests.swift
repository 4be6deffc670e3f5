import Foundation
import GreenSilkCore
import Testing

/// Sync with projects in parts (`ProjectParts`, DECISIONS.md "Sync across
/// the split"), through the real binary, real git and a real sshd on
/// loopback: two offices on a split data directory editing different
/// parts, the same part and the same record; and offices that split at
/// different times (one still on `projects.jsonl`).
@Suite(.serialized, .enabled(if: SyncSSHD.isAvailable, "needs /usr/sbin/sshd"))
struct SyncPartsTests {
  /// A generated data set of `count` projects (split past 2,000).
  static func generated(_ lab: SyncLab, projects count: Int) throws -> String {
    let out = lab.root + "/generated-\(count)"
    try lab.check(
      lab.greensilk(["generate", "--projects", "\(count)", "--activities", "20", "--out", out]), "generate")
    return out
  }

  /// Project ids of an office grouped by part.
  static func idsByPart(_ lab: SyncLab, _ office: String) throws -> [Int: [String]] {
    Dictionary(grouping: try lab.store(office).load().dataSet.projects.map(\.id), by: ProjectParts.partIndex(of:))
  }

  static func createMany(_ lab: SyncLab, _ office: String, prefix: String, count: Int) throws {
    var changes: [RecordChange<Project>] = []
    var audit: [AuditEntry] = []
    for n in 0..<count {
      let project = Project(
        id: "\(prefix)-\(n)", title: "New in \(office) \(n)", stage: .concept, source: SourceRef(dataset: "local"))
      changes.append(.create(project))
      audit.append(
        AuditEntry(
          at: .now(), user: UserIdentity(login: office.lowercased()), action: "create", file: .projects,
          id: project.id, revision: 1, changes: RecordFields.changes(from: nil, to: project)))
    }
    try lab.store(office).apply(changes, audit: audit)
  }

  /// Byte-identical data files, no markers, `validate` clean, nothing
  /// left uncommitted, and neither the staging folder nor the store's
  /// intent file ever tracked.
  static func expectConverged(_ lab: SyncLab, _ offices: [String]) throws {
    let files = try lab.dataFiles(offices[0])
    #expect(files.keys.contains("projects/00.jsonl"), "\(files.keys.sorted())")
    #expect(!files.keys.contains("projects.jsonl"))
    for office in offices.dropFirst() {
      #expect(try lab.dataFiles(office) == files, "office \(office) differs from \(offices[0])")
    }
    for office in offices {
      #expect(ConflictMarkers.scan(directory: lab.path(office), displayDirectory: office).isEmpty)
      let validate = try lab.greensilk(["validate", "--data", lab.path(office)])
      #expect(validate.status == 0, "validate \(office): \(validate.out)\(validate.err)")
      let status = try lab.git(["status", "--porcelain", "--untracked-files=all"], in: lab.path(office))
      #expect(status.out.isEmpty, "\(office) has uncommitted files: \(status.out)")
      let tracked = try lab.git(["ls-files"], in: lab.path(office)).out
      #expect(!tracked.contains(".projects.next") && !tracked.contains(".greensilk.pending"), "\(tracked)")
      // Git ignores them should they appear (a save killed half way).
      let files = [".greensilk.pending", ".projects.next/00.jsonl", ".greensilk.lock"]
      let ignored = try lab.git(["check-ignore", "--no-index"] + files, in: lab.path(office))
      #expect(ignored.status == 0 && ignored.out == files.joined(separator: "\n") + "\n", "\(office): \(ignored.out)\(ignored.err)")
    }
  }

  @Test func splitOfficesMergeRecordsWithinAndAcrossParts() throws {
    let lab = try SyncLab()
    _ = try lab.firstOffice("A", data: try Self.generated(lab, projects: 2_500))
    _ = try lab.clonedOffice("B")
    #expect(FileStore(directory: lab.path("A")).projectsAreSplit)
    let byPart = try Self.idsByPart(lab, "A")
    let part = try #require(byPart.first { $0.value.count >= 3 })
    let other = try #require(byPart.first { $0.key != part.key })
    let (same1, same2, both) = (part.value[0], part.value[1], part.value[2])
    let elsewhere = other.value[0]

    // Different parts; the same part, different records; a true conflict.
    try lab.edit("A", same1, by: "amina") { $0.title = "A's title, same part" }
    try lab.edit("B", same2, by: "bao") { $0.title = "B's title, same part" }
    try lab.edit("B", elsewhere, by: "bao") { $0.summary = "B's summary, another part" }
    try lab.edit("A", both, by: "amina") { $0.title = "Conflict: A" }
    try lab.edit("B", both, by: "bao") { $0.title = "Conflict: B" }
    // Git sees the folder exchange as the changed parts only.
    let pending = try lab.git(["status", "--porcelain"], in: lab.path("B")).out
    let changed = Set(pending.split(separator: "\n").map { String($0.dropFirst(3)) }.filter { $0.hasPrefix("projects") })
    #expect(
      changed == [ProjectParts.relativePath(ofPart: part.key), ProjectParts.relativePath(ofPart: other.key)],
      "\(pending)")

    for office in ["A", "B", "A"] {
      let result = try lab.sync(office)
      #expect(result.status == 0, "sync \(office): \(result.out)\(result.err)")
    }
    try Self.expectConverged(lab, ["A", "B"])
    let data = try lab.store("B").load().dataSet
    #expect(data.project(id: same1)?.title == "A's title, same part")
    #expect(data.project(id: same2)?.title == "B's title, same part")
    #expect(data.project(id: elsewhere)?.summary == "B's summary, another part")
    let held = try #require(data.project(id: both))
    let conflict = try #require(HeldConflict.held(in: held))
    #expect(Set([held.title] + conflict.fields.compactMap(\.other).map(Self.unquoted)) == ["Conflict: A", "Conflict: B"])
  }

  enum Crossing: String, CaseIterable, CustomTestStringConvertible {
    /// A splits and syncs first; B, still on projects.jsonl, merges it.
    case splitOfficeFirst
    /// B's edit to projects.jsonl reaches the hub first; A, split, merges it.
    case unsplitOfficeFirst
    /// Both cross 2,000 on their own before they meet.
    case bothSplit
    var testDescription: String { rawValue }
  }

  @Test(arguments: Crossing.allCases)
  func officesThatSplitAtDifferentTimesConverge(crossing: Crossing) throws {
    let lab = try SyncLab()
    _ = try lab.firstOffice("A", data: try Self.generated(lab, projects: 1_990))
    _ = try lab.clonedOffice("B")
    #expect(!FileStore(directory: lab.path("A")).projectsAreSplit)
    let ids = try lab.store("A").load().dataSet.projects.map(\.id)
    let (fromA, fromB, both) = (ids[10], ids[500], ids[1_000])

    try lab.edit("A", fromA, by: "amina") { $0.title = "Edited in A" }
    try lab.edit("B", fromB, by: "bao") { $0.title = "Edited in B" }
    try lab.edit("A", both, by: "amina") { $0.title = "Conflict: A" }
    try lab.edit("B", both, by: "bao") { $0.title = "Conflict: B" }
    try Self.createMany(lab, "A", prefix: "NEW-A", count: 20)  // A crosses 2,000: split
    #expect(FileStore(directory: lab.path("A")).projectsAreSplit)
    if crossing == .bothSplit {
      try Self.createMany(lab, "B", prefix: "NEW-B", count: 20)
      #expect(FileStore(directory: lab.path("B")).projectsAreSplit)
    } else {
      #expect(!FileStore(directory: lab.path("B")).projectsAreSplit)
    }

    let order = crossing == .unsplitOfficeFirst ? ["B", "A", "B"] : ["A", "B", "A"]
    for office in order {
      let result = try lab.sync(office)
      #expect(result.status == 0, "sync \(office): \(result.out)\(result.err)")
    }
    try Self.expectConverged(lab, ["A", "B"])
    let data = try lab.store("B").load()
    #expect(data.issues.isEmpty, "\(data.issues)")
    let set = data.dataSet
    #expect(set.projects.count == 1_990 + 20 + (crossing == .bothSplit ? 20 : 0))
    #expect(set.project(id: fromA)?.title == "Edited in A")
    #expect(set.project(id: fromB)?.title == "Edited in B")
    #expect(set.project(id: "NEW-A-7")?.title == "New in A 7")
    let held = try #require(set.project(id: both))
    let conflict = try #require(HeldConflict.held(in: held))
    #expect(Set([held.title] + conflict.fields.compactMap(\.other).map(Self.unquoted)) == ["Conflict: A", "Conflict: B"])
    // No record taken for a new id created twice: nothing renumbered.
    #expect(!set.projects.contains { $0.id.hasSuffix(".2") })
  }

  static func unquoted(_ json: String) -> String {
    json.hasPrefix("\"") && json.hasSuffix("\"") ? String(json.dropFirst().dropLast()) : json
  }
}
