extension KeyMap {
  /// Keys of the envoys screen (before navigation and global keys).
  static let envoyBindings: [KeyBinding] = []
}
