import GreenSilkCore

/// Terminal column widths of text, independent of the process locale so
/// that layout is the same in tests, over SSH and on a wall display.
/// East Asian Wide and Fullwidth characters and emoji presentation
/// characters take two columns; combining marks, format characters (ZWJ,
/// zero-width space) and variation selectors take none. The tables are
/// Unicode 15.0 (`UnicodeWidthTables.swift`).
///
/// Widths are measured *as a `Buffer` shows the text*: a hidden character
/// (a control or bidi control) counts as one column, because `Buffer.put`
/// replaces it with a one-column picture (`Sanitizer`), and a grapheme
/// cluster counts the cells `GraphemeCells` draws it in: one per spacing
/// scalar (as tmux and xterm place them), or the width of the placeholder
/// that stands for an emoji sequence. That keeps `columns(of:)`,
/// `truncate`, `pad` and `wrap` in step with what `put` writes, and all
/// of them in step with the terminal.
///
/// Every function here is linear in the text it reads (a 10,000-character
/// field wraps in one pass).
public enum TextWidth {
  // MARK: - Measuring

  /// Columns taken by one scalar when it starts a grapheme (0, 1 or 2).
  /// Hidden characters count 1, the width of their picture.
  public static func columns(of scalar: Unicode.Scalar) -> Int {
    scalarColumns(scalar.value)
  }

  /// Columns taken by one grapheme cluster, as `Buffer.put` draws it.
  public static func columns(of character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if scalars.index(after: scalars.startIndex) == scalars.endIndex {
      return GraphemeCells.cellWidth(first)
    }
    return GraphemeCells.columns(of: character)
  }

  /// Columns taken by a string (a concrete overload so that a string
  /// literal is measured whole, not as a `Character`).
  public static func columns(of text: String) -> Int {
    columns(of: Substring(text))
  }

  /// Columns taken by a string.
  public static func columns(of text: some StringProtocol) -> Int {
    if let ascii = asciiCount(text) { return ascii }
    // The same walk as `Buffer.put`, so the two always agree.
    var total = 0
    Sanitizer.forEachVisibleGrapheme(Substring(text)) { _, width in
      total += width
      return true
    }
    return total
  }

  /// The number of bytes when `text` is all ASCII (then bytes == columns,
  /// controls included, since each becomes one placeholder), else nil.
  @inline(__always)
  static func asciiCount(_ text: some StringProtocol) -> Int? {
    let result = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
      for byte in bytes where byte >= 0x80 { return nil }
      return bytes.count
    }
    if let result { return result }
    for byte in text.utf8 where byte >= 0x80 { return nil }
    return text.utf8.count
  }

  static func scalarColumns(_ v: UInt32) -> Int {
    if v < 0x300 { return 1 }  // controls included: one placeholder each
    if ControlCharacters.isHidden(value: v) { return 1 }  // bidi controls: one picture each
    if contains(v, in: zeroWidth) { return 0 }
    if v >= 0x1100, contains(v, in: wide) { return 2 }
    return 1
  }

  /// Binary search in a flat list of inclusive (first, last) pairs.
  static func contains(_ v: UInt32, in table: [UInt32]) -> Bool {
    table.withUnsafeBufferPointer { ranges in
      var low = 0
      var high = ranges.count / 2 - 1
      guard high >= 0, v >= ranges[0], v <= ranges[ranges.count - 1] else { return false }
      while low <= high {
        let mid = (low + high) / 2
        if v < ranges[2 * mid] {
          high = mid - 1
        } else if v > ranges[2 * mid + 1] {
          low = mid + 1
        } else {
          return true
        }
      }
      return false
    }
  }

  // MARK: - Fitting

  /// The longest prefix of `text` whose width is at most `width`, and that
  /// width. Never splits a grapheme.
  public static func prefix(_ text: some StringProtocol, maxWidth width: Int) -> (text: Substring, columns: Int) {
    let whole = Substring(text)
    guard width > 0 else { return (whole[whole.startIndex..<whole.startIndex], 0) }
    // Only the first width+1 bytes matter when they are ASCII (the extra
    // one shows that nothing combines with the last kept character), so a
    // long text is not scanned to its end.
    let utf8 = whole.utf8
    let probe = min(utf8.count, width + 1)
    if utf8.prefix(probe).allSatisfy({ $0 < 0x80 }) {
      let count = min(probe, width)
      return (whole[whole.startIndex..<utf8.index(whole.startIndex, offsetBy: count)], count)
    }
    var used = 0
    var end = whole.startIndex
    while end < whole.endIndex {
      let glyph = columns(of: whole[end])
      if used + glyph > width { break }
      used += glyph
      end = whole.index(after: end)
    }
    return (whole[whole.startIndex..<end], used)
  }

  /// `text` cut to at most `width` columns. When it had to be cut, the end
  /// is replaced by `ellipsis` (itself cut if even it does not fit).
  public static func truncate(_ text: some StringProtocol, toWidth width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    // Measure no further than needed: a prefix that takes the whole text
    // means it fits.
    let whole = prefix(text, maxWidth: width)
    if whole.text.endIndex == Substring(text).endIndex { return String(text) }
    let mark = columns(of: ellipsis)
    if mark >= width { return String(prefix(ellipsis, maxWidth: width).text) }
    return String(prefix(text, maxWidth: width - mark).text) + ellipsis
  }

  /// `text` made exactly `width` columns wide: padded with spaces on the
  /// side `alignment` asks for, or cut (without an ellipsis) if too wide.
  public static func pad(_ text: some StringProtocol, toWidth width: Int, align alignment: TextAlignment = .left) -> String {
    guard width > 0 else { return "" }
    let cut = prefix(text, maxWidth: width)
    let gap = width - cut.columns
    if gap == 0 { return String(cut.text) }
    let left: Int
    switch alignment {
    case .left: left = 0
    case .right: left = gap
    case .center: left = gap / 2
    }
    return String(repeating: " ", count: left) + cut.text + String(repeating: " ", count: gap - left)
  }

  /// `text` truncated with `ellipsis` if too wide, then padded to exactly
  /// `width` columns: what a table cell shows.
  public static func fit(
    _ text: some StringProtocol, toWidth width: Int, align alignment: TextAlignment = .left,
    ellipsis: String = "…"
  ) -> String {
    pad(truncate(text, toWidth: width, ellipsis: ellipsis), toWidth: width, align: alignment)
  }

  // MARK: - Wrapping

  /// Word-wraps `text` into lines of at most `width` columns. Line feeds
  /// (LF, CR LF) start new lines; spaces at a break are dropped; a word
  /// wider than `width` is broken wherever it has to be. An empty text is
  /// one empty line; a width below 1 gives no lines.
  public static func wrap(_ text: some StringProtocol, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in paragraphs(of: text) { wrapParagraph(paragraph, width: width, into: &lines) }
    return lines
  }

  /// Splits at LF and CR LF, which Swift sees as one grapheme each.
  static func paragraphs(of text: some StringProtocol) -> [Substring] {
    let whole = Substring(text)
    var out: [Substring] = []
    var start = whole.startIndex
    var index = whole.startIndex
    while index < whole.endIndex {
      let character = whole[index]
      let next = whole.index(after: index)
      if character == "\n" || character == "\r\n" {
        out.append(whole[start..<index])
        start = next
      }
      index = next
    }
    out.append(whole[start..<whole.endIndex])
    return out
  }

  /// One paragraph, in one pass: every grapheme is measured once. A word
  /// is collected until a space ends it, then placed on the current line
  /// if it fits there, else on a new one. A word that grows wider than a
  /// whole line is broken as it is read: the line before it ends, and
  /// each full-width piece becomes a line of its own.
  static func wrapParagraph(_ paragraph: Substring, width: Int, into lines: inout [String]) {
    let firstLine = lines.count
    var line = ""
    var lineWidth = 0
    var pendingSpaces = 0  // spaces since the last word, placed only if the next word fits
    var word = ""
    var wordWidth = 0
    var breakingWord = false  // the current word is wider than a line
    func endWord() {
      defer {
        word = ""
        wordWidth = 0
        breakingWord = false
      }
      if breakingWord {
        line = word
        lineWidth = wordWidth
        return
      }
      if word.isEmpty { return }
      if lineWidth + pendingSpaces + wordWidth <= width {
        line += String(repeating: " ", count: pendingSpaces)
        line += word
        lineWidth += pendingSpaces + wordWidth
      } else {
        // The word starts a new line; the spaces before it are the break.
        if lineWidth > 0 { lines.append(line) }
        line = word
        lineWidth = wordWidth
      }
      pendingSpaces = 0
    }
    for character in paragraph {
      if character == " " {
        endWord()
        pendingSpaces += 1
        continue
      }
      let glyph = columns(of: character)
      if wordWidth + glyph <= width {
        word.append(character)
        wordWidth += glyph
        continue
      }
      if !breakingWord {
        breakingWord = true
        pendingSpaces = 0
        if lineWidth > 0 {
          lines.append(line)
          line = ""
          lineWidth = 0
        }
      }
      if !word.isEmpty { lines.append(word) }
      // A wide glyph in a one-column line can never fit: it is dropped.
      word = glyph <= width ? String(character) : ""
      wordWidth = glyph <= width ? glyph : 0
    }
    endWord()
    // A paragraph is at least one line, even when empty.
    if lineWidth > 0 || lines.count == firstLine { lines.append(line) }
  }
}

/// Where text sits in a space wider than itself.
public enum TextAlignment: Sendable, Hashable {
  case left
  case center
  case right
}
