/// The ASCII fallback of the map (`--ascii`, `LANG=C`, `TERM=vt100`): the
/// same 2 x 4 dot grid as braille, each cell's dots read as the line
/// character they look like, so that coasts and borders still read as
/// lines (`-` `_` `|` `/` `\`) rather than as a texture.
enum AsciiDots {
  /// The character for a cell of outline dots.
  static let glyphs: [String] = (0..<256).map { outline(UInt8($0)) }

  /// Member countries' shading where no outline passes.
  static let shading = ":"
  /// A route cell: the selected corridor's, and the others'.
  static let selectedRoute = "#"
  static let route = "*"

  private static let rowMasks: [UInt8] = [0x09, 0x12, 0x24, 0xC0]

  static func outline(_ bits: UInt8) -> String {
    guard bits != 0 else { return " " }
    let left = bits & 0x47 != 0
    let right = bits & 0xB8 != 0
    let used = rowMasks.indices.filter { bits & rowMasks[$0] != 0 }
    guard let top = used.first, let bottom = used.last else { return " " }
    let height = bottom - top + 1
    if !(left && right) {
      return height >= 3 ? "|" : (top >= 2 ? "." : "'")
    }
    if height <= 2 { return top >= 2 ? "_" : "-" }
    let topLeft = bits & 0x03 != 0
    let topRight = bits & 0x18 != 0
    let bottomLeft = bits & 0x44 != 0
    let bottomRight = bits & 0xA0 != 0
    let falling = topLeft && bottomRight
    let rising = topRight && bottomLeft
    if falling && !rising { return "\\" }
    if rising && !falling { return "/" }
    return "+"
  }
}
