/// The two versions of a record holding a merge conflict, for the
/// dashboard's conflict view: `kept` (the values the record holds) and
/// `other` (the other office's), one row per field in conflict. A field
/// with several waiting values shows the first; the rest stay held in
/// both versions, so a resolution never drops a value nobody saw.
public struct HeldConflictVersions<R: StoredRecord>: Sendable {
  public struct Row: Hashable, Sendable {
    public var field: String
    public var kept: String?
    public var other: String?
  }

  public var kept: R
  public var other: R
  public var rows: [Row]
  /// The other office deleted the record.
  public var deleted: Bool

  public init?(of record: R) throws {
    guard let held = HeldConflict.held(in: record) else { return nil }
    let whole = R.leafKeys.union([HeldConflict.key])
    let fields = RecordFields.fields(ofJSON: record.jsonLine, keepingWhole: whole)
    let current = Dictionary(fields.map { ($0.name, $0.json) }, uniquingKeysWith: { a, _ in a })
    var shown: [HeldConflict.Field] = []
    var remaining: [HeldConflict.Field] = []
    for entry in held.fields {
      if shown.contains(where: { $0.field == entry.field }) { remaining.append(entry) } else { shown.append(entry) }
    }
    let left = HeldConflict(deleted: false, fields: remaining)
    func version(_ values: [String: String?]) throws -> R {
      var out: [FieldValue] = []
      var done = Set<String>()
      for field in fields where field.name != HeldConflict.key {
        done.insert(field.name)
        if let replacement = values[field.name] {
          if let json = replacement { out.append(FieldValue(name: field.name, json: json)) }
        } else {
          out.append(field)
        }
      }
      for entry in shown where !done.contains(entry.field) {
        if let json = values[entry.field] ?? nil {
          done.insert(entry.field)
          out.append(FieldValue(name: entry.field, json: json))
        }
      }
      if !left.isEmpty { out.append(FieldValue(name: HeldConflict.key, json: left.json)) }
      return try R(jsonLine: RecordFields.assemble(out))
    }
    kept = try version([:])
    other = try version(Dictionary(shown.map { ($0.field, $0.other) }, uniquingKeysWith: { a, _ in a }))
    rows = shown.map { Row(field: $0.field, kept: current[$0.field], other: $0.other) }
    deleted = held.deleted
  }
}
