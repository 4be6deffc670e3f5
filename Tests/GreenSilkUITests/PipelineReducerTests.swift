import GreenSilkCore
import Testing

@testable import GreenSilkUI

/// The pipeline's keys, asserted on the state: navigation, filter, sort,
/// facets, view switching, opening a project and coming back.
@Suite("Pipeline keys")
struct PipelineReducerTests {
  static func pipeline(width: Int = 80, height: Int = 24) -> AppDriver {
    var driver = ScreenFixture.driver(width: width, height: height)
    driver.press(.character("3"))
    return driver
  }

  static func ids(_ driver: AppDriver, _ indexes: [Int32]) -> [String] {
    indexes.map { driver.state.data.projects[Int($0)].id }
  }

  static func selectedID(_ driver: AppDriver) -> String? {
    driver.state.pipeline.selectedProject(driver.state.context)?.id
  }

  // MARK: - Navigation

  @Test func kanbanMovesWithinAndAcrossColumns() {
    var driver = Self.pipeline()
    let columns = driver.state.pipeline.columns
    #expect(driver.state.pipeline.mode == .kanban)
    #expect(driver.state.pipeline.kanbanColumn == Stage.implementation.index)
    #expect(Self.selectedID(driver) == Self.ids(driver, columns[3]).first)
    driver.press(.down, .character("j"))
    #expect(Self.selectedID(driver) == Self.ids(driver, columns[3])[2])
    driver.press(.character("k"))
    #expect(Self.selectedID(driver) == Self.ids(driver, columns[3])[1])
    driver.press(.right)
    #expect(driver.state.pipeline.kanbanColumn == Stage.finalisation.index)
    #expect(Self.selectedID(driver) == Self.ids(driver, columns[4]).first)
    driver.press(.character("G"))
    #expect(Self.selectedID(driver) == Self.ids(driver, columns[4]).last)
    // Coming back finds the cursor where it was.
    driver.press(.left)
    #expect(Self.selectedID(driver) == Self.ids(driver, columns[3])[1])
    // The ends stop the focus.
    for _ in 0..<10 { driver.press(.left) }
    #expect(driver.state.pipeline.kanbanColumn == 0)
    for _ in 0..<10 { driver.press(.right) }
    #expect(driver.state.pipeline.kanbanColumn == Stage.allCases.count - 1)
  }

  /// Four columns fit in 80: focusing a column off screen scrolls the
  /// kanban just enough to show it.
  @Test func kanbanScrollsToTheFocusedColumn() {
    var driver = Self.pipeline()
    let shown = { (d: AppDriver) in PipelineLayout(d.state.pipeline, in: AppView.body(for: d.state.size)).shownColumns }
    #expect(shown(driver) == 0..<4)
    driver.press(.right)
    #expect(shown(driver) == 1..<5)
    driver.press(.right, .right, .right)
    #expect(shown(driver) == 4..<8)
    driver.press(.left, .left, .left)
    #expect(driver.state.pipeline.kanbanColumn == 4)
    #expect(shown(driver) == 4..<8)
    driver.press(.left)
    #expect(shown(driver) == 3..<7)
    // All eight fit in 160 columns.
    driver.resize(160, 48)
    #expect(shown(driver) == 0..<8)
  }

  @Test func tableMovesPagesAndScrollsLikeAList() {
    var driver = Self.pipeline()
    driver.press(.character("v"))
    #expect(driver.state.pipeline.mode == .table)
    let rows = PipelineLayout(driver.state.pipeline, in: AppView.body(for: driver.state.size)).tableRows
    #expect(rows == 18)
    driver.press(.home)
    for _ in 0..<30 { driver.press(.down) }
    #expect(driver.state.pipeline.table.selected == 30)
    #expect(driver.state.pipeline.table.offset == 30 - rows + 1)
    // Moving back up moves the cursor, not the page.
    driver.press(.up)
    #expect(driver.state.pipeline.table.selected == 29)
    #expect(driver.state.pipeline.table.offset == 30 - rows + 1)
    driver.press(.pageDown)
    #expect(driver.state.pipeline.table.selected == 29 + rows)
    driver.press(.character("G"))
    #expect(driver.state.pipeline.table.selected == driver.state.data.projects.count - 1)
    driver.press(.character("g"))
    #expect(driver.state.pipeline.table.selected == 0)
    #expect(driver.state.pipeline.table.offset == 0)
  }

  // MARK: - Filter

  @Test func typingFiltersAndEscClears() {
    var driver = Self.pipeline()
    let all = driver.state.data.projects.count
    driver.press(.character("/"))
    #expect(driver.state.pipeline.isEditingQuery)
    driver.type("kp-2")
    #expect(driver.state.pipeline.query == "kp-2")
    // As written (with its hyphen) it finds KP-20 to KP-25; KP-02 does
    // not hold "kp-2", and letters may not be scattered across words.
    let narrow = Self.ids(driver, driver.state.pipeline.visible)
    #expect(narrow.contains("KP-20") && narrow.contains("KP-25"))
    #expect(!narrow.contains("KP-02") && !narrow.contains("KP-10"))
    // Keys that mean something elsewhere are typed while editing.
    driver.type(" vs")
    #expect(driver.state.pipeline.query == "kp-2 vs")
    #expect(driver.state.pipeline.mode == .kanban)
    driver.press(.backspace, .backspace, .backspace)
    #expect(driver.state.pipeline.query == "kp-2")
    #expect(Self.ids(driver, driver.state.pipeline.visible) == narrow)
    driver.press(.ctrl("w"))
    #expect(driver.state.pipeline.query == "")
    driver.type("kp")
    driver.press(.escape)
    #expect(driver.state.pipeline.query == "")
    #expect(!driver.state.pipeline.isEditingQuery)
    #expect(driver.state.pipeline.visible.count == all)
  }

  @Test func enterKeepsTheFilterAndXClearsIt() {
    var driver = Self.pipeline()
    driver.press(.character("/"))
    driver.type("gwadar")
    driver.press(.enter)
    #expect(!driver.state.pipeline.isEditingQuery)
    #expect(driver.state.pipeline.query == "gwadar")
    #expect(Self.ids(driver, driver.state.pipeline.visible).contains("P-0001"))
    // Backspace on an empty query leaves editing.
    driver.press(.character("/"), .ctrl("u"), .backspace)
    #expect(!driver.state.pipeline.isEditingQuery)
    driver.press(.character("/"))
    driver.type("gwadar")
    driver.press(.enter, .character("x"))
    #expect(driver.state.pipeline.query == "")
    #expect(driver.state.pipeline.visible.count == driver.state.data.projects.count)
  }

  /// Typing narrows the previous matches instead of rescanning; the
  /// result must be exactly what a fresh filter of the same query gives.
  @Test func incrementalNarrowingMatchesAFreshFilter() {
    for facetKeys in [[], [Key.character("c")], [.character("l"), .character("l")]] {
      var driver = Self.pipeline()
      for key in facetKeys { driver.press(key) }
      driver.press(.character("/"))
      for query in ["solar park", "kp-2", "p 00 pak", "wa tr", "ǅ é"] {
        driver.press(.ctrl("u"))
        var typed = ""
        for character in query {
          driver.type(String(character))
          typed.append(character)
          let pipeline = driver.state.pipeline
          let fresh = driver.state.context.search.filter(typed, candidates: pipeline.faceted)
          #expect(pipeline.visible == fresh, "query \"\(typed)\" with facets \(pipeline.facets.summary)")
        }
        // Backspacing gets each earlier result back (kept, not rescanned);
        // it must still be exactly a fresh filter's.
        while !typed.isEmpty {
          driver.press(.backspace)
          typed.removeLast()
          let pipeline = driver.state.pipeline
          let fresh = typed.isEmpty ? pipeline.faceted : driver.state.context.search.filter(typed, candidates: pipeline.faceted)
          #expect(pipeline.visible == fresh, "backspaced to \"\(typed)\" with facets \(pipeline.facets.summary)")
        }
        // And typing again after backspacing narrows from the right place.
        driver.type("so")
        #expect(driver.state.pipeline.visible == driver.state.context.search.filter("so", candidates: driver.state.pipeline.faceted))
      }
    }
  }

  /// The cursor stays on its project while the project is still shown.
  @Test func filteringKeepsTheSelectedProject() {
    var driver = Self.pipeline()
    driver.press(.character("v"))
    for _ in 0..<5 { driver.press(.down) }
    let selected = Self.selectedID(driver)
    #expect(selected == "KP-06")
    driver.press(.character("/"))
    driver.type("kp")
    #expect(Self.selectedID(driver) == selected)
    driver.type("-2")
    #expect(Self.selectedID(driver) == "KP-20")  // KP-06 is gone: the first row
  }

  // MARK: - Sort

  @Test func sCyclesThroughTheColumnsAndSReverses() {
    var driver = Self.pipeline()
    #expect(driver.state.pipeline.sortKey == .id)
    var seen: [ProjectSortKey] = []
    for _ in PipelineState.sortCycle {
      driver.press(.character("s"))
      seen.append(driver.state.pipeline.sortKey)
      #expect(driver.state.pipeline.ascending)
    }
    #expect(seen == Array(PipelineState.sortCycle.dropFirst()) + [.id])
    driver.press(.character("S"))
    #expect(!driver.state.pipeline.ascending)
    #expect(Self.ids(driver, driver.state.pipeline.sorted).first == driver.state.data.projects.last?.id)
    driver.press(.character("S"))
    #expect(driver.state.pipeline.ascending)
  }

  /// Equal keys keep id order, in both directions.
  @Test func tiesAreBrokenById() {
    var driver = Self.pipeline()
    driver.press(.character("s"), .character("s"))
    #expect(driver.state.pipeline.sortKey == .stage)
    for ascending in [true, false] {
      let projects = driver.state.pipeline.sorted.map { driver.state.data.projects[Int($0)] }
      for (a, b) in zip(projects, projects.dropFirst()) {
        #expect(ascending ? a.stage <= b.stage : a.stage >= b.stage)
        if a.stage == b.stage { #expect(a.id < b.id) }
      }
      driver.press(.character("S"))
    }
  }

  @Test func sortingKeepsTheSelectedProject() {
    var driver = Self.pipeline()
    driver.press(.character("v"), .down, .down, .down)
    let selected = Self.selectedID(driver)
    driver.press(.character("s"), .character("s"), .character("S"))
    #expect(Self.selectedID(driver) == selected)
  }

  // MARK: - Facets

  @Test func facetsCycleAndNarrow() {
    var driver = Self.pipeline()
    let projects = driver.state.data.projects
    driver.press(.character("a"))
    #expect(driver.state.pipeline.facets.area == CooperationArea.allCases.first)
    driver.press(.character("l"), .character("l"), .character("l"))
    #expect(driver.state.pipeline.facets.light == .red)
    driver.press(.character("c"))
    #expect(driver.state.pipeline.facets.corridor == .nelb)
    for index in driver.state.pipeline.visible {
      let project = projects[Int(index)]
      #expect(project.area == .policyCoordination && project.light == .red && project.corridors.contains(.nelb))
    }
    // A whole cycle comes back to "any".
    for _ in CorridorCode.allCases { driver.press(.character("c")) }
    #expect(driver.state.pipeline.facets.corridor == nil)
    driver.press(.character("x"))
    #expect(driver.state.pipeline.facets.isEmpty)
    #expect(driver.state.pipeline.visible.count == projects.count)
  }

  @Test func stageFacetFocusesItsColumn() {
    var driver = Self.pipeline()
    driver.press(.character("t"))
    #expect(driver.state.pipeline.facets.stage == .concept)
    #expect(driver.state.pipeline.kanbanColumn == 0)
    #expect(driver.state.pipeline.visible.allSatisfy { driver.state.data.projects[Int($0)].stage == .concept })
    #expect(Self.selectedID(driver) != nil)
  }

  /// When the facets leave nothing, each one's count on its own is kept
  /// for the explanation.
  @Test func emptyFacetsCountEachFacetAlone() {
    var driver = Self.pipeline()
    for _ in 0..<6 { driver.press(.character("a")) }
    for _ in 0..<3 { driver.press(.character("l")) }
    #expect(driver.state.pipeline.visible.isEmpty)
    let projects = driver.state.data.projects
    #expect(driver.state.pipeline.facetAloneCounts[.area] == projects.filter { $0.area == .capacityBuilding }.count)
    #expect(driver.state.pipeline.facetAloneCounts[.light] == projects.filter { $0.light == .red }.count)
  }

  // MARK: - View, open, back

  @Test func switchingViewKeepsTheSelection() {
    var driver = Self.pipeline()
    driver.press(.right, .down, .down)
    let selected = Self.selectedID(driver)
    driver.press(.character("v"))
    #expect(driver.state.pipeline.mode == .table)
    #expect(Self.selectedID(driver) == selected)
    driver.press(.character("G"))
    let last = Self.selectedID(driver)
    driver.press(.character("v"))
    #expect(driver.state.pipeline.mode == .kanban)
    #expect(Self.selectedID(driver) == last)
    let stage = driver.state.data.project(id: last ?? "")?.stage
    #expect(driver.state.pipeline.kanbanColumn == stage?.index)
  }

  @Test func enterOpensTheDetailAndEscComesBack() {
    var driver = Self.pipeline()
    driver.press(.down, .down)
    let selected = Self.selectedID(driver)
    driver.press(.enter)
    #expect(driver.state.screen == .detail)
    #expect(driver.state.detail.projectID == selected)
    #expect(driver.state.detail.scroll == 0)
    driver.press(.down, .down)
    driver.press(.escape)
    #expect(driver.state.screen == .pipeline)
    #expect(Self.selectedID(driver) == selected)
    // Opening another project starts at its top.
    driver.press(.down, .enter)
    #expect(driver.state.detail.projectID != selected)
    #expect(driver.state.detail.scroll == 0)
  }

  @Test func enterOnAnEmptyColumnDoesNothing() {
    var driver = Self.pipeline()
    driver.press(.character("/"))
    driver.type("zqzq")
    driver.press(.enter, .enter)
    #expect(driver.state.screen == .pipeline)
  }
}
