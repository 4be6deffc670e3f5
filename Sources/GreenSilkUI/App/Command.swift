/// What a key asks for, once the key map has looked it up. Every command
/// a key can give is listed in `KeyMap` with its help text.
public enum Command: Hashable, Sendable {
  // Anywhere
  case showScreen(Screen)
  case nextScreen
  case previousScreen
  case toggleHelp
  /// The list of the data's problems (the `!` overlay).
  case showProblems
  case quit
  case cycleTheme
  case reload
  // Lists and tables
  case moveSelection(Int)
  case page(Int)
  case first
  case last
  case moveFocusLeft
  case moveFocusRight
  case open
  case back
  // Pipeline
  case startFilter
  case toggleView
  case sortNext
  case sortReverse
  case cycleAreaFacet
  case cycleCorridorFacet
  case cycleLightFacet
  case cycleStageFacet
  case clearFilters
  // Map
  /// Zoom in (positive) or out (negative) by so many steps.
  case zoom(Int)
  /// Move the view by quarters of its width (east positive) and height
  /// (south positive).
  case pan(east: Int, south: Int)
  /// The whole map again.
  case resetView
  /// Fit the view to the selected country or corridor.
  case fitView
  // Editing (the current screen's record)
  case newRecord
  case editRecord
  case deleteRecord
  case moveStage
  case undo
  case redo
}
