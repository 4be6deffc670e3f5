import SnapshotTesting
import Testing

@testable import GreenSilkUI

@Suite("Panel")
struct PanelTests {
  @Test func unfocusedWithBothTitles() {
    var buffer = Buffer(width: 30, height: 5)
    let inner = Panel("Projects").rightTitle("12/200").render(in: buffer.area, into: &buffer)
    #expect(inner == Rect(x: 1, y: 1, width: 28, height: 3))
    assertSnapshot(of: buffer.snapshotText, as: .lines)
  }

  @Test func focusedASCII() {
    var buffer = Buffer(width: 24, height: 4)
    Panel("Corridors", glyphs: .ascii).rightTitle("6").focused().render(in: buffer.area, into: &buffer)
    assertSnapshot(of: buffer.snapshotText, as: .lines)
  }

  @Test func longAndWideTitlesAreCut() {
    var buffer = Buffer(width: 16, height: 3)
    Panel("中巴经济走廊 China-Pakistan").rightTitle("99/99").render(in: buffer.area, into: &buffer)
    #expect(buffer.lines == ["┌ 中巴经济走廊…┐", "│              │", "└──────────────┘"])
    #expect(wideGlyphsAreWhole(buffer))
  }

  @Test func backgroundClearsTheInside() {
    var buffer = Buffer(width: 6, height: 3, fill: Cell("x"))
    Panel().background(Style(.overlay)).render(in: buffer.area, into: &buffer)
    #expect(buffer.lines == ["┌────┐", "│    │", "└────┘"])
    #expect(buffer[2, 1].style == Style(.overlay))
    #expect(buffer[0, 0].style == Style(.border))
  }

  @Test func tooSmallForABorder() {
    var buffer = Buffer(width: 3, height: 1, fill: Cell("x"))
    let inner = Panel("T").render(in: buffer.area, into: &buffer)
    #expect(inner.isEmpty)
    #expect(buffer.line(0) == "xxx")
    var two = Buffer(width: 2, height: 2)
    #expect(Panel("T").render(in: two.area, into: &two).isEmpty)
    #expect(two.lines == ["┌┐", "└┘"])
  }
}
