/// What GreenSilk trims from text it reads (import cells, filter terms,
/// lines of a JSON array) and from text it writes (report lines): spaces,
/// tabs and line breaks. One definition, so that what an import trims is
/// what a report trims.
public enum Whitespace {
  public static func isSpace(_ character: Character) -> Bool {
    character == " " || character == "\t" || character == "\n" || character == "\r" || character == "\r\n"
  }

  public static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
}

extension String {
  /// Without leading and trailing spaces, tabs and line breaks.
  public func trimmingSpaces() -> String {
    guard let first = firstIndex(where: { !Whitespace.isSpace($0) }), let last = lastIndex(where: { !Whitespace.isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }

  /// Without trailing spaces, tabs and line breaks.
  public func trimmingTrailingSpaces() -> String {
    guard let last = lastIndex(where: { !Whitespace.isSpace($0) }) else { return "" }
    return String(self[...last])
  }

  /// Every line break (of any kind: LF, CR LF, U+2028, …) and tab as one
  /// space: text for one line of a table or a report.
  public func withLineBreaksAsSpaces() -> String {
    guard contains(where: { $0.isNewline || $0 == "\t" }) else { return self }
    return String(map { $0.isNewline || $0 == "\t" ? " " : $0 })
  }
}

extension Collection<UInt8> {
  /// The bytes without leading and trailing spaces, tabs and line breaks.
  public func trimmingSpaces() -> [UInt8] {
    guard let first = firstIndex(where: { !Whitespace.isSpace($0) }) else { return [] }
    let tail = self[first...]
    var end = tail.endIndex
    var index = tail.startIndex
    while index != tail.endIndex {
      if !Whitespace.isSpace(tail[index]) { end = tail.index(after: index) }
      index = tail.index(after: index)
    }
    return Array(tail[..<end])
  }
}
