import Testing

@testable import GreenSilkUI

@Suite("Sanitizer")
struct SanitizerTests {
  /// `ESC ] 0 ; pwned BEL`, `ESC [ 2 J` and CSI as the C1 control U+009B.
  let attack = "Title\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31mX\u{7F}"

  @Test func controlsBecomePlaceholders() {
    #expect(Sanitizer.visible(attack) == "Title␛]0;pwned␇␛[2J␦31mX␡")
    #expect(Sanitizer.visible("a\tb\nc") == "a␉b␊c")
    #expect(Sanitizer.visible("\u{0}") == "␀")
    #expect(Sanitizer.visible("\u{85}") == "␦")
    // Bidi controls would reorder the row; line separators break it.
    #expect(Sanitizer.visible("abc\u{202E}fed\u{202C} \u{2066}x\u{2069} \u{200F}\u{61C}\u{2028}") == "abc␦fed␦ ␦x␦ ␦␦␦")
  }

  @Test func cleanTextIsUnchanged() {
    let text = "Green Silk Road 绿色丝路 👩‍👩‍👧 é"
    #expect(Sanitizer.visible(text) == text)
    #expect(!Sanitizer.containsControl(text))
  }

  @Test func detectsEveryControl() {
    let bidi = [0x61C, 0x200E, 0x200F] + Array(0x2028...0x202E) + Array(0x2066...0x206F)
    for value in Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F) + bidi {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = "ab" + String(scalar) + "cd"
      #expect(Sanitizer.containsControl(text), "U+\(String(value, radix: 16))")
      #expect(!Sanitizer.containsControl(Sanitizer.visible(text)))
    }
    // Printable scalars whose UTF-8 has bytes 0x80-0x9F after a lead
    // byte other than 0xC2: U+00C2 (C3 82), U+0100 (C4 80), U+0145 (C5 85).
    #expect(!Sanitizer.containsControl("\u{A0}\u{C2}\u{100}\u{145}"))
  }

  @Test func graphemesSplitOnlyAroundControls() {
    #expect(Sanitizer.visibleGraphemes("e\u{301}\r\n中") == ["e\u{301}", "␍", "␊", "中"])
  }

  @Test("No cell of a buffer ever holds a control character")
  func bufferNeverHoldsControls() {
    var buffer = Buffer(width: 60, height: 3)
    buffer.put(attack, x: 0, y: 0)
    buffer.put(hostileText, x: 0, y: 1)
    buffer.put(Substring(attack).dropFirst(2), x: 3, y: 2)
    #expect(!containsControlCell(buffer))
    #expect(buffer.line(0).hasPrefix("Title␛]0;pwned␇␛[2J␦31mX␡"))
  }

  @Test("Every widget that shows data text keeps controls out of the cells")
  func widgetsNeverWriteControls() {
    let widgets: [any Widget] = [
      TextBlock(attack + "\n" + hostileText),
      StatusLine(left: [attack], right: [hostileText]),
      KeyHints([KeyHint(attack, hostileText)]),
      HelpOverlay(sections: [.init(attack, [KeyHint(attack, hostileText)])]),
      MessageBox(title: attack, lines: [hostileText], buttons: [KeyHint("y", attack)]),
      Gauge(ratio: 0.5, label: attack),
      BarChart([Bar(attack, value: 3, valueLabel: hostileText)]),
      ColumnChart([Bar(attack, value: 3, valueLabel: hostileText)]),
      ListView(items: [ListItem(attack), ListItem(hostileText)]),
      Table(columns: [TableColumn(attack), TableColumn(hostileText)], rowCount: 3) { _ in
        [TableCell(attack, matches: [0..<4]), TableCell(hostileText)]
      },
    ]
    for widget in widgets {
      for (width, height) in [(80, 24), (17, 5), (3, 3)] {
        var buffer = Buffer(width: width, height: height)
        widget.render(in: buffer.area, into: &buffer)
        #expect(!containsControlCell(buffer), "\(type(of: widget)) at \(width)x\(height)")
      }
    }
    var buffer = Buffer(width: 40, height: 5)
    let inner = Panel(attack).rightTitle(hostileText).render(in: buffer.area, into: &buffer)
    #expect(!containsControlCell(buffer))
    #expect(inner == Rect(x: 1, y: 1, width: 38, height: 3))
  }
}

@Suite("Grapheme iteration")
struct GraphemeIterationTests {
  /// What `Buffer.put` must show, built the slow, obvious way: the
  /// standard library's graphemes, each drawn as `GraphemeCells` says.
  func reference(_ text: String) -> [String] {
    var out: [String] = []
    for character in text {
      GraphemeCells.forEachCell(of: character) { symbol, _ in
        out.append(symbol)
        return true
      }
    }
    return out
  }

  @Test(
    "The quick path agrees with full grapheme breaking",
    arguments: [
      "plain ASCII", "e\u{301}\u{302}x", "中文字符 한국어 ひらがな", "\u{1100}\u{1161}\u{11A8}한\u{1100}한",
      "👩‍👩‍👧 👍🏽 🇨🇳🇯🇵 ❤\u{FE0F}", "\u{200D}©", "👩\u{200D}©", "\u{600}1 \u{110BD}2",
      "a\r\nb\u{1B}[2J\u{9B}\u{85}\u{7F}", "\u{301}lone", "x\u{20DD}", "क्षि", "©®\u{AD}z",
      "Ａ！ＢＣ", "tab\there", hostileText, "a\u{202E}b\u{2066}c", "🇵x🇵🇰🇵", "1\u{FE0F}\u{20E3}", "कि का",
    ])
  func quickPathMatchesReference(_ text: String) {
    #expect(Sanitizer.visibleGraphemes(text) == reference(text))
  }
}
