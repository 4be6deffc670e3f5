// Readers and writers for the small value types shared by several records.

extension JSONReader {
  public mutating func readEnum<E: FileEnum>(_ type: E.Type) throws -> E {
    let text = try readString()
    return try E.parse(text)
  }

  public mutating func readDay() throws -> Day {
    let text = try readString()
    do {
      return try Day.parse(text)
    } catch {
      throw JSONError(error.description, column: nil)
    }
  }

  public mutating func readTimestamp() throws -> Timestamp {
    let text = try readString()
    guard let stamp = Timestamp(text) else {
      throw JSONError("\"\(text)\": expected a time as YYYY-MM-DDTHH:MM:SSZ", column: nil)
    }
    return stamp
  }

  public mutating func readCountry() throws -> CountryCode {
    let text = try readString()
    guard let code = CountryCode(text) else {
      throw JSONError("\"\(text)\" is not an ISO 3166-1 alpha-3 code (three letters)", column: nil)
    }
    return code
  }

  /// A string, or nil for `null`; an empty string also reads as nil.
  public mutating func readOptionalString() throws -> String? {
    guard let text = try readOptional({ try $0.readString() }) else { return nil }
    return text.isEmpty ? nil : text
  }

  public mutating func readSource() throws -> SourceRef {
    var source = SourceRef(dataset: "")
    try readObject { reader, key in
      switch key {
      case "dataset": source.dataset = try reader.readString()
      case "record_id": source.recordID = try reader.readOptionalString()
      case "url": source.url = try reader.readOptionalString()
      case "as_of": source.asOf = try reader.readOptional { try $0.readDay() }
      case "note": source.note = try reader.readOptionalString()
      default: try reader.skipValue()
      }
    }
    guard !source.dataset.isEmpty else { throw JSONError("missing field \"dataset\"", column: nil) }
    return source
  }
}

extension JSONWriter {
  public mutating func source(_ name: String, _ source: SourceRef) {
    key(name)
    beginObject()
    field("dataset", source.dataset)
    if let recordID = source.recordID { field("record_id", recordID) }
    if let url = source.url { field("url", url) }
    if let asOf = source.asOf { field("as_of", asOf) }
    if let note = source.note { field("note", note) }
    endObject()
  }
}

/// Collects the unknown fields of a record while it is read.
struct ExtraCollector {
  var fields: [RawField] = []
  mutating func keep(_ key: String, _ reader: inout JSONReader) throws {
    fields.append(RawField(key: key, json: try reader.readRawValue()))
  }
}

/// Tracks which required fields a record has supplied.
struct RequiredFields {
  private var missing: [String]
  init(_ names: [String]) { missing = names }
  mutating func saw(_ name: String) { missing.removeAll { $0 == name } }
  func check() throws {
    if let first = missing.first { throw JSONError("missing field \"\(first)\"", column: nil) }
  }
}
