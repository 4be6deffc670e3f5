/// One line of a `ListView`.
public struct ListItem: Hashable, Sendable, ExpressibleByStringLiteral {
  public var text: String
  public var style: Style
  /// Ranges of `Character` offsets into `text` that a filter matched.
  public var matches: [Range<Int>]

  public init(_ text: String, style: Style = .text, matches: [Range<Int>] = []) {
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

/// A selectable, scrolling list of one-line items, built lazily like
/// `Table` rows. The selected item carries `.selected` emphasis across the
/// row and, unless turned off, a marker (`▶`/`>`) so that the selection
/// shows without colour.
public struct ListView: Widget {
  public var itemCount: Int
  public var item: (Int) -> ListItem
  public var state: ListState
  public var glyphs: GlyphSet
  public var showsMarker: Bool
  public var showsScrollbar: Bool
  public var emptyMessage: String

  public init(
    itemCount: Int, state: ListState = ListState(), glyphs: GlyphSet = .unicode,
    item: @escaping (Int) -> ListItem
  ) {
    self.itemCount = max(0, itemCount)
    self.item = item
    self.state = state
    self.glyphs = glyphs
    self.showsMarker = true
    self.showsScrollbar = true
    self.emptyMessage = ""
  }

  /// A list of fixed items.
  public init(items: [ListItem], state: ListState = ListState(), glyphs: GlyphSet = .unicode) {
    self.init(itemCount: items.count, state: state, glyphs: glyphs) { items[$0] }
  }

  public func state(_ state: ListState) -> ListView { with { $0.state = state } }
  public func glyphs(_ set: GlyphSet) -> ListView { with { $0.glyphs = set } }
  public func marker(_ shown: Bool) -> ListView { with { $0.showsMarker = shown } }
  public func scrollbar(_ shown: Bool) -> ListView { with { $0.showsScrollbar = shown } }
  public func emptyMessage(_ text: String) -> ListView { with { $0.emptyMessage = text } }

  private func with(_ change: (inout ListView) -> Void) -> ListView {
    var copy = self
    change(&copy)
    return copy
  }

  public func render(in area: Rect, into buffer: inout Buffer) {
    var state = self.state
    render(in: area, into: &buffer, state: &state)
  }

  /// Renders and writes back the state with its scroll offset corrected.
  public func render(in area: Rect, into buffer: inout Buffer, state: inout ListState) {
    guard !area.isEmpty else { return }
    state.keepSelectionVisible(visibleRows: area.height, rowCount: itemCount)
    if itemCount == 0 {
      if !emptyMessage.isEmpty {
        buffer.put(emptyMessage, in: area.row(0), style: Style(.muted), alignment: .center, ellipsis: glyphs.ellipsis)
      }
      return
    }
    let scrollbar = Scrollbar(total: itemCount, visible: area.height, offset: state.offset, glyphs: glyphs)
    let reserveBar = showsScrollbar && scrollbar.isNeeded && area.width >= 2
    let content = reserveBar ? area.splitRight(1).rest : area
    let markerWidth = showsMarker && content.width >= 3 ? TextWidth.columns(of: glyphs.selectionMarker) + 1 : 0
    for line in 0..<area.height {
      let index = state.offset + line
      guard index < itemCount else { break }
      let rect = content.row(line)
      let entry = item(index)
      let selected = index == state.selected
      if selected { buffer.fill(rect, with: Cell(" ", style: entry.style.with(.selected))) }
      if markerWidth > 0, selected {
        buffer.put(glyphs.selectionMarker, x: rect.x, y: rect.y, style: entry.style.with(.selected))
      }
      let textRect = rect.splitLeft(markerWidth).rest
      let (spans, offset) = Span.fitted(
        entry.text, matches: entry.matches, width: textRect.width, alignment: .left,
        style: selected ? entry.style.with(.selected) : entry.style,
        matchStyle: entry.style.with(selected ? .selectedMatched : .matched), ellipsis: glyphs.ellipsis)
      buffer.put(spans, x: textRect.x + offset, y: textRect.y, maxWidth: textRect.width)
    }
    if reserveBar { scrollbar.render(in: area, into: &buffer) }
  }
}
