/// A one-column scroll bar: a track with a thumb whose size and place
/// show which part of `total` rows is visible. Draws nothing when
/// everything fits, so callers can always reserve the column.
public struct Scrollbar: Widget, Hashable, Sendable {
  public var total: Int
  public var visible: Int
  public var offset: Int
  public var glyphs: GlyphSet

  public init(total: Int, visible: Int, offset: Int, glyphs: GlyphSet = .unicode) {
    self.total = total
    self.visible = visible
    self.offset = offset
    self.glyphs = glyphs
  }

  /// Whether a bar is needed at all.
  public var isNeeded: Bool { total > visible && visible > 0 }

  /// The thumb's first row and height within a track of `height` rows.
  public func thumb(height: Int) -> (start: Int, length: Int) {
    guard isNeeded, height > 0 else { return (0, 0) }
    // Doubles, so that absurd counts cannot overflow.
    let share = Double(height) * Double(visible) / Double(total)
    let length = min(height, max(1, Int(share)))
    let scrollable = Double(total) - Double(visible)
    let clamped = min(max(0, Double(offset)), scrollable)
    // Rounded so the thumb reaches the bottom exactly at the last page.
    let start = Int((Double(height - length) * clamped / scrollable).rounded())
    return (min(max(0, start), height - length), length)
  }

  public func render(in area: Rect, into buffer: inout Buffer) {
    guard isNeeded, !area.isEmpty else { return }
    let column = Rect(x: area.maxX - 1, y: area.y, width: 1, height: area.height)
    let (start, length) = thumb(height: column.height)
    for row in 0..<column.height {
      let onThumb = row >= start && row < start + length
      buffer.put(
        onThumb ? glyphs.scrollThumb : glyphs.scrollTrack, x: column.x, y: column.y + row,
        style: Style(onThumb ? .borderFocus : .border))
    }
  }
}
