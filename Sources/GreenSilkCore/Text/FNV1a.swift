/// FNV-1a, 64 bits: the hash GreenSilk uses wherever it needs a quick,
/// stable one over bytes (a project's part, the string interner's table,
/// the audit's line digests, a state file's name, a source row's digest).
/// Not a defence against forged input: each use tolerates a collision.
enum FNV1a {
  static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  static let prime: UInt64 = 0x100_0000_01b3

  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var value = offsetBasis
    for byte in bytes { value = (value ^ UInt64(byte)) &* prime }
    return value
  }

  /// Over the string's own bytes when it has them contiguous (a reload
  /// hashes every project's id), else over a native copy.
  static func hash(_ text: String) -> UInt64 {
    if let value = text.utf8.withContiguousStorageIfAvailable({ hash($0) }) { return value }
    var copy = text
    return copy.withUTF8 { hash($0) }
  }

  /// `value` as 16 lowercase hex digits, zero-padded: how hashes (and the
  /// audit's transaction ids) are written.
  static func hex(_ value: UInt64) -> String {
    let text = String(value, radix: 16)
    return String(repeating: "0", count: 16 - text.count) + text
  }
}
