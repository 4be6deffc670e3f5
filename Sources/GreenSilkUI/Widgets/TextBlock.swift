/// Multi-line text, word-wrapped to the area, scrolled by `scrollOffset`
/// lines. Line feeds in the text start new lines. When the text is taller
/// than the area, the last column shows a scroll bar.
public struct TextBlock: Widget {
  public var text: String
  public var style: Style
  public var scrollOffset: Int
  public var showsScrollbar: Bool
  public var glyphs: GlyphSet

  public init(_ text: String, style: Style = .text, glyphs: GlyphSet = .unicode) {
    self.text = text
    self.style = style
    self.scrollOffset = 0
    self.showsScrollbar = true
    self.glyphs = glyphs
  }

  public func style(_ style: Style) -> TextBlock { with { $0.style = style } }
  public func scrollOffset(_ lines: Int) -> TextBlock { with { $0.scrollOffset = max(0, lines) } }
  public func scrollbar(_ shown: Bool) -> TextBlock { with { $0.showsScrollbar = shown } }
  public func glyphs(_ set: GlyphSet) -> TextBlock { with { $0.glyphs = set } }

  private func with(_ change: (inout TextBlock) -> Void) -> TextBlock {
    var copy = self
    change(&copy)
    return copy
  }

  /// The wrapped lines for an area `width` columns wide (the scroll bar
  /// column taken out when the text needs one in `height` rows).
  public func lines(width: Int, height: Int) -> [String] {
    let full = TextWidth.wrap(text, width: width)
    guard showsScrollbar, full.count > height, width >= 2 else { return full }
    return TextWidth.wrap(text, width: width - 1)
  }

  /// The largest useful scroll offset in an area of that size.
  public func maxScrollOffset(width: Int, height: Int) -> Int {
    max(0, lines(width: width, height: height).count - max(0, height))
  }

  public func render(in area: Rect, into buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let lines = self.lines(width: area.width, height: area.height)
    let offset = min(scrollOffset, max(0, lines.count - area.height))
    for row in 0..<area.height {
      let index = offset + row
      guard index < lines.count else { break }
      buffer.put(lines[index], x: area.x, y: area.y + row, style: style, maxWidth: area.width)
    }
    if showsScrollbar, area.width >= 2 {
      Scrollbar(total: lines.count, visible: area.height, offset: offset, glyphs: glyphs).render(in: area, into: &buffer)
    }
  }
}
