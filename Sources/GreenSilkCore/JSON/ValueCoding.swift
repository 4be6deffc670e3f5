// Readers and writers for the small value types shared by several records.

extension JSONReader {
  public mutating func readEnum<E: FileEnum>(_ type: E.Type) throws -> E {
    let start = position
    if let range = scanPlainValue() {
      let slice = UnsafeBufferPointer(rebasing: bytes[range])
      for value in E.allCases {
        let name = value.rawValue.utf8
        // Raw values are literals: contiguous, so this is one memcmp.
        if name.count == slice.count, name.withContiguousStorageIfAvailable({ bytesEqual($0, slice) }) ?? name.elementsEqual(slice) {
          return value
        }
      }
      position = start
    }
    let text = try readString()
    return try E.parse(text)
  }

  public mutating func readDay() throws -> Day {
    let start = position
    if let range = scanPlainValue(), let day = Day(utf8: UnsafeBufferPointer(rebasing: bytes[range])) {
      return day
    }
    position = start
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
    let start = position
    if let range = scanPlainValue(), let code = CountryCode(utf8: UnsafeBufferPointer(rebasing: bytes[range])) {
      return code
    }
    position = start
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
}

/// Collects the unknown fields of a record while it is read.
struct ExtraCollector {
  var fields: [RawField] = []
  mutating func keep(_ key: String, _ reader: inout JSONReader) throws {
    fields.append(RawField(key: key, json: try reader.readRawValue()))
  }
  /// Keeps the field whose value the reader is at (inside `readFields`).
  mutating func keep(_ reader: inout JSONReader) throws {
    fields.append(RawField(key: reader.currentKey, json: try reader.readRawValue()))
  }
}

