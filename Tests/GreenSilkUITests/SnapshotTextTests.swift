import Testing

@testable import GreenSilkUI

@Suite("Buffer.snapshotText")
struct SnapshotTextTests {
  @Test func quotesRowsAndListsStyledRuns() {
    var buffer = Buffer(width: 6, height: 2)
    buffer.put("ab", x: 0, y: 0, style: Style(.title))
    buffer.put("中", x: 3, y: 0, style: Style(.lightRed))
    buffer.put("x", x: 5, y: 1, style: Style(.text, emphasis: .selected))
    buffer.put("y", x: 0, y: 1, style: Style(.borderFocus, emphasis: .selectedMatched))
    #expect(
      buffer.snapshotText == """
        "ab 中 "
        "y    x"
        -- styles --
        (0,0)-(1,0) title
        (3,0)-(4,0) light_red
        (0,1)-(0,1) border_focus+selectedMatched
        (5,1)-(5,1) text+selected

        """)
  }

  @Test func emptyBuffer() {
    #expect(Buffer(width: 0, height: 0).snapshotText == "-- styles --\n")
    #expect(Buffer(width: 2, height: 1).snapshotText == "\"  \"\n-- styles --\n")
  }
}

@Suite("Glyph sets")
struct GlyphSetTests {
  @Test func asciiSetIsPrintableASCII() {
    #expect(GlyphSet.ascii.isASCII)
    #expect(!GlyphSet.unicode.isASCII)
  }

  @Test("Every glyph is one column, except multi-character ASCII ellipsis")
  func glyphWidths() {
    for glyph in GlyphSet.unicode.allGlyphs { #expect(TextWidth.columns(of: glyph) == 1, "\(glyph)") }
    for glyph in GlyphSet.ascii.allGlyphs where glyph != GlyphSet.ascii.ellipsis {
      #expect(TextWidth.columns(of: glyph) == 1, "\(glyph)")
    }
  }

  @Test func eighthsAreComplete() {
    for set in [GlyphSet.unicode, .ascii] {
      #expect(set.horizontalEighths.count == 8)
      #expect(set.verticalEighths.count == 8)
      #expect(set.barFull == set.horizontalEighths[7])
    }
    #expect(GlyphSet.unicode.horizontalEighths.joined() == "▏▎▍▌▋▊▉█")
    #expect(GlyphSet.unicode.verticalEighths.joined() == "▁▂▃▄▅▆▇█")
  }

  @Test func focusBorderDiffersInShape() {
    #expect(GlyphSet.unicode.border != GlyphSet.unicode.focusBorder)
    #expect(GlyphSet.ascii.border != GlyphSet.ascii.focusBorder)
  }
}
