import Testing

@testable import GreenSilkCore

@Suite("Hidden characters")
struct ControlCharactersTests {
  static let hiddenValues: [UInt32] =
    Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F) + [0x61C, 0x200E, 0x200F] + Array(0x2028...0x202E)
    + Array(0x2066...0x206F)

  @Test func theSet() {
    for value in Self.hiddenValues {
      let scalar = Unicode.Scalar(value)!
      #expect(ControlCharacters.isHidden(scalar), "U+\(String(value, radix: 16))")
      #expect(ControlCharacters.containsHidden("ab" + String(scalar) + "cd"), "U+\(String(value, radix: 16))")
    }
    // Neighbours of the set, and the joiners emoji and Indic scripts need.
    for value: UInt32 in [0x20, 0x7E, 0xA0, 0x61B, 0x61D, 0x200B, 0x200C, 0x200D, 0x2027, 0x202F, 0x2065, 0x2070, 0xFEFF] {
      let scalar = Unicode.Scalar(value)!
      #expect(!ControlCharacters.isHidden(scalar), "U+\(String(value, radix: 16))")
      #expect(!ControlCharacters.containsHidden("ab" + String(scalar) + "cd"), "U+\(String(value, radix: 16))")
    }
    // Printable scalars whose UTF-8 has bytes 0x80-0x9F after a lead
    // byte of the set's: U+00C2 (C3 82), U+0600 (D8 80), U+2010 (E2 80 90).
    #expect(!ControlCharacters.containsHidden("\u{C2}\u{600}\u{2010}\u{2060}"))
  }

  @Test func picturesAreOneColumnGlyphs() {
    #expect(ControlCharacters.visible("a\u{1B}]0;x\u{7}b") == "a␛]0;x␇b")
    #expect(ControlCharacters.visible("\u{7F}\u{9B}\u{202E}\u{2029}") == "␡␦␦␦")
    #expect(ControlCharacters.visible("a\nb\tc\r") == "a␊b␉c␍")
    #expect(ControlCharacters.visible("a\nb\tc\r", keepingLineFeeds: true, keepingTabs: true) == "a\nb\tc␍")
    #expect(ControlCharacters.visible("a\tb", tabsAsSpaces: true) == "a b")
    let clean = "Green Silk 绿色丝路 👩‍👩‍👧 é"
    #expect(ControlCharacters.visible(clean) == clean)
  }

  @Test("JSON strings carry no hidden character raw, and read back the same")
  func jsonEscapes() throws {
    let value = "t\u{1B}x\u{7F}\u{85}\u{9B}\u{202E}\u{2066}\u{2028}\u{61C}é中👍"
    var writer = JSONWriter()
    writer.string(value)
    #expect(writer.text == #""t\u001bx\u007f\u0085\u009b\u202e\u2066\u2028\u061cé中👍""#)
    #expect(try JSONReader.withReader(writer.text) { try $0.readString() } == value)

    // Raw JSON (an unknown field, an audit value) is escaped the same way.
    var raw = JSONWriter()
    raw.beginObject()
    raw.key("kept")
    raw.raw("{\"a\": [\"x\u{202E}y\", \"\u{9B}\"], \"b\":\t1}")
    raw.endObject()
    #expect(raw.text == "{\"kept\":{\"a\": [\"x\\u202ey\", \"\\u009b\"], \"b\":\t1}}")
  }
}

@Suite("Markdown report structure")
struct MarkdownStructureTests {
  @Test func codeFencesOutlastAnyBacktickRunInside() {
    #expect(TextReportRenderer.fenced("a\n") == "```text\na\n```\n\n")
    #expect(TextReportRenderer.fenced("  ````x\n") == "`````text\n  ````x\n`````\n\n")
  }

  @Test func webAddressesBecomeAutolinksAndTableCellsKeepTheirBlanks() {
    #expect(TextReportRenderer.escape("https://example.org/?a=1&b=2_c") == "<https://example.org/?a=1&b=2_c>")
    #expect(TextReportRenderer.escape("https://example.org/a|b") == "https://example.org/a\\|b")
    #expect(TextReportRenderer.escape("  of which 1.5 bn", in: .cell) == "  of which 1.5 bn")
    #expect(TextReportRenderer.escape("- 1. x", in: .cell) == "- 1. x")
  }
}
