extension KeyMap {
  /// Keys of the corridor screen (before navigation and global keys).
  static let corridorBindings: [KeyBinding] = [
    KeyBinding([.up, .character("k")], "↑/k", "Previous corridor or project", .moveSelection(-1)),
    KeyBinding([.down, .character("j")], "↓/j", "Next corridor or project", .moveSelection(1), footer: true),
    KeyBinding([.enter, .right, .character("l")], "Enter", "Enter the corridor's projects; open a project", .open, footer: true),
    KeyBinding([.escape, .left, .character("h")], "Esc", "Back to the corridor list", .back),
  ]
}
