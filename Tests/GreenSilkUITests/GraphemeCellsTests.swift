import Testing

@testable import GreenSilkUI

/// Grapheme clusters that terminals draw at different widths must reach
/// the buffer as cells every terminal agrees on (issue 17, part 5).
@Suite("Grapheme clusters as cells")
struct GraphemeCellsTests {
  /// The cells `put` writes for `text`: (symbol, width) per cell,
  /// continuation cells left out.
  func cells(_ text: String) -> [String] {
    var buffer = Buffer(width: 40, height: 1)
    let used = buffer.put(text, x: 0, y: 0)
    return (0..<used).compactMap { x in buffer[x, 0].isContinuation ? nil : buffer[x, 0].symbol }
  }

  @Test(
    "Emoji sequences become one two-column placeholder",
    arguments: [
      "👨\u{200D}👩\u{200D}👧",  // ZWJ family
      "👍\u{1F3FD}",  // skin tone
      "🇵🇰",  // flag
      "🇵",  // lone regional indicator
      "❤\u{FE0F}",  // VS16
      "1\u{FE0F}\u{20E3}",  // keycap
      "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",  // tag sequence
      "👩\u{1F3FF}\u{200D}🚀",
    ])
  func emojiSequences(_ sequence: String) {
    #expect(cells("a" + sequence + "b") == ["a", "〓", "b"])
    #expect(TextWidth.columns(of: sequence) == 2)
  }

  @Test func textPresentationSelectorIsANarrowPlaceholder() {
    #expect(cells("⌚\u{FE0E}x") == ["␦", "x"])
    #expect(TextWidth.columns(of: "⌚\u{FE0E}") == 1)
  }

  @Test func joinerBetweenLettersIsAPlaceholderPerColumn() {
    // tmux folds the letter after a ZWJ into the cell before it.
    let conjunct = "क\u{94D}\u{200D}ष"
    #expect(cells(conjunct) == ["␦", "␦"])
    #expect(TextWidth.columns(of: conjunct) == 2)
  }

  @Test func combiningMarksStayInTheirCell() {
    #expect(cells("e\u{301}\u{302}x") == ["e\u{301}\u{302}", "x"])
    #expect(cells("中\u{301}") == ["中\u{301}"])
    #expect(TextWidth.columns(of: "中\u{301}") == 2)
  }

  @Test func spacingMarksTakeTheirOwnCell() {
    // Devanagari KA + vowel sign AA (a spacing mark): one grapheme, but
    // tmux and xterm give each scalar its column.
    #expect(cells("का") == ["क", "ा"])
    #expect(TextWidth.columns(of: "का") == 2)
    #expect(cells("कि") == ["क", "ि"])
  }

  @Test func conjoiningJamoAreComposed() {
    #expect(cells("\u{1112}\u{1161}\u{11AB}") == ["한"])
    #expect(cells("\u{1112}\u{1161}") == ["하"])
    #expect(cells("하\u{11AB}") == ["한"])
    #expect(TextWidth.columns(of: "\u{1112}\u{1161}\u{11AB}") == 2)
    // Old Korean jamo have no precomposed syllable.
    #expect(cells("\u{1113}\u{1176}") == ["〓"])
  }

  @Test func bidiControlsArePictures() {
    #expect(cells("a\u{202E}b\u{2066}c\u{2069}\u{200F}") == ["a", "␦", "b", "␦", "c", "␦", "␦"])
  }

  @Test func placeholdersCutAtTheLimitLikeAnyWideGlyph() {
    var buffer = Buffer(width: 4, height: 1, fill: Cell("."))
    #expect(buffer.put("ab👍\u{1F3FD}", x: 0, y: 0, maxWidth: 3) == 3)
    #expect(buffer.line(0) == "ab .")
  }

  /// The troublesome pieces.
  static let pieces = [
    "a", "中", "e\u{301}", "👍", "\u{1F3FD}", "\u{200D}", "\u{FE0F}", "\u{FE0E}", "🇵", "🇰", "\u{20E3}",
    "\u{1112}", "\u{1161}", "\u{11AB}", "한", "क", "\u{93E}", "\u{94D}", "\u{202E}", "\u{1B}", "\r", "\n",
    " ", "\u{E0067}", "\u{600}", "©",
  ]

  /// Every text of one to three pieces, in every order (18,278 texts).
  static let texts: [String] = {
    var out = pieces
    var previous = pieces
    for _ in 2...3 {
      previous = previous.flatMap { text in pieces.map { text + $0 } }
      out += previous
    }
    return out
  }()

  @Test("Every cell put writes is one spacing scalar with zero-width marks, and widths agree")
  func cellsAreStable() {
    let unstable: Set<UInt32> = [0x200D, 0xFE0E, 0xFE0F, 0x20E3]
    for text in Self.texts {
      var buffer = Buffer(width: 40, height: 1)
      let used = buffer.put(text, x: 0, y: 0)
      #expect(used == TextWidth.columns(of: text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
      for x in 0..<used where !buffer[x, 0].isContinuation {
        let cell = buffer[x, 0]
        let scalars = Array(cell.symbol.unicodeScalars)
        guard let first = scalars.first else { continue }
        #expect(TextWidth.columns(of: first) == Int(cell.width), "cell \(cell.symbol) in \(text.debugDescription)")
        #expect(scalars.dropFirst().allSatisfy { TextWidth.columns(of: $0) == 0 }, "cell \(cell.symbol.debugDescription)")
        let emoji = scalars.contains {
          unstable.contains($0.value) || (0x1F1E6...0x1F1FF).contains($0.value)
            || ((0x1F3FB...0x1F3FF).contains($0.value) && scalars.count > 1)
        }
        #expect(!emoji, "cell \(cell.symbol.debugDescription)")
        #expect(!scalars.contains(where: Sanitizer.isControl))
      }
    }
  }

  @Test("Truncating and wrapping measure clusters as put draws them")
  func fittingAgreesWithPut() {
    for text in Self.texts.prefix(3_000) {
      for width in [1, 2, 3, 5] {
        #expect(TextWidth.columns(of: TextWidth.truncate(text, toWidth: width)) <= width)
        for line in TextWidth.wrap(text, width: width) {
          var buffer = Buffer(width: 50, height: 1)
          #expect(buffer.put(line, x: 0, y: 0) <= width, "\(line.debugDescription) from \(text.debugDescription)")
        }
      }
    }
  }
}
