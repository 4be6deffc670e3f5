import GreenSilkCore

/// The map's key: what a marker's size and colours mean, and, with a
/// corridor selected, its route and shaded countries. The screen places
/// it where it has room (under the map, or in a corner of it).
public struct MapLegend: Sendable {
  public var glyphs: GlyphSet
  public var selectedCorridor: CorridorCode?

  public init(glyphs: GlyphSet, selectedCorridor: CorridorCode? = nil) {
    self.glyphs = glyphs
    self.selectedCorridor = selectedCorridor
  }

  /// The entries, each a few spans: marker sizes, marker colours, then the
  /// selected corridor's route and countries.
  public var entries: [[Span]] {
    let ascii = glyphs.isASCII
    var entries: [[Span]] = MarkerSize.allCases.map { size in
      [Span(MarkerShape.of(size).row(0, ascii: ascii), role: .mapMarkerNone), Span(" " + size.range + " projects")]
    }
    let swatch = ascii ? "O" : BrailleDots.glyphs[0xFF]
    let lights: [(Role, String)] = [
      (.mapMarkerGreen, "green"), (.mapMarkerYellow, "yellow"), (.mapMarkerRed, "red"),
      (.mapMarkerNone, "not screened"),
    ]
    entries += lights.map { [Span(swatch, role: $0.0), Span(" " + $0.1)] }
    if let corridor = selectedCorridor {
      let route = ascii ? String(repeating: AsciiDots.selectedRoute, count: 2) : BrailleDots.glyphs[0x24] + BrailleDots.glyphs[0x24]
      let shade = ascii ? String(repeating: AsciiDots.shading, count: 2) : String(repeating: BrailleDots.glyphs[Int(MapRenderer.shading)], count: 2)
      entries.append([Span(route, style: Style(Presentation.role(for: corridor), emphasis: .bold)), Span(" \(corridor.rawValue) route")])
      entries.append([Span(shade, role: .mapMember), Span(" \(corridor.rawValue) countries")])
    }
    return entries
  }

  /// Flows the entries into `area`, two blanks apart, wrapping to the next
  /// row; entries that do not fit are left out. Returns the rows used.
  @discardableResult
  public func render(in area: Rect, into buffer: inout Buffer) -> Int {
    guard !area.isEmpty else { return 0 }
    let placed = flow(width: area.width)
    for (entry, column, row) in placed where row < area.height {
      buffer.put(entry, x: area.x + column, y: area.y + row, maxWidth: area.width - column)
    }
    return min(area.height, (placed.last?.row ?? -1) + 1)
  }

  /// Rows the whole legend takes in `width` columns.
  public func rows(width: Int) -> Int { (flow(width: width).last?.row ?? -1) + 1 }

  /// Where each entry goes in `width` columns: its column and row. An
  /// entry wider than the width is left out.
  private func flow(width: Int) -> [(entry: [Span], column: Int, row: Int)] {
    var placed: [(entry: [Span], column: Int, row: Int)] = []
    var x = 0
    var y = 0
    for entry in entries {
      let columns = Span.columns(of: entry)
      guard columns <= width else { continue }
      if x > 0, x + 2 + columns > width {
        x = 0
        y += 1
      } else if x > 0 {
        x += 2
      }
      placed.append((entry, x, y))
      x += columns
    }
    return placed
  }
}
