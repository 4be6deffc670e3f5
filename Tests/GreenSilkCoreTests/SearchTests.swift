import Testing

@testable import GreenSilkCore

@Suite struct SearchTests {
  let projects = [
    Project(id: "P-0042", title: "Gwadar desalination plant", countries: [CountryCode("PAK")!], leadAgency: "Water Board", stage: .concept),
    Project(id: "P-0043", title: "Wastewater treatment plant, Cần Thơ", countries: [CountryCode("VNM")!], stage: .concept),
    Project(id: "P-0044", title: "Sindh coal retrofit with flue-gas scrubbers", countries: [CountryCode("PAK")!], stage: .concept),
    Project(id: "P-0045", title: "Solar park", countries: [CountryCode("KAZ")!], stage: .concept),
  ]
  let names: [CountryCode: String] = [CountryCode("PAK")!: "Pakistan", CountryCode("VNM")!: "Vietnam", CountryCode("KAZ")!: "Kazakhstan"]

  func ids(_ query: String) -> [String] {
    let index = ProjectSearchIndex(projects, countryName: { names[$0] ?? "" })
    return index.filter(query).map { projects[Int($0)].id }
  }

  @Test func lettersInOrderInsideOneWord() {
    #expect(ids("gwdr") == ["P-0042"])
    #expect(ids("desal") == ["P-0042"])
    #expect(ids("0042") == ["P-0042"])
  }

  @Test func termsAsWrittenWithPunctuation() {
    #expect(ids("P-0043") == ["P-0043"])
    #expect(ids("flue-gas") == ["P-0044"])
    #expect(FuzzyQuery("p-0043").highlights(in: "P-0043") == [0..<6])
  }

  @Test func lettersScatteredAcrossWordsDoNotMatch() {
    // s-o-l spread over "Sindh coal retrofit" or "desalination plant" is not a match.
    #expect(ids("sol") == ["P-0045"])
  }

  @Test func initialsOfConsecutiveWords() {
    #expect(ids("wtp") == ["P-0043"])
  }

  @Test func countriesByCodeOrNameAndAgencies() {
    #expect(ids("pakistan") == ["P-0042", "P-0044"])
    #expect(ids("kaz") == ["P-0045"])
    #expect(ids("board") == ["P-0042"])
    #expect(ids("thơ") == ["P-0043"])
  }

  @Test func everyTermMustMatch() {
    #expect(ids("pak coal") == ["P-0044"])
    #expect(ids("pakistan solar").isEmpty)  // (plain "pak" also matches "park")
  }

  @Test func highlightsFollowTheSameRule() {
    let query = FuzzyQuery("gwdr wtp")
    #expect(query.highlights(in: "Gwadar desalination") == [0..<2, 3..<4, 5..<6])
    #expect(query.highlights(in: "Wastewater treatment plant") == [0..<1, 11..<12, 21..<22])
  }

  @Test func sortingByKeysKeepsIdOrderForTies() {
    let order = ProjectOrdering.sorted(projects, by: .country, ascending: true).map { projects[Int($0)].id }
    #expect(order == ["P-0045", "P-0042", "P-0044", "P-0043"])
    let reversed = ProjectOrdering.sorted(projects, by: .country, ascending: false).map { projects[Int($0)].id }
    #expect(reversed == ["P-0043", "P-0042", "P-0044", "P-0045"])
  }
}
