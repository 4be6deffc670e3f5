import Testing

@testable import GreenSilkUI

@Suite("Buffer.diff")
struct BufferDiffTests {
  @Test func identicalBuffersHaveNoChanges() {
    var buffer = Buffer(width: 10, height: 3)
    buffer.put("GreenSilk", x: 0, y: 1)
    #expect(buffer.diff(from: buffer).isEmpty)
  }

  @Test func onlyChangedCellsAreReported() {
    var before = Buffer(width: 10, height: 3)
    before.put("GreenSilk", x: 0, y: 1)
    var after = before
    after.put("Gray", x: 0, y: 1)
    after.put("!", x: 9, y: 2, style: Style(.error))
    let changes = after.diff(from: before)
    #expect(changes.map { "\($0.x),\($0.y),\($0.cell.symbol)" } == ["2,1,a", "3,1,y", "9,2,!"])
  }

  @Test func styleOnlyChangesCount() {
    var before = Buffer(width: 4, height: 1)
    before.put("ab", x: 0, y: 0)
    var after = before
    after.restyle(Rect(x: 1, y: 0, width: 1, height: 1)) { $0.with(.selected) }
    #expect(after.diff(from: before) == [CellChange(x: 1, y: 0, cell: Cell("b", style: Style(.text, emphasis: .selected)))])
  }

  @Test func sizeChangeRepaintsEverything() {
    let before = Buffer(width: 4, height: 2)
    let after = Buffer(width: 5, height: 2)
    let changes = after.diff(from: before)
    #expect(changes.count == 10)
    #expect(Set(changes.map { Point(x: $0.x, y: $0.y) }).count == 10)
    #expect(Buffer(width: 0, height: 0).diff(from: before).isEmpty)
  }

  @Test func wideGlyphsAreWrittenOnceWithoutContinuations() {
    let before = Buffer(width: 6, height: 1)
    var after = before
    after.put("中文", x: 1, y: 0)
    let changes = after.diff(from: before)
    #expect(changes.map(\.x) == [1, 3])
    #expect(changes.allSatisfy { $0.cell.width == 2 })
    // Repaint after a resize leaves out continuation cells too.
    #expect(after.diff(from: Buffer(width: 1, height: 1)).count == 4)
  }

  @Test func replacingAWideGlyphWithNarrowOnes() {
    var before = Buffer(width: 4, height: 1)
    before.put("中", x: 0, y: 0)
    var after = before
    after.put("ab", x: 0, y: 0)
    #expect(after.diff(from: before).map(\.cell.symbol) == ["a", "b"])
  }

  @Test func continuationStyleChangeRewritesItsGlyph() {
    var before = Buffer(width: 4, height: 1)
    before.put("中", x: 0, y: 0)
    var after = before
    after[1, 0] = .continuation(Style(.error))
    #expect(after.diff(from: before) == [CellChange(x: 0, y: 0, cell: Cell("中", width: 2))])
  }

  @Test("Applying the diff to the old frame gives the new frame")
  func diffReplays() {
    var before = Buffer(width: 12, height: 3)
    before.put("Belt and Road", x: 0, y: 0)
    before.put("一带一路", x: 2, y: 1)
    var after = Buffer(width: 12, height: 3)
    after.put("Green 绿色 Silk", x: 0, y: 0)
    after.put("ab", x: 3, y: 1, style: Style(.title))
    after.put("丝路", x: 8, y: 2)
    var replay = before
    for change in after.diff(from: before) {
      replay[change.x, change.y] = change.cell
      if change.cell.width == 2 { replay[change.x + 1, change.y] = .continuation(change.cell.style) }
    }
    #expect(replay.lines == after.lines)
  }
}
