/// Makes text from the data safe to put on a terminal. Control characters
/// (C0, DEL, C1) would let a crafted title retitle the window, move the
/// cursor or write to the clipboard (OSC 52), so each becomes a visible
/// placeholder and is never sent raw. ESC shows as `␛`, other C0 controls
/// as their Control Pictures glyph, DEL as `␡`, C1 controls as `¿`.
///
/// An escape sequence therefore shows as its placeholder followed by its
/// (harmless) printable tail: `ESC [ 2 J` becomes `␛[2J`.
public enum Sanitizer {
  /// Whether a scalar is a C0 control, DEL or a C1 control.
  @inline(__always)
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return v < 0x20 || (v >= 0x7F && v <= 0x9F)
  }

  /// Whether `text` holds any control character. Scans bytes: C0 and DEL
  /// are single bytes, C1 controls are `C2 80`…`C2 9F` in UTF-8.
  public static func containsControl(_ text: some StringProtocol) -> Bool {
    if let found = text.utf8.withContiguousStorageIfAvailable({ containsControl(bytes: $0) }) {
      return found
    }
    return Array(text.utf8).withUnsafeBufferPointer { containsControl(bytes: $0) }
  }

  static func containsControl(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var previous: UInt8 = 0
    for byte in bytes {
      if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) {
        return true
      }
      previous = byte
    }
    return false
  }

  /// `text` with every control character replaced by its placeholder.
  /// Text without controls comes back unchanged and is not rebuilt.
  public static func visible(_ text: some StringProtocol) -> String {
    guard containsControl(text) else { return String(text) }
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      if isControl(scalar) {
        out.unicodeScalars.append(placeholder(for: scalar))
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// The graphemes of `text`, with every control character replaced.
  /// Kept for callers that want the cells one by one; `Buffer.put` does
  /// not use it, to avoid building an array of strings per call.
  public static func visibleGraphemes(_ text: some StringProtocol) -> [String] {
    var out: [String] = []
    forEachVisibleGrapheme(Substring(text)) { grapheme, _ in
      out.append(grapheme)
      return true
    }
    return out
  }

  /// Calls `body` with each grapheme as a `Buffer` shows it and its width
  /// in columns, until `body` returns false. A grapheme holding a control
  /// (only CR LF can hold two scalars) is split into single scalars, each
  /// control replaced by its placeholder.
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
      if isControl(scalar) {
        // Controls never join a cluster, except CR LF: shown as two anyway.
        if !body(String(placeholder(for: scalar)), 1) { return }
        index += length
        continue
      }
      let next = index + length
      if next == count || startsCluster(decode(bytes, at: next).scalar, after: scalar) {
        if !body(String(scalar), TextWidth.scalarColumns(scalar.value)) { return }
        index = next
        continue
      }
      // Let the standard library find where this cluster ends. It starts
      // with a non-control, so it holds no control (they stand alone).
      let start = text.utf8.index(text.startIndex, offsetBy: index)
      guard let character = text[start...].first else { return }
      if !body(String(character), TextWidth.columns(of: character)) { return }
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

  /// The one-column picture shown in place of a control character.
  public static func placeholder(for scalar: Unicode.Scalar) -> Unicode.Scalar {
    let v = scalar.value
    if v < 0x20, let picture = Unicode.Scalar(0x2400 + v) { return picture }
    if v == 0x7F { return "\u{2421}" }
    return "\u{00BF}"
  }
}
