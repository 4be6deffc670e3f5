import GreenSilkCore
import GreenSilkTerminal

#if canImport(Glibc)
  import Glibc
#endif

/// Edits a field's text in `$VISUAL` / `$EDITOR` (else `vi`), as
/// VisiData and taskwarrior-tui users ask for: the screen is handed over,
/// the editor runs on the terminal, and the text comes back on exit.
enum ExternalEditor {
  static func edit(_ text: String, terminal: NcursesTerminal, logger: Logger) -> String? {
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
    let command = Environment.value("VISUAL") ?? Environment.value("EDITOR") ?? "vi"
    terminal.suspend()
    defer {
      terminal.resume()
      terminal.invalidate()
    }
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

/// The process environment, read without Foundation.
enum Environment {
  static func value(_ name: String) -> String? {
    guard let raw = getenv(name) else { return nil }
    let text = String(cString: raw)
    return text.isEmpty ? nil : text
  }

  /// The variables GreenSilk consults, as a dictionary.
  static func snapshot() -> [String: String] {
    var out: [String: String] = [:]
    for name in ["USER", "LOGNAME", "HOME", "XDG_STATE_HOME", "SSH_CLIENT", "SSH_CONNECTION", "EDITOR", "VISUAL"] {
      if let value = value(name) { out[name] = value }
    }
    return out
  }
}
