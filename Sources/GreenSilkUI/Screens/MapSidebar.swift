import GreenSilkCore

/// The map's side column in a wide window: the corridor list (↑/↓), the
/// chosen corridor's countries west to east (←/→) with their filtered
/// projects, and the key. The chosen row is marked by `▶` and its code
/// cell alone, as the tables mark their cursor: moving it rewrites two
/// short cells, not two whole rows (bytes over SSH, DECISIONS.md).
enum MapSidebar {
  struct Areas: Equatable {
    var corridors: Rect
    var countries: Rect
    var legend: Rect?
  }

  /// Rows of the corridor list: every corridor, then each one.
  static let corridorRows = MapState.choices + 2

  static func layout(_ area: Rect) -> Areas {
    let (corridors, rest) = area.splitTop(corridorRows)
    let legendRows = MapScreen.longestLegend.entries.count + 2
    guard rest.height - legendRows >= 6 else { return Areas(corridors: corridors, countries: rest, legend: nil) }
    let (countries, legend) = rest.splitBottom(legendRows)
    return Areas(corridors: corridors, countries: countries, legend: legend)
  }

  static func render(_ state: AppState, _ map: MapState, in areas: Areas, into buffer: inout Buffer) {
    let glyphs = state.settings.glyphs
    renderCorridors(state, map, in: areas.corridors, into: &buffer)
    renderCountries(state, map, in: areas.countries, into: &buffer)
    if let area = areas.legend {
      // One entry a row: a column reads better than a flow.
      let inner = Panel("Key", glyphs: glyphs).render(in: area, into: &buffer)
      let entries = MapLegend(glyphs: glyphs, selectedCorridor: map.corridor).entries
      for (row, entry) in entries.enumerated() where row < inner.height {
        buffer.put(entry, x: inner.x, y: inner.y + row, maxWidth: inner.width)
      }
    }
  }

  static func renderCorridors(_ state: AppState, _ map: MapState, in area: Rect, into buffer: inout Buffer) {
    let glyphs = state.settings.glyphs
    let inner = Panel("Corridors", glyphs: glyphs).rightTitle("projects").render(in: area, into: &buffer)
    guard !inner.isEmpty else { return }
    let codeWidth = CorridorsSidebar.codeColumns
    for choice in 0..<MapState.choices where choice < inner.height {
      let corridor = choice > 0 ? CorridorCode.allCases[choice - 1] : nil
      let code = corridor?.rawValue ?? "All corridors"
      let name = corridor.map { CorridorsScreen.shortName(state.data.corridor($0)?.name ?? $0.rawValue) } ?? ""
      let count = corridor.map { map.projects.perCorridor[$0.index] } ?? map.projects.total
      let style = corridor.map { Style(Presentation.role(for: $0)) } ?? Style(.text)
      row(
        in: inner.row(choice), chosen: choice == map.choice, code: code, codeWidth: codeWidth, codeStyle: style,
        name: name, count: count, glyphs: glyphs, into: &buffer)
    }
  }

  /// The chosen corridor's member countries (or every country with a
  /// filtered project), west to east, a page at a time.
  static func renderCountries(_ state: AppState, _ map: MapState, in area: Rect, into buffer: inout Buffer) {
    let glyphs = state.settings.glyphs
    let countries = map.countries
    let title = map.corridor.map { "\($0.rawValue) countries" } ?? "Countries with projects"
    let inner = Panel(title, glyphs: glyphs).rightTitle("west to east").render(in: area, into: &buffer)
    guard !inner.isEmpty else { return }
    guard !countries.isEmpty else {
      let text = map.corridor == nil ? "No project passes the filter" : "No sourced member countries"
      buffer.put(text, in: inner.row(0), style: Style(.muted), ellipsis: glyphs.ellipsis)
      return
    }
    let chosen = map.country.flatMap { countries.firstIndex(of: $0) }
    // Whole pages: the list moves only when the choice leaves the page.
    let first = ((chosen ?? 0) / inner.height) * inner.height
    for line in 0..<inner.height where first + line < countries.count {
      let country = countries[first + line]
      row(
        in: inner.row(line), chosen: first + line == chosen, code: country.description, codeWidth: 4,
        codeStyle: Style(.text), name: state.data.countryName(country), count: map.projects.marker(of: country).total,
        glyphs: glyphs, into: &buffer)
    }
  }

  /// `▶ CODE   name…      count`: the marker and the code mark the chosen
  /// row; a zero count is a dash.
  static func row(
    in rect: Rect, chosen: Bool, code: String, codeWidth: Int, codeStyle: Style, name: String, count: Int,
    glyphs: GlyphSet, into buffer: inout Buffer
  ) {
    let marker = TextWidth.columns(of: glyphs.selectionMarker) + 1
    if chosen { buffer.put(glyphs.selectionMarker, x: rect.x, y: rect.y, style: Style(.selection)) }
    let countText = count > 0 ? Presentation.count(count) : ScreenMarks.none(glyphs)
    let countWidth = max(5, TextWidth.columns(of: countText))
    let text = rect.splitLeft(marker).rest
    let (codeRect, rest) = text.splitLeft(max(codeWidth, TextWidth.columns(of: code)))
    buffer.put(code, in: codeRect, style: chosen ? codeStyle.with(.selected) : codeStyle)
    let (nameRect, countRect) = rest.splitRight(countWidth)
    if !name.isEmpty { buffer.put(" " + name, in: nameRect, style: Style(.text), ellipsis: glyphs.ellipsis) }
    buffer.put(
      countText, in: countRect, style: Style(count > 0 ? .text : .muted), alignment: .right)
  }
}
