/// Hands out one shared `String` (or small list, or provenance) for each
/// distinct value it sees, so that values repeated across thousands of
/// records (agencies, partners, providers, notes, milestone names, the
/// same corridor or country) are stored once: Swift strings longer than 15
/// bytes and non-empty arrays are heap objects, and copies of one share it.
///
/// Used by one parsing thread at a time (each parse chunk has its own).
final class StringInterner {
  private var hashes: [UInt64]
  private var strings: [String?]
  private var count = 0

  init(capacity: Int = 1024) {
    var size = 1
    while size < capacity * 2 { size <<= 1 }
    hashes = Array(repeating: 0, count: size)
    strings = Array(repeating: nil, count: size)
  }

  /// The shared string for these UTF-8 bytes (already validated).
  func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    // Short strings live inside the String value itself: nothing to share.
    if bytes.count <= 15 { return String(decoding: bytes, as: UTF8.self) }
    var hash = FNV1a.hash(bytes)
    if hash == 0 { hash = 1 }
    let mask = hashes.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while hashes[slot] != 0 {
      if hashes[slot] == hash, let candidate = strings[slot], Self.equal(candidate, bytes) { return candidate }
      slot = (slot + 1) & mask
    }
    let string = String(decoding: bytes, as: UTF8.self)
    hashes[slot] = hash
    strings[slot] = string
    count += 1
    if count * 2 > hashes.count { grow() }
    return string
  }

  // Lists are looked up by their JSON text, before they are decoded: a
  // repeated list is then neither decoded nor allocated again.
  let corridorLists = DecodedValueCache<[CorridorCode]>()
  let countryLists = DecodedValueCache<[CountryCode]>()
  let goalLists = DecodedValueCache<[SDG]>()
  let partnerLists = DecodedValueCache<[Partner]>()
  private var provenances = Set<ProjectProvenance.Box>()

  /// The box kept for a provenance equal to `box`'s, or `box` itself (then
  /// kept) when it is the first of its value.
  func shared(_ box: ProjectProvenance.Box) -> ProjectProvenance.Box {
    // An imported record's provenance is its own (row id, source columns):
    // hashing its columns text to find no match would be wasted.
    if box.value.imported != nil { return box }
    return provenances.insert(box).memberAfterInsert
  }

  private static func equal(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var copy = string
    return copy.withUTF8 { bytesEqual($0, bytes) }
  }

  private func grow() {
    let oldHashes = hashes
    let oldStrings = strings
    hashes = Array(repeating: 0, count: oldHashes.count * 2)
    strings = Array(repeating: nil, count: oldHashes.count * 2)
    let mask = hashes.count - 1
    for (index, hash) in oldHashes.enumerated() where hash != 0 {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while hashes[slot] != 0 { slot = (slot + 1) & mask }
      hashes[slot] = hash
      strings[slot] = oldStrings[index]
    }
  }
}

extension JSONReader {
  /// A string value shared through the reader's interner when it has one
  /// (for fields whose values repeat across records); nil for null or
  /// empty.
  mutating func readSharedString() throws -> String? {
    if readNull() { return nil }
    let start = position
    if let interner, let range = scanPlainValue() {
      if range.isEmpty { return nil }
      return interner.string(UnsafeBufferPointer(rebasing: bytes[range]))
    }
    position = start
    let text = try readString()
    return text.isEmpty ? nil : text
  }

  func shared(_ box: ProjectProvenance.Box) -> ProjectProvenance.Box {
    interner?.shared(box) ?? box
  }

  /// A list value decoded by `decode`, shared with every earlier one of
  /// the same JSON text in `cache` (the reader's interner's; nil: decode).
  mutating func readSharedList<Element>(
    _ cache: DecodedValueCache<[Element]>?, _ decode: (inout JSONReader) throws -> [Element]
  ) throws -> [Element] {
    skipWhitespace()
    guard let cache, let end = endOfContainer() else { return try decode(&self) }
    let text = UnsafeBufferPointer(rebasing: bytes[position..<end])
    let hash = DecodedValueCache<[Element]>.hash(text)
    if let shared = cache.value(for: text, hash: hash) {
      position = end
      return shared
    }
    let list = try decode(&self)  // in place, so that errors point into the line
    if position == end, !list.isEmpty { cache.store(list, for: text, hash: hash) }
    return list
  }

  /// Where the array or object starting at `position` ends (one past its
  /// closing bracket), by a byte scan that skips strings; nil when it is
  /// not a container or is unterminated (decoding then says what is wrong).
  func endOfContainer() -> Int? {
    guard let first = peek(), first == UInt8(ascii: "[") || first == UInt8(ascii: "{") else { return nil }
    var depth = 0
    var index = position
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        depth -= 1
        if depth == 0 { return index + 1 }
      case UInt8(ascii: "\""):
        index += 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
          index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        if index >= bytes.count { return nil }
      default: break
      }
      index += 1
    }
    return nil
  }
}

/// Decoded values by the JSON text they were decoded from.
final class DecodedValueCache<Value> {
  private var entries: [UInt64: (text: [UInt8], value: Value)] = [:]

  static func hash(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 { FNV1a.hash(text) }

  func value(for text: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Value? {
    guard let entry = entries[hash] else { return nil }
    return entry.text.withUnsafeBufferPointer { bytesEqual($0, text) } ? entry.value : nil
  }

  /// Keeps the first value seen for a hash (another text with the same
  /// hash is simply decoded each time).
  func store(_ value: Value, for text: UnsafeBufferPointer<UInt8>, hash: UInt64) {
    if entries[hash] == nil { entries[hash] = (Array(text), value) }
  }
}
