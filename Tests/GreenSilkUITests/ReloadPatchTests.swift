@testable import GreenSilkCore
import Testing

@testable import GreenSilkUI

/// A reload that changed some projects in place (same ids, same order:
/// another session's saves) patches the search index and the pipeline's
/// lists at those projects (issue 17). Each case compares the result with
/// what deriving everything again gives, field for field.
@Suite struct ReloadPatchTests {
  /// The shipped data with the projects at `positions` changed by `change`.
  static func changed(_ data: DataSet, at positions: [Int], _ change: (inout Project) -> Void) -> DataSet {
    var data = data
    for position in positions {
      var project = data.projects[position]
      change(&project)
      data.upsert(project)
    }
    return data
  }

  /// Sends `data` as a reload and checks the pipeline against the one
  /// `recompute` derives from the state before it.
  static func expectPatchedEqualsRecomputed(_ driver: inout AppDriver, _ data: DataSet) {
    let before = driver.state
    var result = ScreenFixture.shipped
    result.dataSet = data
    driver.send(.dataLoaded(result))
    var reference = before.pipeline
    reference.recompute(driver.state.context, previous: before.context)
    #expect(driver.state.pipeline == reference)
    #expect(driver.state.pipeline.visible == reference.visible)
    #expect(driver.state.pipeline.selectedProject(driver.state.context)?.id
      == reference.selectedProject(driver.state.context)?.id)
  }

  @Test func changedPositionsFindsEditsAndRefusesInsertions() {
    let data = ScreenFixture.shipped.dataSet
    let edited = Self.changed(data, at: [1, 4]) { $0.title += " (edited)" }
    #expect(ProjectSearchIndex.changedPositions(from: data.projects, to: edited.projects) == [1, 4])
    #expect(ProjectSearchIndex.changedPositions(from: data.projects, to: data.projects) == [])
    var grown = data
    grown.upsert(Project(id: "A-0000", title: "Sorts first", stage: .concept))
    #expect(ProjectSearchIndex.changedPositions(from: data.projects, to: grown.projects) == nil)
  }

  @Test func aReplacedSearchIndexEqualsOneBuiltFromScratch() {
    let data = ScreenFixture.shipped.dataSet
    let index = ProjectSearchIndex(data.projects, countryName: data.countryName)
    let last = data.projects.count - 1
    for positions in [[0], [last], [0, 2, last], Array(0...last)] {
      let edited = Self.changed(data, at: positions) { project in
        project.title = "Zzqq renamed \(project.id) with a longer title than before"
        project.leadAgency = nil
      }
      let replaced = index.replacing(positions.map(Int32.init), in: edited.projects, countryName: edited.countryName)
      let fresh = ProjectSearchIndex(edited.projects, countryName: edited.countryName)
      #expect(replaced.bytes == fresh.bytes, "positions \(positions)")
      #expect(replaced.starts == fresh.starts, "positions \(positions)")
      #expect(replaced.filter("zzqq") == positions.map(Int32.init))
    }
  }

  @Test func theFilterFollowsAnEditIntoAndOutOfItsMatches() throws {
    var driver = ScreenFixture.driver(width: 100, height: 30)
    driver.press(.character("3"), .character("v"), .character("/"))
    for character in "zzqq" { driver.press(.character(character)) }
    driver.press(.enter)
    #expect(driver.state.pipeline.visible.isEmpty)
    let data = driver.state.data
    // Two projects start to match, then one stops.
    let into = Self.changed(data, at: [2, 7]) { $0.title = "Zzqq \($0.title)" }
    Self.expectPatchedEqualsRecomputed(&driver, into)
    #expect(driver.state.pipeline.visible == [2, 7])
    let outOf = Self.changed(into, at: [2]) { $0.title = "Plain again" }
    Self.expectPatchedEqualsRecomputed(&driver, outOf)
    #expect(driver.state.pipeline.visible == [7])
  }

  @Test func facetsStagesAndBothSortDirectionsMatchARecompute() throws {
    for keys: [Key] in [
      [.character("3")],  // kanban, no filter
      [.character("3"), .character("v")],  // table
      [.character("3"), .character("v"), .character("S")],  // table, id descending
      [.character("3"), .character("v"), .character("s")],  // sorted by another key: derived again
      [.character("3"), .character("a")],  // an area facet
      [.character("3"), .character("a"), .character("l")],  // two facets
    ] {
      var driver = ScreenFixture.driver(width: 100, height: 30)
      for key in keys { driver.press(key) }
      for _ in 0..<3 { driver.press(.down) }
      let data = driver.state.data
      let count = data.projects.count
      // Stage, area and title changes at the start, middle and end.
      let edited = Self.changed(data, at: [0, count / 2, count - 1]) { project in
        project.stage = project.stage == .concept ? .implementation : .concept
        project.area = project.area == nil ? CooperationArea.allCases.first : nil
        project.title += " edited"
      }
      Self.expectPatchedEqualsRecomputed(&driver, edited)
      // And the selected project itself edited.
      let selected = try #require(driver.state.pipeline.selectedIndex())
      let again = Self.changed(edited, at: [Int(selected)]) { $0.stage = .closed }
      Self.expectPatchedEqualsRecomputed(&driver, again)
    }
  }
}
