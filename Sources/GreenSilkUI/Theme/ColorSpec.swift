/// One colour of a theme value, with a candidate for each depth, written
/// `#E06C75 | 168 | red` in theme files. Each candidate fills one tier:
///
/// | candidate            | tier                                   |
/// |----------------------|----------------------------------------|
/// | `#RRGGBB`            | truecolor (and 256, mapped to nearest) |
/// | `0`-`255`            | 256 colours                            |
/// | ANSI name, `default` | 8/16 colours (and richer, if alone)    |
///
/// Resolution prefers the candidate written for the depth at hand and
/// falls back in the order of the `resolve` cases, so a theme may give
/// one candidate or all three.
public struct ColorSpec: Hashable, Sendable {
  public var hex: RGB?
  public var index: UInt8?
  public var basic: BasicColor?

  public init(hex: RGB? = nil, index: UInt8? = nil, basic: BasicColor? = nil) {
    self.hex = hex
    self.index = index
    self.basic = basic
  }

  public static let terminalDefault = ColorSpec(basic: .terminalDefault)

  /// The colour at `depth`, and whether an 8-colour terminal needs bold
  /// to show a bright variant (only meaningful for foregrounds).
  func resolve(_ depth: ColorDepth) -> (color: TerminalColor, needsBold: Bool) {
    switch depth {
    case .mono:
      return (.terminalDefault, false)
    case .trueColor:
      if let hex { return (.rgb(hex), false) }
      if let index { return (.indexed(index), false) }
      return (basic?.terminalColor ?? .terminalDefault, false)
    case .indexed256:
      if let index { return (.indexed(index), false) }
      if let hex { return (.indexed(XtermPalette.nearest256(hex)), false) }
      return (basic?.terminalColor ?? .terminalDefault, false)
    case .ansi16, .ansi8:
      let color = basic?.terminalColor ?? derivedAnsi
      guard depth == .ansi8, case .indexed(let n) = color, n >= 8 else { return (color, false) }
      return (.indexed(n - 8), true)
    }
  }

  /// An ANSI colour for a spec written without one.
  private var derivedAnsi: TerminalColor {
    if let index { return .indexed(XtermPalette.nearestAnsi16(index: index)) }
    if let hex { return .indexed(XtermPalette.nearestAnsi16(hex)) }
    return .terminalDefault
  }
}

/// The 8/16-colour tier of a `ColorSpec`: an ANSI colour or the terminal's own.
public enum BasicColor: Hashable, Sendable {
  case terminalDefault
  /// 0-7 normal, 8-15 bright.
  case ansi(UInt8)

  /// Names accepted in theme files. `grey`/`gray` is bright black, the
  /// usual way to get a dim grey on 16-colour terminals.
  static let names: [String: UInt8] = {
    let base = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
    var names: [String: UInt8] = [:]
    for (n, name) in base.enumerated() {
      names[name] = UInt8(n)
      names["bright_" + name] = UInt8(n + 8)
      names["bright-" + name] = UInt8(n + 8)
    }
    names["grey"] = 8
    names["gray"] = 8
    return names
  }()

  init?(name: String) {
    if name == "default" {
      self = .terminalDefault
    } else if let n = Self.names[name] {
      self = .ansi(n)
    } else {
      return nil
    }
  }

  var terminalColor: TerminalColor {
    switch self {
    case .terminalDefault: .terminalDefault
    case .ansi(let n): .indexed(n)
    }
  }
}
