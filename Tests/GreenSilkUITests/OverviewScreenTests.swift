import GreenSilkCore
import Testing

@testable import GreenSilkUI

/// The Overview screen (1): snapshots at the sizes people use, the
/// layout's rules, and that the figures shown are the portfolio's.
@Suite("Overview screen")
struct OverviewScreenTests {
  static func overview(width: Int = 80, height: Int = 24, ascii: Bool = false) -> AppDriver {
    var driver = ScreenFixture.driver(
      width: width, height: height, settings: DisplaySettings(glyphs: ascii ? .ascii : .unicode))
    driver.press(.character("1"))
    return driver
  }

  static func text(_ driver: AppDriver) -> String {
    driver.render().lines.joined(separator: "\n")
  }

  // MARK: - Snapshots

  @Test func at80x24() {
    assertScreenSnapshots(Self.overview(), named: "overview-80x24")
  }

  @Test func asciiAt80x24() {
    assertScreenSnapshots(Self.overview(ascii: true), named: "overview-ascii-80x24")
  }

  @Test func at120x40() {
    assertScreenSnapshots(Self.overview(width: 120, height: 40), named: "overview-120x40")
  }

  @Test func at160x48() {
    assertScreenSnapshots(Self.overview(width: 160, height: 48), named: "overview-160x48")
  }

  /// The smallest window the dashboard draws in: everything squeezed,
  /// nothing drawn outside its panel.
  @Test func atTheMinimumSize() {
    assertScreenSnapshots(Self.overview(width: 60, height: 16), named: "overview-60x16")
  }

  /// An empty data set: zeros, no gauges that pretend, nothing overdue.
  @Test func emptyDataSet() {
    let data = DataSet(meta: DataSetMeta(label: .synthetic, title: "Empty"))
    let driver = AppDriver(data: data, clock: ScreenFixture.clock)
    assertScreenSnapshots(driver, named: "overview-empty-80x24")
  }

  // MARK: - Content

  /// All six items are on the 80x24 screen.
  @Test func showsEverythingAt80x24() {
    let text = Self.text(Self.overview())
    for part in [
      "Projects by stage", "Traffic light", "Not screened", "Key projects", "Envoys 2026",
      "Indicators toward the goals", "2025", "2030", "Overdue milestones", "P-0042",
    ] {
      #expect(text.contains(part), "missing \(part)")
    }
  }

  @Test func figuresComeFromThePortfolio() {
    let driver = Self.overview()
    let portfolio = driver.state.context.portfolio
    let text = Self.text(driver)
    #expect(text.contains("\(portfolio.projectCount) projects"))
    #expect(text.contains("\(portfolio.keyProjectsTracked)/25 · \(portfolio.keyProjectsOnTrack) on track"))
    #expect(text.contains("Overdue milestones ") && text.contains(" \(portfolio.overdue.count) "))
    let y2025 = portfolio.indicators[0]
    #expect(text.contains("\(y2025.measured) of \(y2025.indicators.count) measured · \(y2025.reached) at target"))
  }

  /// The goal counts are stored once per data change and agree with the
  /// indicators they summarise.
  @Test func goalProgressCounts() {
    for goal in Self.overview().state.context.portfolio.indicators {
      let progress = goal.indicators.compactMap(\.indicator.progress)
      #expect(goal.measured == progress.count)
      #expect(goal.reached == progress.filter { $0 >= 1 }.count)
      if progress.isEmpty {
        #expect(goal.meanProgress == nil)
      } else {
        let mean = progress.map { min(max($0, 0), 1) }.reduce(0, +) / Double(progress.count)
        #expect(abs((goal.meanProgress ?? -1) - mean) < 1e-9)
      }
    }
  }

  @Test func tallWindowsAddTheBudgetAndTheDataSet() {
    let body = Rect(x: 0, y: 1, width: 160, height: 45)
    let areas = OverviewScreen.layout(body)
    #expect(areas.budget != nil)
    #expect(areas.dataSet != nil)
    let compact = OverviewScreen.layout(Rect(x: 0, y: 1, width: 80, height: 21))
    #expect(compact.budget == nil && compact.dataSet == nil)
    let text = Self.text(Self.overview(width: 160, height: 48))
    for part in ["Budget by instrument", "Green finance", "Green share", "Data set", "no load issues", "ILLUSTRATIVE"] {
      #expect(text.contains(part), "missing \(part)")
    }
  }

  /// Panels tile the body: none overlaps another or leaves the body.
  @Test(arguments: [(60, 13), (80, 21), (100, 30), (120, 37), (160, 45), (200, 60)])
  func panelsTileTheBody(width: Int, height: Int) {
    let body = Rect(x: 0, y: 1, width: width, height: height)
    let a = OverviewScreen.layout(body)
    let rects = [a.stages, a.lights, a.envoys, a.keyProjects, a.indicators, a.overdue] + [a.budget, a.dataSet].compactMap { $0 }
    for (i, rect) in rects.enumerated() {
      #expect(rect.intersection(body) == rect)
      for other in rects[(i + 1)...] { #expect(rect.intersection(other).isEmpty) }
    }
    #expect(rects.reduce(0) { $0 + $1.width * $1.height } == width * height)
  }
}
