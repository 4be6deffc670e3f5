/// A theme value as written in a file, before it meets a terminal:
/// attributes plus an optional foreground and background.
///
/// Grammar (also documented at the top of `Themes/default.toml`):
///
///     value     = word*                 words are separated by blanks
///     word      = attribute | colour | "on" colour
///     attribute = bold | dim | reverse | underline | italic | none
///     colour    = candidate ( "|" candidate )*   blanks around "|" are allowed
///     candidate = "#RRGGBB" | 0-255 | ansi-name | "default"
///     ansi-name = black red green yellow blue magenta cyan white,
///                 bright_<name> (or bright-<name>), grey / gray
///
/// The colour before `on` is the foreground, the one after it the
/// background; each candidate fills one depth tier (`ColorSpec`), at most
/// one of each kind per colour. Examples:
///
///     "bold #E06C75 | 168 | red on default"
///     "on #3E4452 | 238 | blue"            (an overlay: background only)
///     "bold reverse"                       (attributes only, for [mono])
public struct StyleSpec: Hashable, Sendable {
  public var attributes: TextAttributes
  public var foreground: ColorSpec?
  public var background: ColorSpec?

  public init(
    attributes: TextAttributes = [], foreground: ColorSpec? = nil, background: ColorSpec? = nil
  ) {
    self.attributes = attributes
    self.foreground = foreground
    self.background = background
  }

  /// Parses one value; `attributesOnly` rejects colours (the `[mono]` table).
  public static func parse(_ text: String, attributesOnly: Bool = false) throws(StyleSpecError)
    -> StyleSpec
  {
    let words = tokens(text)
    guard !words.isEmpty else { throw StyleSpecError("empty value") }
    var spec = StyleSpec()
    var index = 0
    while index < words.count {
      let word = words[index]
      index += 1
      if word == "none" { continue }
      if let attribute = TextAttributes.names.first(where: { $0.0 == word })?.1 {
        spec.attributes.insert(attribute)
        continue
      }
      if attributesOnly {
        throw StyleSpecError("'\(word)' is not an attribute (this table takes attributes only)")
      }
      if word == "on" {
        guard index < words.count else { throw StyleSpecError("'on' needs a colour after it") }
        guard spec.background == nil else { throw StyleSpecError("two background colours") }
        spec.background = try parseColor(words[index])
        index += 1
      } else {
        guard spec.foreground == nil else {
          throw StyleSpecError("'\(word)' is neither an attribute nor 'on', and the foreground is set")
        }
        spec.foreground = try parseColor(word)
      }
    }
    return spec
  }

  /// Words of a value, with the blanks around `|` removed so that one
  /// colour with its candidates is one word.
  static func tokens(_ text: String) -> [String] {
    var joined = ""
    var pendingBlank = false
    for character in text.lowercased() {
      if character == " " || character == "\t" {
        pendingBlank = true
      } else if character == "|" {
        joined.append("|")
        pendingBlank = false
      } else {
        if pendingBlank && !joined.isEmpty && joined.last != "|" { joined.append(" ") }
        joined.append(character)
        pendingBlank = false
      }
    }
    return joined.split(separator: " ").map(String.init)
  }

  static func parseColor(_ word: String) throws(StyleSpecError) -> ColorSpec {
    var color = ColorSpec()
    for candidate in word.split(separator: "|", omittingEmptySubsequences: false) {
      let text = String(candidate)
      if text.hasPrefix("#") {
        guard let rgb = RGB(hex: text) else {
          throw StyleSpecError("'\(text)' is not a #RRGGBB colour")
        }
        guard color.hex == nil else { throw StyleSpecError("two #RRGGBB candidates in '\(word)'") }
        color.hex = rgb
      } else if let first = text.first, first.isNumber {
        guard let n = UInt8(text) else { throw StyleSpecError("'\(text)' is not a colour index 0-255") }
        guard color.index == nil else { throw StyleSpecError("two colour indexes in '\(word)'") }
        color.index = n
      } else if let basic = BasicColor(name: text) {
        guard color.basic == nil else {
          throw StyleSpecError("two ANSI names (or default) in '\(word)'")
        }
        color.basic = basic
      } else {
        throw StyleSpecError(
          "'\(text)' is not a colour (expected #RRGGBB, 0-255, an ANSI name or default)")
      }
    }
    return color
  }
}

/// Why a theme value did not parse; becomes a `FILE:LINE: reason` warning.
public struct StyleSpecError: Error, Equatable, Sendable {
  public var reason: String
  public init(_ reason: String) { self.reason = reason }
}
