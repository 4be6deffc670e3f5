import GreenSilkCore
import Testing

@testable import GreenSilkUI

/// Records not in totals and estimated values on the dashboard (issue
/// 12): the shipped data plus two local projects, one left out of totals
/// by hand and one whose amount and dates the source estimated.
@Suite("Totals scope and estimates on screen")
struct TotalsScopeScreenTests {
  static let excludedID = "P-9001"
  static let estimatedID = "P-9002"

  static func data() -> DataSet {
    var data = ScreenFixture.shipped.dataSet
    var excluded = Project(
      id: excludedID, title: "Umbrella facility for regional water projects", stage: .screening,
      budget: Budget(currency: "USD", amount: 900_000_000))
    excluded.countries = [CountryCode("KHM")!]
    excluded.corridors = [.cicpec]
    excluded.notInTotals = .byHand
    excluded.notInTotalsNote = "its money is counted in the child projects"
    var budget = Budget(currency: "USD", amount: 12_000_000)
    budget.amountEstimated = true
    var estimated = Project(
      id: estimatedID, title: "Solar pumping pilot with estimated figures", stage: .implementation, budget: budget,
      dates: ProjectDates(plannedStart: Day("2021-01-01"), actualStart: Day("2021-03-01"), commitment: Day("2020-01-01")))
    estimated.dates.actualStartEstimated = true
    estimated.dates.commitmentEstimated = true
    estimated.countries = [CountryCode("LAO")!]
    estimated.corridors = [.cicpec]
    data.upsert(excluded)
    data.upsert(estimated)
    return data
  }

  static func driver(width: Int = 80, height: Int = 24, scope: TotalsScope = .eligible) -> AppDriver {
    AppDriver(
      data: data(), size: Size(width: width, height: height), clock: ScreenFixture.clock,
      settings: DisplaySettings(totalsScope: scope), issues: [])
  }

  static func detail(_ id: String, height: Int = 24) -> AppDriver {
    var driver = driver(height: height)
    driver.press(.character("3"), .character("v"), .character("/"))
    driver.type(id)
    driver.press(.enter, .enter)
    #expect(driver.state.detail.projectID == id)
    return driver
  }

  static func text(_ driver: AppDriver) -> String { driver.render().lines.joined(separator: "\n") }

  @Test func keyAShowsEveryRecordInTheTotalsAndSaysSo() {
    var driver = Self.driver()
    // The shipped projects and the estimated one count; the excluded one not.
    let shipped = ScreenFixture.shipped.dataSet.projects.count + 1
    #expect(driver.state.context.portfolio.projectCount == shipped)
    #expect(driver.state.context.portfolio.notInTotalsCount == 1)
    #expect(Self.text(driver).contains("Totals exclude 1 not in totals (USD 900.0 M) · A: all"))
    #expect(!Self.text(driver).contains("ALL IN TOTALS"))
    driver.press(.character("A"))
    #expect(driver.state.settings.totalsScope == .everything)
    #expect(driver.state.context.portfolio.projectCount == shipped + 1)
    let all = Self.text(driver)
    #expect(all.contains("ALL IN TOTALS"), "the title bar's badge")
    #expect(all.contains("Totals: ALL, incl. 1 not in totals (USD 900.0 M) · A: counted only"))
    driver.press(.character("A"))
    #expect(driver.state.context.portfolio.projectCount == shipped)
  }

  @Test func theFlagStartsWithEverything() {
    let driver = Self.driver(scope: .everything)
    #expect(driver.state.context.scope == .everything)
    #expect(Self.text(driver).contains("ALL IN TOTALS"))
  }

  @Test func anExcludedProjectStaysVisibleAndMarked() {
    var driver = Self.driver(width: 120, height: 40)
    driver.press(.character("3"), .character("v"), .character("/"))
    driver.type("Umbrella facility")
    driver.press(.enter)
    let table = Self.text(driver)
    #expect(table.contains("[out] Umbrella facility"))
    #expect(table.contains("[out] not in totals"))
    driver.press(.enter)
    let detail = Self.text(driver)
    #expect(detail.contains("Not in totals: set by hand"))
    #expect(detail.contains("its money is counted in the child"))
    var excluded = Self.detail(Self.excludedID)
    excluded.press(.pageDown, .pageDown)
    assertScreenSnapshots(excluded, named: "detail-not-in-totals-80x24")
  }

  @Test func estimatedValuesCarryTheMark() {
    var driver = Self.detail(Self.estimatedID, height: 48)
    let detail = Self.text(driver)
    #expect(detail.contains("≈ USD 12.0 M"))
    #expect(detail.contains("≈ 2021-03-01"))
    #expect(detail.contains("≈ 2020-01-01"))
    #expect(detail.contains("≈ estimated by the source"))
    driver.press(.escape)
    var estimated = Self.detail(Self.estimatedID)
    estimated.press(.pageDown, .pageDown)
    assertScreenSnapshots(estimated, named: "detail-estimated-80x24")
  }

  @Test func illustrativeFieldsAreMarked() {
    var driver = Self.detail("KP-01", height: 60)
    let detail = Self.text(driver)
    #expect(detail.contains("Lead agency  *"))
    #expect(detail.contains("Delivery     * On track"))
    #expect(detail.contains("ID             KP-01"), "the id is not illustrative")
    driver.press(.character("G"))
    #expect(Self.text(driver).contains("* marks fields GreenSilk invented"))
  }

  @Test func theWallSaysWhatItCounts() {
    var state = KioskState(
      config: KioskConfig(), data: Self.data(), clock: ScreenFixture.clock, now: 0, size: Size(width: 120, height: 40),
      glyphs: .unicode)
    #expect(WallPage.figures(state)[0].detail.contains("counted (1 not in totals)"))
    #expect(WallPage.figures(state)[3].detail.contains("(illustrative)"))
    state = KioskState(
      config: KioskConfig(), data: Self.data(), clock: ScreenFixture.clock, now: 0, size: Size(width: 120, height: 40),
      glyphs: .unicode, totals: .everything)
    #expect(WallPage.figures(state)[0].detail.contains("ALL records incl. 1 not in totals"))
  }
}
