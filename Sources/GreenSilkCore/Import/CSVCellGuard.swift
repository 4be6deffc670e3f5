/// Keeps spreadsheets from running a CSV cell as a formula (OWASP's "CSV
/// injection"): a cell that starts with `=`, `+`, `-`, `@`, TAB or CR is
/// one a spreadsheet may evaluate (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3+cmd|…`),
/// so `greensilk export` writes it with a `'` in front, which spreadsheets
/// show as text and never evaluate. `greensilk import csv` takes the `'`
/// off again, so a round trip is exact:
///
/// - `neutralized(x)` puts `'` in front of `x` when `x` starts with one of
///   those characters **or with `'` itself**, and leaves `x` alone otherwise;
/// - `restored(y)` takes one leading `'` off `y`, if it has one.
///
/// So `restored(neutralized(x)) == x` for every `x`: a cell that really
/// starts with `'` is written `''…` and read back with one. The one
/// exception to the rule is a cell that is exactly a negative number
/// (`-12`, `-0.5`, `-1e6`, JSON's number syntax): a spreadsheet reads it as
/// a number, which can run nothing, and a budget column stays numbers
/// that people can sum. It is written as it is and, not starting with
/// `'`, read back as it is.
///
/// `--verbatim-cells` on export and on import turns both sides off, for
/// tools that want the cells exactly as stored (the file is then only
/// safe to open in a spreadsheet that does not evaluate formulas).
public enum CSVCellGuard {
  /// The prefix that marks a cell as text in spreadsheets.
  public static let prefix: Character = "'"

  /// `cell` as it is written to a CSV file.
  public static func neutralized(_ cell: String) -> String {
    guard let first = cell.utf8.first else { return cell }
    switch first {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "@"), 0x09, 0x0D, UInt8(ascii: "'"):
      return String(prefix) + cell
    case UInt8(ascii: "-"):
      return isNumber(cell) ? cell : String(prefix) + cell
    default:
      return cell
    }
  }

  /// A cell read from a CSV file as it was before `neutralized`.
  public static func restored(_ cell: String) -> String {
    cell.utf8.first == UInt8(ascii: "'") ? String(cell.dropFirst()) : cell
  }

  /// Whether `text` is a number in JSON's syntax:
  /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
  static func isNumber(_ text: String) -> Bool {
    var bytes = text.utf8[...]
    func digits() -> Int {
      var count = 0
      while let byte = bytes.first, byte >= 0x30, byte <= 0x39 {
        bytes = bytes.dropFirst()
        count += 1
      }
      return count
    }
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    let leadingZero = bytes.first == UInt8(ascii: "0")
    let whole = digits()
    guard whole > 0, !(leadingZero && whole > 1) else { return false }
    if bytes.first == UInt8(ascii: ".") {
      bytes = bytes.dropFirst()
      guard digits() > 0 else { return false }
    }
    if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
      bytes = bytes.dropFirst()
      if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
      guard digits() > 0 else { return false }
    }
    return bytes.isEmpty
  }
}
