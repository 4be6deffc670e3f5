import Testing

@testable import GreenSilkUI

/// `TextWidth.wrap` reads each paragraph once (it was quadratic in a long
/// word: a 10,000-character CJK field took seconds per key). It must wrap
/// exactly as the straightforward algorithm it replaced, kept here as the
/// reference: measure each word, place it if it fits, else start a line,
/// and cut a word wider than a line into the longest prefixes that fit.
@Suite("Wrapping in one pass")
struct WrapReferenceTests {
  static func reference(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in TextWidth.paragraphs(of: text) {
      let firstLine = lines.count
      var line = ""
      var lineWidth = 0
      var pendingSpaces = 0
      var index = paragraph.startIndex
      while index < paragraph.endIndex {
        if paragraph[index] == " " {
          pendingSpaces += 1
          index = paragraph.index(after: index)
          continue
        }
        var wordEnd = index
        while wordEnd < paragraph.endIndex, paragraph[wordEnd] != " " { wordEnd = paragraph.index(after: wordEnd) }
        var word = paragraph[index..<wordEnd]
        var wordWidth = TextWidth.columns(of: word)
        index = wordEnd
        let spaces = pendingSpaces
        pendingSpaces = 0
        if lineWidth + spaces + wordWidth <= width {
          line += String(repeating: " ", count: spaces) + word
          lineWidth += spaces + wordWidth
          continue
        }
        if lineWidth > 0 {
          lines.append(line)
          line = ""
          lineWidth = 0
        }
        while wordWidth > width {
          let piece = TextWidth.prefix(word, maxWidth: width)
          if piece.text.isEmpty {
            word = word.dropFirst()
          } else {
            lines.append(String(piece.text))
            word = word[piece.text.endIndex...]
          }
          wordWidth = TextWidth.columns(of: word)
        }
        line = String(word)
        lineWidth = wordWidth
      }
      if lineWidth > 0 || lines.count == firstLine { lines.append(line) }
    }
    return lines
  }

  static let pieces = ["a", "bc", " ", "  ", "中", "文字", "e\u{301}", "👍\u{1F3FD}", "\n", "\r\n", "\u{1B}", "\u{301}"]

  /// Every text of up to four pieces, in every order (22,621 texts).
  static let texts: [String] = {
    var out = [""]
    var previous = [""]
    for _ in 1...4 {
      previous = previous.flatMap { text in pieces.map { text + $0 } }
      out += previous
    }
    return out
  }()

  @Test("The one-pass wrap matches the reference", arguments: [1, 2, 3, 4, 7])
  func matchesReference(width: Int) {
    for text in Self.texts {
      #expect(TextWidth.wrap(text, width: width) == Self.reference(text, width: width), "\(text.debugDescription) at \(width)")
    }
  }

  @Test func longCJKWordBreaksIntoFullLines() {
    let text = String(repeating: "中", count: 10_000)
    let lines = TextWidth.wrap(text, width: 71)
    #expect(lines.count == 286)  // 35 per line: 10,000 / 35 rounded up
    #expect(lines.dropLast().allSatisfy { $0.count == 35 })
    #expect(lines.joined() == text)
  }
}
