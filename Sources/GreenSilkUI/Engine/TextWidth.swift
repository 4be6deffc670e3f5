/// Terminal column widths of text, independent of the process locale so
/// that layout is the same in tests, over SSH and on a wall display.
/// East Asian Wide and Fullwidth characters and emoji take two columns;
/// combining marks and zero-width characters take none.
public enum TextWidth {
  /// Columns taken by one grapheme cluster (0, 1 or 2).
  public static func columns(of grapheme: String) -> Int {
    guard let first = grapheme.unicodeScalars.first else { return 0 }
    return columns(of: first)
  }

  /// Columns taken by a string.
  public static func columns(of text: some StringProtocol) -> Int {
    var total = 0
    for character in text { total += columns(of: String(character)) }
    return total
  }

  /// Columns taken by one scalar when it starts a grapheme.
  public static func columns(of scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x300 { return v < 0x20 || (v >= 0x7F && v < 0xA0) ? 0 : 1 }
    if isZeroWidth(v) { return 0 }
    return isWide(v) ? 2 : 1
  }

  static func isZeroWidth(_ v: UInt32) -> Bool {
    (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) || (0xFE00...0xFE0F).contains(v)
      || v == 0xFEFF
  }

  static func isWide(_ v: UInt32) -> Bool {
    (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
      || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
      || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
      || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
      || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
  }
}
