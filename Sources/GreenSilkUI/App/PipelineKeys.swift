extension KeyMap {
  /// Keys of the pipeline screen (before navigation and global keys).
  /// The footer names only filter, view and sort, so that it still fits
  /// with the shared keys (help, quit) in 80 columns; Enter and the facet
  /// keys are listed by `?`, the facet keys also on the facet bar.
  static let pipelineBindings: [KeyBinding] = [
    KeyBinding([.character("/")], "/", "Filter by id, title, country or agency (fuzzy)", .startFilter, footer: true),
    KeyBinding([.character("v")], "v", "Switch kanban / table", .toggleView, footer: true),
    KeyBinding([.character("s")], "s", "Sort by the next column", .sortNext, footer: true),
    KeyBinding([.character("S")], "S", "Reverse the sort", .sortReverse),
    KeyBinding([.character("a")], "a", "Facet: cooperation area (cycle)", .cycleAreaFacet),
    KeyBinding([.character("c")], "c", "Facet: corridor (cycle)", .cycleCorridorFacet),
    KeyBinding([.character("l")], "l", "Facet: traffic light (cycle)", .cycleLightFacet),
    KeyBinding([.character("t")], "t", "Facet: stage (cycle)", .cycleStageFacet),
    KeyBinding([.character("x")], "x", "Clear the filter and facets", .clearFilters),
    KeyBinding([.escape], "Esc", "Back to the map when opened from it; else clear the filter and facets", .back),
    KeyBinding([.left], "←", "Previous kanban column", .moveFocusLeft),
    KeyBinding([.right], "→", "Next kanban column", .moveFocusRight),
    KeyBinding([.enter], "Enter", "Open the project", .open),
  ]
}
