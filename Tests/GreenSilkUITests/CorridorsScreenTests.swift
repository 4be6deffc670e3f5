import GreenSilkCore
import Testing

@testable import GreenSilkUI

/// The Corridors screen (2): snapshots of its states, and its keys — the
/// list, entering the table, opening a project and coming back.
@Suite("Corridors screen")
struct CorridorsScreenTests {
  static func corridors(width: Int = 80, height: Int = 24, ascii: Bool = false) -> AppDriver {
    var driver = ScreenFixture.driver(
      width: width, height: height, settings: DisplaySettings(glyphs: ascii ? .ascii : .unicode))
    driver.press(.character("2"))
    return driver
  }

  static func text(_ driver: AppDriver) -> String {
    driver.render().lines.joined(separator: "\n")
  }

  // MARK: - Snapshots

  @Test func listAt80x24() {
    assertScreenSnapshots(Self.corridors(), named: "corridors-list-80x24")
  }

  /// CICPEC, the corridor with the most projects, with the table focused
  /// and the cursor a few rows down.
  @Test func tableFocusedAt80x24() {
    var driver = Self.corridors()
    driver.press(.character("j"), .character("j"), .character("j"), .enter, .character("j"), .character("j"))
    assertScreenSnapshots(driver, named: "corridors-table-80x24")
  }

  /// Scrolled to the end of the table.
  @Test func tableAtTheEndAt80x24() {
    var driver = Self.corridors()
    driver.press(.character("j"), .character("j"), .character("j"), .enter, .character("G"))
    assertScreenSnapshots(driver, named: "corridors-table-end-80x24")
  }

  @Test func asciiAt80x24() {
    var driver = Self.corridors(ascii: true)
    driver.press(.character("G"), .enter)
    assertScreenSnapshots(driver, named: "corridors-ascii-80x24")
  }

  @Test func at120x40() {
    var driver = Self.corridors(width: 120, height: 40)
    driver.press(.character("j"))
    assertScreenSnapshots(driver, named: "corridors-120x40")
  }

  @Test func tableFocusedAt160x48() {
    var driver = Self.corridors(width: 160, height: 48)
    driver.press(.character("j"), .character("j"), .character("j"), .enter, .pageDown)
    assertScreenSnapshots(driver, named: "corridors-table-160x48")
  }

  @Test func atTheMinimumSize() {
    assertScreenSnapshots(Self.corridors(width: 60, height: 16), named: "corridors-60x16")
  }

  /// A data set with no projects and no sourced membership.
  @Test func emptyDataSet() {
    var driver = AppDriver(data: DataSet(meta: DataSetMeta(label: .synthetic, title: "Empty")), clock: ScreenFixture.clock)
    driver.press(.character("2"), .enter)
    #expect(driver.state.corridors.focus == .list)
    assertScreenSnapshots(driver, named: "corridors-empty-80x24")
  }

  // MARK: - Keys

  @Test func listMovesAndStopsAtTheEnds() {
    var driver = Self.corridors()
    #expect(driver.state.corridors.corridor == .nelb)
    driver.press(.up)
    #expect(driver.state.corridors.selected == 0)
    driver.press(.down, .character("j"))
    #expect(driver.state.corridors.corridor == .ccwaec)
    driver.press(.character("G"))
    #expect(driver.state.corridors.corridor == .bcimec)
    driver.press(.down)
    #expect(driver.state.corridors.corridor == .bcimec)
    driver.press(.character("g"))
    #expect(driver.state.corridors.corridor == .nelb)
    driver.press(.pageDown)
    #expect(driver.state.corridors.corridor == .bcimec)
    driver.press(.pageUp)
    #expect(driver.state.corridors.corridor == .nelb)
  }

  /// The table lists exactly the corridor's projects, in id order, and
  /// changes with the selection.
  @Test func tableFollowsTheSelectedCorridor() {
    var driver = Self.corridors()
    for code in CorridorCode.allCases {
      let data = driver.state.data
      let expected = data.projects.filter { $0.corridors.contains(code) }.map(\.id)
      #expect(driver.state.corridors.corridor == code)
      #expect(driver.state.corridors.projects.map { data.projects[Int($0)].id } == expected)
      let summary = driver.state.context.portfolio.corridors[code.index]
      #expect(summary.projectCount == expected.count)
      driver.press(.down)
    }
  }

  @Test func enterEntersTheTableAndOpensAProject() {
    var driver = Self.corridors()
    driver.press(.character("j"), .character("j"), .character("j"))
    #expect(driver.state.corridors.selectedProject(driver.state.context) == nil)
    driver.press(.enter)
    #expect(driver.state.corridors.focus == .table)
    #expect(driver.state.screen == .corridors)
    driver.press(.down, .down)
    // Moving in the table keeps the corridor.
    #expect(driver.state.corridors.corridor == .cicpec)
    let expected = driver.state.data.projects[Int(driver.state.corridors.projects[2])].id
    #expect(driver.state.corridors.selectedProject(driver.state.context)?.id == expected)
    driver.press(.enter)
    #expect(driver.state.screen == .detail)
    #expect(driver.state.detail.projectID == expected)
    // Esc in the detail comes back to the table, cursor where it was.
    driver.press(.escape)
    #expect(driver.state.screen == .corridors)
    #expect(driver.state.corridors.focus == .table)
    #expect(driver.state.corridors.table.selected == 2)
    driver.press(.escape)
    #expect(driver.state.corridors.focus == .list)
    #expect(driver.state.corridors.corridor == .cicpec)
    // Esc on the list does nothing more.
    driver.press(.escape)
    #expect(driver.state.screen == .corridors)
    #expect(driver.state.corridors.focus == .list)
  }

  @Test func arrowsAndVimKeysEnterAndLeave() {
    var driver = Self.corridors()
    driver.press(.right)
    #expect(driver.state.corridors.focus == .table)
    driver.press(.left)
    #expect(driver.state.corridors.focus == .list)
    driver.press(.character("l"))
    #expect(driver.state.corridors.focus == .table)
    driver.press(.character("h"))
    #expect(driver.state.corridors.focus == .list)
  }

  /// A new corridor's table starts at its first project.
  @Test func anotherCorridorStartsAtTheTop() {
    var driver = Self.corridors()
    driver.press(.enter, .character("G"), .escape, .down)
    #expect(driver.state.corridors.table.selected == 0)
    #expect(driver.state.corridors.table.offset == 0)
  }

  /// Paging moves by the rows the table shows, and the scroll offset
  /// follows the cursor as little as it must.
  @Test func pagingMovesByAScreenOfRows() {
    var driver = Self.corridors()
    driver.press(.character("j"), .character("j"), .character("j"), .enter)
    let rows = CorridorsScreen.tableRows(in: driver.state.size)
    #expect(rows == 6)
    driver.press(.pageDown)
    #expect(driver.state.corridors.table.selected == rows)
    #expect(driver.state.corridors.table.offset == 1)
    driver.press(.up)
    #expect(driver.state.corridors.table.offset == 1)
    driver.press(.character("G"))
    let count = driver.state.corridors.projects.count
    #expect(driver.state.corridors.table.selected == count - 1)
    #expect(driver.state.corridors.table.offset == count - rows)
  }

  /// Reloaded data keeps the cursor on the same project, found by id.
  @Test func reloadKeepsTheProjectUnderTheCursor() {
    var driver = Self.corridors()
    driver.press(.character("j"), .character("j"), .character("j"), .enter)
    for _ in 0..<5 { driver.press(.down) }
    let before = driver.state.corridors.selectedProject(driver.state.context)
    var data = driver.state.data
    // A new project that sorts before the selected one shifts every index.
    var added = data.projects[0]
    added.id = "AAA-0001"
    added.corridors = [.cicpec]
    data.upsert(added)
    var result = ScreenFixture.shipped
    result.dataSet = data
    driver.send(.dataLoaded(result))
    #expect(driver.state.corridors.selectedProject(driver.state.context)?.id == before?.id)
    #expect(driver.state.corridors.table.selected == 6)
  }

  @Test func footerNamesTheKeysThatMatter() {
    let footer = Self.text(Self.corridors()).split(separator: "\n").last.map(String.init) ?? ""
    for part in ["move", "Enter open", "Esc back", "? help"] {
      #expect(footer.contains(part), "missing \(part)")
    }
  }

  @Test func profileShowsMembersLightsAndEnvoys() {
    var driver = Self.corridors()
    driver.press(.character("j"))  // CMREC
    let text = Self.text(driver)
    let summary = driver.state.context.portfolio.corridors[CorridorCode.cmrec.index]
    for name in driver.state.corridors.members.map(\.name) {
      #expect(text.contains(name), "missing \(name)")
    }
    #expect(text.contains("Not screened"))
    #expect(text.contains("\(summary.envoyParticipants) from its \(summary.countries.count) countries"))
    #expect(text.contains("Green finance") && text.contains("Other finance"))
  }

  /// The panels never overlap and fill the body.
  @Test(arguments: [(60, 13), (80, 21), (100, 30), (120, 37), (160, 45), (200, 60)])
  func panelsTileTheBody(width: Int, height: Int) {
    let body = Rect(x: 0, y: 1, width: width, height: height)
    let a = CorridorsScreen.layout(body)
    let rects = [a.list, a.budget, a.profile, a.table] + [a.members].compactMap { $0 }
    for (i, rect) in rects.enumerated() {
      #expect(rect.intersection(body) == rect)
      for other in rects[(i + 1)...] { #expect(rect.intersection(other).isEmpty) }
    }
    #expect(rects.reduce(0) { $0 + $1.width * $1.height } == width * height)
  }
}
