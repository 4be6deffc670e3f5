import Testing

@testable import GreenSilkCore

/// The rules around totals (issue 12): a reason for leaving a record out
/// by hand, field names in `source.illustrative`, and the warning where
/// sourced events add up to more than an official total.
@Suite struct TotalsRulesTests {
  static let day = Day(year: 2022, month: 10, day: 21)!

  static func event(_ id: String, total: Int, end: Day, illustrative: Bool = false) -> EnvoyActivity {
    EnvoyActivity(
      id: id, title: id, kind: .training, focus: .capacityBuilding, host: "h", location: "l", start: end, end: end,
      reportedTotal: total, source: SourceRef(dataset: illustrative ? "illustrative" : "press", url: "http://x"))
  }

  static func total(_ value: Double, qualifier: String?, metric: String = "participants") -> ProgramTotal {
    ProgramTotal(
      id: "T-01", program: "green-silk-road-envoys", metric: metric, value: value, qualifier: qualifier, asOf: day,
      source: SourceRef(dataset: "people-cn", url: "http://y"))
  }

  @Test func leftOutByHandNeedsAReason() {
    var project = Project(id: "P-1", title: "t")
    project.notInTotals = .byHand
    #expect(RecordRules.check(project).map(\.rule) == ["not-in-totals-reason"])
    project.notInTotalsNote = "double counted with P-2"
    #expect(RecordRules.check(project).isEmpty)
    #expect(!project.countsInTotals)
    #expect(project.notInTotalsText == "not in totals: set by hand (double counted with P-2)")
  }

  @Test func illustrativeNamesMustBeContentFields() {
    var project = Project(id: "P-1", title: "t")
    project.source.illustrative = ["lead_agency", "budget", "delivery"]
    #expect(RecordRules.check(project).isEmpty)
    project.source.illustrative = ["id", "no_such_field"]
    #expect(RecordRules.check(project).map(\.rule) == ["illustrative-field", "illustrative-field"])
  }

  @Test func sourcedEventsAboveAnExactTotalAreWarnedAbout() {
    let events = [Self.event("E-1", total: 40, end: Self.day), Self.event("E-2", total: 30, end: Self.day)]
    var data = DataSet(meta: DataSetMeta(label: .real, title: "t"), activities: events, programTotals: [Self.total(60, qualifier: nil)])
    let warnings = ConsistencyRules.check(data)
    #expect(warnings.map(\.rule) == ["events-above-official-total"])
    #expect(warnings.first?.message.contains("add up to 70 participants (E-1, E-2), more than the official total \"60\"") == true)
    // "about 65" allows 10%: 70 is within it.
    data.programTotals = [Self.total(65, qualifier: "about")]
    #expect(ConsistencyRules.check(data).isEmpty)
    // "more than 60" is a lower bound: never contradicted.
    data.programTotals = [Self.total(60, qualifier: "more than")]
    #expect(ConsistencyRules.check(data).isEmpty)
  }

  @Test func laterAndIllustrativeEventsDoNotCount() {
    let later = Day(year: 2023, month: 1, day: 1)!
    let events = [
      Self.event("E-1", total: 40, end: Self.day), Self.event("E-2", total: 30, end: later),
      Self.event("E-3", total: 500, end: Self.day, illustrative: true),
    ]
    let data = DataSet(meta: DataSetMeta(label: .real, title: "t"), activities: events, programTotals: [Self.total(60, qualifier: nil)])
    #expect(ConsistencyRules.check(data).isEmpty)
  }

  @Test func countriesAboveAnOfficialCountAreWarnedAbout() {
    var event = Self.event("E-1", total: 0, end: Self.day)
    event.participants = [CountryCount(country: CountryCode("KHM")!, count: 2), CountryCount(country: CountryCode("LAO")!, count: 2)]
    let data = DataSet(
      meta: DataSetMeta(label: .real, title: "t"), activities: [event],
      programTotals: [Self.total(1, qualifier: "nearly", metric: "countries")])
    #expect(ConsistencyRules.check(data).first?.message.contains("from 2 countries") == true)
  }

  @Test func theShippedDataHasNoContradiction() throws {
    let data = try FileStore(directory: ImportFixtures.repositoryRoot.appendingPathComponent("data").path, readOnly: true).load().dataSet
    #expect(ConsistencyRules.check(data).isEmpty)
    #expect(RecordRules.check(data).isEmpty)
    // KP-19 no longer claims figures that contradict T-01/T-02.
    #expect(data.project(id: "KP-19")?.indicators.isEmpty == true)
    #expect(data.projects.filter { $0.id.hasPrefix("KP-") }.allSatisfy { $0.source.marksIllustrative("lead_agency") || $0.leadAgency == nil })
  }

  @Test func activityQualifierIsShownWithItsFigure() {
    var event = Self.event("E-1", total: 30, end: Self.day)
    #expect(event.totalParticipantsText == "30")
    event.totalQualifier = "about"
    #expect(event.totalParticipantsText == "about 30")
  }
}
