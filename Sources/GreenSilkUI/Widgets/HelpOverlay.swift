/// The `?` screen: a centred box over whatever is below, listing key
/// bindings by section, keys in a column on the left and their help on
/// the right. Sized to its content within the area; when the content is
/// taller than the box, it scrolls by `scrollOffset` and the border shows
/// which way there is more.
public struct HelpOverlay: Widget {
  /// A titled group of key bindings.
  public struct Section: Hashable, Sendable {
    public var title: String
    public var bindings: [KeyHint]

    public init(_ title: String, _ bindings: [KeyHint]) {
      self.title = title
      self.bindings = bindings
    }
  }

  public var sections: [Section]
  public var title: String
  /// A hint on the bottom border, such as `esc close`.
  public var closeHint: String
  public var scrollOffset: Int
  public var glyphs: GlyphSet

  public init(sections: [Section], title: String = "Help", glyphs: GlyphSet = .unicode) {
    self.sections = sections
    self.title = title
    self.closeHint = "esc close"
    self.scrollOffset = 0
    self.glyphs = glyphs
  }

  public init(
    _ sections: [(section: String, bindings: [(keys: String, help: String)])], title: String = "Help",
    glyphs: GlyphSet = .unicode
  ) {
    self.init(
      sections: sections.map { Section($0.section, $0.bindings.map { KeyHint($0.keys, $0.help) }) },
      title: title, glyphs: glyphs)
  }

  public func title(_ text: String) -> HelpOverlay { with { $0.title = text } }
  public func closeHint(_ text: String) -> HelpOverlay { with { $0.closeHint = text } }
  public func scrollOffset(_ rows: Int) -> HelpOverlay { with { $0.scrollOffset = max(0, rows) } }
  public func glyphs(_ set: GlyphSet) -> HelpOverlay { with { $0.glyphs = set } }

  private func with(_ change: (inout HelpOverlay) -> Void) -> HelpOverlay {
    var copy = self
    change(&copy)
    return copy
  }

  /// One line of content: a section title, a binding, or a blank.
  enum Line: Equatable {
    case section(String)
    case binding(KeyHint)
    case blank
  }

  var lines: [Line] {
    var out: [Line] = []
    for (index, section) in sections.enumerated() {
      if index > 0 { out.append(.blank) }
      if !section.title.isEmpty { out.append(.section(section.title)) }
      out += section.bindings.map(Line.binding)
    }
    return out
  }

  /// Rows of content, for clamping the scroll offset.
  public var lineCount: Int { lines.count }

  /// Rows of content the overlay shows in `area` (what a page key moves by).
  public func visibleRows(in area: Rect) -> Int {
    guard !area.isEmpty else { return 0 }
    let (_, content) = frames(in: area, lineCount: lineCount)
    return max(0, content.height)
  }

  /// The widest keys of any binding (their column).
  private var keysWidth: Int { sections.flatMap(\.bindings).map { TextWidth.columns(of: $0.keys) }.max() ?? 0 }

  /// The box and the content rows inside it, for `lineCount` lines in
  /// `area`: the one layout `render` and `visibleRows` share.
  private func frames(in area: Rect, lineCount: Int) -> (box: Rect, content: Rect) {
    let helpWidth = sections.flatMap(\.bindings).map { TextWidth.columns(of: $0.help) }.max() ?? 0
    let sectionWidth = sections.map { TextWidth.columns(of: $0.title) }.max() ?? 0
    let titleWidth = TextWidth.columns(of: title) + 4
    let contentWidth = max(sectionWidth, keysWidth + 2 + helpWidth, titleWidth, TextWidth.columns(of: closeHint) + 2)
    // One cell of margin around the box when the area allows it, one of
    // padding inside the border.
    let outer = area.width >= 12 && area.height >= 6 ? area.inset(by: 1) : area
    let box = outer.centered(width: contentWidth + 4, height: lineCount + 2)
    let inner = Panel.inner(of: box)
    return (box, inner.width > 2 ? inner.inset(horizontal: 1, vertical: 0) : inner)
  }

  public func render(in area: Rect, into buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let lines = self.lines
    let (box, content) = frames(in: area, lineCount: lines.count)
    let inner = Panel(title, glyphs: glyphs).focused().background(Style(.overlay))
      .render(in: box, into: &buffer)
    guard !inner.isEmpty else { return }
    let offset = min(scrollOffset, max(0, lines.count - content.height))

    // Keys keep their column unless it would leave help no room at all.
    let keysColumn = min(keysWidth, max(1, content.width / 2))
    for row in 0..<content.height {
      let index = offset + row
      guard index < lines.count else { break }
      let rect = content.row(row)
      switch lines[index] {
      case .section(let text):
        buffer.put(text, in: rect, style: Style(.header), ellipsis: glyphs.ellipsis)
      case .binding(let hint):
        buffer.put(
          TextWidth.truncate(hint.keys, toWidth: keysColumn, ellipsis: glyphs.ellipsis), x: rect.x, y: rect.y,
          style: Style(.footerKey), maxWidth: keysColumn)
        let help = rect.splitLeft(keysColumn + 2).rest
        buffer.put(hint.help, in: help, style: Style(.overlay), ellipsis: glyphs.ellipsis)
      case .blank:
        break
      }
    }
    // Scroll markers and the close hint sit on the border.
    let border = Style(.borderFocus)
    if offset > 0, box.width >= 4 {
      buffer.put(glyphs.moreAbove, x: box.maxX - 3, y: box.y, style: border)
    }
    if offset + content.height < lines.count, box.width >= 4 {
      buffer.put(glyphs.moreBelow, x: box.maxX - 3, y: box.maxY - 1, style: border)
    }
    if !closeHint.isEmpty, box.width >= TextWidth.columns(of: closeHint) + 8 {
      buffer.put(" \(closeHint) ", x: box.x + 2, y: box.maxY - 1, style: Style(.footer))
    }
  }
}
