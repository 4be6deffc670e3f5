/// A small trend line of values drawn as vertical eighth blocks
/// (`▁▂▃▄▅▆▇█`), newest value at the right. Only the last values that fit
/// the width are drawn; a taller area gives finer steps.
public struct Sparkline: Widget {
  public var values: [Double]
  /// The value of a full-height block (default: the largest shown value).
  public var maxValue: Double?
  public var role: Role
  public var glyphs: GlyphSet

  public init(_ values: [Double], maxValue: Double? = nil, role: Role = .series1, glyphs: GlyphSet = .unicode) {
    self.values = values
    self.maxValue = maxValue
    self.role = role
    self.glyphs = glyphs
  }

  public func maxValue(_ value: Double?) -> Sparkline { with { $0.maxValue = value } }
  public func role(_ role: Role) -> Sparkline { with { $0.role = role } }
  public func glyphs(_ set: GlyphSet) -> Sparkline { with { $0.glyphs = set } }

  private func with(_ change: (inout Sparkline) -> Void) -> Sparkline {
    var copy = self
    change(&copy)
    return copy
  }

  public func render(in area: Rect, into buffer: inout Buffer) {
    guard !area.isEmpty, !values.isEmpty else { return }
    let shown = values.suffix(area.width).map { $0.isFinite ? max(0, $0) : 0 }
    let scale = BarChart.scale(maxValue ?? shown.max() ?? 0)
    let style = Style(role)
    var x = area.maxX - shown.count
    for value in shown {
      let eighths = BarChart.eighths(value, scale: scale, cells: area.height)
      for level in 0..<area.height {
        let filled = eighths - level * 8
        guard filled > 0 else { break }
        buffer.put(glyphs.verticalEighths[min(8, filled) - 1], x: x, y: area.maxY - 1 - level, style: style)
      }
      x += 1
    }
  }
}
