import Foundation
import GreenSilkCore
import Testing

@testable import GreenSilkUI

@Suite struct ReloadKeepsSelectionTests {
  /// A reload that shifts indexes (a project inserted before the cursor)
  /// keeps the cursor on the same project, by id.
  @Test func pipelineSelectionSurvivesAnInsertBeforeIt() throws {
    var driver = ScreenFixture.driver(width: 100, height: 30)
    driver.press(.character("3"), .character("v"))
    for _ in 0..<10 { driver.press(.down) }
    let before = try #require(driver.state.pipeline.selectedProject(driver.state.context))
    var data = driver.state.data
    data.upsert(Project(id: "A-0000", title: "Sorts first", stage: .concept))
    var result = ScreenFixture.shipped
    result.dataSet = data
    driver.send(.dataLoaded(result))
    #expect(driver.state.pipeline.selectedProject(driver.state.context)?.id == before.id)
  }
}
