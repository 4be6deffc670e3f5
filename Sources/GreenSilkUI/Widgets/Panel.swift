/// A bordered box with a title on the left of its top border and an
/// optional second title on the right (a count, a position, a hint):
///
///     ┌ Projects ──────────── 12/200 ┐
///
/// The focused panel uses the heavy border glyphs and the `.borderFocus`
/// role, so focus shows by shape on a monochrome console too.
/// `render` returns the inner area for the panel's content.
///
/// `Panel` is not a `Widget` because its `render` returns the inner area.
public struct Panel: Hashable, Sendable {
  public var title: String
  public var rightTitle: String
  public var isFocused: Bool
  public var glyphs: GlyphSet
  public var titleStyle: Style
  /// When set, the inner area is cleared to this style (overlays need it).
  public var background: Style?

  public init(_ title: String = "", glyphs: GlyphSet = .unicode) {
    self.title = title
    self.rightTitle = ""
    self.isFocused = false
    self.glyphs = glyphs
    self.titleStyle = Style(.title)
    self.background = nil
  }

  public func title(_ text: String) -> Panel { with { $0.title = text } }
  public func rightTitle(_ text: String) -> Panel { with { $0.rightTitle = text } }
  public func focused(_ focused: Bool = true) -> Panel { with { $0.isFocused = focused } }
  public func glyphs(_ set: GlyphSet) -> Panel { with { $0.glyphs = set } }
  public func titleStyle(_ style: Style) -> Panel { with { $0.titleStyle = style } }
  public func background(_ style: Style?) -> Panel { with { $0.background = style } }

  private func with(_ change: (inout Panel) -> Void) -> Panel {
    var copy = self
    change(&copy)
    return copy
  }

  /// The area inside the border (empty when `area` is too small for one).
  public static func inner(of area: Rect) -> Rect {
    area.width < 2 || area.height < 2 ? Rect(x: area.x, y: area.y, width: 0, height: 0) : area.inset(by: 1)
  }

  /// Draws the box and returns the inner area. An area narrower or shorter
  /// than 2 cells has no room for a border: nothing is drawn and the inner
  /// area is empty.
  @discardableResult
  public func render(in area: Rect, into buffer: inout Buffer) -> Rect {
    let inner = Panel.inner(of: area)
    guard area.width >= 2, area.height >= 2 else { return inner }
    let box = isFocused ? glyphs.focusBorder : glyphs.border
    let style = Style(isFocused ? .borderFocus : .border)
    if let background { buffer.fill(inner, with: Cell(" ", style: background)) }

    let top = area.y
    let bottom = area.maxY - 1
    let right = area.maxX - 1
    for x in (area.x + 1)..<right {
      buffer.put(box.horizontal, x: x, y: top, style: style)
      buffer.put(box.horizontal, x: x, y: bottom, style: style)
    }
    for y in (top + 1)..<bottom {
      buffer.put(box.vertical, x: area.x, y: y, style: style)
      buffer.put(box.vertical, x: right, y: y, style: style)
    }
    buffer.put(box.topLeft, x: area.x, y: top, style: style)
    buffer.put(box.topRight, x: right, y: top, style: style)
    buffer.put(box.bottomLeft, x: area.x, y: bottom, style: style)
    buffer.put(box.bottomRight, x: right, y: bottom, style: style)
    renderTitles(on: Rect(x: area.x + 1, y: top, width: area.width - 2, height: 1), into: &buffer)
    return inner
  }

  /// The left title keeps priority: the right one is shown only when both
  /// fit with a border cell between them.
  private func renderTitles(on row: Rect, into buffer: inout Buffer) {
    let left = title.isEmpty ? "" : " \(title) "
    let right = rightTitle.isEmpty ? "" : " \(rightTitle) "
    let leftWidth = TextWidth.columns(of: left)
    let rightWidth = TextWidth.columns(of: right)
    if !left.isEmpty {
      buffer.put(TextWidth.truncate(left, toWidth: row.width, ellipsis: glyphs.ellipsis), in: row, style: titleStyle)
    }
    if !right.isEmpty, leftWidth + rightWidth + 1 <= row.width {
      buffer.put(right, x: row.maxX - rightWidth, y: row.y, style: titleStyle)
    }
  }
}
