import GreenSilkCore

/// The selected corridor at a glance: its member countries (or its route,
/// when the countries have a panel of their own), its projects by stage
/// and by traffic light, and the envoy participants from its countries.
enum CorridorsProfile {
  static func render(
    _ state: AppState, _ summary: CorridorSummary, showsRoute: Bool, in area: Rect, into buffer: inout Buffer
  ) {
    let glyphs = state.settings.glyphs
    let projects = summary.projectCount == 1 ? "1 project" : "\(Presentation.count(summary.projectCount)) projects"
    // A data set without corridor names has only the codes.
    let title = summary.name == summary.code.rawValue
      ? summary.name : summary.code.rawValue + (glyphs.isASCII ? " - " : " · ") + summary.name
    let inner = Panel(title, glyphs: glyphs).rightTitle(projects)
      .render(in: area, into: &buffer)
    guard !inner.isEmpty else { return }
    // Two rows of countries above the bars, one or none when the panel
    // is squeezed: the bars matter more.
    let (top, charts) = inner.splitTop(inner.height >= Stage.allCases.count + 2 ? 2 : inner.height >= 6 ? 1 : 0)
    if showsRoute {
      let route = state.data.corridor(summary.code)?.route ?? ""
      renderLabelled("Route", route.isEmpty ? ScreenMarks.none(glyphs) : route, glyphs: glyphs, in: top, into: &buffer)
    } else {
      let names = state.corridors.members.map(\.name)
      renderLabelled("Countries", names.isEmpty ? ScreenMarks.none(glyphs) : names.joined(separator: ", "), glyphs: glyphs, in: top, into: &buffer)
    }
    // The stages get a little more than half: their labels are longer.
    let parts = Layout.horizontal([.ratio(11, 20), .fill(1)], spacing: 2).split(charts)
    renderStages(summary, glyphs: glyphs, in: parts[0], into: &buffer)
    renderLightsAndEnvoys(state, summary, in: parts[1], into: &buffer)
  }

  /// `Countries  Cambodia, China, …` over as many rows as `area` has,
  /// the label in its own column so that the names line up.
  static func renderLabelled(_ label: String, _ text: String, glyphs: GlyphSet, in area: Rect, into buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let labelWidth = 10
    let (labelArea, textArea) = area.splitLeft(min(labelWidth, area.width / 3))
    buffer.put(label, in: labelArea.row(0), style: Style(.fieldLabel), ellipsis: glyphs.ellipsis)
    var lines = TextWidth.wrap(text, width: textArea.width)
    if lines.count > textArea.height, textArea.height > 0 {
      // The last row that shows ends in an ellipsis: a hidden tail is said.
      let tail = lines[(textArea.height - 1)...].joined(separator: " ")
      lines[textArea.height - 1] = TextWidth.truncate(tail, toWidth: textArea.width, ellipsis: glyphs.ellipsis)
    }
    for (row, line) in lines.prefix(textArea.height).enumerated() {
      buffer.put(line, x: textArea.x, y: textArea.y + row, style: Style(.fieldValue), maxWidth: textArea.width)
    }
  }

  static func renderStages(_ summary: CorridorSummary, glyphs: GlyphSet, in area: Rect, into buffer: inout Buffer) {
    let bars = Stage.allCases.map { stage in
      Bar(stage.label, value: Double(summary.byStage[stage] ?? 0), role: Presentation.role(for: stage))
    }
    BarChart(bars, glyphs: glyphs).labelWidth(min(14, area.width / 2)).render(in: area, into: &buffer)
  }

  /// The light mix as four bars, then the envoy participants from the
  /// corridor's countries against the program's total.
  static func renderLightsAndEnvoys(_ state: AppState, _ summary: CorridorSummary, in area: Rect, into buffer: inout Buffer) {
    let glyphs = state.settings.glyphs
    let lights: [TrafficLight?] = [.green, .yellow, .red, nil]
    let bars = lights.map { light in
      Bar(light?.label ?? "Not screened", value: Double(summary.byLight.count(light)),
          role: Presentation.role(for: light))
    }
    let (lightArea, rest) = area.splitTop(lights.count)
    BarChart(bars, glyphs: glyphs).labelWidth(min(12, area.width / 2)).render(in: lightArea, into: &buffer)
    let envoys = rest.splitTop(min(1, max(0, rest.height - 2))).rest
    guard envoys.height >= 2 else { return }
    buffer.put("Envoy participants", in: envoys.row(0), style: Style(.muted), ellipsis: glyphs.ellipsis)
    let count = Span(Presentation.count(summary.envoyParticipants), style: Style(.title, emphasis: .bold))
    let countries = summary.countries.count == 1 ? "1 country" : "\(summary.countries.count) countries"
    // The longest wording that fits.
    let variants = [[count, Span(" from its " + countries)], [count, Span(" from " + countries)], [count]]
    let line = variants.first { Span.columns(of: $0) <= envoys.width } ?? [count]
    buffer.put(Span.truncate(line, toWidth: envoys.width, ellipsis: glyphs.ellipsis), x: envoys.x, y: envoys.y + 1, maxWidth: envoys.width)
    let total = state.context.portfolio.envoys.participants
    if envoys.height >= 3, total > 0 {
      let share = "\(NumberText.percent(Double(summary.envoyParticipants) / Double(total))) of \(Presentation.count(total)) in all"
      buffer.put(share, in: envoys.row(2), style: Style(.muted), ellipsis: glyphs.ellipsis)
    }
  }
}
