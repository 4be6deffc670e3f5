/// One field of a record in its file form: a dotted name
/// (`screening.pollution`) and the JSON text of its value.
public struct FieldValue: Hashable, Sendable {
  public var name: String
  public var json: String
  public init(name: String, json: String) {
    self.name = name
    self.json = json
  }
}

/// The old and new JSON values of one field (nil: absent).
public struct FieldChange: Hashable, Sendable {
  public var field: String
  public var old: String?
  public var new: String?
  public init(field: String, old: String?, new: String?) {
    self.field = field
    self.old = old
    self.new = new
  }
}

/// A generic, field-by-field view of any record, derived from its file
/// form, so that audit diffs, conflict views and field-by-field merges
/// need no per-type code. Nested objects are opened one level
/// (`budget.amount`); lists, and the fields a record's declaration keeps
/// whole (the imported source row, participant counts), stay whole.
/// Fields a newer version wrote are included, opened the same way.
public enum RecordFields {
  public static func fields<R: StoredRecord>(of record: R) -> [FieldValue] {
    fields(ofJSON: record.jsonLine, keepingWhole: R.leafKeys)
  }

  static func fields(ofJSON line: String, keepingWhole opaque: Set<String>) -> [FieldValue] {
    var out: [FieldValue] = []
    _ = try? JSONReader.withReader(line) { reader in
      try reader.readObject { reader, key in
        reader.skipWhitespace()
        if reader.peek() == UInt8(ascii: "{"), !opaque.contains(key) {
          try reader.readObject { reader, inner in
            out.append(FieldValue(name: key + "." + inner, json: try reader.readRawValue()))
          }
        } else {
          out.append(FieldValue(name: key, json: try reader.readRawValue()))
        }
      }
    }
    return out
  }

  /// The fields that differ between two versions (content only; revision
  /// and change stamps left out). A nil version means "does not exist".
  public static func changes<R: StoredRecord>(from old: R?, to new: R?) -> [FieldChange] {
    let before = old.map(fields(of:)) ?? []
    let after = new.map(fields(of:)) ?? []
    let beforeByName = Dictionary(before.map { ($0.name, $0.json) }, uniquingKeysWith: { a, _ in a })
    let afterByName = Dictionary(after.map { ($0.name, $0.json) }, uniquingKeysWith: { a, _ in a })
    var names: [String] = before.map(\.name)
    for field in after where beforeByName[field.name] == nil { names.append(field.name) }
    return names.compactMap { name in
      if R.bookkeepingKeys.contains(name) { return nil }
      let oldValue = beforeByName[name]
      let newValue = afterByName[name]
      return oldValue == newValue ? nil : FieldChange(field: name, old: oldValue, new: newValue)
    }
  }

  /// `base` with the named fields taken from `other` (a field absent in
  /// `other` is removed). Used to merge two versions field by field.
  public static func merge<R: StoredRecord>(_ base: R, taking names: Set<String>, from other: R) throws -> R {
    let otherFields = Dictionary(fields(of: other).map { ($0.name, $0.json) }, uniquingKeysWith: { a, _ in a })
    var merged: [FieldValue] = []
    var seen = Set<String>()
    for field in fields(of: base) {
      seen.insert(field.name)
      if names.contains(field.name) {
        if let json = otherFields[field.name] { merged.append(FieldValue(name: field.name, json: json)) }
      } else {
        merged.append(field)
      }
    }
    for field in fields(of: other) where names.contains(field.name) && !seen.contains(field.name) {
      merged.append(field)
    }
    return try R(jsonLine: assemble(merged))
  }

  /// Rebuilds a JSON object from flattened fields, regrouping
  /// `parent.child` names into nested objects in first-seen order.
  static func assemble(_ fields: [FieldValue]) -> String {
    var order: [String] = []
    var groups: [String: [(String, String)]] = [:]
    var plain: [String: String] = [:]
    for field in fields {
      if let dot = field.name.firstIndex(of: ".") {
        let parent = String(field.name[..<dot])
        let child = String(field.name[field.name.index(after: dot)...])
        if groups[parent] == nil && plain[parent] == nil { order.append(parent) }
        groups[parent, default: []].append((child, field.json))
      } else {
        if groups[field.name] == nil && plain[field.name] == nil { order.append(field.name) }
        plain[field.name] = field.json
      }
    }
    var w = JSONWriter()
    w.beginObject()
    for name in order {
      w.key(name)
      if let json = plain[name] {
        w.raw(json)
      } else {
        w.beginObject()
        for (child, json) in groups[name] ?? [] {
          w.key(child)
          w.raw(json)
        }
        w.endObject()
      }
    }
    w.endObject()
    return w.text
  }
}
