/// The braille patterns block (U+2800-U+28FF) as a 2 x 4 dot grid per
/// cell: one bit per dot, the pattern's code point is U+2800 plus the bits.
enum BrailleDots {
  /// The bit of the dot at (`column` 0-1, `row` 0-3) within a cell. The
  /// order is braille's own: dots 1-3 and 4-6 down the two columns, then
  /// dots 7 and 8 on the bottom row.
  static let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

  /// The same bits flat: index `row * 2 + column`.
  static let bitAt: [UInt8] = [0x01, 0x08, 0x02, 0x10, 0x04, 0x20, 0x40, 0x80]

  /// The glyph of every pattern, made once (a glyph is a small string that
  /// is copied, not allocated, when a cell takes it).
  static let glyphs: [String] = (0..<256).map { bits in
    bits == 0 ? " " : Unicode.Scalar(UInt32(0x2800 + bits)).map { String(Character($0)) } ?? " "
  }

  /// Dots set in a pattern.
  static func count(_ bits: UInt8) -> Int { bits.nonzeroBitCount }
}
