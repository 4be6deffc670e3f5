import GreenSilkCore

/// The Pipeline screen: every project by stage as kanban columns, or as a
/// sortable table (`v` switches), narrowed by the fuzzy filter (`/`) and
/// the facets (`a` `c` `l` `t`). Everything it draws was derived when the
/// data, sort, facets or query changed (`PipelineState`); drawing builds
/// only the rows on screen.
enum PipelineScreen {
  static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let pipeline = state.pipeline
    let layout = PipelineLayout(pipeline, in: area)
    if let bar = layout.facetBar {
      PipelineFacetBar.render(
        pipeline.facets, countryName: state.data.countryName, glyphs: state.settings.glyphs, in: bar, into: &buffer)
    }
    if pipeline.visible.isEmpty {
      let rest = layout.facetBar.map { area.splitTop($0.height).rest } ?? area
      PipelineEmptyResult.render(state, in: rest, into: &buffer)
      return
    }
    switch pipeline.mode {
    case .kanban: PipelineKanban.render(state, layout: layout, into: &buffer)
    case .table: PipelineTable.render(state, in: layout.main, into: &buffer)
    }
  }
}

/// Marks where the filter matched in a piece of text shown on screen.
/// Built once per frame; asked only for the rows on screen.
///
/// A term that occurs whole in the text is marked there (`solar` in
/// "Cholistan 150 MW solar park"), which is where the eye looks for it;
/// otherwise the fuzzy match's letters are marked
/// (`FuzzyQuery.highlights`).
struct PipelineHighlighter {
  private let terms: [(whole: [Character], fuzzy: FuzzyQuery)]

  init(_ text: String) {
    terms = text.split(separator: " ").map { term in
      (Array(term.lowercased()), FuzzyQuery(String(term)))
    }
  }

  func callAsFunction(_ text: String) -> [Range<Int>] {
    guard !terms.isEmpty else { return [] }
    let lowered = Array(text.lowercased())
    guard lowered.count == text.count else { return [] }  // lower-casing changed the length
    var ranges: [Range<Int>] = []
    for term in terms {
      if let start = Self.firstOccurrence(of: term.whole, in: lowered) {
        ranges.append(start..<(start + term.whole.count))
      } else {
        ranges += term.fuzzy.highlights(in: text)
      }
    }
    return ranges
  }

  static func firstOccurrence(of needle: [Character], in haystack: [Character]) -> Int? {
    guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
    outer: for start in 0...(haystack.count - needle.count) {
      for offset in 0..<needle.count where haystack[start + offset] != needle[offset] { continue outer }
      return start
    }
    return nil
  }
}
