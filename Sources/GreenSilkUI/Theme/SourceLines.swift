/// Finds the line of a key in TOML source text. TOMLKit reports lines for
/// syntax errors only, so warnings about keys and values (unknown role,
/// bad colour) look their line up here. It understands what theme files
/// use: `[table]` headers and `key = value` lines; anything it cannot
/// place falls back to the table's header line, then to line 1.
struct SourceLines {
  private var keys: [String: Int] = [:]
  private var tables: [String: Int] = [:]

  init(_ source: String) {
    var table = ""
    var number = 0
    for rawLine in source.split(separator: "\n", omittingEmptySubsequences: false) {
      number += 1
      let line = rawLine.drop(while: { $0 == " " || $0 == "\t" })
      if line.hasPrefix("[") {
        let name = line.dropFirst().prefix(while: { $0 != "]" })
        table = Self.unquote(name)
        if tables[table] == nil { tables[table] = number }
      } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
        let key = Self.unquote(line[..<equals])
        let id = table + "\u{0}" + key
        if keys[id] == nil { keys[id] = number }
      }
    }
  }

  /// The line of `key` in `[table]` (use "" for top-level keys).
  func line(table: String, key: String) -> Int {
    keys[table + "\u{0}" + key] ?? tables[table] ?? 1
  }

  /// The line of the `[table]` header.
  func line(table: String) -> Int { tables[table] ?? 1 }

  private static func unquote(_ text: Substring) -> String {
    var trimmed = text.trimmingBlanks
    if trimmed.count >= 2, let first = trimmed.first, first == "\"" || first == "'",
      trimmed.last == first
    {
      trimmed = trimmed.dropFirst().dropLast()
    }
    return String(trimmed)
  }
}

extension Substring {
  /// The text without leading and trailing blanks.
  fileprivate var trimmingBlanks: Substring {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
    guard let start = firstIndex(where: { !isBlank($0) }),
      let end = lastIndex(where: { !isBlank($0) })
    else { return self[endIndex...] }
    return self[start...end]
  }
}
