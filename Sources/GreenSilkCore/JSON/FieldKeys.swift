#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The field names of one JSON object type, as an enum whose raw values
/// are the names in files, declared in canonical (write) order.
///
/// Readers match each key against these names as bytes, without creating
/// a `String` per key; because our files list fields in declaration
/// order, the next expected name is tried first and usually matches with
/// a single comparison. This is one of the things that lets 20,000
/// projects load inside the first-frame budget (DECISIONS.md).
public protocol FieldKeys: RawRepresentable, CaseIterable, Sendable where RawValue == String, AllCases == [Self] {
  static var table: KeyTable<Self> { get }
}

/// The byte forms of a `FieldKeys` enum's names. A class: readers fetch
/// it for every object they read, and a struct of arrays would be retained
/// array by array each time.
public final class KeyTable<Key: FieldKeys>: Sendable {
  let names: NameTable
  let keys: [Key]

  public init() {
    keys = Key.allCases
    names = NameTable(keys.map(\.rawValue))
  }
}

/// Field names as bytes, back to back, matched against the key being read
/// with the next expected name tried first.
public struct NameTable: Sendable {
  /// Name `i` is `bytes[starts[i]..<starts[i + 1]]`.
  let bytes: [UInt8]
  let starts: [Int]

  public init(_ names: [String]) {
    var bytes: [UInt8] = []
    var starts: [Int] = [0]
    for name in names {
      bytes += Array(name.utf8)
      starts.append(bytes.count)
    }
    self.bytes = bytes
    self.starts = starts
  }

  var count: Int { starts.count - 1 }

  /// The position of the name equal to `key`, trying position `hint` first.
  func match(_ key: UnsafeBufferPointer<UInt8>, hint: Int) -> Int? {
    let count = self.count
    if count == 0 { return nil }
    return bytes.withUnsafeBufferPointer { names in
      starts.withUnsafeBufferPointer { starts in
        var position = hint < count ? hint : 0
        for _ in 0..<count {
          let start = starts[position]
          let length = starts[position + 1] - start
          if length == key.count, bytesEqual(UnsafeBufferPointer(rebasing: names[start..<start + length]), key) {
            return position
          }
          position += 1
          if position == count { position = 0 }
        }
        return nil
      }
    }
  }
}

extension JSONReader {
  /// Reads an object whose known fields are `Key`'s cases. `body` gets the
  /// matched case (nil for an unknown field) and must read or skip the
  /// value; for unknown fields it can ask `reader.currentKey` for the name.
  public mutating func readFields<Key: FieldKeys>(
    _ keys: Key.Type, _ body: (inout JSONReader, Key?) throws -> Void
  ) throws {
    let table = Key.table
    try readFields(table.names) { reader, position in try body(&reader, position.map { table.keys[$0] }) }
  }

  /// Reads an object whose known field names are `names`. `body` gets the
  /// position of the matched name (nil for an unknown field) and must read
  /// or skip the value.
  public mutating func readFields(_ names: NameTable, _ body: (inout JSONReader, Int?) throws -> Void) throws {
    try expect(UInt8(ascii: "{"), "an object")
    try enter()
    defer { depth -= 1 }
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      position += 1
      return
    }
    var hint = 0
    // Each field once: known names as bits, unknown ones by their bytes
    // (rare, so a list).
    var seenKnown: UInt64 = 0
    var seenUnknown: [Range<Int>] = []
    while true {
      skipWhitespace()
      guard peek() == UInt8(ascii: "\"") else { throw error("expected a field name in quotes") }
      let keyStart = position
      let keyRange = try scanSimpleString()
      let keyBytes = UnsafeBufferPointer(rebasing: bytes[keyRange])
      let matched = names.match(keyBytes, hint: hint)
      if let matched {
        hint = matched + 1
        if matched < 64 {
          if seenKnown & (1 << UInt64(matched)) != 0 {
            position = keyStart
            throw duplicateField(String(decoding: keyBytes, as: UTF8.self))
          }
          seenKnown |= 1 << UInt64(matched)
        }
      } else {
        if seenUnknown.contains(where: { bytesEqual(UnsafeBufferPointer(rebasing: bytes[$0]), keyBytes) }) {
          position = keyStart
          throw duplicateField(String(decoding: keyBytes, as: UTF8.self))
        }
        seenUnknown.append(keyRange)
      }
      skipWhitespace()
      guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after a field name") }
      position += 1
      currentKeyRange = keyRange
      do {
        try body(&self, matched)
      } catch let problem as JSONError {
        throw problem.inField(String(decoding: keyBytes, as: UTF8.self))
      } catch let problem as FieldError {
        throw JSONError(problem.message, column: nil).inField(String(decoding: keyBytes, as: UTF8.self))
      }
      skipWhitespace()
      switch peek() {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "}"):
        position += 1
        return
      default:
        throw error("expected ',' or '}' after the value of \"\(String(decoding: keyBytes, as: UTF8.self))\"")
      }
    }
  }

  /// The name of the field whose value is being read (for unknown fields).
  public var currentKey: String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[currentKeyRange]), as: UTF8.self)
  }

  /// Scans a string with no escapes (a field name) and returns the range
  /// of its bytes; falls back to an error for names with escapes, which
  /// our files never write.
  mutating func scanSimpleString() throws -> Range<Int> {
    let start = position + 1
    guard let end = closingQuote(from: start) else {
      position = start
      throw error("field names may not contain escapes, or the name is unterminated")
    }
    position = end + 1
    return start..<end
  }

  /// The index of the `"` that ends a string starting at `start`, when the
  /// string has no backslash escapes (nil otherwise, or when unterminated).
  /// memchr is vectorised: string scanning is most of the bytes we read.
  /// Nil too when the string holds a raw control character (below 0x20),
  /// so that the slow path reports it: one rule for every string.
  func closingQuote(from start: Int) -> Int? {
    guard let base = bytes.baseAddress, start <= bytes.count else { return nil }
    let remaining = bytes.count - start
    guard let quote = memchr(base + start, 0x22, remaining) else { return nil }
    let end = base.distance(to: quote.assumingMemoryBound(to: UInt8.self))
    if end > start, memchr(base + start, 0x5C, end - start) != nil { return nil }
    if hasControlByte(base + start, end - start) { return nil }
    return end
  }

  /// Reads a string value and returns the range of its raw bytes, when it
  /// has no escapes (nil and position unchanged otherwise).
  mutating func scanPlainValue() -> Range<Int>? {
    skipWhitespace()
    guard peek() == UInt8(ascii: "\""), let end = closingQuote(from: position + 1) else { return nil }
    let range = (position + 1)..<end
    position = end + 1
    return range
  }
}

/// Whether any of `count` bytes at `start` is below 0x20, eight at a time
/// (this runs over every string of every file at start-up).
@inline(__always)
func hasControlByte(_ start: UnsafePointer<UInt8>, _ count: Int) -> Bool {
  var index = 0
  while index + 8 <= count {
    let word = UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self)
    // Per lane: set the high bit, subtract 0x20; the high bit survives
    // exactly when the lane's low seven bits were >= 0x20. Lanes with the
    // high bit set (UTF-8) are never controls.
    let high: UInt64 = 0x8080_8080_8080_8080
    let survived = ((word | high) &- 0x2020_2020_2020_2020) & high
    let isControl = ~survived & ~word & high
    if isControl != 0 { return true }
    index += 8
  }
  while index < count {
    if start[index] < 0x20 { return true }
    index += 1
  }
  return false
}

/// Whether two byte runs are equal (memcmp, with empty runs handled).
func bytesEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
  guard a.count == b.count else { return false }
  guard let left = a.baseAddress, let right = b.baseAddress else { return a.count == 0 }
  return memcmp(left, right, a.count) == 0
}

extension JSONWriter {
  public mutating func key(_ name: some FieldKeys) { key(name.rawValue) }
  public mutating func field(_ name: some FieldKeys, _ value: String) { field(name.rawValue, value) }
  public mutating func field(_ name: some FieldKeys, _ value: String?) { field(name.rawValue, value) }
  public mutating func field(_ name: some FieldKeys, _ value: Double?) { field(name.rawValue, value) }
  public mutating func field(_ name: some FieldKeys, _ value: Int) { field(name.rawValue, value) }
  public mutating func field(_ name: some FieldKeys, _ value: Bool) { field(name.rawValue, value) }
  public mutating func field(_ name: some FieldKeys, _ value: Day?) { field(name.rawValue, value) }
  public mutating func field<E: FileEnum>(_ name: some FieldKeys, _ value: E?) { field(name.rawValue, value) }
  public mutating func stringList(_ name: some FieldKeys, _ values: [String]) { stringList(name.rawValue, values) }
}
