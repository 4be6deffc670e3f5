import Testing

@testable import GreenSilkCore

/// Values repeated across records are stored once (memory at 20,000
/// projects), without changing what a record reads as or how errors read.
@Suite struct InterningTests {
  func project(_ id: String, corridors: [CorridorCode] = [.cpec], partner: String = "Asian Infrastructure Investment Bank")
    -> Project
  {
    var p = Project(id: id, revision: 1, title: "Project \(id)", corridors: corridors, countries: [CountryCode("PAK")!], stage: .concept)
    p.partners = [Partner(name: partner, role: .funding)]
    p.sdgs = [SDG(7)!, SDG(13)!]
    p.source = SourceRef(dataset: "illustrative", note: "shared note that is longer than fifteen bytes")
    return p
  }

  func parse(_ projects: [Project]) -> [Project] {
    let text = projects.map(\.jsonLine).joined(separator: "\n") + "\n"
    return CollectionParser.parse(Project.self, bytes: Array(text.utf8), displayPath: "p").records
  }

  func storage<T>(_ array: [T]) -> UnsafeRawPointer? {
    array.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
  }

  @Test func equalListsShareOneStorage() {
    let parsed = parse([project("P-1"), project("P-2"), project("P-3", corridors: [.cpec, .bcimec])])
    #expect(parsed.count == 3)
    #expect(storage(parsed[0].corridors) == storage(parsed[1].corridors))
    #expect(storage(parsed[0].countries) == storage(parsed[1].countries))
    #expect(storage(parsed[0].partners) == storage(parsed[1].partners))
    #expect(storage(parsed[0].sdgs) == storage(parsed[1].sdgs))
    #expect(storage(parsed[0].corridors) != storage(parsed[2].corridors))
    #expect(parsed[2].corridors == [.cpec, .bcimec])
  }

  @Test func sharedValuesReadAsWritten() {
    let originals = [project("P-1"), project("P-2", partner: "Silk Road Fund of the People's Republic")]
    let parsed = parse(originals)
    #expect(parsed == originals)
    #expect(parsed[1].partners[0].name == "Silk Road Fund of the People's Republic")
  }

  @Test func provenanceIsSharedButComparesByValue() {
    let parsed = parse([project("P-1"), project("P-2")])
    #expect(parsed[0].provenance == parsed[1].provenance)
    var edited = parsed[1]
    edited.statusRaw = "Pipeline: Commitment"
    #expect(edited.statusRaw == "Pipeline: Commitment")
    #expect(parsed[0].statusRaw == nil)  // the shared box was not changed
    var restored = edited
    restored.statusRaw = nil
    #expect(restored == parsed[1])  // a different box, equal by value
  }

  /// A list is decoded in place the first time, so its error still points
  /// at the right column; a bad list is never cached.
  @Test func aBadListStillSaysWhere() {
    let good = project("P-1").jsonLine
    let bad = good.replacing("\"CPEC\"", with: "\"XXXX\"", maxReplacements: 1)
    let text = good + "\n" + bad + "\n" + bad + "\n"
    let parsed = CollectionParser.parse(Project.self, bytes: Array(text.utf8), displayPath: "p")
    #expect(parsed.records.count == 1)
    #expect(parsed.issues.count == 2)
    #expect(parsed.issues.allSatisfy { $0.reason.contains("XXXX") })
    #expect(parsed.issues[0].reason == parsed.issues[1].reason)
  }
}
