/// ASCII stand-ins for what a non-UTF-8 terminal cannot show. Widgets
/// choose ASCII glyphs themselves when told the terminal is not UTF-8
/// (`GlyphSet.ascii`); this is the backstop for everything else (data
/// text, a glyph someone forgot), so that nothing garbles: box drawing
/// becomes `+ - |`, blocks `#`, arrows `^ v < >`, the rest `?`.
public enum AsciiFallback {
  /// The ASCII text for one cell's symbol (same column count for 1-wide
  /// symbols; a 2-wide glyph becomes one `?` and the caller pads).
  public static func ascii(for symbol: String) -> String {
    guard let scalar = symbol.unicodeScalars.first else { return " " }
    if scalar.isASCII { return String(Character(scalar)) }
    return String(Character(Unicode.Scalar(replacement(for: scalar.value))))
  }

  static func replacement(for v: UInt32) -> UInt8 {
    if let mapped = table[v] { return mapped }
    switch v {
    case 0x2500...0x257F:  // box drawing
      return boxReplacement(v)
    case 0x2580...0x259F: return UInt8(ascii: "#")  // block elements
    case 0x2800...0x28FF: return UInt8(ascii: ".")  // braille dots (charts)
    case 0x00A0, 0x2000...0x200A, 0x3000: return UInt8(ascii: " ")
    default: return UInt8(ascii: "?")
    }
  }

  private static func boxReplacement(_ v: UInt32) -> UInt8 {
    switch v {
    case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550, 0x2574, 0x2576,
      0x2578, 0x257A, 0x257C, 0x257E:
      return UInt8(ascii: "-")
    case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551, 0x2575, 0x2577,
      0x2579, 0x257B, 0x257D, 0x257F:
      return UInt8(ascii: "|")
    case 0x2571: return UInt8(ascii: "/")
    case 0x2572: return UInt8(ascii: "\\")
    case 0x2573: return UInt8(ascii: "X")
    default: return UInt8(ascii: "+")  // corners, tees, crosses
    }
  }

  private static let table: [UInt32: UInt8] = [
    0x2022: UInt8(ascii: "*"), 0x25CF: UInt8(ascii: "o"), 0x25CB: UInt8(ascii: "o"),
    0x25C9: UInt8(ascii: "o"), 0x25A0: UInt8(ascii: "#"), 0x25A1: UInt8(ascii: "#"),
    0x25B2: UInt8(ascii: "^"), 0x25B4: UInt8(ascii: "^"), 0x25BC: UInt8(ascii: "v"),
    0x25BE: UInt8(ascii: "v"), 0x25B6: UInt8(ascii: ">"), 0x25B8: UInt8(ascii: ">"),
    0x25C0: UInt8(ascii: "<"), 0x25C2: UInt8(ascii: "<"),
    0x2191: UInt8(ascii: "^"), 0x2193: UInt8(ascii: "v"), 0x2190: UInt8(ascii: "<"),
    0x2192: UInt8(ascii: ">"), 0x2026: UInt8(ascii: "."), 0x00B7: UInt8(ascii: "."),
    0x2013: UInt8(ascii: "-"), 0x2014: UInt8(ascii: "-"), 0x2212: UInt8(ascii: "-"),
    0x2018: UInt8(ascii: "'"), 0x2019: UInt8(ascii: "'"), 0x201C: UInt8(ascii: "\""),
    0x201D: UInt8(ascii: "\""), 0x00AB: UInt8(ascii: "<"), 0x00BB: UInt8(ascii: ">"),
    0x2713: UInt8(ascii: "v"), 0x2714: UInt8(ascii: "v"), 0x2717: UInt8(ascii: "x"),
    0x2718: UInt8(ascii: "x"), 0x00D7: UInt8(ascii: "x"), 0x00B0: UInt8(ascii: "o"),
    0x2265: UInt8(ascii: ">"), 0x2264: UInt8(ascii: "<"), 0x2260: UInt8(ascii: "#"),
    0x241B: UInt8(ascii: "?"), 0x2421: UInt8(ascii: "?"), 0x00BF: UInt8(ascii: "?"),
  ]
}
