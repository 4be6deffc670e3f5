/// The `--filter field=value` terms of `greensilk export`. A field is any
/// CSV column name (`stage`, `screening.es_category`, `source.dataset`)
/// or a shorthand: `corridor`, `country`, `light` (projects: green,
/// yellow, red or none) and `year` (activities: the start year). Values
/// compare without regard to case; a list field matches when one of its
/// elements does, an object field when it has that key, and an empty
/// value matches an absent field. Terms on different fields must all
/// match; terms repeating a field match when any of them does.
public struct RecordFilter: Sendable {
  public struct Term: Sendable, Equatable {
    public var field: String
    public var value: String
  }

  public let terms: [Term]

  /// Shorthands per record type, and the field they read.
  static func shorthands(_ file: DataFile) -> [String: String] {
    switch file {
    case .projects: ["corridor": "corridors", "country": "countries", "light": "light"]
    case .activities: ["country": "participants", "year": "year"]
    default: [:]
    }
  }

  public init(_ texts: [String], for file: DataFile) throws(FieldError) {
    let columns = RecordColumns.of(file)
    let shorthands = Self.shorthands(file)
    var terms: [Term] = []
    for text in texts {
      guard let equals = text.firstIndex(of: "=") else {
        throw FieldError("filter \"\(text)\": expected field=value")
      }
      var field = String(text[..<equals]).trimmingSpaces()
      let value = String(text[text.index(after: equals)...]).trimmingSpaces()
      if let target = shorthands[field] { field = target }
      guard columns?.isKnown(field) ?? false || field == "light" || field == "year" else {
        let names = (shorthands.keys.sorted() + (columns?.known ?? [])).joined(separator: ", ")
        throw FieldError("filter \"\(text)\": unknown field \"\(field)\" (fields: \(names))")
      }
      terms.append(Term(field: field, value: value))
    }
    self.terms = terms
  }

  public var isEmpty: Bool { terms.isEmpty }

  public func matches<R: StoredRecord>(_ record: R) -> Bool {
    if terms.isEmpty { return true }
    var values: [String: String] = [:]
    for field in RecordFields.fields(of: record) where values[field.name] == nil { values[field.name] = field.json }
    if let project = record as? Project { values["light"] = "\"\(project.light?.rawValue ?? "none")\"" }
    if let activity = record as? EnvoyActivity { values["year"] = String(activity.start.year) }
    var byField: [String: Bool] = [:]
    for term in terms {
      let hit = Self.matches(json: values[term.field], value: term.value)
      byField[term.field] = (byField[term.field] ?? false) || hit
    }
    return byField.values.allSatisfy { $0 }
  }

  /// Whether a field's JSON value matches `value` (see the type's notes).
  static func matches(json: String?, value: String) -> Bool {
    guard let json, json != "null" else { return value.isEmpty }
    let wanted = value.lowercased()
    var candidates: [String] = []
    _ = try? JSONReader.withReader(json) { reader in
      reader.skipWhitespace()
      switch reader.peek() {
      case UInt8(ascii: "\""): candidates.append(try reader.readString())
      case UInt8(ascii: "["):
        try reader.readArray { element in
          element.skipWhitespace()
          candidates.append(element.peek() == UInt8(ascii: "\"") ? try element.readString() : try element.readRawValue())
        }
      case UInt8(ascii: "{"):
        try reader.readObject { member, key in
          candidates.append(key)
          try member.skipValue()
        }
      default: candidates.append(try reader.readRawValue())
      }
    }
    if candidates.isEmpty { return value.isEmpty }
    return candidates.contains { $0.lowercased() == wanted }
  }
}
