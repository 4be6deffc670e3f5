import GreenSilkCore
import Testing

@testable import GreenSilkUI

/// The Pipeline screen (3): snapshots of every state worth reviewing, at
/// 80x24 and 160x48, in the default theme and in mono.
@Suite("Pipeline screen")
struct PipelineScreenTests {
  static func pipeline(width: Int = 80, height: Int = 24, ascii: Bool = false) -> AppDriver {
    var driver = ScreenFixture.driver(
      width: width, height: height, settings: DisplaySettings(glyphs: ascii ? .ascii : .unicode))
    driver.press(.character("3"))
    return driver
  }

  static let sizes = [(80, 24), (160, 48)]

  @Test func kanban() {
    for (width, height) in Self.sizes {
      var driver = Self.pipeline(width: width, height: height)
      driver.press(.down, .down)
      assertScreenSnapshots(driver, named: "pipeline-kanban-\(width)x\(height)")
    }
  }

  /// Focus moved to the last column: the kanban scrolls right and says
  /// which stages are now off screen on the left.
  @Test func kanbanScrolledRight() {
    var driver = Self.pipeline()
    for _ in 0..<4 { driver.press(.right) }
    assertScreenSnapshots(driver, named: "pipeline-kanban-right-80x24")
  }

  @Test func kanbanASCII() {
    var driver = Self.pipeline(ascii: true)
    driver.press(.left, .left)
    assertScreenSnapshots(driver, named: "pipeline-kanban-ascii-80x24")
  }

  @Test func table() {
    for (width, height) in Self.sizes {
      var driver = Self.pipeline(width: width, height: height)
      driver.press(.character("v"), .down, .down, .down)
      assertScreenSnapshots(driver, named: "pipeline-table-\(width)x\(height)")
    }
  }

  /// Sorted by stage, descending: the arrow sits on the stage column.
  @Test func tableSorted() {
    var driver = Self.pipeline()
    driver.press(.character("v"), .character("s"), .character("s"), .character("S"))
    assertScreenSnapshots(driver, named: "pipeline-table-sorted-80x24")
  }

  @Test func filteredWithHighlights() {
    for (width, height) in Self.sizes {
      var driver = Self.pipeline(width: width, height: height)
      driver.press(.character("v"), .character("/"))
      driver.type("solar")
      assertScreenSnapshots(driver, named: "pipeline-filtered-table-\(width)x\(height)")
      driver.press(.enter, .character("v"))
      assertScreenSnapshots(driver, named: "pipeline-filtered-kanban-\(width)x\(height)")
    }
  }

  @Test func facets() {
    for (width, height) in Self.sizes {
      var driver = Self.pipeline(width: width, height: height)
      // area: policy coordination; light: green.
      driver.press(.character("a"), .character("l"))
      assertScreenSnapshots(driver, named: "pipeline-facets-kanban-\(width)x\(height)")
      driver.press(.character("v"))
      assertScreenSnapshots(driver, named: "pipeline-facets-table-\(width)x\(height)")
    }
  }

  @Test func emptyResult() {
    for (width, height) in Self.sizes {
      var driver = Self.pipeline(width: width, height: height)
      driver.press(.character("/"))
      driver.type("zqzq")
      assertScreenSnapshots(driver, named: "pipeline-empty-filter-\(width)x\(height)")
    }
    // Facets alone leave nothing: a red light among capacity-building projects.
    var driver = Self.pipeline()
    for _ in 0..<6 { driver.press(.character("a")) }
    for _ in 0..<3 { driver.press(.character("l")) }
    #expect(driver.state.pipeline.facets.area == .capacityBuilding)
    #expect(driver.state.pipeline.facets.light == .red)
    assertScreenSnapshots(driver, named: "pipeline-empty-facets-80x24")
  }
}
