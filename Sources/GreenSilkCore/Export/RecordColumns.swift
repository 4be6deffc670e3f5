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
  /// Columns whose cells hold JSON; every other known column holds text.
  let jsonColumns: Set<String>
  /// Text columns that must be present even when empty.
  let requiredText: Set<String>
  private let knownSet: Set<String>

  init(file: DataFile, known: [String], jsonColumns: Set<String>, requiredText: Set<String>) {
    self.file = file
    self.known = known
    self.jsonColumns = jsonColumns
    self.requiredText = requiredText
    knownSet = Set(known)
  }

  public static func of(_ file: DataFile) -> RecordColumns? {
    switch file {
    case .projects: projects
    case .activities: activities
    default: nil
    }
  }

  public static func of<R: StoredRecord>(_ type: R.Type) -> RecordColumns? { of(R.file) }

  static let projects = RecordColumns(
    file: .projects,
    known: ProjectField.allCases.flatMap { field -> [String] in
      let name = field.rawValue
      switch field {
      case .screening: return ScreeningField.allCases.map { name + "." + $0.rawValue }
      case .budget: return BudgetField.allCases.map { name + "." + $0.rawValue }
      case .dates: return DatesField.allCases.map { name + "." + $0.rawValue }
      case .sector: return SectorField.allCases.map { name + "." + $0.rawValue }
      case .source: return SourceField.allCases.map { name + "." + $0.rawValue }
      default: return [name]
      }
    },
    jsonColumns: [
      "rev", "key_project", "corridors", "countries", "partners", "budget.amount", "budget.amount_usd",
      "budget.financing", "milestones", "indicators", "sdgs", "financial_distress", "imported",
    ],
    requiredText: ["id", "title", "stage"])

  static let activities = RecordColumns(
    file: .activities,
    known: ActivityField.allCases.flatMap { field -> [String] in
      field == .source ? SourceField.allCases.map { "source." + $0.rawValue } : [field.rawValue]
    },
    jsonColumns: ["rev", "participants", "reported_total"],
    requiredText: ["id", "title", "kind", "focus", "start", "end", "host", "location"])

  /// Columns that hold true/false (spreadsheets rewrite them as TRUE).
  static let booleanColumns: Set<String> = ["key_project", "financial_distress"]

  public func isKnown(_ column: String) -> Bool { knownSet.contains(column) }

  /// Whether a column's cells hold JSON (unknown columns always do: we
  /// cannot tell their type, and JSON keeps it).
  func holdsJSON(_ column: String) -> Bool { jsonColumns.contains(column) || !knownSet.contains(column) }

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
      if Self.booleanColumns.contains(column) {
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
    if cell.isEmpty && !requiredText.contains(column) { return nil }
    var writer = JSONWriter(capacity: cell.utf8.count + 2)
    writer.string(cell)
    return writer.text
  }
}
