import GreenSilkCore
import Testing

@testable import GreenSilkUI

/// The project detail (4): snapshots at 80x24 and 160x48, and its keys.
@Suite("Project detail screen")
struct ProjectDetailScreenTests {
  /// The detail of `id`, opened from the pipeline table.
  static func detail(_ id: String, width: Int = 80, height: Int = 24, ascii: Bool = false) -> AppDriver {
    var driver = ScreenFixture.driver(
      width: width, height: height, settings: DisplaySettings(glyphs: ascii ? .ascii : .unicode))
    driver.press(.character("3"), .character("v"), .character("/"))
    driver.type(id)
    driver.press(.enter, .enter)
    #expect(driver.state.screen == .detail)
    #expect(driver.state.detail.projectID == id)
    return driver
  }

  static let sizes = [(80, 24), (160, 48)]

  // MARK: - Snapshots

  /// KP-01: a key project with partners, milestones and two indicators.
  @Test func top() {
    for (width, height) in Self.sizes {
      assertScreenSnapshots(Self.detail("KP-01", width: width, height: height), named: "detail-top-\(width)x\(height)")
    }
  }

  @Test func scrolled() {
    for (width, height) in Self.sizes {
      var driver = Self.detail("KP-01", width: width, height: height)
      driver.press(.pageDown)
      assertScreenSnapshots(driver, named: "detail-page2-\(width)x\(height)")
      driver.press(.character("G"))
      assertScreenSnapshots(driver, named: "detail-bottom-\(width)x\(height)")
    }
  }

  /// P-0054: a red light (one dimension significant and irreversible).
  @Test func redLight() {
    var driver = Self.detail("P-0054")
    driver.press(.pageDown)
    assertScreenSnapshots(driver, named: "detail-red-80x24")
  }

  /// P-0009: a concept, not screened yet (no light).
  @Test func notScreened() {
    assertScreenSnapshots(Self.detail("P-0009", width: 160, height: 48), named: "detail-unscreened-160x48")
  }

  @Test func ascii() {
    assertScreenSnapshots(Self.detail("P-0003", ascii: true), named: "detail-ascii-80x24")
  }

  @Test func noProjectChosen() {
    for (width, height) in Self.sizes {
      var driver = ScreenFixture.driver(width: width, height: height)
      driver.press(.character("4"))
      #expect(driver.state.screen == .detail)
      #expect(driver.state.detail.projectID == nil)
      assertScreenSnapshots(driver, named: "detail-none-\(width)x\(height)")
    }
  }

  /// An imported project: the source row is summarised, not listed.
  @Test func importedSource() {
    var data = ScreenFixture.shipped.dataSet
    guard var project = data.project(id: "P-0014") else {
      Issue.record("P-0014 is missing from the shipped data")
      return
    }
    let columns = (1...126).map { ("Column \($0)", "value \($0)") }
    project.imported = ImportedRecord(
      dataset: "aiddata-gcdf-3.0", importedAt: Timestamp("2026-11-02T08:15:00Z"), columns: columns)
    project.extras = [RawField(key: "carbon_intensity", json: "12.5")]
    data.upsert(project)
    var driver = AppDriver(
      data: data, size: Size(width: 80, height: 24), clock: ScreenFixture.clock)
    driver.press(.character("3"), .character("v"), .character("/"))
    driver.type("P-0014")
    driver.press(.enter, .enter, .character("G"))
    #expect(driver.state.detail.projectID == "P-0014")
    let text = driver.render().lines.joined(separator: "\n")
    #expect(text.contains("126 original"))
    #expect(!text.contains("Column 7"))
    assertScreenSnapshots(driver, named: "detail-imported-80x24")
  }
}
