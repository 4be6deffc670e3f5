import GreenSilkCore

#if canImport(Glibc)
  import Glibc
#endif

/// Edits a field's text in `$VISUAL` / `$EDITOR` (else `vi`), as
/// VisiData and taskwarrior-tui users ask for: the screen is handed over,
/// the editor runs on the terminal, and the text comes back on exit.
enum ExternalEditor {
  /// The edited text; nil when the editor could not run or failed.
  /// `command` may carry arguments (`code --wait`): it is run by `sh`.
  static func edit(_ text: String, command: String, terminal: any Terminal, logger: Logger) -> String? {
    var template = Array("/tmp/greensilk-edit-XXXXXX.txt".utf8CString)
    let fd = mkstemps(&template, 4)
    guard fd >= 0 else { return nil }
    let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    defer { unlink(path) }
    let written = Array(text.utf8).withUnsafeBytes { raw in (try? FileSystem.writeAll(fd, raw, path: path)) != nil }
    close(fd)
    guard written else {
      logger.log("could not write the text for the editor to \(path)")
      return nil
    }
    terminal.suspend()
    defer { terminal.resume() }
    // `sh -c '$EDITOR "$1"' sh FILE`: the editor setting may carry arguments.
    let arguments = ["/bin/sh", "-c", command + " \"$1\"", "sh", path]
    var pid: pid_t = 0
    var argv = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    guard posix_spawn(&pid, "/bin/sh", nil, nil, &argv, environ) == 0 else {
      logger.log("could not start the editor \(command)")
      return nil
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    guard status == 0, let edited = (try? FileSystem.read(path)).map({ String(decoding: $0, as: UTF8.self) }) else {
      logger.log("the editor \(command) exited with status \(status)")
      return nil
    }
    return edited
  }
}
