import Testing

@testable import GreenSilkUI

/// Every widget, at every tiny size and some odd placements, with empty,
/// huge and hostile data: nothing may crash, write outside its area, leave
/// half a wide glyph or put a control character in a cell.
@Suite("Widgets at degenerate sizes")
struct DegenerateSizeTests {
  static let longText = String(repeating: "一带一路 Green Silk Road ", count: 40)

  static func widgets(glyphs: GlyphSet) -> [(String, any Widget)] {
    [
      ("empty table", Table(columns: [], rowCount: 0, glyphs: glyphs) { _ in [] }),
      (
        "table",
        Table(
          columns: [TableColumn("ID", width: .fixed(6)), TableColumn(hostileText), TableColumn("n", width: .min(3))],
          rowCount: 100_000, state: TableState(selected: 99_999), glyphs: glyphs
        ) { index in [TableCell("P\(index)"), TableCell(longText, matches: [0..<500]), TableCell(hostileText)] }
        .sorted(by: 1, ascending: false).emptyMessage(longText)
      ),
      ("empty list", ListView(items: [], glyphs: glyphs).emptyMessage(hostileText)),
      ("list", ListView(items: [ListItem(longText), ListItem(hostileText, matches: [2..<9])], state: ListState(selected: 1), glyphs: glyphs)),
      ("bars", BarChart([Bar(longText, value: .infinity), Bar("x", value: -.nan), Bar(hostileText, value: 1e300)], glyphs: glyphs)),
      ("no bars", BarChart([], glyphs: glyphs)),
      ("columns", ColumnChart([Bar(longText, value: 3), Bar("b", value: .nan), Bar("c", value: 1e308)], glyphs: glyphs)),
      ("sparkline", Sparkline([0, .nan, -5, .infinity, 3, 1e308, 2], glyphs: glyphs)),
      ("empty sparkline", Sparkline([], glyphs: glyphs)),
      ("gauge", Gauge(ratio: 1e300, label: longText, glyphs: glyphs)),
      ("nan gauge", Gauge(ratio: .nan, label: "", glyphs: glyphs)),
      ("status", StatusLine(left: [longText, hostileText], right: [longText], glyphs: glyphs)),
      ("hints", KeyHints([KeyHint(longText, hostileText), KeyHint("q", "quit")], glyphs: glyphs)),
      ("no hints", KeyHints([KeyHint]([]), glyphs: glyphs)),
      (
        "help",
        HelpOverlay(sections: [.init(longText, [KeyHint(longText, longText)]), .init("", [])], glyphs: glyphs)
          .scrollOffset(1_000)
      ),
      ("empty help", HelpOverlay(sections: [], glyphs: glyphs)),
      ("digits", BigDigits("12,345.6:78%-9 x", glyphs: glyphs)),
      ("small digits", BigDigits("-0", height: .rows3, glyphs: glyphs)),
      ("text", TextBlock(longText + "\n" + hostileText, glyphs: glyphs).scrollOffset(.max)),
      ("message", MessageBox(title: longText, lines: [longText, hostileText], buttons: [KeyHint("y", longText)], glyphs: glyphs)),
      ("scrollbar", Scrollbar(total: .max, visible: 3, offset: .max, glyphs: glyphs)),
    ]
  }

  static let sizes: [(Int, Int)] = [(0, 0), (1, 1), (2, 1), (1, 2), (2, 2), (3, 3), (5, 2), (7, 4), (12, 6), (80, 3)]

  @Test("No crash, clipped, whole wide glyphs, no controls", arguments: [GlyphSet.unicode, .ascii])
  func survives(glyphs: GlyphSet) {
    for (name, widget) in Self.widgets(glyphs: glyphs) {
      for (width, height) in Self.sizes {
        // Drawn inside a larger buffer, so writes outside the area show.
        var buffer = Buffer(width: width + 4, height: height + 4, fill: Cell("."))
        let area = Rect(x: 2, y: 2, width: width, height: height)
        widget.render(in: area, into: &buffer)
        #expect(!containsControlCell(buffer), "\(name) \(width)x\(height)")
        #expect(wideGlyphsAreWhole(buffer), "\(name) \(width)x\(height)")
        for y in 0..<buffer.height {
          for x in 0..<buffer.width where !area.contains(Point(x: x, y: y)) {
            #expect(buffer[x, y] == Cell("."), "\(name) \(width)x\(height) wrote at \(x),\(y)")
          }
        }
      }
    }
  }

  @Test func panelAndNoticeSurviveTinyAreas() {
    for (width, height) in Self.sizes {
      var buffer = Buffer(width: width + 2, height: height + 2, fill: Cell("."))
      let area = Rect(x: 1, y: 1, width: width, height: height)
      let inner = Panel(Self.longText).rightTitle(hostileText).focused().render(in: area, into: &buffer)
      #expect(inner.width >= 0 && inner.height >= 0)
      #expect(inner.isEmpty || area.intersection(inner) == inner)
      TooSmallNotice.render(in: area, into: &buffer, minimum: Size(width: 80, height: 24))
      #expect(!containsControlCell(buffer))
      #expect(buffer[0, 0] == Cell("."))
    }
    var none = Buffer(width: 0, height: 0)
    TooSmallNotice.render(in: Rect(x: 0, y: 0, width: 10, height: 10), into: &none, minimum: Size(width: 80, height: 24))
    Panel("x").render(in: Rect(x: -3, y: -3, width: 2, height: 2), into: &none)
  }
}
