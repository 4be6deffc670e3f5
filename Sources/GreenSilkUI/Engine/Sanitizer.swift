import GreenSilkCore

/// Makes text from the data safe to put on a terminal, cell by cell.
/// Hidden characters (`ControlCharacters` in the core: C0, DEL, C1 and the
/// bidi controls) would let a crafted title retitle the window, move the
/// cursor, write to the clipboard (OSC 52) or reorder a row, so each
/// becomes a visible one-column picture and is never sent raw: ESC shows
/// as `␛`, other C0 controls as their Control Pictures glyph, DEL as `␡`,
/// the rest as `␦`. Grapheme clusters that terminals draw at different
/// widths (emoji sequences) become placeholders of known width
/// (`GraphemeCells`).
///
/// An escape sequence therefore shows as its placeholder followed by its
/// (harmless) printable tail: `ESC [ 2 J` becomes `␛[2J`.
public enum Sanitizer {
  /// Whether a scalar is hidden: a C0 control, DEL, a C1 control or a
  /// bidi control (`ControlCharacters.isHidden`).
  @inline(__always)
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    ControlCharacters.isHidden(value: scalar.value)
  }

  /// Whether `text` holds any hidden character.
  public static func containsControl(_ text: some StringProtocol) -> Bool {
    ControlCharacters.containsHidden(text)
  }

  /// `text` with every hidden character replaced by its picture.
  /// Text without any comes back unchanged and is not rebuilt.
  public static func visible(_ text: some StringProtocol) -> String {
    ControlCharacters.visible(text)
  }

  /// The cells of `text` as a `Buffer` shows them (zero-width ones
  /// included). Kept for callers that want the cells one by one;
  /// `Buffer.put` does not use it, to avoid building an array of strings
  /// per call.
  public static func visibleGraphemes(_ text: some StringProtocol) -> [String] {
    var out: [String] = []
    forEachVisibleGrapheme(Substring(text)) { grapheme, _ in
      out.append(grapheme)
      return true
    }
    return out
  }

  /// Calls `body` with each cell as a `Buffer` shows it and its width in
  /// columns, until `body` returns false. A cluster of one scalar is one
  /// cell (`GraphemeCells.cell`: hidden characters as pictures); a longer
  /// cluster is drawn as `GraphemeCells.forEachCell` says (one cell per
  /// spacing scalar with its combining marks, or a placeholder).
  ///
  /// This is the loop under `Buffer.put`, so it works on the UTF-8 bytes
  /// and avoids the standard library's grapheme breaking, which costs far
  /// more than writing a cell: a scalar is taken on its own when the next
  /// scalar surely starts a new cluster (`startsCluster`), and printable
  /// ASCII reuses ready-made strings. Only around combining marks, emoji
  /// sequences, Hangul jamo and the like is the standard library asked
  /// where the cluster ends.
  @inline(__always)
  static func forEachVisibleGrapheme(_ text: Substring, _ body: (String, Int) -> Bool) {
    let handled: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
      forEachVisibleGrapheme(bytes: bytes, of: text, body)
    }
    if handled == nil {
      // Only bridged or foreign strings get here; a native copy is contiguous.
      var copy = String(text)
      copy.makeContiguousUTF8()
      forEachVisibleGrapheme(Substring(copy), body)
    }
  }

  @inline(__always)
  static func forEachVisibleGrapheme(
    bytes: UnsafeBufferPointer<UInt8>, of text: Substring, _ body: (String, Int) -> Bool
  ) {
    asciiSymbols.withUnsafeBufferPointer { symbols in
      forEachVisibleGrapheme(bytes: bytes, of: text, symbols: symbols, body)
    }
  }

  @inline(__always)
  static func forEachVisibleGrapheme(
    bytes: UnsafeBufferPointer<UInt8>, of text: Substring, symbols: UnsafeBufferPointer<String>,
    _ body: (String, Int) -> Bool
  ) {
    let count = bytes.count
    var index = 0
    while index < count {
      let byte = bytes[index]
      // Printable ASCII not followed by a non-ASCII scalar (which might be
      // a combining mark joining it) is a cell on its own.
      if byte >= 0x20, byte < 0x7F, index + 1 == count || bytes[index + 1] < 0x80 {
        if !body(symbols[Int(byte)], 1) { return }
        index += 1
        continue
      }
      let (scalar, length) = decode(bytes, at: index)
      let next = index + length
      // Hidden characters never join a cluster, except CR LF: shown as two
      // pictures anyway.
      if isControl(scalar) || next == count || startsCluster(decode(bytes, at: next).scalar, after: scalar) {
        let cell = GraphemeCells.cell(scalar)
        if !body(cell.symbol, cell.width) { return }
        index = next
        continue
      }
      // Let the standard library find where this cluster ends.
      let start = text.utf8.index(text.startIndex, offsetBy: index)
      guard let character = text[start...].first else { return }
      if !GraphemeCells.forEachCell(of: character, body) { return }
      index += max(1, character.utf8.count)
    }
  }

  /// Printable ASCII as ready-made one-character strings (small strings,
  /// stored inline, so copying one never allocates).
  static let asciiSymbols: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

  /// The scalar starting at `index` of valid UTF-8, and its length.
  @inline(__always)
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
    let lead = UInt32(bytes[index])
    let value: UInt32
    let length: Int
    if lead < 0x80 {
      return (Unicode.Scalar(UInt8(lead)), 1)
    } else if lead < 0xE0 {
      length = 2
      value = (lead & 0x1F) << 6 | continuation(bytes, index + 1)
    } else if lead < 0xF0 {
      length = 3
      value = (lead & 0x0F) << 12 | continuation(bytes, index + 1) << 6 | continuation(bytes, index + 2)
    } else {
      length = 4
      value =
        (lead & 0x07) << 18 | continuation(bytes, index + 1) << 12 | continuation(bytes, index + 2) << 6
        | continuation(bytes, index + 3)
    }
    // A String's bytes are valid UTF-8; the fallback only guards the math.
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  @inline(__always)
  private static func continuation(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt32 {
    index < bytes.count ? UInt32(bytes[index] & 0x3F) : 0
  }

  /// Whether a grapheme boundary surely falls between `previous` and
  /// `scalar` (false means "ask the full algorithm", not "no boundary").
  /// True when `scalar` cannot join what comes before it — anything below
  /// U+0300 (controls and the soft hyphen break too), CJK ideographs, a
  /// Hangul syllable not after a leading jamo — and `previous` neither
  /// joins what follows it (Prepend) nor is a ZWJ.
  @inline(__always)
  static func startsCluster(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar) -> Bool {
    let v = scalar.value
    let simple =
      v < 0x300 || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF)
      || (v >= 0xAC00 && v <= 0xD7A3 && !isHangulLeading(previous.value))
    // After a ZWJ even `©` (U+00A9, Extended_Pictographic) may join.
    return simple && previous.value != 0x200D && !isPrepend(previous.value)
  }

  @inline(__always)
  static func isHangulLeading(_ v: UInt32) -> Bool {
    (v >= 0x1100 && v <= 0x115F) || (v >= 0xA960 && v <= 0xA97C)
  }

  /// Grapheme_Cluster_Break=Prepend (Unicode 15, plus U+113D1 from 16,
  /// which newer standard libraries know): these join the character after
  /// them.
  @inline(__always)
  static func isPrepend(_ v: UInt32) -> Bool {
    guard v >= 0x600 else { return false }
    switch v {
    case 0x600...0x605, 0x6DD, 0x70F, 0x890...0x891, 0x8E2, 0xD4E, 0x110BD, 0x110CD, 0x111C2...0x111C3,
      0x1193F, 0x11941, 0x11A3A, 0x11A84...0x11A89, 0x11D46, 0x11F02, 0x113D1:
      return true
    default:
      return false
    }
  }

  /// The one-column picture shown in place of a hidden character.
  public static func placeholder(for scalar: Unicode.Scalar) -> Unicode.Scalar {
    ControlCharacters.picture(for: scalar)
  }
}
