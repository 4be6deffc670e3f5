import GreenSilkCore

/// One bar (or column) of a chart: a label, a value, the role it is drawn
/// in, and optionally the text shown as its value (else the value itself).
public struct Bar: Hashable, Sendable {
  public var label: String
  public var value: Double
  public var role: Role
  public var valueLabel: String?

  public init(_ label: String, value: Double, role: Role = .series1, valueLabel: String? = nil) {
    self.label = label
    self.value = value
    self.role = role
    self.valueLabel = valueLabel
  }

  /// The value as drawn: negative, NaN and infinite values count as 0.
  var drawnValue: Double { value.isFinite ? max(0, value) : 0 }

  var shownValue: String { valueLabel ?? NumberText.compact(value) }
}

/// Horizontal bars, one row each, with a label column on the left and the
/// value on the right; bar ends are drawn to an eighth of a cell:
///
///     CPEC    ██████████████▋      42
///     NELB    ███▍                 10
public struct BarChart: Widget {
  public var bars: [Bar]
  /// The value of a full-length bar (default: the largest value).
  public var maxValue: Double?
  public var glyphs: GlyphSet
  /// Width of the label column (default: the longest label, at most a
  /// third of the width).
  public var labelWidth: Int?
  public var showsValues: Bool
  /// Empty rows between bars.
  public var gap: Int

  public init(_ bars: [Bar], maxValue: Double? = nil, glyphs: GlyphSet = .unicode) {
    self.bars = bars
    self.maxValue = maxValue
    self.glyphs = glyphs
    self.labelWidth = nil
    self.showsValues = true
    self.gap = 0
  }

  public func maxValue(_ value: Double?) -> BarChart { with { $0.maxValue = value } }
  public func glyphs(_ set: GlyphSet) -> BarChart { with { $0.glyphs = set } }
  public func labelWidth(_ width: Int?) -> BarChart { with { $0.labelWidth = width } }
  public func values(_ shown: Bool) -> BarChart { with { $0.showsValues = shown } }
  public func gap(_ rows: Int) -> BarChart { with { $0.gap = max(0, rows) } }

  private func with(_ change: (inout BarChart) -> Void) -> BarChart {
    var copy = self
    change(&copy)
    return copy
  }

  public func render(in area: Rect, into buffer: inout Buffer) {
    guard !area.isEmpty, !bars.isEmpty else { return }
    var labelColumns = labelWidth ?? min(bars.map { TextWidth.columns(of: $0.label) }.max() ?? 0, area.width / 3)
    var valueColumns = showsValues ? bars.map { TextWidth.columns(of: $0.shownValue) }.max() ?? 0 : 0
    // Give up the value column, then the labels, before the bars vanish.
    func barColumns() -> Int {
      area.width - (labelColumns > 0 ? labelColumns + 1 : 0) - (valueColumns > 0 ? valueColumns + 1 : 0)
    }
    if barColumns() < 1 { valueColumns = 0 }
    if barColumns() < 1 { labelColumns = 0 }
    let barWidth = max(0, min(area.width, barColumns()))
    let scale = BarChart.scale(maxValue ?? bars.map(\.drawnValue).max() ?? 0)

    var y = area.y
    for bar in bars {
      guard y < area.maxY else { break }
      var x = area.x
      if labelColumns > 0 {
        buffer.put(TextWidth.fit(bar.label, toWidth: labelColumns, ellipsis: glyphs.ellipsis), x: x, y: y)
        x += labelColumns + 1
      }
      let eighths = BarChart.eighths(bar.drawnValue, scale: scale, cells: barWidth)
      BarChart.drawHorizontal(eighths: eighths, x: x, y: y, glyphs: glyphs, style: Style(bar.role), into: &buffer)
      x += barWidth
      if valueColumns > 0 {
        let text = TextWidth.pad(bar.shownValue, toWidth: valueColumns, align: .right)
        buffer.put(text, x: x + 1, y: y, style: .text)
      }
      y += 1 + gap
    }
  }

  /// A usable full-scale value: positive and finite, else 0 (no bars).
  static func scale(_ value: Double) -> Double {
    value.isFinite && value > 0 ? value : 0
  }

  /// Eighths of a cell for `value` on a `cells`-long axis. A value above
  /// zero always shows at least one eighth, so that small is not nothing.
  static func eighths(_ value: Double, scale: Double, cells: Int) -> Int {
    guard scale > 0, cells > 0, value > 0 else { return 0 }
    let fraction = min(1, value / scale)
    let exact = (fraction * Double(cells) * 8).rounded()
    return max(1, min(cells * 8, Int(exact)))
  }

  /// A horizontal bar of `eighths` from (x, y): full cells, then the
  /// partial end.
  static func drawHorizontal(eighths: Int, x: Int, y: Int, glyphs: GlyphSet, style: Style, into buffer: inout Buffer) {
    let full = eighths / 8
    for cell in 0..<full { buffer.put(glyphs.barFull, x: x + cell, y: y, style: style) }
    if let part = glyphs.horizontalPart(eighths % 8) { buffer.put(part, x: x + full, y: y, style: style) }
  }
}
