/// Makes text from the data safe to put on a terminal. Control characters
/// (C0, DEL, C1) would let a crafted title retitle the window, move the
/// cursor or write to the clipboard (OSC 52), so each becomes a visible
/// placeholder and is never sent raw. ESC shows as `␛`, other C0 controls
/// as their Control Pictures glyph, DEL as `␡`, C1 controls as `¿`.
public enum Sanitizer {
  /// The graphemes of `text`, with every control character replaced.
  public static func visibleGraphemes(_ text: some StringProtocol) -> [String] {
    var out: [String] = []
    out.reserveCapacity(text.utf8.count)
    for character in text {
      if character.unicodeScalars.contains(where: isControl) {
        for scalar in character.unicodeScalars {
          out.append(isControl(scalar) ? placeholder(for: scalar) : String(scalar))
        }
      } else {
        out.append(String(character))
      }
    }
    return out
  }

  /// `text` with every control character replaced by its placeholder.
  public static func visible(_ text: some StringProtocol) -> String {
    visibleGraphemes(text).joined()
  }

  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v)
  }

  static func placeholder(for scalar: Unicode.Scalar) -> String {
    let v = scalar.value
    if v < 0x20, let picture = Unicode.Scalar(0x2400 + v) { return String(picture) }
    if v == 0x7F { return "\u{2421}" }
    return "\u{00BF}"
  }
}
