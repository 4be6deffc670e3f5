extension KeyMap {
  /// Keys of the envoys screen (before navigation and global keys).
  static let envoyBindings: [KeyBinding] = [
    KeyBinding([.enter], "Enter", "Show the selected activity in full", .open, footer: true),
    KeyBinding([.character("v")], "v", "Switch activities / charts (small windows)", .toggleView, footer: true),
    KeyBinding([.escape], "Esc", "Back to the activity table", .back),
  ]
}
