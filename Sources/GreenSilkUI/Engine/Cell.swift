/// One terminal cell: a grapheme (one base character and any combining
/// marks) and the style it is drawn in. A wide glyph (CJK, most emoji)
/// takes two cells: the first holds the glyph with `width == 2`, the
/// second is a continuation cell with `width == 0` and an empty symbol.
public struct Cell: Hashable, Sendable {
  public var symbol: String
  public var width: UInt8
  public var style: Style

  public init(_ symbol: String = " ", width: UInt8 = 1, style: Style = .text) {
    self.symbol = symbol
    self.width = width
    self.style = style
  }

  public static let blank = Cell()

  /// The second half of a wide glyph.
  public static func continuation(_ style: Style) -> Cell {
    Cell("", width: 0, style: style)
  }

  public var isContinuation: Bool { width == 0 }
}
