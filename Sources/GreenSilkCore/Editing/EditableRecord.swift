/// A record type people edit in the dashboard: forms come from its
/// declaration, saves go through `RecordEditor`, and the editing code
/// (forms, conflicts, undo, drafts) handles it without naming it. A new
/// editable type conforms here and joins `EditableRecords.types`.
public protocol EditableRecord: DeclaredRecord, StampedRecord {
  /// What drafts and the undo journal call the type ("project"); also
  /// the noun in messages ("New project P-0102").
  static var kind: String { get }
  var title: String { get }
  /// The record rules it breaks (`RecordRules`).
  var problems: [RecordRules.Problem] { get }
  /// The rules a save breaks because of what changed since `original`
  /// (a project's stage move); nil original: a new record.
  func transitionViolations(from original: Self?) -> [RuleViolation]
  /// Puts the record into loaded data (after the store saved it).
  static func upsert(_ record: Self, into data: inout DataSet)
  static func remove(id: String, from data: inout DataSet)
}

extension EditableRecord {
  public func transitionViolations(from original: Self?) -> [RuleViolation] { [] }

  /// Whether `other` is this record (same type, same value).
  func isEqual(to other: any EditableRecord) -> Bool { (other as? Self) == self }
}

/// Every editable record type, for reading drafts and journal lines by kind.
public enum EditableRecords {
  public static let types: [any EditableRecord.Type] = [Project.self, EnvoyActivity.self]

  public static func type(ofKind kind: String) -> (any EditableRecord.Type)? {
    types.first { $0.kind == kind }
  }
}

extension Project: EditableRecord {
  public static let kind = "project"
  public var problems: [RecordRules.Problem] { RecordRules.check(self) }
  public static func upsert(_ record: Project, into data: inout DataSet) { data.upsert(record) }
  public static func remove(id: String, from data: inout DataSet) { data.removeProject(id: id) }
}

extension EnvoyActivity: EditableRecord {
  public static let kind = "activity"
  public var problems: [RecordRules.Problem] { RecordRules.check(self) }
  public static func upsert(_ record: EnvoyActivity, into data: inout DataSet) { data.upsert(record) }
  public static func remove(id: String, from data: inout DataSet) { data.removeActivity(id: id) }
}

/// One editable record of any type: what a delete confirms, the version
/// on disk in a conflict.
public struct AnyEditableRecord: Hashable, Sendable {
  public let base: any EditableRecord

  public init(_ base: some EditableRecord) { self.base = base }

  public var id: String { base.id }
  public var kind: String { type(of: base).kind }

  /// `project P-0042 "Gwadar desalination plant"`.
  public var label: String { "\(kind) \(base.id) \u{201C}\(base.title)\u{201D}" }

  public func typed<R: EditableRecord>(_ type: R.Type) -> R? { base as? R }

  public static func == (lhs: AnyEditableRecord, rhs: AnyEditableRecord) -> Bool { lhs.base.isEqual(to: rhs.base) }
  public func hash(into hasher: inout Hasher) { base.hash(into: &hasher) }
}

/// A record being edited and the version the edit started from (nil: a
/// new record), both of one type: a form's subject, and what a save
/// sends to the store.
public struct RecordEdit: Hashable, Sendable {
  public let record: AnyEditableRecord
  public let original: AnyEditableRecord?

  public init<R: EditableRecord>(_ record: R, original: R?) {
    self.record = AnyEditableRecord(record)
    self.original = original.map(AnyEditableRecord.init)
  }

  public var recordID: String { record.id }
  /// "project", "activity".
  public var noun: String { record.kind }
  public var isNew: Bool { original == nil }

  /// The record and its original, when they are of type `R`.
  public func typed<R: EditableRecord>(_ type: R.Type) -> (record: R, original: R?)? {
    guard let record = record.typed(R.self) else { return nil }
    return (record, original?.typed(R.self))
  }
}

extension EditableRecord {
  /// `other` as this record's type (the other version of the same record).
  public func sameType(_ other: AnyEditableRecord?) -> Self? { other?.base as? Self }
}
