/// Large numbers for the wall display: digits `0-9` and `,` `.` `:` `%`
/// `-` and space, in two heights. Both come from one 3x5 pixel font:
/// `.rows5` draws each pixel as two cells (`██`/`##`), `.rows3` packs two
/// pixel rows into one cell with half blocks (`▀▄█`). ASCII has no half
/// blocks, so its 3-row variant is a seven-segment face (`_|`).
/// Characters outside the set are drawn as blanks.
public struct BigDigits: Widget {
  /// How many rows the digits take.
  public enum Height: Int, CaseIterable, Comparable, Sendable {
    case rows3 = 3
    case rows5 = 5

    public static func < (lhs: Height, rhs: Height) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  public var text: String
  public var height: Height
  public var glyphs: GlyphSet
  public var alignment: TextAlignment
  public var role: Role
  /// Magnification (1 = the font as drawn).
  public var scale = 1

  public init(_ text: String, height: Height = .rows5, glyphs: GlyphSet = .unicode) {
    self.text = text
    self.height = height
    self.glyphs = glyphs
    self.alignment = .left
    self.role = .bigDigits
  }

  public func height(_ height: Height) -> BigDigits { with { $0.height = height } }
  public func glyphs(_ set: GlyphSet) -> BigDigits { with { $0.glyphs = set } }
  public func alignment(_ alignment: TextAlignment) -> BigDigits { with { $0.alignment = alignment } }
  public func role(_ role: Role) -> BigDigits { with { $0.role = role } }

  private func with(_ change: (inout BigDigits) -> Void) -> BigDigits {
    var copy = self
    change(&copy)
    return copy
  }

  /// Whether `character` has a big glyph.
  public static func supports(_ character: Character) -> Bool {
    BigDigitFont.pixels[character] != nil
  }

  /// Columns `text` takes at `height` (one blank column between glyphs).
  public static func width(of text: String, height: Height, glyphs: GlyphSet = .unicode) -> Int {
    let rows = BigDigits(text, height: height, glyphs: glyphs).glyphRows
    return rows.first.map { TextWidth.columns(of: $0) } ?? 0
  }

  /// The tallest height at which `text` fits `width` x `maxRows`, or nil
  /// when even the smallest does not (show plain text then).
  public static func largestHeight(
    for text: String, width: Int, maxRows: Int = .max, glyphs: GlyphSet = .unicode
  ) -> Height? {
    Height.allCases.sorted(by: >).first { height in
      height.rawValue <= maxRows && BigDigits.width(of: text, height: height, glyphs: glyphs) <= width
    }
  }

  /// The text drawn as rows of plain glyphs, all the same width.
  var glyphRows: [String] {
    var rows = [String](repeating: "", count: height.rawValue)
    for (index, character) in text.enumerated() {
      let glyph = self.glyph(for: character)
      for row in rows.indices {
        if index > 0 { rows[row] += " " }
        rows[row] += glyph[row]
      }
    }
    return text.isEmpty ? [] : rows
  }

  /// One character as `height` rows of equal width.
  func glyph(for character: Character) -> [String] {
    let isASCII = glyphs.isASCII
    if height == .rows3 && isASCII { return BigDigitFont.sevenSegment[character] ?? [" ", " ", " "] }
    let pixels = BigDigitFont.pixels[character] ?? ["00", "00", "00", "00", "00"]
    switch height {
    case .rows5:
      let on = isASCII ? "##" : "██"
      return pixels.map { row in row.map { $0 == "1" ? on : "  " }.joined() }
    case .rows3:
      // Pixel rows 0-1, 2-3 and 4 (with a blank sixth) share a cell row.
      let padded = pixels + [String(repeating: "0", count: pixels[0].count)]
      return (0..<3).map { cellRow in
        let top = Array(padded[cellRow * 2])
        let bottom = Array(padded[cellRow * 2 + 1])
        return String(
          zip(top, bottom).map { pair -> Character in
            switch pair {
            case ("1", "1"): "█"
            case ("1", _): "▀"
            case (_, "1"): "▄"
            default: " "
            }
          })
      }
    }
  }

  /// Draws every pixel `factor` times wider and taller (a 4K wall at a
  /// normal font needs digits taller than five rows).
  public func scaled(_ factor: Int) -> BigDigits { with { $0.scale = max(1, factor) } }

  public func render(in area: Rect, into buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let rows = scale == 1 ? glyphRows : glyphRows.flatMap { row in
      Array(repeating: String(row.flatMap { Array(repeating: $0, count: scale) }), count: scale)
    }
    guard let first = rows.first else { return }
    let width = TextWidth.columns(of: first)
    let dx: Int
    switch alignment {
    case .left: dx = 0
    case .center: dx = max(0, (area.width - width) / 2)
    case .right: dx = max(0, area.width - width)
    }
    let dy = max(0, (area.height - rows.count) / 2)
    for (index, row) in rows.enumerated() where dy + index < area.height {
      buffer.put(row, x: area.x + dx, y: area.y + dy + index, style: Style(role), maxWidth: area.width - dx)
    }
  }
}

/// The pixel font behind `BigDigits`: 3x5 for digits, narrower for
/// punctuation. `1` is ink.
enum BigDigitFont {
  static let pixels: [Character: [String]] = [
    "0": ["111", "101", "101", "101", "111"],
    "1": ["010", "110", "010", "010", "111"],
    "2": ["111", "001", "111", "100", "111"],
    "3": ["111", "001", "111", "001", "111"],
    "4": ["101", "101", "111", "001", "001"],
    "5": ["111", "100", "111", "001", "111"],
    "6": ["111", "100", "111", "101", "111"],
    "7": ["111", "001", "001", "001", "001"],
    "8": ["111", "101", "111", "101", "111"],
    "9": ["111", "101", "111", "001", "111"],
    ",": ["0", "0", "0", "1", "1"],
    ".": ["0", "0", "0", "0", "1"],
    ":": ["0", "1", "0", "1", "0"],
    "%": ["101", "001", "010", "100", "101"],
    "-": ["000", "000", "111", "000", "000"],
    " ": ["0", "0", "0", "0", "0"],
  ]

  /// Three rows of printable ASCII per character.
  static let sevenSegment: [Character: [String]] = [
    "0": [" _ ", "| |", "|_|"],
    "1": ["   ", "  |", "  |"],
    "2": [" _ ", " _|", "|_ "],
    "3": [" _ ", " _|", " _|"],
    "4": ["   ", "|_|", "  |"],
    "5": [" _ ", "|_ ", " _|"],
    "6": [" _ ", "|_ ", "|_|"],
    "7": [" _ ", "  |", "  |"],
    "8": [" _ ", "|_|", "|_|"],
    "9": [" _ ", "|_|", " _|"],
    ",": [" ", " ", ","],
    ".": [" ", " ", "."],
    ":": [" ", ":", " "],
    "%": ["o /", " / ", "/ o"],
    "-": ["   ", " _ ", "   "],
    " ": [" ", " ", " "],
  ]
}
