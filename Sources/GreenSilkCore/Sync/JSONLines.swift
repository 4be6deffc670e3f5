#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Lines of a JSON Lines file as byte ranges, and the record id of a line,
/// for the merge driver (which must not decode 21,000 records to merge one).
enum JSONLines {
  /// The ranges of the non-empty lines (without their newline).
  static func lines(_ bytes: [UInt8]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    out.reserveCapacity(bytes.count / 256 + 1)
    bytes.withUnsafeBufferPointer { buffer in
      var start = 0
      let count = buffer.count
      while start < count {
        var end = start
        if let base = buffer.baseAddress, let found = memchr(base + start, 0x0A, count - start) {
          end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        } else {
          end = count
        }
        var trimmed = end
        if trimmed > start, buffer[trimmed - 1] == 0x0D { trimmed -= 1 }
        if trimmed > start { out.append(start..<trimmed) }
        start = end + 1
      }
    }
    return out
  }

  private static let idPrefix = Array("{\"id\":\"".utf8)

  /// The id of a record line: read fast from the `{"id":"…"` every file the
  /// store writes starts with, else by reading the object's `id` field.
  /// Nil when the line is not a JSON object with a string id.
  static func id(of line: ArraySlice<UInt8>) -> String? {
    if line.count > idPrefix.count, line.prefix(idPrefix.count).elementsEqual(idPrefix) {
      var end = line.startIndex + idPrefix.count
      while end < line.endIndex, line[end] != UInt8(ascii: "\""), line[end] != UInt8(ascii: "\\") { end += 1 }
      if end < line.endIndex, line[end] == UInt8(ascii: "\"") {
        return String(decoding: line[(line.startIndex + idPrefix.count)..<end], as: UTF8.self)
      }
    }
    var found: String?
    do {
      try JSONReader.withReader(String(decoding: line, as: UTF8.self)) { reader in
        try reader.readObject { reader, key in
          if key == "id" { found = try reader.readString() } else { try reader.skipValue() }
        }
        try reader.expectEnd()
      }
    } catch {
      return nil
    }
    return found
  }
}
