/// A centred box that asks or tells something — a confirmation, an error
/// — with a title, wrapped lines of text and the keys that answer it:
///
///     ┏ Delete project? ━━━━━━━━━━━━━━━┓
///     ┃ CPEC-0042 will be removed.     ┃
///     ┃                                ┃
///     ┃      y delete   esc cancel     ┃
///     ┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛
public struct MessageBox: Widget {
  public var title: String
  public var lines: [String]
  public var buttons: [KeyHint]
  /// The title's role: `.title`, or `.warning` / `.error` for alarms.
  public var titleRole: Role
  public var glyphs: GlyphSet
  /// The widest the box grows before text wraps.
  public var maxWidth: Int

  public init(title: String, lines: [String], buttons: [KeyHint] = [], glyphs: GlyphSet = .unicode) {
    self.title = title
    self.lines = lines
    self.buttons = buttons
    self.titleRole = .title
    self.glyphs = glyphs
    self.maxWidth = 60
  }

  public func titleRole(_ role: Role) -> MessageBox { with { $0.titleRole = role } }
  public func glyphs(_ set: GlyphSet) -> MessageBox { with { $0.glyphs = set } }
  public func maxWidth(_ cells: Int) -> MessageBox { with { $0.maxWidth = max(1, cells) } }

  private func with(_ change: (inout MessageBox) -> Void) -> MessageBox {
    var copy = self
    change(&copy)
    return copy
  }

  var buttonSpans: [Span] {
    var spans: [Span] = []
    for (index, button) in buttons.enumerated() {
      if index > 0 { spans.append(Span("   ", role: .overlay)) }
      spans.append(Span(button.keys, role: .footerKey))
      if !button.help.isEmpty { spans.append(Span(" " + button.help, role: .overlay)) }
    }
    return spans
  }

  public func render(in area: Rect, into buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let buttons = buttonSpans
    let natural = max(
      lines.map { TextWidth.columns(of: $0) }.max() ?? 0, Span.columns(of: buttons),
      TextWidth.columns(of: title) + 4, 10)
    // Border plus one cell of padding on each side.
    let textWidth = max(1, min(natural, maxWidth, area.width - 4))
    let wrapped = lines.flatMap { TextWidth.wrap($0, width: textWidth) }
    let buttonRows = buttons.isEmpty ? 0 : 2
    let box = area.centered(width: textWidth + 4, height: wrapped.count + buttonRows + 2)
    let inner = Panel(title, glyphs: glyphs).focused().titleStyle(Style(titleRole)).background(Style(.overlay))
      .render(in: box, into: &buffer)
    guard !inner.isEmpty else { return }
    let content = inner.width > 2 ? inner.inset(horizontal: 1, vertical: 0) : inner
    // The buttons keep the last row; text gets what is left above them.
    let buttonRow = content.maxY - 1
    let textBottom = buttonRows > 0 ? buttonRow - 1 : content.maxY  // exclusive; a blank row above the buttons
    for (index, line) in wrapped.enumerated() {
      let y = content.y + index
      guard y < textBottom else { break }
      buffer.put(line, x: content.x, y: y, style: Style(.overlay), maxWidth: content.width)
    }
    if buttonRows > 0, buttonRow >= content.y {
      let shown = Span.truncate(buttons, toWidth: content.width, ellipsis: glyphs.ellipsis)
      let width = Span.columns(of: shown)
      buffer.put(shown, x: content.x + (content.width - width) / 2, y: buttonRow, maxWidth: content.width)
    }
  }
}
