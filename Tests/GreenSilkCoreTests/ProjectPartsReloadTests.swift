import Foundation
import Testing

@testable import GreenSilkCore

/// A follower's partial reload (`FileStore.reload(_:parts:)`) takes one of
/// two paths: records replaced in place when the changed parts hold the
/// same ids as before (the usual save), otherwise the kept projects and
/// the re-read ones merged by id. Both must give what a whole load gives.
@Suite struct ProjectPartsReloadTests {
  func expectSameAsWholeLoad(_ partial: LoadResult, _ dir: TempDataDirectory) throws {
    let whole = try dir.store.load()
    #expect(partial.dataSet == whole.dataSet)
    #expect(partial.dataSet.projects.map(\.id) == whole.dataSet.projects.map(\.id))
    #expect(partial.issues == whole.issues)
    #expect(partial.fileIdentities == whole.fileIdentities)
    #expect(partial.lineNumbers[.projects] == whole.lineNumbers[.projects])
  }

  @Test func updatesOnlyInTwoPartsAreReplacedInPlaceAndEqualAWholeLoad() throws {
    let dir = try ProjectPartsTests.splitDirectory()
    let first = try dir.store.load()
    let known = dir.store.identities()
    var a = try #require(first.dataSet.project(id: "G-00010"))
    var b = try #require(first.dataSet.project(id: "G-01500"))
    #expect(ProjectParts.partIndex(of: a.id) != ProjectParts.partIndex(of: b.id))
    a.title = "Updated A"
    b.title = "Updated B"
    try dir.store.apply([RecordChange.update(a, expecting: a.revision), .update(b, expecting: b.revision)])
    let parts = try #require(FileStore.changedParts(from: known, to: dir.store.identities()))
    #expect(parts.count == 2)
    let partial = dir.store.reload(first, parts: parts)
    #expect(partial.dataSet.project(id: "G-00010")?.title == "Updated A")
    #expect(partial.dataSet.project(id: "G-01500")?.title == "Updated B")
    // The earlier load is a value: the follower's copy is not changed under it.
    #expect(first.dataSet.project(id: "G-00010")?.title != "Updated A")
    try expectSameAsWholeLoad(partial, dir)
  }

  @Test func aPartEditedByHandOutOfOrderIsMergedInIdOrder() throws {
    let dir = try ProjectPartsTests.splitDirectory()
    let first = try dir.store.load()
    let known = dir.store.identities()
    let index = ProjectParts.partIndex(of: "G-00042")
    let path = ProjectParts.relativePath(ofPart: index)
    // Reversed lines, and one project less: the merge path, with an unsorted part.
    var lines = try dir.read(path).split(separator: "\n").map(String.init)
    #expect(lines.count > 3)
    lines.removeAll { $0.hasPrefix("{\"id\":\"G-00042\"") }
    try dir.write(path, Array(lines.reversed()))
    let parts = try #require(FileStore.changedParts(from: known, to: dir.store.identities()))
    #expect(parts == [index])
    let partial = dir.store.reload(first, parts: parts)
    #expect(partial.dataSet.project(id: "G-00042") == nil)
    #expect(partial.dataSet.projects.count == first.dataSet.projects.count - 1)
    #expect(partial.dataSet.projects.map(\.id) == partial.dataSet.projects.map(\.id).sorted())
    try expectSameAsWholeLoad(partial, dir)
  }

  @Test func mergeByIDInterleavesTwoSortedRuns() {
    let all = ProjectPartsTests.manyProjects(40)
    let kept = all.enumerated().filter { $0.offset % 3 != 0 }.map(\.element)
    let fresh = all.enumerated().filter { $0.offset % 3 == 0 }.map(\.element).reversed()
    #expect(ProjectPartsReader.mergeByID(kept, Array(fresh)).map(\.id) == all.map(\.id))
    #expect(ProjectPartsReader.mergeByID([], all).map(\.id) == all.map(\.id))
    #expect(ProjectPartsReader.mergeByID(all, []).map(\.id) == all.map(\.id))
  }
}
