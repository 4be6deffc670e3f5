import GreenSilkCore

/// The row above the pipeline that lists the active facets and says how
/// to change and clear them.
enum PipelineFacetBar {
  static func render(
    _ facets: PipelineFacets, countryName: (CountryCode) -> String, glyphs: GlyphSet, in area: Rect,
    into buffer: inout Buffer
  ) {
    guard !area.isEmpty else { return }
    var left: [Span] = [Span(" Facets", role: .header)]
    func add(_ name: String, _ value: [Span]) {
      left.append(Span("  \(name) ", role: .muted))
      left += value
    }
    if let area = facets.area { add("area", [Span(area.label, style: Style(.text, emphasis: .bold))]) }
    if let corridor = facets.corridor {
      add("corridor", [Span(corridor.rawValue, style: Style(Presentation.role(for: corridor), emphasis: .bold))])
    }
    if let country = facets.country {
      add("country", [Span(countryName(country), style: Style(.text, emphasis: .bold))])
    }
    if let light = facets.light {
      let role = Presentation.role(for: light.light)
      add("light", [Span(glyphs.dot + " ", role: role), Span(light.label, role: role)])
    }
    if let stage = facets.stage { add("stage", [Span(stage.label, role: Presentation.role(for: stage))]) }
    let hints: [[Span]] = [
      [Span("a c l t", role: .title), Span(" change  ", role: .muted), Span("x", role: .title), Span(" clears ", role: .muted)],
      [Span("x", role: .title), Span(" clears ", role: .muted)],
      [],
    ]
    let leftWidth = Span.columns(of: left)
    // The longest hint that still leaves the facets whole.
    let right = hints.first { leftWidth + 2 + Span.columns(of: $0) <= area.width } ?? []
    let rightWidth = Span.columns(of: right)
    buffer.put(Span.truncate(left, toWidth: area.width - rightWidth, ellipsis: glyphs.ellipsis), x: area.x, y: area.y)
    if rightWidth > 0 { buffer.put(right, x: area.maxX - rightWidth, y: area.y, maxWidth: rightWidth) }
  }
}

/// What the pipeline shows when nothing is left to show: which of the
/// facets or the filter removed everything, and how to undo it.
enum PipelineEmptyResult {
  static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let inner = Panel("Pipeline", glyphs: state.settings.glyphs).render(in: area, into: &buffer)
    guard !inner.isEmpty else { return }
    let paragraphs = explanation(state)
    let width = max(1, min(inner.width - 4, 64))
    var lines: [(String, Style)] = []
    for (index, (text, style)) in paragraphs.enumerated() {
      if index > 0 { lines.append(("", .text)) }
      for line in TextWidth.wrap(text, width: width) { lines.append((line, style)) }
    }
    let top = inner.y + max(0, (inner.height - lines.count) / 2)
    let blockWidth = lines.map { TextWidth.columns(of: $0.0) }.max() ?? 0
    let x = inner.x + max(0, (inner.width - blockWidth) / 2)
    for (offset, (line, style)) in lines.enumerated() where top + offset < inner.maxY {
      buffer.put(line, x: x, y: top + offset, style: style, maxWidth: inner.maxX - x)
    }
  }

  /// The explanation, paragraph by paragraph: what happened, then what to do.
  static func explanation(_ state: AppState) -> [(String, Style)] {
    let pipeline = state.pipeline
    let facets = pipeline.facets
    let total = state.data.projects.count
    let headline = Style(.title)
    let hint = Style(.muted)
    if total == 0 {
      return [("No projects yet", headline), ("The data set has no projects.", .text)]
    }
    let name = state.data.countryName
    let described = DetailText.list(facets.setKinds.map { phrase(for: $0, in: facets, countryName: name) })
    if pipeline.faceted.isEmpty {
      var paragraphs: [(String, Style)] = [
        ("No project matches the facets", headline),
        ("None of the \(Presentation.count(total)) projects is \(described).", .text),
      ]
      let alone = facets.setKinds.compactMap { kind in
        pipeline.facetAloneCounts[kind].map { "\(Presentation.count($0)) \(phrase(for: kind, in: facets, countryName: name))" }
      }
      if !alone.isEmpty { paragraphs.append(("Each facet on its own: " + alone.joined(separator: "; ") + ".", .text)) }
      let clear = state.pipelineReturn == nil ? "x or Esc to clear them all" : "x to clear them all, Esc to go back to the map"
      paragraphs.append(("Press a c l t to change a facet, \(clear).", hint))
      return paragraphs
    }
    let count = Presentation.count(pipeline.faceted.count)
    let scope = facets.isEmpty ? "None of the \(count) projects" : "None of the \(count) projects \(described)"
    let undo = pipeline.isEditingQuery
      ? "Backspace edits the filter, Esc clears it."
      : state.pipelineReturn == nil
        ? "Press / to edit the filter, x or Esc to clear filter and facets."
        : "Press / to edit the filter, x to clear filter and facets, Esc to go back to the map."
    return [
      ("Nothing matches \u{201C}\(pipeline.query)\u{201D}", headline),
      ("\(scope) has the letters of each word, in order, in its id, title, a country or its agency.", .text),
      (undo, hint),
    ]
  }

  /// `in capacity building`, `on the CPEC corridor`, `in Pakistan`, `with
  /// a red light`, `at the approved stage`.
  static func phrase(
    for kind: PipelineFacets.Kind, in facets: PipelineFacets, countryName: (CountryCode) -> String
  ) -> String {
    switch kind {
    case .area: "in " + (facets.area?.label.lowercased() ?? "")
    case .corridor: "on the \(facets.corridor?.rawValue ?? "") corridor"
    case .country: "in " + (facets.country.map(countryName) ?? "")
    case .light: facets.light == .unscreened ? "not screened yet" : "with a \(facets.light?.label ?? "") light"
    case .stage: "at the \(facets.stage?.label.lowercased() ?? "") stage"
    }
  }
}
