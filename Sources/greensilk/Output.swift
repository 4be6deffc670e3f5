import GreenSilkCore

#if canImport(Glibc)
  import Glibc
#endif

/// Writes to stdout/stderr without Foundation. Every byte a command writes
/// goes through here, and so through `ControlCharacters`: no control
/// character, escape sequence or bidi control from the data reaches a
/// terminal raw (a value that retitles the window, writes the clipboard
/// with OSC 52 or reorders a line is shown as its pictures instead).
///
/// - `write`: text for people (messages, reports, summaries), shown safely
///   wherever it goes — a log file or a pipe is read on a terminal later.
///   Line feeds and tabs pass; everything else hidden becomes a picture.
/// - `writeLine`: one line of a message that may quote data; line feeds
///   inside it are shown too, so a value cannot start a line of its own.
/// - `writeData`: an export's bytes, exact (lossless) into a file or a
///   pipe, and shown like `write` when the output is a terminal.
/// - `writeControl`: our own terminal sequences (the progress bar's
///   carriage return and erase-line); a `StaticString`, so no data can
///   take this way.
struct FileHandleOutput {
  let fd: Int32
  static let standardOutput = FileHandleOutput(fd: 1)
  static let standardError = FileHandleOutput(fd: 2)

  func write(_ text: String) {
    writeBytes(ControlCharacters.visible(text, keepingLineFeeds: true, keepingTabs: true))
  }

  func writeLine(_ text: String) {
    writeBytes(ControlCharacters.visible(text) + "\n")
  }

  func writeData(_ bytes: [UInt8]) {
    if isTerminal {
      write(String(decoding: bytes, as: UTF8.self))
    } else {
      bytes.withUnsafeBytes { writeAll($0) }
    }
  }

  func writeControl(_ sequence: StaticString) {
    sequence.withUTF8Buffer { writeAll(UnsafeRawBufferPointer($0)) }
  }

  var isTerminal: Bool { isatty(fd) != 0 }

  private func writeBytes(_ text: String) {
    var text = text
    text.withUTF8 { writeAll(UnsafeRawBufferPointer($0)) }
  }

  /// Writes all of `bytes`, retrying after a signal; stops quietly when
  /// the reader went away (a closed pipe).
  private func writeAll(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      let wrote = Glibc.write(fd, base + offset, bytes.count - offset)
      if wrote <= 0 {
        if wrote < 0 && errno == EINTR { continue }
        return
      }
      offset += wrote
    }
  }
}

/// An error that ends a command with a message and a chosen status.
struct CommandFailure: Error, CustomStringConvertible {
  let message: String
  let status: Int32
  var description: String { message }
}
