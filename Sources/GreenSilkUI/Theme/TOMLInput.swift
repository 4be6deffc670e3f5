import TOMLKit

/// A TOML file that could not be read: the line (1-based, 0 when unknown)
/// and the reason.
struct TOMLInputError: Error {
  let line: Int
  let description: String
}

/// The one door to TOMLKit for theme files and kiosk configs.
///
/// Why not `TOMLTable(string:)` directly: toml++ (the C++ parser inside
/// TOMLKit 0.6.0) asserts instead of reporting an error when a table
/// header's name starts with a character that can start no key (`[\u{4}]`,
/// `[é]`, `[` then CR LF, `[[[`, any of these after a BOM or a Unicode
/// space), and when an array's next value starts with `}` or a Unicode line
/// separator. With assertions on (debug builds) that aborts
/// the process; with them off it is an unchecked assumption, undefined
/// behaviour. The theme and kiosk fuzzers found it (Tests/Fuzz/Regressions).
/// `headerProblem` finds table headers as the TOML grammar places them and
/// refuses those first, with their line, so the parser never sees one.
enum TOMLInput {
  static func table(from source: String) throws(TOMLInputError) -> TOMLTable {
    if let problem = headerProblem(in: source) { throw problem }
    do {
      return try TOMLTable(string: source)
    } catch let error as TOMLParseError {
      throw TOMLInputError(line: error.source.begin.line, description: error.description)
    } catch {
      throw TOMLInputError(line: 0, description: "\(error)")
    }
  }

  /// The first table header whose name starts with neither a bare-key
  /// character (A-Z a-z 0-9 _ -) nor a quote, `}` closing an array, or
  /// U+0085/U+2028/U+2029 outside a string. A header is a `[` at the
  /// start of a line (after spaces or tabs) outside strings, comments and
  /// the brackets or braces of a value; one linear pass.
  static func headerProblem(in source: String) -> TOMLInputError? {
    let scalars = Array(source.unicodeScalars)
    var index = 0
    var line = 1
    var open: [Unicode.Scalar] = []  // open [ and { of a value (arrays, inline tables)
    var atLineStart = true

    func codePoint(_ scalar: Unicode.Scalar) -> String {
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
    /// toml++'s horizontal whitespace, which it skips before a header and
    /// inside its brackets: tab, space and the Unicode spaces (U+00A0,
    /// U+2000-U+200B, U+3000, the BOM U+FEFF, ...), not only TOML's two.
    func isBlank(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar.value {
      case 0x09, 0x20, 0xA0, 0x1680, 0x180E, 0x2000...0x200B, 0x202F, 0x205F...0x2060, 0x3000, 0xFEFF: true
      default: false
      }
    }
    func mayStartKey(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar {
      case "A"..."Z", "a"..."z", "0"..."9", "_", "-", "\"", "'": true
      default: false
      }
    }
    /// Moves `index` past the string starting at it, counting its lines.
    func skipString() {
      let quote = scalars[index]
      let escapes = quote == "\""
      let multiline = index + 2 < scalars.count && scalars[index + 1] == quote && scalars[index + 2] == quote
      index += multiline ? 3 : 1
      while index < scalars.count {
        let scalar = scalars[index]
        if escapes && scalar == "\\" {
          if index + 1 < scalars.count && scalars[index + 1] == "\n" { line += 1 }
          index += 2
          continue
        }
        if scalar == "\n" {
          if !multiline { return }  // unterminated: the parser says so
          line += 1
        }
        if scalar == quote {
          if !multiline { index += 1; return }
          if index + 2 < scalars.count && scalars[index + 1] == quote && scalars[index + 2] == quote {
            index += 3
            // Up to two more quotes belong to the string ("""a""""").
            while index < scalars.count && scalars[index] == quote { index += 1 }
            return
          }
        }
        index += 1
      }
    }

    while index < scalars.count {
      let scalar = scalars[index]
      switch scalar {
      case "\n":
        line += 1
        atLineStart = true
        index += 1
        continue
      case _ where isBlank(scalar):
        index += 1
        continue
      case "#":
        while index < scalars.count && scalars[index] != "\n" { index += 1 }
        continue
      case "\"", "'":
        skipString()
        atLineStart = false
        continue
      case "[" where atLineStart && open.isEmpty:
        var next = index + 1
        while next < scalars.count && isBlank(scalars[next]) { next += 1 }
        // `[[` opens an array-of-tables header; `[ [` is an error toml++
        // reports itself, so only a `[` straight after `[[` is ours to refuse.
        var arrayHeader = false
        if next == index + 1 && next < scalars.count && scalars[next] == "[" {
          arrayHeader = true
          next += 1
          while next < scalars.count && isBlank(scalars[next]) { next += 1 }
        }
        if next < scalars.count {
          let first = scalars[next]
          let reportedByParser = first == "]" || (first == "[" && !arrayHeader)
          if !reportedByParser && !mayStartKey(first) {
            return TOMLInputError(
              line: line,
              description: "a table name must start with a letter, a digit, _, - or a quote, not "
                + (first.isASCII && first.value >= 0x20 && first.value != 0x7F
                  ? "'\(Character(first))'" : codePoint(first)))
          }
        }
        index = next
        atLineStart = false
        continue
      case "[", "{":
        open.append(scalar)
      case "]", "}":
        // toml++ asserts when an array's next value starts with `}` (`[1, }`).
        if scalar == "}" && open.last == "[" {
          return TOMLInputError(line: line, description: "'}' where an array needs a value or ']'")
        }
        if !open.isEmpty { open.removeLast() }
      case "\u{85}", "\u{2028}", "\u{2029}":
        // Line breaks to toml++'s "is this a value" test but not to its
        // line-break reader: one where an array expects a value reached an
        // assertion. Never valid outside a string.
        return TOMLInputError(line: line, description: "\(codePoint(scalar)) outside a string")
      default:
        break
      }
      atLineStart = false
      index += 1
    }
    return nil
  }
}
