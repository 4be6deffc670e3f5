import SnapshotTesting
import Testing

@testable import GreenSilkUI

@Suite("HelpOverlay")
struct HelpOverlayTests {
  static let sections: [(section: String, bindings: [(keys: String, help: String)])] = [
    ("Navigation", [("↑/k ↓/j", "move"), ("tab", "next panel"), ("enter", "open project")]),
    ("Projects", [("/", "filter"), ("s", "sort by column"), ("n", "new project")]),
    ("General", [("?", "this help"), ("q", "quit")]),
  ]

  @Test func centredOverAScreen() {
    var buffer = Buffer(width: 50, height: 18, fill: Cell("."))
    HelpOverlay(Self.sections).render(in: buffer.area, into: &buffer)
    assertSnapshot(of: buffer.snapshotText, as: .lines)
  }

  @Test func scrolledInASmallWindowASCII() {
    var buffer = Buffer(width: 30, height: 8, fill: Cell("."))
    HelpOverlay(Self.sections, glyphs: .ascii).scrollOffset(3).render(in: buffer.area, into: &buffer)
    assertSnapshot(of: buffer.snapshotText, as: .lines)
  }

  @Test func lineCountIncludesTitlesAndBlanks() {
    #expect(HelpOverlay(Self.sections).lineCount == 13)
  }
}

@Suite("MessageBox")
struct MessageBoxTests {
  @Test func confirmation() {
    var buffer = Buffer(width: 44, height: 9, fill: Cell("."))
    MessageBox(
      title: "Delete project?",
      lines: ["CPEC-0042 Solar park will be removed from the pipeline. This cannot be undone."],
      buttons: [KeyHint("y", "delete"), KeyHint("esc", "cancel")]
    )
    .titleRole(.warning)
    .maxWidth(30)
    .render(in: buffer.area, into: &buffer)
    assertSnapshot(of: buffer.snapshotText, as: .lines)
  }

  @Test func tooManyLinesKeepTheButtons() {
    var buffer = Buffer(width: 20, height: 6)
    MessageBox(title: "Error", lines: ["one", "two", "three", "four"], buttons: [KeyHint("enter", "ok")])
      .render(in: buffer.area, into: &buffer)
    #expect(buffer.line(1) == "   ┃ one        ┃   ")
    #expect(buffer.line(2) == "   ┃ two        ┃   ")
    #expect(buffer.line(3) == "   ┃            ┃   ")
    #expect(buffer.line(4) == "   ┃  enter ok  ┃   ")
  }
}

@Suite("TextBlock")
struct TextBlockTests {
  static let text = "The plan asks for a big data service platform for ecological and environmental protection.\nIt names the Green Silk Road Envoys Program."

  @Test func wrapsAndScrolls() {
    var buffer = Buffer(width: 24, height: 4)
    TextBlock(Self.text).scrollOffset(2).render(in: buffer.area, into: &buffer)
    assertSnapshot(of: buffer.snapshotText, as: .lines)
  }

  @Test func fitsWithoutScrollbar() {
    var buffer = Buffer(width: 12, height: 3)
    TextBlock("short text here", style: Style(.muted)).render(in: buffer.area, into: &buffer)
    #expect(buffer.lines == ["short text  ", "here        ", "            "])
    #expect(buffer[0, 0].style == Style(.muted))
    #expect(TextBlock(Self.text).maxScrollOffset(width: 24, height: 4) == 3)
  }
}

@Suite("TooSmallNotice")
struct TooSmallNoticeTests {
  @Test func centredMessage() {
    var buffer = Buffer(width: 20, height: 5, fill: Cell("x"))
    TooSmallNotice.render(in: buffer.area, into: &buffer, minimum: Size(width: 80, height: 24))
    #expect(
      buffer.lines == [
        "                    ",
        " enlarge the window ",
        "    (need 80x24)    ",
        "                    ",
        "                    ",
      ])
    #expect(buffer[1, 1].style == Style(.warning))
  }

  @Test func tinyWindows() {
    var one = Buffer(width: 1, height: 1)
    TooSmallNotice.render(in: one.area, into: &one, minimum: Size(width: 80, height: 24))
    #expect(one.line(0) == "e")
    var line = Buffer(width: 40, height: 1)
    TooSmallNotice.render(in: line.area, into: &line, minimum: Size(width: 80, height: 24))
    #expect(line.line(0) == "    enlarge the window (need 80x24)     ")
    #expect(TooSmallNotice.isTooSmall(Size(width: 79, height: 30), minimum: Size(width: 80, height: 24)))
    #expect(!TooSmallNotice.isTooSmall(Size(width: 80, height: 24), minimum: Size(width: 80, height: 24)))
  }
}
