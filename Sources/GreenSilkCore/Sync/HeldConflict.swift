/// A conflict a merge could not settle, held inside the record itself
/// until someone resolves it in the dashboard's conflict view. The record
/// keeps one value of each field (the merging office's); the other
/// office's value waits here, so neither is lost. Written as the record's
/// `merge_conflict` field, which every GreenSilk keeps like any field a
/// newer version wrote:
///
///     "merge_conflict":{"deleted":true,"fields":[{"field":"title","other":"…","base":"…"}]}
///
/// `deleted`: the other office deleted the record this one edited (or the
/// reverse: the edited version is the one kept). `other`/`base` are JSON
/// values; a missing key means the field was absent in that version.
public struct HeldConflict: Hashable, Sendable {
  public static let key = "merge_conflict"

  public struct Field: Hashable, Sendable, Comparable {
    public var field: String
    public var other: String?
    public var base: String?

    public init(field: String, other: String?, base: String?) {
      self.field = field
      self.other = other
      self.base = base
    }

    public static func < (a: Field, b: Field) -> Bool {
      (a.field, a.other ?? "", a.base ?? "") < (b.field, b.other ?? "", b.base ?? "")
    }
  }

  public var deleted: Bool
  public var fields: [Field]

  public init(deleted: Bool = false, fields: [Field] = []) {
    self.deleted = deleted
    self.fields = fields
  }

  public var isEmpty: Bool { !deleted && fields.isEmpty }

  /// The names of the fields in conflict, each once, in order.
  public var fieldNames: [String] {
    var seen = Set<String>()
    return fields.map(\.field).filter { seen.insert($0).inserted }
  }

  /// Both conflicts at once: a record already in conflict that meets
  /// another conflicting edit keeps every value it was holding.
  public func union(_ other: HeldConflict) -> HeldConflict {
    HeldConflict(deleted: deleted || other.deleted, fields: Array(Set(fields + other.fields)).sorted())
  }

  /// The conflict without alternatives that equal the value the record
  /// now holds (nothing left to choose between).
  func dropping(settledBy current: [String: String]) -> HeldConflict {
    HeldConflict(deleted: deleted, fields: fields.filter { $0.other != current[$0.field] })
  }

  public var json: String {
    var w = JSONWriter()
    w.beginObject()
    if deleted { w.field("deleted", true) }
    w.key("fields")
    w.beginArray()
    for entry in fields {
      w.beginObject()
      w.field("field", entry.field)
      if let other = entry.other {
        w.key("other")
        w.raw(other)
      }
      if let base = entry.base {
        w.key("base")
        w.raw(base)
      }
      w.endObject()
    }
    w.endArray()
    w.endObject()
    return w.text
  }

  public init(json: String) throws {
    var held = HeldConflict()
    try JSONReader.withReader(json) { r in
      try r.readObject { r, key in
        switch key {
        case "deleted": held.deleted = try r.readBool()
        case "fields":
          held.fields = try r.readList { r in
            var entry = Field(field: "", other: nil, base: nil)
            try r.readObject { r, key in
              switch key {
              case "field": entry.field = try r.readString()
              case "other": entry.other = try r.readRawValue()
              case "base": entry.base = try r.readRawValue()
              default: try r.skipValue()
              }
            }
            return entry
          }
        default: try r.skipValue()
        }
      }
      try r.expectEnd()
    }
    self = held
  }

  /// The conflict a record line holds, if any.
  public static func held(inLine line: String) -> HeldConflict? {
    guard line.contains("\"\(key)\"") else { return nil }
    let fields = RecordFields.fields(ofJSON: line, keepingWhole: [key])
    guard let raw = fields.first(where: { $0.name == key })?.json else { return nil }
    return try? HeldConflict(json: raw)
  }

  /// The conflict a loaded record holds (in the fields it keeps unread).
  public static func held<R: StoredRecord>(in record: R) -> HeldConflict? {
    held(inLine: record.jsonLine)
  }
}
