/// A run of text in one style: a piece of a status line, a key hint, or a
/// table cell split around the characters a filter matched.
public struct Span: Hashable, Sendable {
  public var text: String
  public var style: Style

  public init(_ text: String, style: Style = .text) {
    self.text = text
    self.style = style
  }

  public init(_ text: String, role: Role) {
    self.init(text, style: Style(role))
  }

  /// Columns the span takes on screen.
  public var columns: Int { TextWidth.columns(of: text) }
}

extension Span {
  /// `text` split into spans so that the characters in `matches` (ranges of
  /// `Character` offsets, as a filter reports them) carry `matchStyle` and
  /// the rest `style`. Ranges out of bounds are clipped; overlapping or
  /// unsorted ranges are fine.
  public static func highlighting(
    _ text: String, matches: [Range<Int>], style: Style, matchStyle: Style
  ) -> [Span] {
    guard !matches.isEmpty else { return [Span(text, style: style)] }
    var marked: [Bool] = []
    var characters: [Character] = []
    for character in text {
      characters.append(character)
      marked.append(false)
    }
    for range in matches {
      let lower = max(0, range.lowerBound)
      let upper = min(characters.count, range.upperBound)
      guard lower < upper else { continue }
      for index in lower..<upper { marked[index] = true }
    }
    var spans: [Span] = []
    var current = ""
    var currentMarked = marked.first ?? false
    for (index, character) in characters.enumerated() {
      if marked[index] != currentMarked {
        if !current.isEmpty { spans.append(Span(current, style: currentMarked ? matchStyle : style)) }
        current = ""
        currentMarked = marked[index]
      }
      current.append(character)
    }
    if !current.isEmpty || spans.isEmpty {
      spans.append(Span(current, style: currentMarked ? matchStyle : style))
    }
    return spans
  }
}

extension Span {
  /// Total columns of a line of spans.
  public static func columns(of spans: [Span]) -> Int {
    spans.reduce(0) { $0 + $1.columns }
  }

  /// A line of spans cut to `width` columns, ending in `ellipsis` (in the
  /// style of the span it cuts) when it had to be cut.
  public static func truncate(_ spans: [Span], toWidth width: Int, ellipsis: String = "…") -> [Span] {
    guard width > 0 else { return [] }
    if columns(of: spans) <= width { return spans }
    let mark = TextWidth.columns(of: ellipsis)
    let room = max(0, width - mark)
    var out: [Span] = []
    var used = 0
    for span in spans {
      let piece = TextWidth.prefix(span.text, maxWidth: room - used)
      if !piece.text.isEmpty { out.append(Span(String(piece.text), style: span.style)) }
      used += piece.columns
      if piece.text.endIndex < span.text.endIndex {
        let style = span.style
        out.append(Span(TextWidth.truncate(ellipsis, toWidth: width - used, ellipsis: ""), style: style))
        return out
      }
    }
    return out
  }
}
