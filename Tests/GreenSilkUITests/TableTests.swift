import SnapshotTesting
import Testing

import GreenSilkCore
@testable import GreenSilkUI

/// Counts calls of the row closure, to prove the table is lazy.
final class CallCounter: @unchecked Sendable {
  var calls = 0
  var rows: Set<Int> = []
}

@Suite("Table")
struct TableTests {
  static let columns = [
    TableColumn("ID", width: .fixed(8)),
    TableColumn("Project", width: .flex(1)),
    TableColumn("Light", width: .fixed(5), alignment: .center),
    TableColumn("Budget", width: .min(10), alignment: .right),
  ]

  static func projectRow(_ index: Int) -> [TableCell] {
    let names = ["Solar park 太阳能", "Wind farm", "Metro line", "Water treatment plant expansion"]
    let lights: [Role] = [.lightGreen, .lightYellow, .lightRed, .lightNone]
    return [
      TableCell("CPEC-\(index)"),
      TableCell(names[index % 4], matches: index % 4 == 1 ? [0..<4] : []),
      TableCell("●", role: lights[index % 4]),
      TableCell(NumberText.integer(index * 1_250_000)),
    ]
  }

  @Test func rendersHeaderSortSelectionMatchesAndScrollbar() {
    var buffer = Buffer(width: 50, height: 8)
    Table(columns: Self.columns, rowCount: 40, state: TableState(selected: 2)) { Self.projectRow($0) }
      .sorted(by: 1, ascending: true)
      .render(in: buffer.area, into: &buffer)
    assertSnapshot(of: buffer.snapshotText, as: .lines)
  }

  @Test func fullRowCursorMarksTheWholeRow() {
    var buffer = Buffer(width: 50, height: 6)
    Table(columns: Self.columns, rowCount: 10, state: TableState(selected: 1)) { Self.projectRow($0) }
      .cursor(.fullRow)
      .render(in: buffer.area, into: &buffer)
    for x in 0..<48 { #expect(buffer[x, 2].style.emphasis == .selected || buffer[x, 2].style.emphasis == .selectedMatched, "x \(x)") }
    #expect(buffer[0, 3].style.emphasis == .none)
  }

  @Test func leadingColumnCursorMarksOnlyTheFirstColumn() {
    var buffer = Buffer(width: 50, height: 6)
    Table(columns: Self.columns, rowCount: 10, state: TableState(selected: 1)) { Self.projectRow($0) }
      .render(in: buffer.area, into: &buffer)
    #expect(buffer[0, 2].style.emphasis == .selected)
    #expect(buffer[30, 2].style.emphasis != .selected)
  }

  @Test func asciiAndDescendingSort() {
    var buffer = Buffer(width: 40, height: 5)
    Table(columns: Self.columns, rowCount: 4, state: TableState(selected: 1), glyphs: .ascii) { Self.projectRow($0) }
      .sorted(by: 3, ascending: false)
      .render(in: buffer.area, into: &buffer)
    assertSnapshot(of: buffer.snapshotText, as: .lines)
  }

  @Test("100,000 rows: only the visible rows are built")
  func lazyRows() {
    let counter = CallCounter()
    var buffer = Buffer(width: 60, height: 21)
    var state = TableState(selected: 54_321)
    Table(columns: Self.columns, rowCount: 100_000, state: state) { index in
      counter.calls += 1
      counter.rows.insert(index)
      return Self.projectRow(index)
    }
    .render(in: buffer.area, into: &buffer, state: &state)
    #expect(counter.calls == 20)
    #expect(counter.rows == Set(54_302...54_321))
    #expect(state.offset == 54_302)
    #expect(buffer.line(20).hasPrefix("CPEC-54… Wind farm"))
    // The default cursor marks the first column only (cheap to move over SSH).
    #expect(buffer[0, 20].style.emphasis == .selected)
    #expect(buffer[58, 20].style.emphasis == .none)
    #expect(state.positionText(rowCount: 100_000) == "54322/100000")
  }

  @Test func emptyTableShowsItsMessage() {
    var buffer = Buffer(width: 30, height: 4)
    Table(columns: Self.columns, rowCount: 0) { _ in
      Issue.record("no row may be built")
      return []
    }
    .emptyMessage("No projects match")
    .render(in: buffer.area, into: &buffer)
    #expect(buffer.line(1) == "      No projects match       ")
    #expect(buffer[6, 1].style == Style(.muted))
  }

  @Test func columnWidthsFollowTheArea() {
    let table = Table(columns: Self.columns, rowCount: 0) { _ in [] }
    #expect(table.columnWidths(for: 50) == [8, 24, 5, 10])
    #expect(table.columnWidths(for: 20) == [8, 0, 5, 4])
    #expect(table.columnWidths(for: 0) == [0, 0, 0, 0])
  }

  @Test func matchesOnTheSelectedRow() {
    var buffer = Buffer(width: 20, height: 2)
    Table(columns: [TableColumn("Name")], rowCount: 1) { _ in [TableCell("Wind farm", matches: [5..<9])] }
      .render(in: buffer.area, into: &buffer)
    #expect(buffer[0, 1].style == Style(.text, emphasis: .selected))
    #expect(buffer[5, 1].style == Style(.text, emphasis: .selectedMatched))
    #expect(buffer[9, 1].style == Style(.text, emphasis: .selected))
  }

  @Test func truncatedCellsDoNotHighlightTheEllipsis() {
    var buffer = Buffer(width: 6, height: 1)
    Table(columns: [TableColumn("Name")], rowCount: 1, state: TableState(selected: nil)) { _ in
      [TableCell("Water treatment", matches: [0..<15])]
    }
    .header(false)
    .render(in: buffer.area, into: &buffer)
    #expect(buffer.line(0) == "Water…")
    #expect(buffer[4, 0].style.emphasis == .matched)
    #expect(buffer[5, 0].style.emphasis == .none)
  }
}

@Suite("TableState")
struct TableStateTests {
  @Test func keepsSelectionVisible() {
    var state = TableState(selected: 30, offset: 0)
    state.keepSelectionVisible(visibleRows: 10, rowCount: 100)
    #expect(state.offset == 21)
    state.select(5, rowCount: 100)
    state.keepSelectionVisible(visibleRows: 10, rowCount: 100)
    #expect(state.offset == 5)
  }

  @Test func clampsAfterTheDataShrinks() {
    var state = TableState(selected: 90, offset: 85)
    state.keepSelectionVisible(visibleRows: 10, rowCount: 12)
    #expect(state.selected == 11)
    #expect(state.offset == 2)
    state.keepSelectionVisible(visibleRows: 10, rowCount: 0)
    #expect(state.offset == 0)
  }

  @Test func moves() {
    var state = TableState(selected: nil)
    state.moveSelection(by: 1, rowCount: 5)
    #expect(state.selected == 0)
    state.moveSelection(by: -1, rowCount: 5)
    #expect(state.selected == 0)
    state.moveSelection(by: .max, rowCount: 5)
    #expect(state.selected == 4)
    state.page(-1, visibleRows: 3, rowCount: 5)
    #expect(state.selected == 1)
    state.page(.max, visibleRows: 3, rowCount: 5)
    #expect(state.selected == 4)
    state.selectFirst(rowCount: 5)
    #expect(state.selected == 0)
    state.selectLast(rowCount: 5)
    #expect(state.selected == 4)
    state.moveSelection(by: 1, rowCount: 0)
    #expect(state.selected == nil)
    #expect(state.positionText(rowCount: 0) == "0/0")
  }
}
