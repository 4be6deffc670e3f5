import Foundation
import GreenSilkCore
import Testing

/// Three offices and a hub over a real sshd on loopback, through the real
/// binary and real git (issue 14). Each office edits offline, then they
/// sync in a given order, twice round: all offices must then hold
/// byte-identical data files, every edit present or held in a conflict,
/// no conflict markers, and `validate` clean.
@Suite(.serialized, .enabled(if: SyncSSHD.isAvailable, "needs /usr/sbin/sshd"))
struct SyncOfficesTests {
  static let orders: [[String]] = [["A", "B", "C"], ["C", "B", "A"], ["B", "C", "A"]]

  @Test(arguments: orders)
  func threeOfficesConvergeWhateverTheOrder(order: [String]) throws {
    let lab = try SyncLab()
    _ = try lab.firstOffice("A")
    _ = try lab.clonedOffice("B")
    _ = try lab.clonedOffice("C")

    // Different records.
    try lab.edit("A", "KP-01", by: "amina") { $0.title = "Title from A" }
    try lab.edit("B", "KP-02", by: "bao") { $0.summary = "Summary from B" }
    // The same record, different fields.
    try lab.edit("A", "KP-03", by: "amina") { $0.title = "KP-03 title from A" }
    try lab.edit("C", "KP-03", by: "chen") { $0.summary = "KP-03 summary from C" }
    // A true conflict.
    try lab.edit("B", "KP-04", by: "bao") { $0.title = "KP-04 by B" }
    try lab.edit("C", "KP-04", by: "chen") { $0.title = "KP-04 by C" }
    // Delete against edit.
    try lab.delete("A", "KP-05", by: "amina")
    try lab.edit("C", "KP-05", by: "chen") { $0.title = "KP-05 kept by C" }
    // The same new id in two offices.
    try lab.create("A", Project(id: "P-9001", title: "Solar pilot from A", stage: .concept, source: SourceRef(dataset: "local")), by: "amina")
    try lab.create("B", Project(id: "P-9001", title: "Wind pilot from B", stage: .concept, source: SourceRef(dataset: "local")), by: "bao")

    for _ in 0..<2 {
      for office in order {
        let result = try lab.sync(office)
        #expect(result.status == 0, "sync \(office): \(result.out)\(result.err)")
      }
    }

    // Byte-identical data files everywhere.
    let files = try lab.dataFiles("A")
    // The audit travels too: one file a month since schema 2 (issue 13).
    #expect(files.keys.contains { $0.hasPrefix("audit/") && $0.hasSuffix(".jsonl") }, "\(files.keys.sorted())")
    for office in ["B", "C"] { #expect(try lab.dataFiles(office) == files, "office \(office) differs from A") }
    // No markers; validate clean.
    for office in ["A", "B", "C"] {
      #expect(ConflictMarkers.scan(directory: lab.path(office), displayDirectory: office).isEmpty)
      let validate = try lab.greensilk(["validate", "--data", lab.path(office)])
      #expect(validate.status == 0, "validate \(office): \(validate.out)\(validate.err)")
    }

    // Every edit present or held.
    let data = try lab.store("A").load().dataSet
    #expect(data.project(id: "KP-01")?.title == "Title from A")
    #expect(data.project(id: "KP-02")?.summary == "Summary from B")
    #expect(data.project(id: "KP-03")?.title == "KP-03 title from A")
    #expect(data.project(id: "KP-03")?.summary == "KP-03 summary from C")
    let kp04 = try #require(data.project(id: "KP-04"))
    let held04 = try #require(HeldConflict.held(in: kp04))
    #expect(Set([kp04.title] + held04.fields.compactMap(\.other).map(Self.unquoted)) == ["KP-04 by B", "KP-04 by C"])
    let kp05 = try #require(data.project(id: "KP-05"))
    #expect(kp05.title == "KP-05 kept by C")
    #expect(HeldConflict.held(in: kp05)?.deleted == true)
    let pilots = Set(data.projects.filter { $0.id.hasPrefix("P-9001") }.map { "\($0.id) \($0.title)" })
    #expect(pilots.count == 2)
    #expect(Set(pilots.map { String($0.split(separator: " ", maxSplits: 1)[1]) }) == ["Solar pilot from A", "Wind pilot from B"])
    #expect(Set(data.projects.filter { $0.id.hasPrefix("P-9001") }.map(\.id)) == ["P-9001", "P-9001.2"])

    // The audit holds every office's entries, each once.
    let audit = try AuditLog.read(lab.store("A")).entries
    #expect(audit.count == 10)

    // sync status names the open conflicts.
    let status = try lab.greensilk(["sync", "status", "--data", lab.path("B")])
    #expect(status.status == 0)
    #expect(status.out.contains("conflicts: 2"), "\(status.out)")
    #expect(status.out.contains("KP-04: title"))
    #expect(status.out.contains("KP-05: deleted in one office"))

    // A resolution syncs like any edit: B settles KP-04 (keeps C's title)
    // and KP-05 (keeps the record); after a round all offices agree.
    try lab.edit("B", "KP-04", by: "bao") { project in
      project.title = "KP-04 by C"
      project.extras.removeAll { $0.key == HeldConflict.key }
    }
    try lab.edit("B", "KP-05", by: "bao") { $0.extras.removeAll { $0.key == HeldConflict.key } }
    for office in ["B", "A", "C"] {
      let result = try lab.sync(office)
      #expect(result.status == 0, "\(result.out)\(result.err)")
    }
    let settled = try lab.dataFiles("B")
    #expect(try lab.dataFiles("A") == settled)
    #expect(try lab.dataFiles("C") == settled)
    #expect(HeldConflictLocation.scan(directory: lab.path("C")).isEmpty)
    #expect(try lab.project("C", "KP-04")?.title == "KP-04 by C")

    // The commit messages say who changed which records.
    let log = try lab.git(["log", "--format=%s"], in: lab.path("A")).out
    #expect(log.contains("by amina (KP-01"), "\(log)")
    #expect(log.contains("by bao"))
  }

  static func unquoted(_ json: String) -> String {
    (try? JSONReader.withReader(json) { try $0.readString() }) ?? json
  }
}
