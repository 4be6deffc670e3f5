/// A key and what it does, for footers, help and message boxes.
public struct KeyHint: Hashable, Sendable {
  public var keys: String
  public var help: String

  public init(_ keys: String, _ help: String) {
    self.keys = keys
    self.help = help
  }
}

/// The footer of key hints: `q quit  / filter  ? help`, keys in
/// `.footerKey`, help in `.footer`. Hints that do not fit are left out
/// whole from the end (an ellipsis says so); a single hint wider than the
/// row is cut.
public struct KeyHints: Widget {
  public var hints: [KeyHint]
  public var glyphs: GlyphSet

  public init(_ hints: [KeyHint], glyphs: GlyphSet = .unicode) {
    self.hints = hints
    self.glyphs = glyphs
  }

  public init(_ hints: [(keys: String, help: String)], glyphs: GlyphSet = .unicode) {
    self.init(hints.map { KeyHint($0.keys, $0.help) }, glyphs: glyphs)
  }

  public func glyphs(_ set: GlyphSet) -> KeyHints {
    KeyHints(hints, glyphs: set)
  }

  /// The spans of one hint.
  static func spans(of hint: KeyHint) -> [Span] {
    var spans = [Span(hint.keys, role: .footerKey)]
    if !hint.help.isEmpty { spans.append(Span(" " + hint.help, role: .footer)) }
    return spans
  }

  public func render(in area: Rect, into buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let row = area.row(0)
    buffer.fill(row, with: Cell(" ", style: Style(.footer)))
    let separator = "  "
    let mark = TextWidth.columns(of: glyphs.ellipsis)
    var x = row.x
    for (index, hint) in hints.enumerated() {
      let spans = KeyHints.spans(of: hint)
      let width = Span.columns(of: spans)
      let lead = index == 0 ? 0 : separator.count
      let isLast = index == hints.count - 1
      // Leave room for the ellipsis unless this is the last hint.
      let room = row.maxX - x - lead - (isLast ? 0 : mark + separator.count)
      if width <= room || (isLast && width <= row.maxX - x - lead) {
        x += lead
        x += buffer.put(spans, x: x, y: row.y, maxWidth: row.maxX - x)
        continue
      }
      if index == 0 {
        buffer.put(Span.truncate(spans, toWidth: row.width, ellipsis: glyphs.ellipsis), x: x, y: row.y, maxWidth: row.width)
      } else if row.maxX - x >= separator.count + mark {
        buffer.put(glyphs.ellipsis, x: x + separator.count, y: row.y, style: Style(.footer))
      }
      return
    }
  }
}
