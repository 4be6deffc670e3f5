extension KeyMap {
  /// Keys of the project detail (before navigation and global keys).
  static let detailBindings: [KeyBinding] = [
    KeyBinding([.up, .character("k")], "↑/k", "Scroll up", .moveSelection(-1)),
    KeyBinding([.down, .character("j")], "↓/j", "Scroll down", .moveSelection(1), footer: true),
    KeyBinding([.pageUp], "PgUp", "Page up", .page(-1)),
    KeyBinding([.pageDown, .character(" ")], "PgDn/Space", "Page down", .page(1)),
    KeyBinding([.home, .character("g")], "Home/g", "Top", .first),
    KeyBinding([.end, .character("G")], "End/G", "Bottom", .last),
    KeyBinding([.escape, .backspace, .left], "Esc", "Back to where the project was opened", .back, footer: true),
  ]
}
