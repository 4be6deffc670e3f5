import Foundation
import Testing

@testable import GreenSilkCore

/// A project's summary is the opening of AidData's description; the whole
/// description stays in the source row (DECISIONS.md, "A short summary;
/// the description stays in the source row").
@Suite struct AidDataSummaryTests {
  @Test func aShortDescriptionIsTheSummaryAsItIs() {
    #expect(AidDataSummary.of(description: "  A road.\n\nIn two parts. ") == "A road.\n\nIn two parts.")
    let exact = String(repeating: "a", count: AidDataSummary.limit)
    #expect(AidDataSummary.of(description: exact) == exact)
  }

  @Test func aLongDescriptionIsCutAtASentenceEndInItsSecondHalf() {
    let sentence = "The loan finances a port. "  // 26 characters
    let text = String(repeating: sentence, count: 20)
    let summary = AidDataSummary.of(description: text)
    // 10 sentences are 260 characters; the 11th would pass 280.
    #expect(summary == String(repeating: sentence, count: 10).trimmingSpaces() + "…")
    #expect(AidDataSummary.isShortened(summary))
  }

  @Test func withoutASentenceEndItIsCutAtAWord() {
    let text = String(repeating: "word ", count: 100)
    let summary = AidDataSummary.of(description: text)
    #expect(summary.hasSuffix("word…"))
    #expect(summary.count <= AidDataSummary.limit + 1)
    #expect(!summary.contains("wor…") && !summary.contains(" …"))
  }

  @Test func textWithoutSpacesIsCutAtTheLimitWithoutSplittingACharacter() {
    // Flags and ZWJ families are one character each: none is split.
    let family = "👨‍👩‍👧"
    let summary = AidDataSummary.of(description: String(repeating: family + "🇨🇳", count: 200))
    #expect(summary.count == AidDataSummary.limit + 1)
    #expect(summary.dropLast().allSatisfy { $0 == Character(family) || $0 == "🇨🇳" })
    // A Chinese full stop in the second half ends a sentence.
    let chinese = String(repeating: "项目", count: 80) + "。" + String(repeating: "融资", count: 200)
    #expect(AidDataSummary.of(description: chinese) == String(repeating: "项目", count: 80) + "。…")
  }

  @Test func importedSummariesAreShortAndTheWholeDescriptionIsKept() throws {
    let dir = try ShippedDataCopy()
    try dir.store.write(try dir.store.planAidData(try ImportFixtures.malaysiaBytes()))
    let projects = try dir.store.attachingSourceRows(
      try dir.store.load().dataSet.projects.filter { $0.id.hasPrefix("AIDDATA-") })
    let table = try ImportFixtures.malaysiaTable()
    let column = try #require(table.header.firstIndex(of: "Description"))
    let long = table.rows.filter { $0[column].trimmingSpaces().count > AidDataSummary.limit }
    #expect(long.count > 100)  // 156 of the 176 Malaysian descriptions
    var shortened = 0
    for project in projects {
      let description = try #require(project.imported?.value("Description"))
      #expect(project.summary == AidDataSummary.of(description: description))
      #expect(project.summary.count <= AidDataSummary.limit + 1)
      if AidDataSummary.isShortened(project.summary) {
        shortened += 1
        #expect(description.trimmingSpaces().hasPrefix(String(project.summary.dropLast())))
      }
    }
    #expect(shortened == long.count)
    // The source row keeps every description whole, byte for byte.
    let byID = Dictionary(uniqueKeysWithValues: projects.map { ($0.id, $0) })
    for row in long {
      #expect(byID["AIDDATA-" + row[0]]?.imported?.value("Description") == row[column])
    }
  }

  /// A directory imported by an older GreenSilk holds whole descriptions
  /// as summaries. A re-import shortens them, through both of its paths
  /// (the same source row, a changed one), without calling them local
  /// edits; a summary a person wrote is still kept.
  @Test func aReimportShortensSummariesStoredWholeAndKeepsLocalOnes() throws {
    let dir = try ShippedDataCopy()
    let bytes = try ImportFixtures.malaysiaBytes()
    try dir.store.write(try dir.store.planAidData(bytes))
    let imported = try dir.store.attachingSourceRows(
      try dir.store.load().dataSet.projects.filter { AidDataSummary.isShortened($0.summary) })
    // As an older version stored them.
    for project in imported {
      var whole = project
      whole.summary = try #require(project.imported?.value("Description")).trimmingSpaces()
      whole.imported = project.imported?.detached
      try dir.store.save(whole, expecting: project.revision)
    }
    let written = "Summary written here, longer than the limit: " + String(repeating: "detail ", count: 60)
    let edited = try #require(try dir.store.load().dataSet.project(id: "AIDDATA-96203"))
    var local = edited
    local.summary = written
    try dir.store.save(local, expecting: edited.revision)

    var lines = try AidDataText.lines()
    let changed = try #require(lines.firstIndex { $0.hasPrefix("73473,") })
    lines[changed] = try AidDataText.replacing("Staff Comments", with: "Updated comment.", in: lines[changed])
    let newer = Array(([try AidDataText.header()] + lines).joined(separator: "\n").utf8) + [0x0A]
    let plan = try dir.store.planAidData(newer)
    #expect(plan.problems.isEmpty)
    #expect(
      plan.notes == ["AIDDATA-96203: field summary edited locally since the last import; kept the local value"])
    #expect(plan.summary.updated == imported.count - 1)
    try dir.store.write(plan)

    let after = try dir.store.load().dataSet
    for project in imported where project.id != "AIDDATA-96203" {
      #expect(after.project(id: project.id)?.summary == project.summary, "\(project.id)")
    }
    #expect(after.project(id: "AIDDATA-96203")?.summary == written)
    #expect(imported.contains { $0.id == "AIDDATA-73473" })
    // And a second run has nothing left to do.
    let again = try dir.store.planAidData(newer)
    #expect(again.changes.isEmpty && again.notes.count == 1)
  }
}
