/// The xterm 256-colour palette and nearest-colour searches, used to
/// bring theme colours down to what the terminal can show.
public enum XtermPalette {
  /// The six channel levels of the 6x6x6 cube (indices 16-231).
  static let cubeLevels: [Int] = [0x00, 0x5F, 0x87, 0xAF, 0xD7, 0xFF]

  /// xterm's defaults for the 16 ANSI colours. Real terminals differ, so
  /// this is only used to pick an ANSI colour when a theme gives none.
  static let ansi: [RGB] = [
    RGB(0x00, 0x00, 0x00), RGB(0xCD, 0x00, 0x00), RGB(0x00, 0xCD, 0x00), RGB(0xCD, 0xCD, 0x00),
    RGB(0x00, 0x00, 0xEE), RGB(0xCD, 0x00, 0xCD), RGB(0x00, 0xCD, 0xCD), RGB(0xE5, 0xE5, 0xE5),
    RGB(0x7F, 0x7F, 0x7F), RGB(0xFF, 0x00, 0x00), RGB(0x00, 0xFF, 0x00), RGB(0xFF, 0xFF, 0x00),
    RGB(0x5C, 0x5C, 0xFF), RGB(0xFF, 0x00, 0xFF), RGB(0x00, 0xFF, 0xFF), RGB(0xFF, 0xFF, 0xFF),
  ]

  /// The nearest xterm-256 colour to `rgb`, searching only the 6x6x6 cube
  /// and the 24-step grey ramp (indices 16-255): the 16 ANSI colours are
  /// left out because terminals redefine them. The same method as tmux's
  /// `colour_find_rgb`: take the nearest cube point per channel and the
  /// nearest grey, then keep whichever is closer.
  public static func nearest256(_ rgb: RGB) -> UInt8 {
    let r = Int(rgb.red), g = Int(rgb.green), b = Int(rgb.blue)
    let qr = cubeStep(r), qg = cubeStep(g), qb = cubeStep(b)
    let cube = 16 + 36 * qr + 6 * qg + qb
    let cr = cubeLevels[qr], cg = cubeLevels[qg], cb = cubeLevels[qb]
    if cr == r && cg == g && cb == b { return UInt8(cube) }
    let average = (r + g + b) / 3
    let greyStep = average > 238 ? 23 : max(0, (average - 3) / 10)
    let grey = 8 + 10 * greyStep
    let cubeDistance = distance(cr, cg, cb, r, g, b)
    let greyDistance = distance(grey, grey, grey, r, g, b)
    return UInt8(greyDistance < cubeDistance ? 232 + greyStep : cube)
  }

  /// The nearest of the 16 ANSI colours (by xterm's default palette).
  public static func nearestAnsi16(_ rgb: RGB) -> UInt8 {
    var best = 0
    var bestDistance = Int.max
    for (index, candidate) in ansi.enumerated() {
      let d = distance(
        Int(candidate.red), Int(candidate.green), Int(candidate.blue),
        Int(rgb.red), Int(rgb.green), Int(rgb.blue))
      if d < bestDistance {
        best = index
        bestDistance = d
      }
    }
    return UInt8(best)
  }

  /// The colour xterm shows for a palette index by default.
  public static func rgb(ofIndex index: UInt8) -> RGB {
    switch index {
    case 0..<16:
      return ansi[Int(index)]
    case 16..<232:
      let n = Int(index) - 16
      return RGB(
        UInt8(cubeLevels[n / 36]), UInt8(cubeLevels[n / 6 % 6]), UInt8(cubeLevels[n % 6]))
    default:
      let level = UInt8(8 + 10 * (Int(index) - 232))
      return RGB(level, level, level)
    }
  }

  /// The nearest ANSI colour for a palette index (identity below 16).
  public static func nearestAnsi16(index: UInt8) -> UInt8 {
    index < 16 ? index : nearestAnsi16(rgb(ofIndex: index))
  }

  /// Which of the six cube levels a channel value rounds to.
  private static func cubeStep(_ v: Int) -> Int {
    v < 48 ? 0 : v < 114 ? 1 : (v - 35) / 40
  }

  private static func distance(_ r1: Int, _ g1: Int, _ b1: Int, _ r2: Int, _ g2: Int, _ b2: Int)
    -> Int
  {
    (r1 - r2) * (r1 - r2) + (g1 - g2) * (g1 - g2) + (b1 - b2) * (b1 - b2)
  }
}
