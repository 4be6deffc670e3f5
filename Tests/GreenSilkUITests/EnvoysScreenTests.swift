import GreenSilkCore
import Testing

@testable import GreenSilkUI

/// The Envoys screen (5): snapshots of every state worth reviewing, and
/// its keys.
@Suite("Envoys screen")
struct EnvoysScreenTests {
  static func envoys(width: Int = 80, height: Int = 24, ascii: Bool = false) -> AppDriver {
    var driver = ScreenFixture.driver(
      width: width, height: height, settings: DisplaySettings(glyphs: ascii ? .ascii : .unicode))
    driver.press(.character("5"))
    return driver
  }

  static func text(_ driver: AppDriver) -> String {
    let buffer = driver.render()
    return (0..<buffer.height).map { buffer.line($0) }.joined(separator: "\n")
  }

  // MARK: - Snapshots

  @Test func tableAt80x24() {
    assertScreenSnapshots(Self.envoys(), named: "envoys-table-80x24")
  }

  @Test func scrolledTableAt80x24() {
    var driver = Self.envoys()
    for _ in 0..<14 { driver.press(.character("j")) }
    assertScreenSnapshots(driver, named: "envoys-table-scrolled-80x24")
  }

  @Test func chartsAt80x24() {
    var driver = Self.envoys()
    driver.press(.character("v"))
    assertScreenSnapshots(driver, named: "envoys-charts-80x24")
  }

  @Test func activityAt80x24() {
    var driver = Self.envoys()
    driver.press(.enter)
    assertScreenSnapshots(driver, named: "envoys-activity-80x24")
  }

  /// A sourced event (a press report with only a reported total).
  @Test func sourcedActivityAt80x24() {
    var driver = Self.envoys()
    driver.press(.character("G"), .enter)
    assertScreenSnapshots(driver, named: "envoys-activity-sourced-80x24")
  }

  @Test func asciiAt80x24() {
    var driver = Self.envoys(ascii: true)
    assertScreenSnapshots(driver, named: "envoys-table-ascii-80x24")
    driver.press(.character("v"))
    assertScreenSnapshots(driver, named: "envoys-charts-ascii-80x24")
  }

  @Test func everythingAt160x48() {
    assertScreenSnapshots(Self.envoys(width: 160, height: 48), named: "envoys-160x48")
  }

  @Test func activityAt160x48() {
    var driver = Self.envoys(width: 160, height: 48)
    driver.press(.character("j"), .enter)
    assertScreenSnapshots(driver, named: "envoys-activity-160x48")
  }

  @Test func everythingAt120x40() {
    assertScreenSnapshots(Self.envoys(width: 120, height: 40), named: "envoys-120x40")
  }

  @Test func smallestWindow() {
    assertScreenSnapshots(Self.envoys(width: 60, height: 16), named: "envoys-table-60x16")
  }

  // MARK: - What must be on screen

  @Test func officialTotalsCarryQualifierDateAndSourceBesideTheSums() {
    let screen = Self.text(Self.envoys())
    #expect(screen.contains("Summed from"))
    #expect(screen.contains("46 event records"))
    #expect(screen.contains("Official, as reported"))
    #expect(screen.contains("about 3,000"))
    #expect(screen.contains("more than 120"))
    #expect(screen.contains("2022-10-21"))
    #expect(screen.contains("people-cn"))
    #expect(screen.contains("1,296"))
  }

  @Test func fullSizeShowsSourcesAndEveryPart() {
    let screen = Self.text(Self.envoys(width: 160, height: 48))
    for part in [
      "http://en.people.cn/n3/2022/1021/c90000-10161813.html", "Activities per month", "Activities per year",
      "People by country", "By focus area and kind", "Activities, newest first", "Thailand",
      "Capacity building", "Joint research",
    ] {
      #expect(screen.contains(part), "missing \(part)")
    }
  }

  @Test func asciiScreenHasOnlyASCII() {
    var driver = Self.envoys(ascii: true)
    for keys in [[Key](), [.character("v")], [.enter]] {
      driver.press(.escape)
      for key in keys { driver.press(key) }
      let buffer = driver.render()
      // The body only: the chrome belongs to the app.
      for y in 1..<(buffer.height - 2) {
        let line = buffer.line(y)
        let ascii = line.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii, "row \(y): \(line)")
      }
    }
  }

  @Test func noOfficialTotalsSaysSo() {
    var data = ScreenFixture.shipped.dataSet
    data.programTotals = []
    var driver = AppDriver(data: data, clock: ScreenFixture.clock)
    driver.press(.character("5"))
    let screen = Self.text(driver)
    #expect(screen.contains("no official figures in the data"))
    #expect(screen.contains("1,296"))
  }

  @Test func noActivities() {
    let shipped = ScreenFixture.shipped.dataSet
    var data = shipped
    for activity in shipped.activities { data.removeActivity(id: activity.id) }
    var driver = AppDriver(data: data, clock: ScreenFixture.clock)
    driver.press(.character("5"))
    #expect(Self.text(driver).contains("No envoy activities in the data"))
    driver.press(.enter)
    #expect(Self.text(driver).contains("No activity selected"))
    driver.press(.escape, .character("v"))
    #expect(Self.text(driver).contains("Activities per year"))
    driver.resize(160, 48)
    #expect(Self.text(driver).contains("no activities"))
  }

  @Test func hostileActivityTitleIsShownSafely() {
    var data = ScreenFixture.shipped.dataSet
    var last = data.activities[data.activities.count - 1]
    last.title = hostileText
    data.upsert(last)
    var driver = AppDriver(data: data, clock: ScreenFixture.clock)
    driver.press(.character("5"))
    #expect(!containsControlCell(driver.render()))
    driver.press(.enter)
    #expect(!containsControlCell(driver.render()))
    #expect(wideGlyphsAreWhole(driver.render()))
  }

  // MARK: - Keys and state

  @Test func newestFirst() {
    let driver = Self.envoys()
    let activities = driver.state.data.activities
    let starts = driver.state.envoys.order.map { activities[Int($0)].start }
    #expect(starts == starts.sorted(by: >))
    #expect(driver.state.envoys.selectedActivity(driver.state.data)?.id == "E-0046")
  }

  @Test func enterShowsTheActivityAndEscReturns() {
    var driver = Self.envoys()
    driver.press(.character("j"), .enter)
    #expect(driver.state.envoys.view == .activity)
    #expect(Self.text(driver).contains("E-0045 Forum"))
    // Moving keeps the activity view and follows the cursor.
    driver.press(.character("j"))
    #expect(driver.state.envoys.view == .activity)
    #expect(Self.text(driver).contains("E-0044 Training"))
    driver.press(.escape)
    #expect(driver.state.envoys.view == .table)
    #expect(driver.state.screen == .envoys)
    driver.press(.enter, .enter)
    #expect(driver.state.envoys.view == .table)
  }

  @Test func vSwitchesTableAndCharts() {
    var driver = Self.envoys()
    driver.press(.character("v"))
    #expect(driver.state.envoys.view == .charts)
    #expect(Self.text(driver).contains("People by country"))
    driver.press(.character("v"))
    #expect(driver.state.envoys.view == .table)
  }

  @Test func pagesMoveByTheVisibleRows() {
    var driver = Self.envoys()
    let rows = EnvoysScreen.tableRows(driver.state)
    #expect(rows == 11)
    driver.press(.pageDown)
    #expect(driver.state.envoys.table.selected == rows)
    driver.press(.character("G"))
    #expect(driver.state.envoys.table.selected == 45)
    #expect(driver.state.envoys.table.offset == 46 - rows)
    // Moving back up moves the cursor within the page, not the rows.
    driver.press(.character("k"))
    #expect(driver.state.envoys.table.offset == 46 - rows)
    driver.press(.character("g"))
    #expect(driver.state.envoys.table.selected == 0)
    #expect(driver.state.envoys.table.offset == 0)
  }

  @Test func selectionStaysOnTheSameActivityAfterAReload() {
    var driver = Self.envoys()
    driver.press(.character("j"), .character("j"))
    let before = driver.state.envoys.selectedActivity(driver.state.data)?.id
    var data = driver.state.data
    var newer = data.activities[0]
    newer.id = "E-9999"
    newer.start = Day("2026-11-01")!
    newer.end = Day("2026-11-02")!
    data.upsert(newer)
    AppReducer.replaceContext(&driver.state, data: data, issues: [])
    #expect(driver.state.envoys.order.count == 47)
    #expect(driver.state.envoys.selectedActivity(driver.state.data)?.id == before)
    #expect(driver.state.envoys.table.selected == 3)
  }

  @Test func countryBreakdownBreaksOnlyBetweenEntries() {
    #expect(EnvoysActivity.pack(["Kazakhstan 4", "Malaysia 4", "Pakistan 4"], width: 25) == ["Kazakhstan 4, Malaysia 4,", "Pakistan 4"])
    #expect(EnvoysActivity.pack(["Kazakhstan 4", "Malaysia 4"], width: 12) == ["Kazakhstan 4,", "Malaysia 4"])
    #expect(EnvoysActivity.pack([], width: 10).isEmpty)
  }

  @Test func officialReportsNewestFirstGroupedBySourceAndDay() {
    let envoys = Self.envoys().state.envoys
    #expect(envoys.reports.map { $0.asOf.description } == ["2023-10-20", "2022-10-21"])
    #expect(envoys.reports.map(\.source.dataset) == ["china-youth-daily", "people-cn"])
    #expect(envoys.metrics == ["participants", "countries"])
    #expect(envoys.reports[1].figures["participants"].map(EnvoysTotals.officialText) == "about 3,000")
    #expect(envoys.years.first?.year == 2012)
    #expect(envoys.years.count == 15)
    #expect(envoys.years.map(\.activities).reduce(0, +) == 46)
    #expect(envoys.participantsByCountry == 1_185)
    #expect(envoys.illustrativeActivities == 43)
  }
}
