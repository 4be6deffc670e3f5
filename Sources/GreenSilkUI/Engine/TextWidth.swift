/// Terminal column widths of text, independent of the process locale so
/// that layout is the same in tests, over SSH and on a wall display.
/// East Asian Wide and Fullwidth characters and emoji presentation
/// characters take two columns; combining marks, format characters (ZWJ,
/// zero-width space) and variation selectors take none. The tables are
/// Unicode 15.0 (`UnicodeWidthTables.swift`).
///
/// Widths are measured *as a `Buffer` shows the text*: a control character
/// counts as one column, because `Buffer.put` replaces it with a one-column
/// placeholder (`Sanitizer`). That keeps `columns(of:)`, `truncate`, `pad`
/// and `wrap` in step with what `put` writes.
///
/// A grapheme cluster is as wide as its first scalar, as a terminal using
/// wcwidth draws it: a text-presentation symbol followed by U+FE0F stays one
/// column, an emoji ZWJ sequence or a flag takes two.
public enum TextWidth {
  // MARK: - Measuring

  /// Columns taken by one scalar when it starts a grapheme (0, 1 or 2).
  /// Control characters count 1, the width of their placeholder.
  public static func columns(of scalar: Unicode.Scalar) -> Int {
    scalarColumns(scalar.value)
  }

  /// Columns taken by one grapheme cluster.
  public static func columns(of character: Character) -> Int {
    let scalars = character.unicodeScalars
    var iterator = scalars.makeIterator()
    guard let first = iterator.next() else { return 0 }
    if first.value < 0x300 && !Sanitizer.isControl(first) {
      // Latin, Greek and friends, possibly with combining marks: one column.
      return 1
    }
    guard iterator.next() != nil else { return scalarColumns(first.value) }
    if scalars.contains(where: Sanitizer.isControl) {
      // The sanitizer splits such a cluster (CR LF) into single scalars.
      var total = 0
      for scalar in scalars { total += scalarColumns(scalar.value) }
      return total
    }
    return scalarColumns(first.value)
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

  static func wrapParagraph(_ paragraph: Substring, width: Int, into lines: inout [String]) {
    let firstLine = lines.count
    var line = ""
    var lineWidth = 0
    var pendingSpaces = 0  // spaces since the last word, placed only if the next word fits
    var index = paragraph.startIndex
    while index < paragraph.endIndex {
      if paragraph[index] == " " {
        pendingSpaces += 1
        index = paragraph.index(after: index)
        continue
      }
      var wordEnd = index
      while wordEnd < paragraph.endIndex, paragraph[wordEnd] != " " {
        wordEnd = paragraph.index(after: wordEnd)
      }
      var word = paragraph[index..<wordEnd]
      var wordWidth = columns(of: word)
      index = wordEnd
      let spaces = pendingSpaces
      pendingSpaces = 0
      if lineWidth + spaces + wordWidth <= width {
        line += String(repeating: " ", count: spaces)
        line += word
        lineWidth += spaces + wordWidth
        continue
      }
      // The word starts a new line; the spaces before it are the break.
      if lineWidth > 0 {
        lines.append(line)
        line = ""
        lineWidth = 0
      }
      while wordWidth > width {
        let piece = prefix(word, maxWidth: width)
        if piece.text.isEmpty {
          // A wide glyph in a one-column line can never fit: drop it rather
          // than loop forever.
          word = word.dropFirst()
        } else {
          lines.append(String(piece.text))
          word = word[piece.text.endIndex...]
        }
        wordWidth = columns(of: word)
      }
      line = String(word)
      lineWidth = wordWidth
    }
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
