/// The characters that must never reach a reader raw, and the visible
/// pictures shown in their place. This is the one definition every output
/// uses: the dashboard's cells (`Sanitizer` in the UI), the headless
/// commands' messages, the text, markdown and HTML reports, and the JSON
/// writer (which escapes the same set as `\uXXXX`).
///
/// The set:
/// - C0 controls and DEL: a terminal obeys them (ESC starts a sequence
///   that can retitle the window, move the cursor or write the clipboard
///   with OSC 52; CR returns to the start of the line and lets a value
///   overwrite what came before it);
/// - C1 controls (U+0080-U+009F): U+009B is CSI and U+009D is OSC in a
///   terminal that reads C1 in UTF-8;
/// - bidirectional formatting controls (U+061C, U+200E-U+200F,
///   U+202A-U+202E, U+2066-U+2069) and the deprecated format controls
///   U+206A-U+206F: they reorder what follows them, so a title can show
///   in a different order than it is stored ("Trojan Source");
/// - the line and paragraph separators U+2028 and U+2029, which some
///   readers treat as line breaks (a value that starts a line of its own).
///
/// Pictures are one column wide everywhere: C0 controls take their Unicode
/// Control Pictures glyph (ESC → `␛`, CR → `␍`), DEL `␡`, and everything
/// else U+2426 `␦` (SYMBOL FOR SUBSTITUTE FORM TWO, the Control Pictures
/// sign for "a character was substituted here"; not U+FFFD, which reads
/// as a decoding error). An escape sequence therefore reads as its picture
/// and its harmless printable tail: `ESC [ 2 J` becomes `␛[2J`.
public enum ControlCharacters {
  /// Whether `scalar` is shown as a picture rather than passed on.
  @inline(__always)
  public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
    isHidden(value: scalar.value)
  }

  /// `isHidden` on a scalar value (the UI's byte walker decodes values).
  @inline(__always)
  public static func isHidden(value v: UInt32) -> Bool {
    if v < 0x20 || (v >= 0x7F && v <= 0x9F) { return true }
    if v < 0x61C { return false }
    return v == 0x61C || (v >= 0x200E && v <= 0x200F) || (v >= 0x2028 && v <= 0x202E)
      || (v >= 0x2066 && v <= 0x206F)
  }

  /// The one-column picture shown in place of a hidden character.
  public static func picture(for scalar: Unicode.Scalar) -> Unicode.Scalar {
    let v = scalar.value
    if v < 0x20, let picture = Unicode.Scalar(0x2400 + v) { return picture }
    if v == 0x7F { return "\u{2421}" }
    return "\u{2426}"
  }

  /// Whether `text` holds any hidden character. Scans the UTF-8 bytes:
  /// C0 and DEL are single bytes, C1 controls are `C2 80`…`C2 9F`, U+061C
  /// is `D8 9C`, and the rest of the set is `E2 80 xx` or `E2 81 xx`.
  public static func containsHidden(_ text: some StringProtocol) -> Bool {
    if let found = text.utf8.withContiguousStorageIfAvailable({ containsHidden(bytes: $0) }) {
      return found
    }
    return Array(text.utf8).withUnsafeBufferPointer { containsHidden(bytes: $0) }
  }

  /// `containsHidden` on valid UTF-8 bytes.
  public static func containsHidden(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    var index = 0
    while index < count {
      let byte = bytes[index]
      if byte < 0x20 || byte == 0x7F { return true }
      if byte == 0xC2 || byte == 0xD8 || byte == 0xE2, let (value, _) = decode(bytes, at: index),
        isHidden(value: value)
      {
        return true
      }
      index += 1
    }
    return false
  }

  /// The scalar value starting at `index` when the byte there leads a
  /// two- or three-byte sequence (the only lengths the hidden set uses
  /// above ASCII), and the sequence's length.
  @inline(__always)
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
    let lead = UInt32(bytes[index])
    if lead >= 0xC2, lead < 0xE0, index + 1 < bytes.count {
      return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
    }
    if lead >= 0xE0, lead < 0xF0, index + 2 < bytes.count {
      return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
    }
    return nil
  }

  /// `text` with every hidden character replaced by its picture. Line
  /// feeds stay line feeds when `keepingLineFeeds` (a document's own
  /// line structure); tabs stay tabs when `keepingTabs` (they only move
  /// the cursor to the next tab stop), or become spaces with
  /// `tabsAsSpaces`. Text with nothing hidden comes back unchanged, and
  /// is not rebuilt.
  public static func visible(
    _ text: some StringProtocol, keepingLineFeeds: Bool = false, keepingTabs: Bool = false,
    tabsAsSpaces: Bool = false
  ) -> String {
    guard containsHidden(text) else { return String(text) }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n" where keepingLineFeeds: out.append(scalar)
      case "\t" where keepingTabs: out.append(scalar)
      case "\t" where tabsAsSpaces: out.append(" ")
      default: out.append(isHidden(scalar) ? picture(for: scalar) : scalar)
      }
    }
    return String(out)
  }
}
