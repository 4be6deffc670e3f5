import GreenSilkCore
import Testing

@testable import GreenSilkUI

/// The project detail's keys: scrolling clamped to the content, back to
/// where the project was opened, and screen 4 without a project.
@Suite("Project detail keys")
struct ProjectDetailReducerTests {
  static func maxScroll(_ driver: AppDriver) -> Int {
    AppReducer.detailLayout(driver.state)?.maxScroll ?? -1
  }

  @Test func scrollIsClampedToTheContent() {
    var driver = ProjectDetailScreenTests.detail("KP-01")
    let bottom = Self.maxScroll(driver)
    #expect(bottom > 20)
    driver.press(.up)
    #expect(driver.state.detail.scroll == 0)
    driver.press(.down, .character("j"))
    #expect(driver.state.detail.scroll == 2)
    driver.press(.character("k"))
    #expect(driver.state.detail.scroll == 1)
    driver.press(.pageDown)
    let page = driver.state.detail.scroll - 1
    #expect(page > 10)
    driver.press(.character("G"))
    #expect(driver.state.detail.scroll == bottom)
    for _ in 0..<5 { driver.press(.down) }
    driver.press(.pageDown)
    #expect(driver.state.detail.scroll == bottom)
    // One press up moves at once (no scrolling "past the end" to undo).
    driver.press(.up)
    #expect(driver.state.detail.scroll == bottom - 1)
    driver.press(.character("g"))
    #expect(driver.state.detail.scroll == 0)
  }

  /// A taller terminal shows more, so there is less to scroll; the two
  /// columns of a wide one need less still.
  @Test func scrollDependsOnTheSize() {
    let small = Self.maxScroll(ProjectDetailScreenTests.detail("KP-01", width: 80, height: 24))
    let tall = Self.maxScroll(ProjectDetailScreenTests.detail("KP-01", width: 80, height: 48))
    let wide = Self.maxScroll(ProjectDetailScreenTests.detail("KP-01", width: 160, height: 48))
    #expect(small > tall && tall > wide)
  }

  /// After a resize the stored scroll may be past the end: drawing clamps
  /// it, and the next key starts from the clamped value.
  @Test func resizeNeverShowsAnEmptyPage() {
    var driver = ProjectDetailScreenTests.detail("KP-01")
    driver.press(.character("G"))
    driver.resize(160, 48)
    let lines = driver.render().lines
    #expect(lines.contains { $0.contains("Identity") || $0.contains("Last change") })
    driver.press(.up)
    #expect(driver.state.detail.scroll == max(0, Self.maxScroll(driver) - 1))
  }

  @Test func escReturnsWhereTheProjectWasOpened() {
    var driver = ProjectDetailScreenTests.detail("P-0014")
    driver.press(.escape)
    #expect(driver.state.screen == .pipeline)
    #expect(driver.state.pipeline.mode == .table)
    #expect(driver.state.pipeline.selectedProject(driver.state.context)?.id == "P-0014")
    // Screen 4 again shows the same project; Backspace also goes back.
    driver.press(.character("4"))
    #expect(driver.state.detail.projectID == "P-0014")
    driver.press(.backspace)
    #expect(driver.state.screen == .pipeline)
  }

  @Test func screenFourWithoutAProjectExplainsHowToPickOne() {
    var driver = ScreenFixture.driver()
    driver.press(.character("4"))
    #expect(driver.state.detail.projectID == nil)
    driver.press(.down, .pageDown, .character("G"))
    #expect(driver.state.detail.scroll == 0)
    let text = driver.render().lines.joined(separator: "\n")
    #expect(text.contains("No project chosen yet"))
    #expect(text.contains("Pipeline"))
    driver.press(.escape)
    #expect(driver.state.screen == .overview)
  }

  @Test func aProjectThatLeftTheDataIsExplained() {
    var driver = ProjectDetailScreenTests.detail("KP-03")
    var data = driver.state.data
    data.removeProject(id: "KP-03")
    var reloaded = ScreenFixture.shipped
    reloaded.dataSet = data
    driver.send(.dataLoaded(reloaded))
    let text = driver.render().lines.joined(separator: "\n")
    #expect(text.contains("KP-03 is no longer in the data"))
    driver.press(.down)
    #expect(driver.state.detail.scroll == 0)
  }
}
