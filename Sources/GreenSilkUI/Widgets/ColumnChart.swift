/// Vertical columns with labels underneath and values on top, drawn to an
/// eighth of a cell: activities per month, projects per stage.
///
///            12
///      7     █
///      █  3  █
///     Jan Feb Mar
///
/// Columns that do not fit the width are left out from the end.
public struct ColumnChart: Widget {
  public var columns: [Bar]
  /// The value of a full-height column (default: the largest value).
  public var maxValue: Double?
  public var glyphs: GlyphSet
  /// Cells per column (default: what the labels need, 1 to 6, within the
  /// width).
  public var columnWidth: Int?
  public var gap: Int
  public var showsValues: Bool

  public init(_ columns: [Bar], maxValue: Double? = nil, glyphs: GlyphSet = .unicode) {
    self.columns = columns
    self.maxValue = maxValue
    self.glyphs = glyphs
    self.columnWidth = nil
    self.gap = 1
    self.showsValues = true
  }

  public func maxValue(_ value: Double?) -> ColumnChart { with { $0.maxValue = value } }
  public func glyphs(_ set: GlyphSet) -> ColumnChart { with { $0.glyphs = set } }
  public func columnWidth(_ cells: Int?) -> ColumnChart { with { $0.columnWidth = cells } }
  public func gap(_ cells: Int) -> ColumnChart { with { $0.gap = max(0, cells) } }
  public func values(_ shown: Bool) -> ColumnChart { with { $0.showsValues = shown } }

  private func with(_ change: (inout ColumnChart) -> Void) -> ColumnChart {
    var copy = self
    change(&copy)
    return copy
  }

  /// The width each column gets in `width` cells.
  public func resolvedColumnWidth(for width: Int) -> Int {
    if let columnWidth { return max(1, columnWidth) }
    let wanted = columns.map { TextWidth.columns(of: $0.label) }.max() ?? 1
    let share = columns.isEmpty ? width : (width + gap) / columns.count - gap
    return max(1, min(6, wanted, share))
  }

  public func render(in area: Rect, into buffer: inout Buffer) {
    guard !area.isEmpty, !columns.isEmpty else { return }
    let hasLabels = area.height >= 2 && columns.contains { !$0.label.isEmpty }
    let valueRow = showsValues && area.height >= (hasLabels ? 3 : 2)
    let plotTop = area.y + (valueRow ? 1 : 0)
    let plotBottom = area.maxY - (hasLabels ? 1 : 0)  // exclusive
    let plotHeight = max(0, plotBottom - plotTop)
    let width = resolvedColumnWidth(for: area.width)
    let scale = BarChart.scale(maxValue ?? columns.map(\.drawnValue).max() ?? 0)

    var x = area.x
    for column in columns {
      guard x + width <= area.maxX else { break }
      let style = Style(column.role)
      let eighths = BarChart.eighths(column.drawnValue, scale: scale, cells: plotHeight)
      let full = eighths / 8
      for level in 0..<full {
        for dx in 0..<width { buffer.put(glyphs.verticalEighths[7], x: x + dx, y: plotBottom - 1 - level, style: style) }
      }
      let part = eighths % 8
      if part > 0 {
        for dx in 0..<width {
          buffer.put(glyphs.verticalEighths[part - 1], x: x + dx, y: plotBottom - 1 - full, style: style)
        }
      }
      if valueRow {
        // Just above the column's top, or in the top row when it is full.
        let top = plotBottom - full - (part > 0 ? 1 : 0)
        let y = max(area.y, top - 1)
        buffer.put(
          TextWidth.fit(column.shownValue, toWidth: width, align: .center, ellipsis: ""), x: x, y: y,
          style: .text)
      }
      if hasLabels {
        buffer.put(
          TextWidth.fit(column.label, toWidth: width, align: .center, ellipsis: ""), x: x, y: area.maxY - 1,
          style: Style(.muted))
      }
      x += width + gap
    }
  }
}
