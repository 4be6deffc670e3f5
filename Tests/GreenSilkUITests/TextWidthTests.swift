import Testing

@testable import GreenSilkUI

@Suite("Text width tables")
struct TextWidthTableTests {
  @Test("ASCII and Latin are one column", arguments: ["a", "Z", "~", " ", "é", "ß", "Ω", "ж"])
  func narrow(_ text: String) {
    #expect(TextWidth.columns(of: text) == 1)
  }

  @Test("CJK, Hangul, fullwidth and kana are two columns", arguments: ["中", "文", "한", "ア", "Ａ", "！", "　", "𠀀", "〇"])
  func wide(_ text: String) {
    #expect(TextWidth.columns(of: text) == 2)
  }

  @Test("Emoji presentation characters are two columns", arguments: ["😀", "🌍", "⌚", "✅", "🇨🇳", "👩‍👩‍👧", "👍🏽", "🫠"])
  func emoji(_ text: String) {
    #expect(TextWidth.columns(of: text) == 2)
  }

  @Test("Text-presentation symbols stay one column; with VS16 they are a two-column placeholder")
  func textPresentation() {
    #expect(TextWidth.columns(of: "☀") == 1)
    // Terminals disagree on VS16 (tmux 3.3a: 1 column, VTE and kitty: 2),
    // so `GraphemeCells` draws the pair as `〓`.
    #expect(TextWidth.columns(of: "❤\u{FE0F}") == 2)
    #expect(TextWidth.columns(of: "●") == 1)
    #expect(TextWidth.columns(of: "…") == 1)
    #expect(TextWidth.columns(of: "─") == 1)
  }

  @Test("Combining marks, ZWJ and variation selectors take no column")
  func zeroWidth() {
    #expect(TextWidth.columns(of: Unicode.Scalar(0x301)!) == 0)
    #expect(TextWidth.columns(of: Unicode.Scalar(0x20DD)!) == 0)  // Me
    #expect(TextWidth.columns(of: Unicode.Scalar(0x200D)!) == 0)
    #expect(TextWidth.columns(of: Unicode.Scalar(0xFE0F)!) == 0)
    #expect(TextWidth.columns(of: Unicode.Scalar(0xE0100)!) == 0)
    #expect(TextWidth.columns(of: Unicode.Scalar(0x200B)!) == 0)
    #expect(TextWidth.columns(of: "e\u{301}\u{302}") == 1)
    #expect(TextWidth.columns(of: "\u{1100}\u{1161}\u{11A8}") == 2)  // jamo syllable
  }

  @Test("Prepended concatenation marks and the soft hyphen are drawn")
  func visibleFormatCharacters() {
    #expect(TextWidth.columns(of: Unicode.Scalar(0x600)!) == 1)
    #expect(TextWidth.columns(of: Unicode.Scalar(0xAD)!) == 1)
  }

  @Test("Controls count as their one-column placeholder")
  func controls() {
    #expect(TextWidth.columns(of: "\u{1B}[2J") == 4)
    #expect(TextWidth.columns(of: "a\r\nb") == 4)
    #expect(TextWidth.columns(of: "\u{9B}x") == 2)
    #expect(TextWidth.columns(of: "a\u{202E}b") == 3)
  }

  @Test("Strings add up their graphemes")
  func strings() {
    #expect(TextWidth.columns(of: "GreenSilk 绿色丝路") == 18)
    #expect(TextWidth.columns(of: "") == 0)
    #expect(TextWidth.columns(of: Substring("中文ab")) == 6)
  }

  @Test("The tables are sorted, non-overlapping pairs")
  func tablesAreWellFormed() {
    for table in [TextWidth.wide, TextWidth.zeroWidth] {
      #expect(table.count % 2 == 0)
      var previous: UInt32? = nil
      for index in stride(from: 0, to: table.count, by: 2) {
        #expect(table[index] <= table[index + 1])
        if let previous { #expect(previous < table[index]) }
        previous = table[index + 1]
      }
    }
  }

  @Test("Binary search finds range edges and misses gaps")
  func search() {
    #expect(TextWidth.contains(0x1100, in: TextWidth.wide))
    #expect(TextWidth.contains(0x115F, in: TextWidth.wide))
    #expect(!TextWidth.contains(0x1160, in: TextWidth.wide))
    #expect(TextWidth.contains(0x3FFFD, in: TextWidth.wide))
    #expect(!TextWidth.contains(0x40000, in: TextWidth.wide))
    #expect(!TextWidth.contains(0x10, in: TextWidth.zeroWidth))
  }
}

@Suite("Truncating, padding and wrapping")
struct TextFittingTests {
  @Test func truncateKeepsShortText() {
    #expect(TextWidth.truncate("Green", toWidth: 5) == "Green")
    #expect(TextWidth.truncate("Green", toWidth: 10) == "Green")
  }

  @Test func truncateByDisplayWidth() {
    #expect(TextWidth.truncate("GreenSilk", toWidth: 6) == "Green…")
    #expect(TextWidth.truncate("GreenSilk", toWidth: 6, ellipsis: "...") == "Gre...")
    #expect(TextWidth.truncate("中文字符", toWidth: 5) == "中文…")
    // A wide glyph that would straddle the limit is left out.
    #expect(TextWidth.truncate("中文字符", toWidth: 4) == "中…")
    #expect(TextWidth.columns(of: TextWidth.truncate("a中文字符", toWidth: 5)) <= 5)
  }

  @Test func truncateLongText() {
    let long = String(repeating: "a", count: 1_000_000)
    #expect(TextWidth.truncate(long, toWidth: 5) == "aaaa…")
    #expect(TextWidth.truncate(long + "e\u{301}", toWidth: 1_000_001) == long + "e\u{301}")
    #expect(TextWidth.truncate("abcde\u{301}", toWidth: 5) == "abcde\u{301}")
    #expect(TextWidth.truncate("abcde\u{301}f", toWidth: 5) == "abcd…")
  }

  @Test func truncateToTinyWidths() {
    #expect(TextWidth.truncate("GreenSilk", toWidth: 1) == "…")
    #expect(TextWidth.truncate("GreenSilk", toWidth: 2, ellipsis: "...") == "..")
    #expect(TextWidth.truncate("GreenSilk", toWidth: 0) == "")
    #expect(TextWidth.truncate("GreenSilk", toWidth: -3) == "")
  }

  @Test func truncateNeverSplitsGraphemes() {
    #expect(TextWidth.truncate("e\u{301}e\u{301}e\u{301}", toWidth: 2) == "e\u{301}…")
    #expect(TextWidth.truncate("👩‍👩‍👧👩‍👩‍👧", toWidth: 3) == "👩‍👩‍👧…")
  }

  @Test func padAligns() {
    #expect(TextWidth.pad("ab", toWidth: 5) == "ab   ")
    #expect(TextWidth.pad("ab", toWidth: 5, align: .right) == "   ab")
    #expect(TextWidth.pad("ab", toWidth: 5, align: .center) == " ab  ")
    #expect(TextWidth.pad("中", toWidth: 3, align: .right) == " 中")
    #expect(TextWidth.pad("abcdef", toWidth: 3) == "abc")
    #expect(TextWidth.pad("中文", toWidth: 3) == "中 ")
    #expect(TextWidth.pad("x", toWidth: 0) == "")
  }

  @Test func fitTruncatesThenPads() {
    #expect(TextWidth.fit("GreenSilk", toWidth: 5, align: .right) == "Gree…")
    #expect(TextWidth.fit("Silk", toWidth: 6, align: .right) == "  Silk")
  }

  @Test func prefixReportsWidth() {
    let cut = TextWidth.prefix("ab中文", maxWidth: 4)
    #expect(cut.text == "ab中")
    #expect(cut.columns == 4)
  }

  @Test func wrapsWords() {
    #expect(
      TextWidth.wrap("the quick brown fox jumps over", width: 10) == ["the quick", "brown fox", "jumps over"])
  }

  @Test func wrapHardBreaksLongWords() {
    #expect(TextWidth.wrap("abcdefghij xy", width: 4) == ["abcd", "efgh", "ij", "xy"])
    #expect(TextWidth.wrap("中文字符串", width: 5) == ["中文", "字符", "串"])
  }

  @Test func wrapKeepsLineFeedsAndIndentation() {
    #expect(TextWidth.wrap("one\n\n  two\r\nthree", width: 20) == ["one", "", "  two", "three"])
    #expect(TextWidth.wrap("", width: 5) == [""])
    #expect(TextWidth.wrap("a    b", width: 3) == ["a", "b"])
    #expect(TextWidth.wrap("a  b", width: 10) == ["a  b"])
  }

  @Test func wrapSurvivesDegenerateWidths() {
    #expect(TextWidth.wrap("anything", width: 0) == [])
    #expect(TextWidth.wrap("中文", width: 1) == [""])
    #expect(TextWidth.wrap("a中b", width: 1) == ["a", "b"])
  }

  @Test("Every wrapped line fits", arguments: [1, 2, 3, 7, 13, 40])
  func wrappedLinesFit(width: Int) {
    for line in TextWidth.wrap(hostileText + " Belt and Road 一带一路 ecological cooperation", width: width) {
      #expect(TextWidth.columns(of: line) <= width)
    }
  }
}
