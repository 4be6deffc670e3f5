import Testing

@testable import GreenSilkUI

@Suite("Buffer.put")
struct BufferPutTests {
  @Test func writesAndReportsColumns() {
    var buffer = Buffer(width: 10, height: 2)
    #expect(buffer.put("Green", x: 1, y: 0, style: Style(.title)) == 5)
    #expect(buffer.lines == [" Green    ", "          "])
    #expect(buffer[1, 0].style == Style(.title))
    #expect(buffer[6, 0].style == .text)
  }

  @Test func clipsAtTheRightEdgeAndMaxWidth() {
    var buffer = Buffer(width: 6, height: 1)
    #expect(buffer.put("GreenSilk", x: 2, y: 0) == 4)
    #expect(buffer.line(0) == "  Gree")
    buffer.clear()
    #expect(buffer.put("GreenSilk", x: 0, y: 0, maxWidth: 3) == 3)
    #expect(buffer.line(0) == "Gre   ")
  }

  @Test func startsLeftOfTheBuffer() {
    var buffer = Buffer(width: 5, height: 1)
    #expect(buffer.put("abcdef", x: -2, y: 0) == 6)
    #expect(buffer.line(0) == "cdef ")
    // The visible half of a wide glyph cut by the left edge is a space.
    buffer.clear()
    buffer.put("中文", x: -1, y: 0)
    #expect(buffer.line(0) == " 文  ")
    #expect(wideGlyphsAreWhole(buffer))
  }

  @Test func ignoresRowsAndColumnsOutside() {
    var buffer = Buffer(width: 4, height: 2)
    #expect(buffer.put("x", x: 0, y: -1) == 0)
    #expect(buffer.put("x", x: 0, y: 2) == 0)
    #expect(buffer.put("x", x: 4, y: 0) == 0)
    #expect(buffer.put("x", x: 0, y: 0, maxWidth: 0) == 0)
    #expect(buffer.put("x", x: .max, y: 0) == 0)
    #expect(buffer.put("x", x: .min, y: 0) == 0)
    #expect(buffer.put("abc", x: 1, y: 1, maxWidth: .max) == 3)
    #expect(buffer.lines == ["    ", " abc"])
    var empty = Buffer(width: 0, height: 0)
    #expect(empty.put("abc", x: 0, y: 0) == 0)
  }

  @Test func wideGlyphsTakeTwoCells() {
    var buffer = Buffer(width: 6, height: 1)
    buffer.put("中a文", x: 0, y: 0)
    #expect(buffer[0, 0] == Cell("中", width: 2))
    #expect(buffer[1, 0].isContinuation)
    #expect(buffer[2, 0].symbol == "a")
    #expect(buffer.line(0) == "中a文 ")
    #expect(wideGlyphsAreWhole(buffer))
  }

  @Test func wideGlyphCutAtTheLimitBecomesASpace() {
    var buffer = Buffer(width: 5, height: 1, fill: Cell("."))
    #expect(buffer.put("ab中", x: 0, y: 0) == 4)
    #expect(buffer.line(0) == "ab中.")
    #expect(buffer.put("abc中", x: 0, y: 0, maxWidth: 4) == 4)
    #expect(buffer.line(0) == "abc .")
    #expect(wideGlyphsAreWhole(buffer))
  }

  @Test func overwritingHalfAWideGlyphRepairsTheOtherHalf() {
    var buffer = Buffer(width: 6, height: 1)
    buffer.put("中文字", x: 0, y: 0)
    buffer.put("x", x: 1, y: 0, style: Style(.error))  // right half of 中
    #expect(buffer.line(0) == " x文字")
    #expect(wideGlyphsAreWhole(buffer))
    buffer.put("yz", x: 2, y: 0)  // the whole of 文
    #expect(buffer.line(0) == " xyz字")
    buffer.put("w", x: 4, y: 0)  // left half of 字
    #expect(buffer.line(0) == " xyzw ")
    #expect(wideGlyphsAreWhole(buffer))
  }

  @Test func wideOverWide() {
    var buffer = Buffer(width: 6, height: 1)
    buffer.put("中文字", x: 0, y: 0)
    buffer.put("一", x: 1, y: 0)
    #expect(buffer.line(0) == " 一 字")
    #expect(wideGlyphsAreWhole(buffer))
  }

  @Test func combiningMarksStayWithTheirBase() {
    var buffer = Buffer(width: 5, height: 1)
    buffer.put("ae\u{301}b", x: 0, y: 0)
    #expect(buffer[1, 0].symbol == "e\u{301}")
    #expect(buffer.line(0) == "ae\u{301}b  ")
    // A lone combining mark or zero-width character takes no cell.
    buffer.put("\u{301}\u{200B}z", x: 4, y: 0)
    #expect(buffer[4, 0].symbol == "z")
  }

  @Test func fastPathHandsOverMidString() {
    var buffer = Buffer(width: 12, height: 1)
    buffer.put("abc中\u{1B}de\u{301}", x: 0, y: 0)
    #expect(buffer.line(0) == "abc中␛de\u{301}    ")
    #expect(buffer[7, 0].symbol == "e\u{301}")
  }

  @Test func substringsAndSpans() {
    var buffer = Buffer(width: 10, height: 1)
    let text = "--GreenSilk--"
    buffer.put(text.dropFirst(2).dropLast(2), x: 0, y: 0)
    #expect(buffer.line(0) == "GreenSilk ")
    buffer.clear()
    let used = buffer.put([Span("ab", role: .footerKey), Span(" cd", role: .footer)], x: 1, y: 0, maxWidth: 4)
    #expect(used == 4)
    #expect(buffer.line(0) == " ab c     ")
    #expect(buffer[1, 0].style == Style(.footerKey))
    #expect(buffer[3, 0].style == Style(.footer))
  }

  @Test func putInAreaAligns() {
    var buffer = Buffer(width: 8, height: 1)
    buffer.put("abc", in: buffer.area, alignment: .right)
    #expect(buffer.line(0) == "     abc")
    buffer.clear()
    buffer.put("abcdefghijk", in: buffer.area, alignment: .center)
    #expect(buffer.line(0) == "abcdefg…")
  }

  @Test func fillAndSetCellRepairWideGlyphs() {
    var buffer = Buffer(width: 6, height: 2)
    buffer.put("中文字", x: 0, y: 0)
    buffer.fill(Rect(x: 1, y: 0, width: 2, height: 2), with: Cell("#"))
    #expect(buffer.lines == [" ## 字", " ##   "])
    buffer.setCell(Cell("!"), x: 5, y: 0)
    #expect(buffer.line(0) == " ##  !")
    #expect(wideGlyphsAreWhole(buffer))
    buffer.fill(Rect(x: -5, y: -5, width: 100, height: 100), with: Cell("."))
    #expect(buffer.lines == ["......", "......"])
  }

  @Test func cellAccessOutsideIsNil() {
    let buffer = Buffer(width: 2, height: 2)
    #expect(buffer.cell(x: 2, y: 0) == nil)
    #expect(buffer.cell(x: -1, y: 0) == nil)
    #expect(buffer.cell(x: 1, y: 1) == .blank)
  }
}
