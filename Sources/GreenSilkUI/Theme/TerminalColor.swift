/// A concrete colour the terminal backend can ask ncurses for.
public enum TerminalColor: Hashable, Sendable {
  /// The terminal's own foreground or background (`use_default_colors`).
  case terminalDefault
  /// A palette index: 0-7 ANSI, 8-15 bright ANSI, 16-255 xterm cube and greys.
  case indexed(UInt8)
  /// A 24-bit colour, only produced for `ColorDepth.trueColor`.
  case rgb(RGB)
}

/// A 24-bit colour as written in theme files (`#RRGGBB`).
public struct RGB: Hashable, Sendable, CustomStringConvertible {
  public var red: UInt8
  public var green: UInt8
  public var blue: UInt8

  public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// Parses `#RRGGBB` (case-insensitive).
  public init?(hex: some StringProtocol) {
    guard hex.count == 7, hex.first == "#", let value = UInt32(hex.dropFirst(), radix: 16) else {
      return nil
    }
    self.init(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
  }

  /// The colour as a 0xRRGGBB integer (what ncurses direct-colour terminals take).
  public var packed: Int { Int(red) << 16 | Int(green) << 8 | Int(blue) }

  public var description: String {
    let digits = String(packed, radix: 16, uppercase: true)
    return "#" + String(repeating: "0", count: 6 - digits.count) + digits
  }
}

/// Text attributes every terminal tier understands, colour or not.
public struct TextAttributes: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let bold = TextAttributes(rawValue: 1 << 0)
  public static let dim = TextAttributes(rawValue: 1 << 1)
  public static let reverse = TextAttributes(rawValue: 1 << 2)
  public static let underline = TextAttributes(rawValue: 1 << 3)
  public static let italic = TextAttributes(rawValue: 1 << 4)

  /// The names used in theme files, in the order they are printed.
  public static let names: [(String, TextAttributes)] = [
    ("bold", .bold), ("dim", .dim), ("reverse", .reverse), ("underline", .underline),
    ("italic", .italic),
  ]

  /// `bold underline`, or `none`.
  public var themeText: String {
    let words = Self.names.filter { contains($0.1) }.map(\.0)
    return words.isEmpty ? "none" : words.joined(separator: " ")
  }
}

/// What the backend draws for one `Style` at one `ColorDepth`: the end of
/// theme resolution, turned by ncurses into a colour pair and attributes.
public struct ResolvedStyle: Hashable, Sendable {
  public var foreground: TerminalColor
  public var background: TerminalColor
  public var attributes: TextAttributes

  public init(
    foreground: TerminalColor = .terminalDefault, background: TerminalColor = .terminalDefault,
    attributes: TextAttributes = []
  ) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  public static let plain = ResolvedStyle()
}
