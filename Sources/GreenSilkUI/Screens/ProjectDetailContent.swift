import GreenSilkCore

/// One line of the project detail, already fitted to its column: spans
/// from `indent`, or a gauge of `gauge.width` cells followed by the spans.
struct DetailLine {
  var indent: Int
  var spans: [Span]
  var gauge: (ratio: Double, width: Int)?

  init(indent: Int = 0, _ spans: [Span], gauge: (ratio: Double, width: Int)? = nil) {
    self.indent = indent
    self.spans = spans
    self.gauge = gauge
  }

  func render(at x: Int, y: Int, width: Int, glyphs: GlyphSet, into buffer: inout Buffer) {
    var left = x + indent
    let right = x + width
    if let gauge {
      let cells = max(0, min(gauge.width, right - left))
      // Without its own percentage, so that every bar has the same length.
      Gauge(ratio: gauge.ratio, glyphs: glyphs).percent(false)
        .render(in: Rect(x: left, y: y, width: cells, height: 1), into: &buffer)
      left += cells + 1
    }
    guard left < right else { return }
    buffer.put(Span.truncate(spans, toWidth: right - left, ellipsis: glyphs.ellipsis), x: left, y: y, maxWidth: right - left)
  }
}

/// Builds the detail's lines for a column `width` cells wide: section
/// headings, aligned `label  value` rows whose long values wrap under the
/// value column, and indented paragraphs.
struct DetailWriter {
  let width: Int
  let glyphs: GlyphSet
  /// Labels are padded to this many cells; values start one cell after.
  let labelWidth = 14
  private(set) var lines: [DetailLine] = []

  init(width: Int, glyphs: GlyphSet) {
    self.width = max(1, width)
    self.glyphs = glyphs
  }

  var valueColumn: Int { labelWidth + 1 }
  /// Cells left for a value beside its label.
  var valueWidth: Int { max(1, width - valueColumn) }

  mutating func line(_ line: DetailLine) { lines.append(line) }

  mutating func blank() { lines.append(DetailLine([])) }

  /// `Screening ───────────── 3 · 1 overdue`: a blank line (except at the
  /// top), then the title and a rule across the column.
  mutating func heading(_ title: String, note: [Span] = []) {
    if !lines.isEmpty { blank() }
    var spans = [Span(title, role: .header), Span(" ", role: .border)]
    let noteWidth = Span.columns(of: note)
    let ruleWidth = max(0, width - TextWidth.columns(of: title) - 1 - (noteWidth > 0 ? noteWidth + 1 : 0))
    spans.append(Span(String(repeating: glyphs.rule, count: ruleWidth), role: .border))
    if noteWidth > 0 { spans += [Span(" ", role: .border)] + note }
    lines.append(DetailLine(spans))
  }

  /// `label` then `value`, wrapped under the value column.
  mutating func field(_ label: String, _ value: String, style: Style = .text) {
    let wrapped = TextWidth.wrap(value.isEmpty ? "—" : value, width: valueWidth)
    for (index, text) in wrapped.enumerated() {
      lines.append(DetailLine(labelSpans(index == 0 ? label : "") + [Span(text, style: style)]))
    }
  }

  /// `label` then styled spans on one line (cut with an ellipsis if needed).
  mutating func field(_ label: String, spans: [Span]) {
    lines.append(DetailLine(labelSpans(label) + spans))
  }

  /// `label`, a tag padded to `tagWidth` (a partner's role, a corridor
  /// code), then `text` wrapped beside the tag.
  mutating func item(_ label: String, tag: Span, tagWidth: Int, _ text: String, style: Style = .text) {
    let wrapped = TextWidth.wrap(text, width: max(1, valueWidth - tagWidth))
    for (index, line) in wrapped.enumerated() {
      if index == 0 {
        let padded = Span(TextWidth.fit(tag.text, toWidth: tagWidth, ellipsis: glyphs.ellipsis), style: tag.style)
        lines.append(DetailLine(labelSpans(label) + [padded, Span(line, style: style)]))
      } else {
        lines.append(DetailLine(indent: valueColumn + tagWidth, [Span(line, style: style)]))
      }
    }
  }

  /// Wrapped text starting at `indent`, every line in `style`.
  mutating func paragraph(_ text: String, indent: Int, style: Style = .text) {
    for text in TextWidth.wrap(text, width: max(1, width - indent)) {
      lines.append(DetailLine(indent: indent, [Span(text, style: style)]))
    }
  }

  /// Puts the illustrative mark `*` in the label column of the line at
  /// `index` (the first line a field wrote), if there is one.
  mutating func markLabel(atLine index: Int) {
    guard index < lines.count, var first = lines[index].spans.first, lines[index].indent == 0 else { return }
    let text = TextWidth.fit(first.text.trimmingSpaces(), toWidth: labelWidth - 2, ellipsis: glyphs.ellipsis)
    first = Span(TextWidth.pad(text + " *", toWidth: labelWidth) + " ", role: .fieldLabel)
    lines[index].spans[0] = first
  }

  /// The label padded to the label column (cut if a label is too long).
  func labelSpans(_ label: String) -> [Span] {
    [Span(TextWidth.fit(label, toWidth: labelWidth, ellipsis: glyphs.ellipsis) + " ", role: .fieldLabel)]
  }
}

/// Words for the detail's values.
enum DetailText {
  /// `pollution`, `pollution and climate`, `pollution, climate and biodiversity`.
  static func list(_ items: [String]) -> String {
    switch items.count {
    case 0: ""
    case 1: items[0]
    default: items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }
  }

  /// The BRIGC rule that gives this screening its light, in words.
  static func lightRule(_ screening: Screening) -> String {
    let named = zip(["pollution", "climate", "biodiversity"], screening.ratings)
    func dimensions(_ rating: ImpactRating) -> [String] { named.filter { $0.1 == rating }.map(\.0) }
    func verb(_ items: [String]) -> String { items.count == 1 ? "is" : "are" }
    switch screening.light {
    case .red:
      let decisive = dimensions(.significantIrreversible)
      return "Red because \(list(decisive)) \(verb(decisive)) rated significant and irreversible: "
        + "any one such dimension makes a project red."
    case .green:
      let positive = dimensions(.positive)
      return "Green because \(list(positive)) \(verb(positive)) positive and no dimension is significant and irreversible."
    case .yellow:
      return "Yellow because every dimension is neutral or mitigable: none positive, none significant and irreversible."
    case nil:
      let missing = dimensions(.unknown)
      return "No light yet: \(list(missing)) \(verb(missing)) not rated. The light is decided once all three "
        + "dimensions are rated, or as soon as one is significant and irreversible (red)."
    }
  }

  /// What an IFC / Equator Principles category means.
  static func categoryMeaning(_ category: ESCategory) -> String {
    switch category {
    case .a: "significant adverse impacts that are diverse, irreversible or unprecedented"
    case .b: "limited adverse impacts, few, site-specific and largely reversible"
    case .c: "minimal or no adverse impacts"
    case .fi1: "financial intermediary, high-risk portfolio"
    case .fi2: "financial intermediary, medium-risk portfolio"
    case .fi3: "financial intermediary, minimal-risk portfolio"
    }
  }

  /// The role a dimension rating is shown in.
  static func role(for rating: ImpactRating) -> Role {
    switch rating {
    case .positive: .lightGreen
    case .neutralMitigable: .lightYellow
    case .significantIrreversible: .lightRed
    case .unknown: .muted
    }
  }

  /// `CNY 42.0 M`.
  static func money(_ amount: Double, _ currency: String) -> String {
    currency + " " + NumberText.money(amount)
  }

  /// `→`, or `->` where only ASCII can be drawn.
  static func arrow(_ glyphs: GlyphSet) -> String { glyphs.isASCII ? "->" : "→" }

  /// `1 day`, `152 days`.
  static func days(_ count: Int) -> String {
    count == 1 ? "1 day" : "\(Presentation.count(count)) days"
  }
}
