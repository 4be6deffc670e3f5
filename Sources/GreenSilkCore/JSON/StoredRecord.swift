/// The files of a data directory that hold records, one JSON object per
/// line, sorted by id.
public enum DataFile: String, CaseIterable, Sendable {
  case countries
  case corridors
  case corridorCountries = "corridor-countries"
  case areas
  case projects
  case activities
  case programTotals = "program-totals"
  case corridorRoutes = "corridor-routes"

  public var fileName: String { rawValue + ".jsonl" }

  /// What one record is called in messages.
  public var recordName: String {
    switch self {
    case .countries: "country"
    case .corridors: "corridor"
    case .corridorCountries: "corridor membership"
    case .areas: "cooperation area"
    case .projects: "project"
    case .activities: "envoy activity"
    case .programTotals: "program total"
    case .corridorRoutes: "corridor route"
    }
  }
}

/// A record kept in a collection file: it has an id, a revision the store
/// checks on every save, and a one-line JSON form.
public protocol StoredRecord: Hashable, Sendable {
  static var file: DataFile { get }
  var id: String { get }
  var revision: Int { get set }
  /// Writes the record as one JSON object (no newline).
  func encode(into writer: inout JSONWriter)
  /// Reads the record from one JSON object; unknown fields are kept.
  init(reading reader: inout JSONReader) throws
  /// Top-level fields that field-by-field views (`RecordFields`) keep
  /// whole even when they hold an object; other objects are opened.
  static var leafKeys: Set<String> { get }
  /// Fields the store keeps (revision, last change), left out of diffs.
  static var bookkeepingKeys: Set<String> { get }
  /// What a sentence calls the field with this dotted name ("planned
  /// start", "pollution rating"), declared or not.
  static func phrase(ofField name: String) -> String
}

extension StoredRecord {
  /// Undeclared records (the reference tables) open every nested object.
  public static var leafKeys: Set<String> { [] }
  public static var bookkeepingKeys: Set<String> { ["rev"] }
  public static func phrase(ofField name: String) -> String { String(name.map { $0 == "_" || $0 == "." ? " " : $0 }) }

  /// The record's file form: one line of JSON, without the newline.
  public var jsonLine: String {
    var writer = JSONWriter()
    encode(into: &writer)
    return writer.text
  }

  public init(jsonLine: String) throws {
    self = try JSONReader.withReader(jsonLine) { reader in
      let record = try Self(reading: &reader)
      try reader.expectEnd()
      return record
    }
  }
}

/// Records that remember who changed them last and when.
public protocol StampedRecord: StoredRecord {
  var changedBy: String? { get set }
  var changedAt: Timestamp? { get set }
}
