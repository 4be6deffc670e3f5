/// One cell of a table row: its text, an optional style (else the
/// column's role), and the character ranges a filter matched, which are
/// drawn with `.matched` emphasis.
public struct TableCell: Hashable, Sendable, ExpressibleByStringLiteral {
  public var text: String
  public var style: Style?
  /// Ranges of `Character` offsets into `text`.
  public var matches: [Range<Int>]

  public init(_ text: String, style: Style? = nil, matches: [Range<Int>] = []) {
    self.text = text
    self.style = style
    self.matches = matches
  }

  public init(_ text: String, role: Role, matches: [Range<Int>] = []) {
    self.init(text, style: Style(role), matches: matches)
  }

  public init(stringLiteral value: String) {
    self.init(value)
  }
}

/// A column of a `Table`: its header, how wide it is, how its text is
/// aligned and the role its cells default to.
public struct TableColumn: Hashable, Sendable {
  /// How a column's width is decided from the table's width.
  public enum Width: Hashable, Sendable {
    /// Exactly `n` columns (less only when the table is too narrow).
    case fixed(Int)
    /// At least `n`; grows only when no `.flex` column wants the space.
    case min(Int)
    /// A share of the space left, by weight.
    case flex(Int)
  }

  public var title: String
  public var width: Width
  public var alignment: TextAlignment
  public var role: Role?

  public init(_ title: String, width: Width = .flex(1), alignment: TextAlignment = .left, role: Role? = nil) {
    self.title = title
    self.width = width
    self.alignment = alignment
    self.role = role
  }
}

extension Span {
  /// A cell's text fitted into `width` columns as `Table` and `ListView`
  /// show it: cut with `ellipsis`, placed by `alignment`, matched
  /// characters in `matchStyle`. Returns the spans and the column offset at
  /// which to start them.
  static func fitted(
    _ text: String, matches: [Range<Int>], width: Int, alignment: TextAlignment,
    style: Style, matchStyle: Style, ellipsis: String
  ) -> (spans: [Span], offset: Int) {
    guard width > 0 else { return ([], 0) }
    let shown = TextWidth.truncate(text, toWidth: width, ellipsis: ellipsis)
    let shownWidth = TextWidth.columns(of: shown)
    let offset: Int
    switch alignment {
    case .left: offset = 0
    case .center: offset = (width - shownWidth) / 2
    case .right: offset = width - shownWidth
    }
    guard !matches.isEmpty else { return ([Span(shown, style: style)], offset) }
    // Matches index the original characters; only the kept prefix (not
    // the ellipsis) may be highlighted.
    let kept = shown.utf8.count == text.utf8.count ? shown.count : max(0, shown.count - ellipsis.count)
    let clipped = matches.compactMap { range -> Range<Int>? in
      let upper = min(range.upperBound, kept)
      return range.lowerBound < upper ? range.lowerBound..<upper : nil
    }
    return (Span.highlighting(shown, matches: clipped, style: style, matchStyle: matchStyle), offset)
  }
}
