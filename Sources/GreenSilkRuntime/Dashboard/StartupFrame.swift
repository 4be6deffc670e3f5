import GreenSilkCore
import GreenSilkUI

/// The dashboard's first frame from the last start, shown while the data
/// loads (DECISIONS.md, "The first frame from the last start").
///
/// Loading 20,000 projects takes ~200 ms; the first screen needs little
/// of it. When nothing the first frame depends on has changed since the
/// last start — the data files (size, mtime, inode of each), the binary,
/// the draft and undo files, the window size, the display choices, the
/// user, today's date — that frame is what this start would draw, so it
/// is shown at once, the title bar's clock set to now. The real first
/// frame follows when the data is loaded and replaces it cell by cell
/// (nothing to write when they agree; the right screen when they do not),
/// so a stale file costs a flash, never a wrong screen. Keys typed
/// meanwhile wait in the terminal until the program runs.
///
/// One file per user and data directory in the user's state directory
/// (`$XDG_STATE_HOME/greensilk/frames`), never in the data directory. Not
/// used under a pinned identity, which writes nothing of its own. The key
/// is made by `StartFrameKeeper`.
public struct StartupFrame: Sendable {
  /// Bumped whenever the file's layout changes.
  static let magic = "greensilk-first-frame 1"
  public let path: String

  public init(dataDirectory: String, user: String, environment: [String: String]) {
    path = DraftStore.stateFile(
      "frames", user: user, dataDirectory: dataDirectory, ext: "frame", environment: environment)
  }

  /// The kept frame if it was drawn for `key`, its clock set to `clock`
  /// (an unreadable or foreign file: nil).
  public func load(key: String, clock: String) -> Buffer? {
    guard let bytes = try? FileSystem.read(path) else { return nil }
    var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)[...]
    guard lines.popFirst() == Substring(Self.magic), lines.popFirst() == Substring("key " + key),
      let clockLine = lines.popFirst(), clockLine.hasPrefix("clock "),
      let sizeLine = lines.popFirst()?.split(separator: " "), sizeLine.count == 3, sizeLine[0] == "size",
      let width = Int(sizeLine[1]), let height = Int(sizeLine[2]), width > 0, height > 0,
      width <= DrawableArea.largest.width, height <= DrawableArea.largest.height
    else { return nil }
    let keptClock = clockLine.dropFirst(6)
    var frame = Buffer(width: width, height: height)
    for line in lines where !line.isEmpty {
      // `y x role emphasis text`: one run of cells in one style.
      let fields = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
      guard fields.count == 5, let y = Int(fields[0]), let x = Int(fields[1]), y >= 0, y < height, x >= 0, x < width,
        let role = Role(rawValue: String(fields[2])), let raw = UInt8(fields[3]), let emphasis = Emphasis(rawValue: raw)
      else { return nil }
      var text = String(fields[4])
      // The title bar's clock: the only part of the frame that moves on
      // its own (the date is in the key).
      if y == 0, !keptClock.isEmpty, let start = Self.lastOccurrence(of: keptClock, in: text) {
        text.replaceSubrange(start..<text.index(start, offsetBy: keptClock.count), with: clock)
      }
      // Through `put`, which sanitizes: the file is text anyone with the
      // account could have edited.
      frame.put(text, x: x, y: y, style: Style(role, emphasis: emphasis))
    }
    return frame
  }

  static func lastOccurrence(of needle: Substring, in text: String) -> String.Index? {
    var index = text.endIndex
    while index > text.startIndex {
      index = text.index(before: index)
      if text[index...].hasPrefix(needle) { return index }
    }
    return nil
  }

  /// Keeps `frame` for the next start, unless the file holds it already.
  public func save(_ frame: Buffer, key: String, clock: String) {
    let text = Self.text(of: frame, key: key, clock: clock)
    if let bytes = try? FileSystem.read(path), bytes.elementsEqual(text.utf8) { return }
    try? FileSystem.createDirectory(FileSystem.parentDirectory(of: path))
    try? FileSystem.writeAtomically(path, Array(text.utf8), durable: false)
  }

  /// The file's text: header, then one line per run of same-styled cells
  /// (blank default cells left out; a wide glyph's second cell implied).
  static func text(of frame: Buffer, key: String, clock: String) -> String {
    var out = "\(magic)\nkey \(key)\nclock \(clock)\nsize \(frame.width) \(frame.height)\n"
    for y in 0..<frame.height {
      var x = 0
      while x < frame.width {
        let style = frame[x, y].style
        var run = ""
        let start = x
        while x < frame.width, frame[x, y].style == style {
          run += frame[x, y].symbol
          x += 1
        }
        if style == .text && run.allSatisfy({ $0 == " " }) { continue }
        out += "\(y) \(start) \(style.role.rawValue) \(style.emphasis.rawValue) \(run)\n"
      }
    }
    return out
  }
}
