/// A project's summary from AidData's description (DECISIONS.md, "A short
/// summary; the description stays in the source row").
///
/// GCDF descriptions run to 2 KB on average and 10 KB at most. Copied
/// whole into the summary they were more than half of every project line
/// and so of the file read at start, of its parse time and of resident
/// memory. The summary keeps their opening, cut at a sentence or word end
/// and marked with "…"; the whole description stays in the source row
/// (the sidecar), shown by `export` in the imported row's columns.
public enum AidDataSummary {
  /// Longest summary kept whole, in characters (grapheme clusters).
  static let limit = 280
  /// The mark at the end of a shortened summary.
  static let mark: Character = "…"

  /// The summary for a description: the trimmed text when it is at most
  /// `limit` characters, else its opening up to the last sentence end in
  /// the second half of the limit, or the last space, or the limit itself
  /// (text without spaces), followed by "…".
  static func of(description: String) -> String {
    let text = description.trimmingSpaces()
    var count = 0
    var lastSpace: String.Index?
    var lastSentenceEnd: String.Index?
    var previous: Character?
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      count += 1
      if count > limit { break }
      if character.isWhitespace {
        lastSpace = index
        if let previous, ".!?;".contains(previous), count > limit / 2 { lastSentenceEnd = index }
      } else if "。！？；".contains(character), count > limit / 2 {
        lastSentenceEnd = text.index(after: index)
      }
      previous = character
      index = text.index(after: index)
    }
    guard index < text.endIndex else { return text }
    let cut = lastSentenceEnd ?? lastSpace ?? index
    return String(text[..<cut]).trimmingSpaces() + String(mark)
  }

  /// Whether a summary is a description's shortened opening.
  public static func isShortened(_ summary: String) -> Bool { summary.last == mark }

  /// Whether `summary` is what an older GreenSilk stored: the whole
  /// description, before summaries were shortened. A re-import takes such
  /// a summary for the import's own, not for a local edit.
  static func isWholeDescription(_ summary: String, description: String) -> Bool {
    summary.utf8.count > limit && summary == description.trimmingSpaces() && of(description: description) != summary
  }
}
