import GreenSilkCore

/// A one-row progress bar with a label and the percentage:
///
///     Budget spent ███████████▌         58%
///
/// The bar stops at 100% but the percentage is the real one (`132%`), so
/// an overspend shows. The row is the middle row of the area.
public struct Gauge: Widget {
  /// Progress as a ratio: 1 is 100%.
  public var ratio: Double
  public var label: String
  public var fillRole: Role
  public var emptyRole: Role
  public var showsPercent: Bool
  public var glyphs: GlyphSet

  public init(ratio: Double, label: String = "", glyphs: GlyphSet = .unicode) {
    self.ratio = ratio
    self.label = label
    self.fillRole = .gaugeFill
    self.emptyRole = .gaugeEmpty
    self.showsPercent = true
    self.glyphs = glyphs
  }

  public func label(_ text: String) -> Gauge { with { $0.label = text } }
  public func fillRole(_ role: Role) -> Gauge { with { $0.fillRole = role } }
  public func emptyRole(_ role: Role) -> Gauge { with { $0.emptyRole = role } }
  public func percent(_ shown: Bool) -> Gauge { with { $0.showsPercent = shown } }
  public func glyphs(_ set: GlyphSet) -> Gauge { with { $0.glyphs = set } }

  private func with(_ change: (inout Gauge) -> Void) -> Gauge {
    var copy = self
    change(&copy)
    return copy
  }

  public func render(in area: Rect, into buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let y = area.y + (area.height - 1) / 2
    let percent = showsPercent ? NumberText.percent(ratio) : ""
    var labelColumns = TextWidth.columns(of: label)
    var percentColumns = TextWidth.columns(of: percent)
    func barColumns() -> Int {
      area.width - (labelColumns > 0 ? labelColumns + 1 : 0) - (percentColumns > 0 ? percentColumns + 1 : 0)
    }
    // Keep at least a few cells of bar: shorten the label, then drop the
    // percentage, then the label.
    if barColumns() < 4, labelColumns > 0 { labelColumns = max(0, labelColumns - (4 - barColumns())) }
    if barColumns() < 1 { percentColumns = 0 }
    if barColumns() < 1 { labelColumns = 0 }
    var x = area.x
    if labelColumns > 0 {
      buffer.put(TextWidth.truncate(label, toWidth: labelColumns, ellipsis: glyphs.ellipsis), x: x, y: y)
      x += labelColumns + 1
    }
    let barWidth = max(0, min(area.maxX - x, barColumns()))
    let clamped = ratio.isFinite ? min(1, max(0, ratio)) : 0
    let eighths = barWidth > 0 ? Int((clamped * Double(barWidth) * 8).rounded()) : 0
    for cell in 0..<barWidth {
      buffer.put(glyphs.gaugeEmpty, x: x + cell, y: y, style: Style(emptyRole))
    }
    BarChart.drawHorizontal(eighths: eighths, x: x, y: y, glyphs: glyphs, style: Style(fillRole), into: &buffer)
    if percentColumns > 0 {
      buffer.put(TextWidth.pad(percent, toWidth: percentColumns, align: .right), x: x + barWidth + 1, y: y)
    }
  }
}
