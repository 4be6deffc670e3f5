/// The one-row status line: segments on the left (messages, mode) and on
/// the right (data set, counts), on a `.statusLine` background. When both
/// do not fit, the right side keeps at most a third of the row and the
/// left side is cut with an ellipsis.
public struct StatusLine: Widget {
  public var left: [Span]
  public var right: [Span]
  public var style: Style
  public var glyphs: GlyphSet

  public init(left: [Span] = [], right: [Span] = [], glyphs: GlyphSet = .unicode) {
    self.left = left
    self.right = right
    self.style = Style(.statusLine)
    self.glyphs = glyphs
  }

  /// Plain text segments in the status line style, joined by the glyph
  /// set's separator.
  public init(left: [String], right: [String] = [], glyphs: GlyphSet = .unicode) {
    self.init(
      left: StatusLine.joined(left, glyphs: glyphs), right: StatusLine.joined(right, glyphs: glyphs),
      glyphs: glyphs)
  }

  static func joined(_ segments: [String], glyphs: GlyphSet) -> [Span] {
    let text = segments.filter { !$0.isEmpty }.joined(separator: " \(glyphs.separator) ")
    return text.isEmpty ? [] : [Span(text, role: .statusLine)]
  }

  public func style(_ style: Style) -> StatusLine { with { $0.style = style } }
  public func glyphs(_ set: GlyphSet) -> StatusLine { with { $0.glyphs = set } }

  private func with(_ change: (inout StatusLine) -> Void) -> StatusLine {
    var copy = self
    change(&copy)
    return copy
  }

  public func render(in area: Rect, into buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let row = area.row(0)
    buffer.fill(row, with: Cell(" ", style: style))
    // One cell of padding at each end when there is room for it.
    let inner = row.width > 4 ? row.inset(horizontal: 1, vertical: 0) : row
    let leftWidth = Span.columns(of: left)
    let rightWidth = Span.columns(of: right)
    let gap = leftWidth > 0 && rightWidth > 0 ? 1 : 0
    var rightShown = rightWidth
    if leftWidth + gap + rightWidth > inner.width {
      rightShown = min(rightWidth, max(inner.width / 3, inner.width - leftWidth - gap))
    }
    let leftRoom = max(0, inner.width - rightShown - (rightShown > 0 ? gap : 0))
    buffer.put(Span.truncate(left, toWidth: leftRoom, ellipsis: glyphs.ellipsis), x: inner.x, y: inner.y, maxWidth: leftRoom)
    if rightShown > 0 {
      let spans = Span.truncate(right, toWidth: rightShown, ellipsis: glyphs.ellipsis)
      let width = Span.columns(of: spans)
      buffer.put(spans, x: inner.maxX - width, y: inner.y, maxWidth: width)
    }
  }
}
