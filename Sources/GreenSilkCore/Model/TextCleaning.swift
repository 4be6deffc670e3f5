extension String {
  /// Without leading and trailing whitespace: spaces, tabs, line breaks
  /// and the other Unicode spaces (a no-break space pasted from a web
  /// page, an ideographic space typed with a CJK input method). One
  /// definition for forms, imports and filters, so that a value typed
  /// into a form and the same value imported compare equal.
  public func trimmingSpaces() -> String {
    guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
      return ""
    }
    return String(self[first...last])
  }

  /// On one line: every line break (LF, CR, CRLF, U+2028, …) and tab
  /// becomes a space. For single-line form fields and table cells.
  public func singleLine() -> String {
    guard contains(where: { $0.isNewline || $0 == "\t" }) else { return self }
    return String(map { $0.isNewline || $0 == "\t" ? " " : $0 })
  }
}
