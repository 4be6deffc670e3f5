extension KeyMap {
  /// Keys of the map (before undo, redo and the global keys). The arrows
  /// and vi keys choose, as on every screen; capitals pan, as Shift with
  /// a vi key moves further in many terminal programs.
  static let mapBindings: [KeyBinding] = [
    KeyBinding([.up, .character("k")], "↑/k", "Previous corridor (above the first: all corridors)", .moveSelection(-1)),
    KeyBinding([.down, .character("j")], "↓/j", "Next corridor", .moveSelection(1), footer: true, footerHelp: "corridor"),
    KeyBinding([.left, .character("h")], "←/h", "The next country to the west", .moveFocusLeft),
    KeyBinding([.right, .character("l")], "→/l", "The next country to the east", .moveFocusRight, footer: true, footerHelp: "country"),
    KeyBinding(
      [.enter], "Enter", "Open the pipeline filtered to the country (else to the corridor)", .open, footer: true,
      footerHelp: "pipeline"),
    KeyBinding([.escape], "Esc", "Leave the country, then the corridor", .back),
    KeyBinding([.character("+"), .character("=")], "+", "Zoom in, about the selected country", .zoom(1), footer: true, footerHelp: "zoom"),
    KeyBinding([.character("-"), .character("_")], "-", "Zoom out", .zoom(-1)),
    KeyBinding([.character("H")], "H", "Pan west", .pan(east: -1, south: 0)),
    KeyBinding([.character("L")], "L", "Pan east", .pan(east: 1, south: 0)),
    KeyBinding([.character("K")], "K", "Pan north", .pan(east: 0, south: -1)),
    KeyBinding([.character("J")], "J", "Pan south", .pan(east: 0, south: 1)),
    KeyBinding([.character("f")], "f", "Fit the view to the country or corridor", .fitView),
    KeyBinding([.character("0")], "0", "The whole map", .resetView),
  ]
}
