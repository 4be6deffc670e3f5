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
    var x = area.x
    var y = area.y
    for entry in entries {
      let width = Span.columns(of: entry)
      if x > area.x, x + 2 + width > area.maxX {
        x = area.x
        y += 1
      } else if x > area.x {
        x += 2
      }
      guard y < area.maxY, width <= area.width else { break }
      x += buffer.put(entry, x: x, y: y, maxWidth: area.maxX - x)
    }
    return y - area.y + 1
  }
}
