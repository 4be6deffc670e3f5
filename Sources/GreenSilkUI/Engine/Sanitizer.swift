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
  @inline(__always)
  static func forEachVisibleGrapheme(_ text: Substring, _ body: (String, Int) -> Bool) {
    for character in text {
      let scalars = character.unicodeScalars
      guard let first = scalars.first else { continue }
      let hasControl: Bool
      if first.value >= 0xA0 {
        // Controls always stand alone as graphemes (except CR LF), so a
        // cluster that starts printable holds none.
        hasControl = false
      } else {
        hasControl = scalars.contains(where: isControl)
      }
      if !hasControl {
        if !body(String(character), TextWidth.columns(of: character)) { return }
        continue
      }
      for scalar in scalars {
        let shown = isControl(scalar) ? placeholder(for: scalar) : scalar
        if !body(String(shown), TextWidth.scalarColumns(shown.value)) { return }
      }
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
