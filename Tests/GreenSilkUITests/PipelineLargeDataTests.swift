import GreenSilkCore
import Testing

@testable import GreenSilkUI

/// The pipeline with 20,000 synthetic projects (the size the dashboard
/// must stay smooth at): the screens render and the filter, facets and
/// sort give the right answers. Speed is measured by the benchmarks, not
/// here.
@Suite("Pipeline with 20,000 projects")
struct PipelineLargeDataTests {
  static let data: DataSet = {
    let shipped = ScreenFixture.shipped.dataSet
    return SyntheticGenerator(projects: 20_000, activities: 0, seed: 7, today: ScreenFixture.clock.day).dataSet(
      countries: shipped.countries, corridors: shipped.corridors, memberships: shipped.memberships,
      areas: shipped.areas)
  }()

  static func pipeline(width: Int = 80, height: Int = 24) -> AppDriver {
    var driver = AppDriver(data: data, size: Size(width: width, height: height), clock: ScreenFixture.clock)
    driver.press(.character("3"))
    return driver
  }

  @Test func tableRendersOnlyWhatFits() {
    var driver = Self.pipeline()
    driver.press(.character("v"), .character("G"))
    let lines = driver.render().lines
    #expect(lines[1].contains("20000/20000"))
    #expect(lines.contains { $0.contains("S-020000") })
    #expect(!lines.contains { $0.contains("S-000001") })
    // The header and the last page: 18 rows of projects.
    #expect(lines.filter { $0.contains("S-0") }.count == 18)
  }

  @Test func kanbanRenders() {
    let driver = Self.pipeline(width: 160, height: 48)
    let lines = driver.render().lines
    let total = driver.state.pipeline.columns.map(\.count).reduce(0, +)
    #expect(total == 20_000)
    for stage in [Stage.concept, .closed, .suspended] {
      let count = Presentation.count(driver.state.pipeline.columns[stage.index].count)
      #expect(lines[1].contains("\(stage.label) \(count)"))
    }
    #expect(lines.contains { $0.contains("S-000001") })
  }

  @Test func filterFacetsAndSortStayCorrect() {
    var driver = Self.pipeline()
    let projects = driver.state.data.projects
    driver.press(.character("v"), .character("/"))
    var typed = ""
    for character in "gwadar solar" {
      driver.type(String(character))
      typed.append(character)
      let fresh = driver.state.context.search.filter(typed, candidates: driver.state.pipeline.faceted)
      #expect(driver.state.pipeline.visible == fresh)
    }
    let found = driver.state.pipeline.visible
    #expect(!found.isEmpty && found.count < projects.count)
    // Every solar park in Gwadar is among them.
    let parks = projects.indices.filter {
      let title = projects[$0].title.lowercased()
      return title.contains("gwadar") && title.contains("solar")
    }
    #expect(!parks.isEmpty)
    #expect(Set(parks.map { Int32($0) }).isSubset(of: Set(found)))
    driver.press(.enter)
    // A facet on top of the filter, then a sort: the same set, reordered.
    driver.press(.character("l"))
    let green = driver.state.pipeline.visible
    #expect(green.allSatisfy { projects[Int($0)].light == .green })
    driver.press(.character("s"), .character("s"), .character("s"), .character("s"))
    #expect(driver.state.pipeline.sortKey == .area)
    #expect(Set(driver.state.pipeline.visible) == Set(green))
    // The area column (and its sort arrow) shows in a wider terminal.
    driver.resize(160, 48)
    let lines = driver.render().lines
    #expect(lines[1].contains("Facets"))
    #expect(lines[3].contains("Area ▲"))
    #expect(lines.contains { $0.contains("Gwadar") })
  }
}
