/// How a cell is drawn: its role, plus an emphasis that the theme layers
/// on top (a selected row keeps its red light glyph red on the selection
/// background). Both are semantic; colours are decided by the theme.
public struct Style: Hashable, Sendable {
  public var role: Role
  public var emphasis: Emphasis

  public init(_ role: Role = .text, emphasis: Emphasis = .none) {
    self.role = role
    self.emphasis = emphasis
  }

  public static let text = Style(.text)

  /// The same role with a different emphasis.
  public func with(_ emphasis: Emphasis) -> Style {
    Style(role, emphasis: emphasis)
  }
}

/// A layer drawn over a role: selection, filter matches, a focused field.
public enum Emphasis: UInt8, Hashable, Sendable, CaseIterable {
  case none
  case selected
  case matched
  case selectedMatched
  case focused
  case bold
}
