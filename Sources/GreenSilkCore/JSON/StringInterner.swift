/// Hands out one shared `String` for each distinct text it sees, so that
/// values repeated across thousands of records (agencies, partners,
/// providers, notes, milestone names) are stored once: Swift strings longer
/// than 15 bytes are heap objects, and copies of one share it.
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
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
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
}
