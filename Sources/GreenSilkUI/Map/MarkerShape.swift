/// The cells a country marker takes and what each shows: a braille disc
/// that grows with the count (one step per power of ten), or ASCII
/// letters of growing weight.
struct MarkerShape {
  let width: Int
  let height: Int
  /// Braille pattern per cell, row by row.
  let braille: [UInt8]
  /// ASCII character per cell, row by row.
  let ascii: [String]

  static func of(_ size: MarkerSize) -> MarkerShape {
    switch size {
    case .units: MarkerShape(width: 1, height: 1, braille: [0x36], ascii: ["o"])
    case .tens: MarkerShape(width: 1, height: 1, braille: [0xFF], ascii: ["O"])
    case .hundreds: disc(width: 2, height: 1, radius: 2.1, ascii: "@")
    case .thousands: disc(width: 3, height: 2, radius: 3.3, ascii: "@")
    }
  }

  /// A disc of `radius` dots centred in a block of `width` x `height` cells.
  static func disc(width: Int, height: Int, radius: Double, ascii: String) -> MarkerShape {
    var cells = [UInt8](repeating: 0, count: width * height)
    let centerX = Double(width * 2) / 2
    let centerY = Double(height * 4) / 2
    for y in 0..<(height * 4) {
      for x in 0..<(width * 2) {
        let dx = Double(x) + 0.5 - centerX
        let dy = Double(y) + 0.5 - centerY
        if dx * dx + dy * dy <= radius * radius {
          cells[(y / 4) * width + x / 2] |= BrailleDots.bitAt[(y % 4) * 2 + x % 2]
        }
      }
    }
    return MarkerShape(width: width, height: height, braille: cells, ascii: Array(repeating: ascii, count: cells.count))
  }

  /// The glyphs of one row of the shape, for a legend.
  func row(_ row: Int, ascii useASCII: Bool) -> String {
    (0..<width).map { useASCII ? ascii[row * width + $0] : BrailleDots.glyphs[Int(braille[row * width + $0])] }.joined()
  }
}
