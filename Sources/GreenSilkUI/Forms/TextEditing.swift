/// An editable text with a cursor, as the form's field editor uses it.
/// Single-line fields ignore newlines; multi-line fields keep them. The
/// cursor is a character offset into `text`.
public struct TextEditing: Hashable, Sendable {
  public private(set) var characters: [Character]
  public private(set) var cursor: Int
  public let multiline: Bool

  public init(_ text: String, multiline: Bool) {
    characters = Array(text)
    cursor = characters.count
    self.multiline = multiline
  }

  public var text: String { String(characters) }

  /// Applies an editing key; returns false for keys it does not handle.
  public mutating func handle(_ key: Key) -> Bool {
    switch key {
    case .character(let c):
      if c == "\n" && !multiline { return false }
      characters.insert(c, at: cursor)
      cursor += 1
    case .enter where multiline:
      characters.insert("\n", at: cursor)
      cursor += 1
    case .backspace:
      guard cursor > 0 else { return true }
      characters.remove(at: cursor - 1)
      cursor -= 1
    case .delete, .ctrl("d"):
      guard cursor < characters.count else { return true }
      characters.remove(at: cursor)
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(characters.count, cursor + 1)
    case .home, .ctrl("a"): cursor = lineStart(cursor)
    case .end, .ctrl("e") where !multiline: cursor = lineEnd(cursor)
    case .end: cursor = lineEnd(cursor)
    case .up where multiline: moveVertically(-1)
    case .down where multiline: moveVertically(1)
    case .ctrl("u"):
      let start = lineStart(cursor)
      characters.removeSubrange(start..<cursor)
      cursor = start
    case .ctrl("k"):
      characters.removeSubrange(cursor..<lineEnd(cursor))
    case .ctrl("w"):
      var start = cursor
      while start > 0 && characters[start - 1] == " " { start -= 1 }
      while start > 0 && characters[start - 1] != " " && characters[start - 1] != "\n" { start -= 1 }
      characters.removeSubrange(start..<cursor)
      cursor = start
    default:
      return false
    }
    return true
  }

  /// Replaces everything (a pick, a completion, text back from $EDITOR).
  public mutating func replace(with text: String) {
    characters = Array(multiline ? text : text.withLineBreaksAsSpaces())
    cursor = characters.count
  }

  /// The line and column of the cursor (0-based).
  public var cursorPosition: (line: Int, column: Int) {
    var line = 0
    var column = 0
    for index in 0..<cursor {
      if characters[index] == "\n" {
        line += 1
        column = 0
      } else {
        column += 1
      }
    }
    return (line, column)
  }

  public var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

  func lineStart(_ index: Int) -> Int {
    var i = index
    while i > 0 && characters[i - 1] != "\n" { i -= 1 }
    return i
  }

  func lineEnd(_ index: Int) -> Int {
    var i = index
    while i < characters.count && characters[i] != "\n" { i += 1 }
    return i
  }

  mutating func moveVertically(_ delta: Int) {
    let column = cursor - lineStart(cursor)
    if delta < 0 {
      let start = lineStart(cursor)
      guard start > 0 else { return }
      let previousStart = lineStart(start - 1)
      cursor = min(previousStart + column, start - 1)
    } else {
      let end = lineEnd(cursor)
      guard end < characters.count else { return }
      let nextStart = end + 1
      cursor = min(nextStart + column, lineEnd(nextStart))
    }
  }
}
