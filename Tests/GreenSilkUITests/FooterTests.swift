import SnapshotTesting
import Testing

@testable import GreenSilkUI

@Suite("StatusLine")
struct StatusLineTests {
  @Test func leftAndRight() {
    var buffer = Buffer(width: 40, height: 1)
    StatusLine(left: ["Saved CPEC-0042"], right: ["ILLUSTRATIVE", "20 projects"]).render(in: buffer.area, into: &buffer)
    assertSnapshot(of: buffer.snapshotText, as: .lines)
  }

  @Test func crowdedRightKeepsAThird() {
    var buffer = Buffer(width: 20, height: 1)
    StatusLine(left: ["Conflict: reload before saving"], right: ["data set 2024-01"]).render(in: buffer.area, into: &buffer)
    #expect(buffer.line(0) == " Conflict: … data … ")
    #expect(buffer.cells.allSatisfy { $0.style == Style(.statusLine) })
  }

  @Test func styledSpans() {
    var buffer = Buffer(width: 12, height: 1)
    StatusLine(left: [Span("ERR", role: .error), Span(" disk", role: .statusLine)]).render(in: buffer.area, into: &buffer)
    #expect(buffer.line(0) == " ERR disk   ")
    #expect(buffer[1, 0].style == Style(.error))
  }
}

@Suite("KeyHints")
struct KeyHintsTests {
  static let hints = [KeyHint("q", "quit"), KeyHint("/", "filter"), KeyHint("?", "help"), KeyHint("tab", "next panel")]

  @Test func allFit() {
    var buffer = Buffer(width: 50, height: 1)
    KeyHints(Self.hints).render(in: buffer.area, into: &buffer)
    assertSnapshot(of: buffer.snapshotText, as: .lines)
  }

  @Test func droppedHintsLeaveAnEllipsis() {
    var buffer = Buffer(width: 24, height: 1)
    KeyHints(Self.hints).render(in: buffer.area, into: &buffer)
    #expect(buffer.line(0) == "q quit  / filter  …     ")
    #expect(buffer[0, 0].style == Style(.footerKey))
    #expect(buffer[2, 0].style == Style(.footer))
  }

  @Test func singleHintIsCut() {
    var buffer = Buffer(width: 6, height: 1)
    KeyHints([(keys: "ctrl-s", help: "save")], glyphs: .ascii).render(in: buffer.area, into: &buffer)
    #expect(buffer.line(0) == "ctr...")
  }
}

@Suite("Spans")
struct SpanHighlightTests {
  @Test func highlighting() {
    let spans = Span.highlighting("Wind farm", matches: [5..<9, 0..<1, 20..<30], style: .text, matchStyle: Style(.match))
    #expect(spans == [Span("W", role: .match), Span("ind "), Span("farm", role: .match)])
    #expect(Span.highlighting("", matches: [0..<2], style: .text, matchStyle: .text) == [Span("")])
  }

  @Test func truncatingSpans() {
    let spans = [Span("ab", role: .footerKey), Span(" cdef", role: .footer)]
    #expect(Span.truncate(spans, toWidth: 5) == [Span("ab", role: .footerKey), Span(" c", role: .footer), Span("…", role: .footer)])
    #expect(Span.truncate(spans, toWidth: 7) == spans)
    #expect(Span.truncate(spans, toWidth: 0) == [])
  }
}
