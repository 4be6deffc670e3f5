#if canImport(Glibc)
  import Glibc
#endif

/// Writes to stdout/stderr without Foundation.
struct FileHandleOutput {
  let fd: Int32
  static let standardOutput = FileHandleOutput(fd: 1)
  static let standardError = FileHandleOutput(fd: 2)

  func write(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let wrote = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if wrote <= 0 {
        if wrote < 0 && errno == EINTR { continue }
        return
      }
      offset += wrote
    }
    bytes.removeAll()
  }

  var isTerminal: Bool { isatty(fd) != 0 }
}

/// An error that ends a command with a message and a chosen status.
struct CommandFailure: Error, CustomStringConvertible {
  let message: String
  let status: Int32
  var description: String { message }
}
