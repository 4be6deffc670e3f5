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
    // One pass over the characters, positions kept as UTF-8 offsets; the
    // checks look at ASCII values first (most descriptions are ASCII, and
    // comparing Characters cost 0.7 s over a 21,000-row import).
    var count = 0
    var offset = 0
    var lastSpace: Int?
    var lastSentenceEnd: Int?
    var previous: UInt8?
    var cut: Int?
    for character in text {
      count += 1
      if count > limit {
        cut = offset
        break
      }
      let size = character.utf8.count
      let inSecondHalf = count > limit / 2
      if let ascii = character.asciiValue {
        if ascii == 0x20 || ascii == 0x09 || ascii == 0x0A || ascii == 0x0D {
          lastSpace = offset
          if inSecondHalf, let previous, Self.asciiSentenceEnds.contains(previous) { lastSentenceEnd = offset }
        }
        previous = ascii
      } else {
        if character.isWhitespace {
          lastSpace = offset
          if inSecondHalf, let previous, Self.asciiSentenceEnds.contains(previous) { lastSentenceEnd = offset }
        } else if inSecondHalf, let scalar = character.unicodeScalars.first,
          Self.wideSentenceEnds.contains(scalar.value)
        {
          lastSentenceEnd = offset + size
        }
        previous = nil
      }
      offset += size
    }
    guard let cut else { return text }
    let end = lastSentenceEnd ?? lastSpace ?? cut
    return String(decoding: text.utf8.prefix(end), as: UTF8.self).trimmingSpaces() + String(mark)
  }

  /// `. ! ? ;` before a space end a sentence; `。！？；` end one by themselves.
  static let asciiSentenceEnds: [UInt8] = [0x2E, 0x21, 0x3F, 0x3B]
  static let wideSentenceEnds: [UInt32] = [0x3002, 0xFF01, 0xFF1F, 0xFF1B]

  /// Whether a summary is a description's shortened opening.
  public static func isShortened(_ summary: String) -> Bool { summary.last == mark }

  /// Whether `summary` is what an older GreenSilk stored: the whole
  /// description, before summaries were shortened. A re-import takes such
  /// a summary for the import's own, not for a local edit.
  static func isWholeDescription(_ summary: String, description: String) -> Bool {
    summary.utf8.count > limit && summary == description.trimmingSpaces() && of(description: description) != summary
  }
}
