/// How many colours the terminal at hand can show. A theme is resolved for
/// one depth at a time; each depth has its own fallback rule (see
/// `ColorSpec`). Ordered from poorest to richest, so `min` caps a depth.
public enum ColorDepth: Int, Comparable, CaseIterable, Hashable, Sendable {
  /// Attributes only (bold, dim, reverse, underline, italic): no colour.
  case mono
  /// The eight ANSI colours; bright variants become bold.
  case ansi8
  /// The sixteen ANSI colours (eight plus bright variants).
  case ansi16
  /// The xterm 256-colour palette.
  case indexed256
  /// 24-bit colour (terminfo `*-direct` terminals).
  case trueColor

  public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The depth to use for a terminal that reports `colors` colours.
  ///
  /// - `noColor`: the value of `NO_COLOR`; set and non-empty forces mono
  ///   (https://no-color.org).
  /// - `override`: a user's choice (`--mono`, `--colors 8`); it can only
  ///   lower the depth, because asking ncurses for colours the terminal
  ///   lacks fails silently.
  public static func detect(
    colors: Int, hasColors: Bool = true, noColor: String? = nil, override: ColorDepth? = nil
  ) -> ColorDepth {
    if let noColor, !noColor.isEmpty { return .mono }
    var depth: ColorDepth
    switch colors {
    case _ where !hasColors: depth = .mono
    case 0x100_0000...: depth = .trueColor
    case 256...: depth = .indexed256
    case 16...: depth = .ansi16
    case 8...: depth = .ansi8
    default: depth = .mono
    }
    if let override { depth = min(depth, override) }
    return depth
  }

  /// Names for command-line options and diagnostics.
  public var name: String {
    switch self {
    case .mono: "mono"
    case .ansi8: "8"
    case .ansi16: "16"
    case .indexed256: "256"
    case .trueColor: "truecolor"
    }
  }

  /// Parses `mono`, `8`, `16`, `256`, `truecolor` (as `name` prints them).
  public init?(name: String) {
    guard let depth = ColorDepth.allCases.first(where: { $0.name == name.lowercased() }) else {
      return nil
    }
    self = depth
  }
}
