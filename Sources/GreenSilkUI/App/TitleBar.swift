import GreenSilkCore

/// The top row of the dashboard and of the kiosk: the product and what
/// is shown on the left; the data set's label (a badge unless the data
/// is real), its as-of date and the clock on the right. The left side is
/// cut first when the row is short; the right side shows only when it
/// fits whole.
enum TitleBar {
  /// ` GreenSilk `, first on the left.
  static let product = Span(" GreenSilk ", style: Style(.titleBar, emphasis: .bold))

  /// Draws `left` and then `right` (from `right(meta:clock:clockStyle:)`).
  static func render(left: [Span], right: [Span], in area: Rect, into buffer: inout Buffer) {
    buffer.fill(area, with: Cell(" ", style: Style(.titleBar)))
    let rightWidth = Span.columns(of: right)
    let leftWidth = buffer.put(Span.truncate(left, toWidth: max(0, area.width - rightWidth - 1)), x: area.x, y: area.y, maxWidth: area.width)
    if leftWidth + rightWidth < area.width {
      buffer.put(right, x: area.maxX - rightWidth, y: area.y, maxWidth: rightWidth)
    }
  }

  /// The right side: the label's badge (unless the data is real), the
  /// as-of date, the clock.
  static func right(
    meta: DataSetMeta, clock: String, clockStyle: Style = Style(.titleBar), totals: TotalsScope = .eligible
  ) -> [Span] {
    var right: [Span] = []
    // Totals over every record are never the quiet default: say so on
    // every screen while they are shown.
    if totals == .everything {
      right.append(Span(" ALL IN TOTALS ", role: .badge))
      right.append(Span(" ", role: .titleBar))
    }
    if meta.label != .real {
      right.append(Span(" " + meta.label.label.uppercased() + " DATA ", role: .badge))
      right.append(Span(" ", role: .titleBar))
    }
    if let asOf = meta.asOf { right.append(Span("as of \(asOf)  ", role: .titleBar)) }
    right.append(Span(clock + " ", style: clockStyle))
    return right
  }
}
