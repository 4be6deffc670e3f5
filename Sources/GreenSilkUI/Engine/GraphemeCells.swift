import GreenSilkCore

/// How a grapheme cluster of more than one scalar is drawn in cells, so
/// that every terminal we target agrees on how many columns it takes.
///
/// tmux and xterm-compatible terminals place text by the width of each
/// scalar (`wcwidth`): a scalar of width 1 or 2 takes its own cells, a
/// zero-width scalar (a combining mark) joins the cell before it. A
/// cluster whose scalars all follow that rule is drawn the same way here:
/// one cell per spacing scalar, its combining marks with it (`e` + U+0301
/// is one cell; Devanagari `क` + the spacing vowel sign `ा` is two).
///
/// Emoji sequences are where terminals disagree. Measured in tmux 3.3a:
/// a ZWJ family takes 2 columns (xterm: 6), a thumbs-up with a skin tone
/// 4 (kitty: 2), a flag 2 but a lone regional indicator 1, a heart with
/// VS16 1 (VTE, kitty: 2), a keycap 1 (emoji terminals: 2). Any cluster
/// holding a ZWJ, a variation selector 15/16, a skin-tone modifier, a
/// regional indicator, the keycap mark or emoji tag characters is
/// therefore drawn as a placeholder of known width: `〓` (U+3013 GETA
/// MARK, the typographer's sign for a glyph that cannot be set; two
/// columns everywhere) for an emoji, `␦` per column otherwise (a text-
/// presentation sequence with VS15; a ZWJ between letters, which tmux
/// would fold into one cell).
///
/// Conjoining Hangul jamo (leading consonant + vowel [+ final], as in
/// text decomposed to NFD) are composed into the precomposed syllable,
/// which every terminal draws two columns wide; jamo that do not compose
/// (Old Korean) become `〓`.
enum GraphemeCells {
  /// The two-column placeholder for a cluster drawn in no agreed width.
  static let widePlaceholder = "\u{3013}"
  /// The one-column placeholder.
  static let narrowPlaceholder = "\u{2426}"

  /// Calls `body` with each cell of `character` (its symbol and width),
  /// until `body` returns false; returns false if it was stopped.
  /// Zero-width scalars before any spacing one are dropped (nothing to
  /// join). Works on any cluster, though callers use it for clusters of
  /// two or more scalars.
  @discardableResult
  static func forEachCell(of character: Character, _ body: (String, Int) -> Bool) -> Bool {
    let scalars = character.unicodeScalars
    if scalars.index(after: scalars.startIndex) == scalars.endIndex, let only = scalars.first {
      let cell = self.cell(only)
      return body(cell.symbol, cell.width)
    }
    if scalars.contains(where: ControlCharacters.isHidden) {
      // Only CR LF holds a control inside a cluster: a picture per scalar.
      for scalar in scalars where !body(String(ControlCharacters.picture(for: scalar)), 1) { return false }
      return true
    }
    switch shape(of: scalars) {
    case .cells:
      break
    case .syllable(let syllable):
      return body(String(syllable), 2)
    case .widePlaceholder:
      return body(widePlaceholder, 2)
    case .narrowPlaceholders(let columns):
      for _ in 0..<columns where !body(narrowPlaceholder, 1) { return false }
      return true
    }
    var cell = String.UnicodeScalarView()
    var cellWidth = 0
    for scalar in scalars {
      let width = TextWidth.scalarColumns(scalar.value)
      if width == 0 {
        if cellWidth > 0 { cell.append(scalar) }
        continue
      }
      if cellWidth > 0, !body(String(cell), cellWidth) { return false }
      cell = String.UnicodeScalarView(CollectionOfOne(scalar))
      cellWidth = width
    }
    return cellWidth == 0 || body(String(cell), cellWidth)
  }

  /// How a cluster of one scalar is drawn: a hidden character as its
  /// picture, a lone regional indicator (one column in tmux and glibc,
  /// two in emoji terminals) as `〓`, anything else as itself.
  @inline(__always)
  static func cell(_ scalar: Unicode.Scalar) -> (symbol: String, width: Int) {
    let v = scalar.value
    if ControlCharacters.isHidden(value: v) { return (String(ControlCharacters.picture(for: scalar)), 1) }
    if v >= 0x1F1E6 && v <= 0x1F1FF { return (widePlaceholder, 2) }
    return (String(scalar), TextWidth.scalarColumns(v))
  }

  /// `cell(scalar).width`, without building the symbol.
  @inline(__always)
  static func cellWidth(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if ControlCharacters.isHidden(value: v) { return 1 }
    if v >= 0x1F1E6 && v <= 0x1F1FF { return 2 }
    return TextWidth.scalarColumns(v)
  }

  /// Columns `character` takes: the sum of its cells.
  static func columns(of character: Character) -> Int {
    var total = 0
    forEachCell(of: character) { _, width in
      total += width
      return true
    }
    return total
  }

  enum Shape: Equatable {
    /// Drawn scalar by scalar, as wcwidth-based terminals do.
    case cells
    /// Conjoining jamo composed into one precomposed syllable.
    case syllable(Unicode.Scalar)
    /// Drawn as `〓`, two columns (an emoji sequence, Old Korean jamo).
    case widePlaceholder
    /// Drawn as `␦`, one per column.
    case narrowPlaceholders(columns: Int)
  }

  static func shape(of scalars: Character.UnicodeScalarView) -> Shape {
    var emoji = false
    var textPresentation = false
    var joiner = false
    var wide = false
    var jamo = false
    var spacingColumns = 0
    for (index, scalar) in scalars.enumerated() {
      let v = scalar.value
      switch v {
      case 0x200D: joiner = true
      case 0xFE0E: textPresentation = true
      case 0xFE0F, 0x20E3, 0x1F3FB...0x1F3FF, 0x1F1E6...0x1F1FF, 0xE0020...0xE007F: emoji = true
      case 0x1160...0x11FF, 0xD7B0...0xD7FF: jamo = true
      case 0x1100...0x115F, 0xA960...0xA97F: jamo = jamo || index == 0
      default: break
      }
      let width = TextWidth.scalarColumns(v)
      wide = wide || width == 2
      spacingColumns += width
    }
    if jamo { return composedSyllable(scalars).map(Shape.syllable) ?? .widePlaceholder }
    if emoji || (joiner && wide) { return .widePlaceholder }
    if joiner { return .narrowPlaceholders(columns: max(1, spacingColumns)) }
    if textPresentation { return .narrowPlaceholders(columns: 1) }
    return .cells
  }

  /// The precomposed syllable for modern conjoining jamo: leading
  /// consonant + vowel (+ final consonant), or an LV syllable + final
  /// consonant (Unicode's Hangul composition, chapter 3.12); nil otherwise.
  static func composedSyllable(_ scalars: Character.UnicodeScalarView) -> Unicode.Scalar? {
    let values = scalars.map(\.value)
    let syllableBase: UInt32 = 0xAC00
    let leadBase: UInt32 = 0x1100, vowelBase: UInt32 = 0x1161, trailBase: UInt32 = 0x11A7
    let vowels: UInt32 = 21, trails: UInt32 = 28
    var syllable: UInt32
    var rest: ArraySlice<UInt32>
    if values.count >= 2, (0x1100...0x1112).contains(values[0]), (0x1161...0x1175).contains(values[1]) {
      syllable = syllableBase + ((values[0] - leadBase) * vowels + (values[1] - vowelBase)) * trails
      rest = values.dropFirst(2)
    } else if let first = values.first, (0xAC00...0xD7A3).contains(first), (first - syllableBase) % trails == 0 {
      syllable = first
      rest = values.dropFirst()
    } else {
      return nil
    }
    if let trail = rest.first {
      guard rest.count == 1, (0x11A8...0x11C2).contains(trail) else { return nil }
      syllable += trail - trailBase
    }
    return Unicode.Scalar(syllable)
  }
}
