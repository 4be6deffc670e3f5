import Testing

@testable import GreenSilkCore

@Suite struct CodingTests {
  static var fullProject: Project {
    Project(
      id: "P-0099", revision: 7, title: "Wind \"farm\" \\ 风电场 — Türkiye", summary: "Line one\nline two\ttab",
      area: .facilitiesConnectivity, isKeyProject: true, corridors: [.nelb, .ccwaec],
      countries: [CountryCode("KAZ")!, CountryCode("CHN")!], leadAgency: "Agency (中国)",
      partners: [Partner(name: "Bank", role: .funding, kind: "policy bank"), Partner(name: "Builder", role: .implementing)],
      stage: .suspended, stageReason: "Flood", statusRaw: "Suspended",
      screening: Screening(
        pollution: .positive, climate: .significantIrreversible, biodiversity: .neutralMitigable, esCategory: .fi2,
        mitigationNote: "Note", assessedOn: Day("2024-03-01"), assessor: "Team"),
      delivery: .offTrack,
      budget: Budget(
        currency: "EUR", amount: 1234.5, amountUSD: 1500.25, usdBasis: "constant 2021",
        financing: [Financing(instrument: .greenBond, amount: 1000, provider: "Issuer"), Financing(instrument: .grant)]),
      dates: ProjectDates(
        plannedStart: Day("2024-01-01"), actualStart: Day("2024-02-01"), plannedEnd: Day("2026-01-01"),
        actualEnd: nil, commitment: Day("2023-05-05")),
      milestones: [Milestone(title: "A", due: Day("2025-01-01")!, done: Day("2025-02-01")), Milestone(title: "B", due: Day("2026-01-01")!)],
      indicators: [Indicator(title: "MW", unit: "MW", baseline: 0, target: 50, actual: 12.5, goal: .y2025)],
      sdgs: [SDG(7)!, SDG(13)!], sector: Sector(code: "230", name: "ENERGY"), flowType: "Loan", flowClass: "OOF-like",
      financialDistress: true,
      source: SourceRef(dataset: "illustrative", recordID: "x1", url: "https://example.org", asOf: Day("2026-01-01"), note: "n"),
      changedBy: "alice", changedAt: Timestamp("2026-11-01T10:00:00Z"),
      imported: ImportedRecord(dataset: "aiddata", importedAt: Timestamp("2026-11-02T00:00:00Z"), columns: [("AidData Record ID", "1"), ("Title", "x,\"y\"")]),
      extras: [RawField(key: "future_field", json: "{\"a\":[1,2]}")])
  }

  @Test func projectRoundTripsThroughItsLine() throws {
    let project = Self.fullProject
    let line = project.jsonLine
    let back = try Project(jsonLine: line)
    #expect(back == project)
    #expect(back.jsonLine == line)
    #expect(!line.contains("\n"))
  }

  @Test func unknownFieldsAreKeptInOrderAfterOurs() throws {
    let line = #"{"id":"P-1","rev":1,"title":"T","stage":"concept","zeta":true,"alpha":{"x":[1,"two",null]}}"#
    let project = try Project(jsonLine: line)
    #expect(project.extras == [RawField(key: "zeta", json: "true"), RawField(key: "alpha", json: #"{"x":[1,"two",null]}"#)])
    #expect(project.jsonLine.hasSuffix(#""zeta":true,"alpha":{"x":[1,"two",null]}}"#))
  }

  @Test func activityRoundTrips() throws {
    var activity = Fixtures.activity
    activity.reportedTotal = 30
    activity.extras = [RawField(key: "x", json: "1")]
    #expect(try EnvoyActivity(jsonLine: activity.jsonLine) == activity)
  }

  @Test func metaRoundTrips() throws {
    let meta = DataSetMeta(label: .mixed, title: "T", asOf: Day("2026-01-01"), description: "d", attributions: ["AidData"], extras: [RawField(key: "k", json: "2")])
    #expect(try DataSetMeta(fileText: meta.fileText) == meta)
  }

  @Test(arguments: [
    (#"{"id":"P-1","title":"T","stage":"aproved"}"#, #"field "stage": unknown stage "aproved" (expected one of: concept, screening, approved, implementation, finalisation, closed, cancelled, suspended)"#),
    (#"{"id":"P-1","title":5,"stage":"concept"}"#, #"field "title": expected a string, found a number"#),
    (#"{"id":"P-1","title":"T"}"#, #"missing field "stage""#),
    (#"{"id":"P-1","title":"T","stage":"concept","countries":["MY"]}"#, #"field "countries[0]": "MY" is not an ISO 3166-1 alpha-3 code (three letters)"#),
    (#"{"id":"P-1","title":"T","stage":"concept","dates":{"planned_start":"2025-02-30"}}"#, #"field "dates.planned_start": "2025-02-30": day 30 does not exist in 2025-02"#),
    (#"{"id":"P-1","title":"T","stage":"concept","budget":{"currency":"USD","amount":"12"}}"#, #"field "budget.amount": expected a number, found a string"#),
    (#"{"id":"P-1","title":"T","stage":"concept","sdgs":[18]}"#, #"field "sdgs[0]": SDG 18 is not 1-17"#),
  ])
  func explainsShapeProblems(line: String, message: String) {
    do {
      _ = try Project(jsonLine: line)
      Issue.record("accepted \(line)")
    } catch let error as JSONError {
      #expect(error.description == message)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func readerHandlesEscapesAndSurrogates() throws {
    let text = try JSONReader.withReader(#""a\"b\\c\n\u00e9\ud83d\ude00""#) { try $0.readString() }
    #expect(text == "a\"b\\c\né😀")
  }

  @Test func writerEscapesControlCharacters() {
    var w = JSONWriter()
    w.string("a\u{1B}]0;x\u{07}\"")
    #expect(w.text == #""a\u001b]0;x\u0007\"""#)
  }
}
