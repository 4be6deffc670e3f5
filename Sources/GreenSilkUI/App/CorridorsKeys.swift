extension KeyMap {
  /// Keys of the corridor screen (before navigation and global keys).
  static let corridorBindings: [KeyBinding] = [
    KeyBinding([.up, .character("k")], "↑/k", "Previous corridor or project", .moveSelection(-1)),
    KeyBinding([.down, .character("j")], "↓/j", "Next corridor or project", .moveSelection(1), footer: true),
    KeyBinding(
      [.enter, .right, .character("l")], "Enter", "Enter the corridor's projects; open a project", .open, footer: true),
    // In the footer although it only acts in the table: the way out of a
    // focused table must be visible.
    KeyBinding([.escape, .left, .character("h")], "Esc", "Back to the corridor list", .back, footer: true),
  ]
}
