/// Where each row of a CSV file starts and ends, and on which physical
/// line. CSV.swift (the parser we use for fields) reports no positions at
/// all, and a quoted field may span lines, so `FILE:LINE` for a bad row
/// needs this pass. It follows CSV.swift's own quoting rules exactly (see
/// `CSVReader.readRow` / `readField`), so its row boundaries are the
/// library's: a quote opens a quoted field only as a field's first
/// character; inside one, `""` is a quote and a quote followed by a comma,
/// CR, LF or the end closes it; any other character after a quote keeps
/// the field open.
///
/// Scanning bytes is exact for this: the characters that matter are ASCII,
/// and UTF-8 never uses ASCII bytes inside a multi-byte character.
struct CSVRowScanner {
  /// One row: its bytes (without the line break that ends it) and lines.
  struct Row: Equatable, Sendable {
    var bytes: Range<Int>
    /// The 1-based physical line the row starts on.
    var line: Int
    /// Physical lines the row spans (more than 1 with quoted newlines).
    var lineCount: Int
    /// A quoted field was still open at the end of the file (a truncated
    /// file, or a stray quote).
    var unterminatedQuote: Bool
  }

  private enum State {
    case fieldStart, unquoted, quoted, quoteInQuoted
  }

  /// Splits `bytes` into rows. Lines are counted the way editors count
  /// them: LF, CRLF and a lone CR each end one line.
  static func rows(_ bytes: UnsafeBufferPointer<UInt8>) -> [Row] {
    var rows: [Row] = []
    let count = bytes.count
    var index = 0
    var line = 1
    let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
    while index < count {
      let start = index
      let startLine = line
      var state = State.fieldStart
      var end = count
      var next = count
      var endedByBreak = false
      scan: while index < count {
        let byte = bytes[index]
        // A line break outside quotes (or right after a closing quote) ends the row.
        if (byte == cr || byte == lf) && state != .quoted {
          end = index
          next = index + 1
          if byte == cr, next < count, bytes[next] == lf { next += 1 }
          line += 1
          endedByBreak = true
          break scan
        }
        switch state {
        case .fieldStart, .unquoted:
          if byte == comma {
            state = .fieldStart
          } else if byte == quote && state == .fieldStart {
            state = .quoted
          } else {
            state = .unquoted
          }
          index += 1
        case .quoted:
          if byte == quote {
            state = .quoteInQuoted
          } else if byte == lf || (byte == cr && !(index + 1 < count && bytes[index + 1] == lf)) {
            line += 1
          }
          index += 1
        case .quoteInQuoted:
          if byte == comma {
            state = .fieldStart
          } else {
            // `""` is an escaped quote; anything else after a quote is
            // kept (CSV.swift keeps the quote, drops this character and
            // stays inside the field); both continue the quoted field.
            state = .quoted
          }
          index += 1
        }
      }
      if !endedByBreak {
        end = count
        next = count
      }
      let spanned = endedByBreak ? line - startLine : line - startLine + 1
      rows.append(Row(bytes: start..<end, line: startLine, lineCount: spanned, unterminatedQuote: state == .quoted))
      index = next
    }
    return rows
  }
}
