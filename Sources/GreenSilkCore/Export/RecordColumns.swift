/// The CSV columns of a record type: the flattened field names of
/// `RecordFields` (`screening.pollution`), in the order our files write
/// fields, so that a spreadsheet's columns stay put from one export to
/// the next. Fields this version does not know (kept from newer files)
/// follow, in first-seen order.
///
/// A cell holds plain text for a text field (a string, a date, a code)
/// and compact JSON for anything else (numbers, true/false, lists,
/// objects such as `participants` or the imported source row).
public struct RecordColumns: Sendable {
  public let file: DataFile
  /// Our columns in order.
  public let known: [String]
  /// How each known column's cells are written and read.
  private let kinds: [String: ColumnKind]

  init<Record: DeclaredRecord>(_ type: Record.Type) {
    let leaves = Record.declaration.leaves
    file = Record.file
    known = leaves.map(\.name)
    kinds = Dictionary(leaves.map { ($0.name, $0.column) }, uniquingKeysWith: { first, _ in first })
  }

  public static func of(_ file: DataFile) -> RecordColumns? {
    switch file {
    case .projects: projects
    case .activities: activities
    default: nil
    }
  }

  public static func of<R: StoredRecord>(_ type: R.Type) -> RecordColumns? { of(R.file) }

  static let projects = RecordColumns(Project.self)
  static let activities = RecordColumns(EnvoyActivity.self)

  public func isKnown(_ column: String) -> Bool { kinds[column] != nil }

  /// Whether a column's cells hold JSON (unknown columns always do: we
  /// cannot tell their type, and JSON keeps it).
  func holdsJSON(_ column: String) -> Bool { kinds[column]?.holdsJSON ?? true }

  /// The columns for `records`: ours, then any unknown ones they carry.
  func columns(for fieldLists: [[FieldValue]]) -> [String] {
    var out = known
    var seen = Set(known)
    for fields in fieldLists {
      for field in fields where !seen.contains(field.name) {
        seen.insert(field.name)
        out.append(field.name)
      }
    }
    return out
  }

  /// The cell text for a field's JSON value.
  func cell(_ column: String, json: String) -> String {
    if json == "null" { return "" }
    if !holdsJSON(column), json.hasPrefix("\""), let text = try? JSONReader.withReader(json, { try $0.readString() }) {
      return text
    }
    return json
  }

  /// The field's JSON for a cell, nil when the field is absent. Throws
  /// when a JSON cell does not hold JSON.
  func json(_ column: String, cell: String) throws(FieldError) -> String? {
    if holdsJSON(column) {
      var text = cell.trimmingSpaces()
      if text.isEmpty { return nil }
      if kinds[column] == .boolean {
        switch text.lowercased() {
        case "true", "yes": text = "true"
        case "false", "no": text = "false"
        default: break
        }
      }
      do {
        try JSONReader.withReader(text) { reader in
          try reader.skipValue()
          try reader.expectEnd()
        }
      } catch {
        throw FieldError("column \"\(column)\": not valid JSON (\(CollectionParser.describe(error)))")
      }
      return text
    }
    if cell.isEmpty && kinds[column] != .requiredText { return nil }
    var writer = JSONWriter(capacity: cell.utf8.count + 2)
    writer.string(cell)
    return writer.text
  }
}
