import CNcursesw

/// The terminal put back when the process dies of a trap (issue 16, item
/// 8): SIGSEGV, SIGBUS, SIGILL (a Swift runtime check on x86-64), SIGFPE,
/// SIGABRT and SIGTRAP (a runtime check on arm64). The handler is C
/// (`gs_fatal_signal_handler` in the shim): Swift code is not
/// async-signal-safe. It writes the reset bytes computed here, restores
/// the modes saved before ncurses started, then dies of the signal with
/// its default action, as htop does.
enum FatalSignalReset {
  /// Before `newterm`: the tty modes the shell had.
  static func saveModes(of descriptor: Int32) {
    gs_fatal_save_modes(descriptor)
  }

  /// After `newterm` (terminfo is loaded): arms the handler with this
  /// terminal's own sequences: attributes off, cursor visible, keypad
  /// off, leave the alternate screen.
  static func arm(descriptor: Int32) {
    var bytes: [CChar] = []
    for name in ["sgr0", "cnorm", "rmkx", "rmcup"] {
      guard let value = gs_tigetstr(name) else { continue }
      var index = 0
      while value[index] != 0 {
        bytes.append(value[index])
        index += 1
      }
    }
    bytes.append(contentsOf: Array("\r\n".utf8CString.dropLast()))
    _ = gs_fatal_arm(descriptor, bytes, bytes.count)
  }

  /// The terminal is closed: the handler only re-raises from now on.
  static func disarm() { gs_fatal_disarm() }
}
