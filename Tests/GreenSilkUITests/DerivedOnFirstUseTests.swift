@testable import GreenSilkCore
import Testing

@testable import GreenSilkUI

/// What only some screens show is derived when a screen needs it, not on
/// every reload (issue 17: 30 dashboards following one editor), and is
/// then the same as deriving it at once.
@Suite struct DerivedOnFirstUseTests {
  /// The shipped data with one project moved to another corridor and an
  /// envoy activity's participants changed: both lists must notice.
  static func reloaded(_ data: DataSet) -> LoadResult {
    var data = data
    var project = data.projects[0]
    project.title += " (moved)"
    project.corridors = project.corridors == [.cpec] ? [.bcimec] : [.cpec]
    data.upsert(project)
    if var activity = data.activities.first {
      activity.title += " (edited)"
      data.upsert(activity)
    }
    var result = ScreenFixture.shipped
    result.dataSet = data
    return result
  }

  @Test func aReloadOnAnotherScreenDerivesTheCorridorsAndEnvoysWhenTheyAreShown() {
    var driver = ScreenFixture.driver(width: 100, height: 30)
    driver.press(.character("2"), .character("5"), .character("3"))  // corridors, envoys, then the pipeline
    driver.send(.dataLoaded(Self.reloaded(driver.state.data)))
    #expect(driver.state.corridorsOutdated && driver.state.envoysOutdated)

    var corridors = driver.state.corridors
    corridors.recompute(driver.state.context)
    var envoys = driver.state.envoys
    envoys.recompute(driver.state.context)
    driver.press(.character("2"))
    #expect(!driver.state.corridorsOutdated)
    #expect(driver.state.corridors == corridors)
    driver.press(.character("5"))
    #expect(!driver.state.envoysOutdated)
    #expect(driver.state.envoys == envoys)
  }

  @Test func aReloadOnTheScreenItselfDerivesAtOnce() {
    var driver = ScreenFixture.driver(width: 100, height: 30)
    driver.press(.character("2"))
    driver.send(.dataLoaded(Self.reloaded(driver.state.data)))
    #expect(!driver.state.corridorsOutdated)
    var corridors = driver.state.corridors
    corridors.recompute(driver.state.context)
    #expect(driver.state.corridors == corridors)
  }

  @Test func theDetailScreenFollowsReloadsWithoutThePortfolio() {
    var driver = ScreenFixture.driver(width: 100, height: 30)
    driver.press(.character("3"), .enter)
    #expect(driver.state.screen == .detail)
    driver.send(.dataLoaded(Self.reloaded(driver.state.data)))
    _ = driver.render()
    #expect(!driver.state.context.portfolioIsDerived)
    driver.press(.character("1"))
    _ = driver.render()
    #expect(driver.state.context.portfolioIsDerived)
  }

  @Test func thePipelineLegendAgreesWithThePortfolio() {
    let data = ScreenFixture.shipped.dataSet
    let context = DataContext(data: data, today: Day(year: 2026, month: 11, day: 20)!)
    let scanned = context.legend
    let portfolio = context.portfolio
    #expect(scanned == LegendMarks(notInTotals: portfolio.notInTotalsCount > 0, estimated: portfolio.estimateCount > 0))
    var none = data
    for var project in none.projects {
      project.notInTotals = nil
      project.dates = ProjectDates()
      project.budget = nil
      none.upsert(project)
    }
    #expect(DataContext(data: none, today: context.today).legend == LegendMarks(notInTotals: false, estimated: false))
  }

  /// The box behind `Project`: a copy is its own value.
  @Test func aCopiedProjectChangesAlone() {
    let original = ScreenFixture.shipped.dataSet.projects[0]
    var copy = original
    copy.milestones.append(Milestone(title: "added", due: Day(year: 2030, month: 1, day: 1)!))
    copy.title = "changed"
    #expect(original != copy)
    #expect(original.title != "changed")
    #expect(copy.milestones.count == original.milestones.count + 1)
    var same = copy
    same.title = "changed"  // an equal value in a box of its own
    #expect(same == copy && same.hashValue == copy.hashValue)
  }
}
