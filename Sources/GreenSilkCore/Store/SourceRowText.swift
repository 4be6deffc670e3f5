/// The text forms of an imported source row (`ImportedRecord`): the JSON
/// object the record carries (`{"Title":"…",…}`), the same row split into
/// quoted header keys and raw values (what the sidecar stores, headers
/// once per part), and the digest that names the row.
public enum SourceRowText {
  /// The columns of a JSON object text: each key as our writer quotes it,
  /// each value as its raw JSON text. Nil when the text is not an object.
  public static func split(_ json: String) -> (keys: [String], values: [String])? {
    var keys: [String] = []
    var values: [String] = []
    do {
      try JSONReader.withReader(json) { reader in
        try reader.readObject { reader, key in
          keys.append(quoted(key))
          values.append(try reader.readRawValue())
        }
        try reader.expectEnd()
      }
    } catch {
      return nil
    }
    return (keys, values)
  }

  /// `{k1:v1,k2:v2,…}` from quoted keys and raw values: the inverse of
  /// `split` for a canonical text.
  public static func join(keys: [String], values: some Collection<String>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(values.reduce(keys.count * 40) { $0 + $1.utf8.count + 2 })
    out.append(UInt8(ascii: "{"))
    for (index, value) in values.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      out += (index < keys.count ? keys[index] : "\"\"").utf8
      out.append(UInt8(ascii: ":"))
      out += value.utf8
    }
    out.append(UInt8(ascii: "}"))
    return String(decoding: out, as: UTF8.self)
  }

  /// The text as `join(split(text))` gives it back (no space between
  /// tokens, keys quoted by our writer) and its column count. A text that
  /// is not an object is kept as it is (count 0); the store then keeps it
  /// in the record.
  public static func canonical(_ json: String) -> (text: String, count: Int) {
    guard let parts = split(json) else { return (json, 0) }
    let joined = join(keys: parts.keys, values: parts.values)
    return (joined, parts.keys.count)
  }

  public static func quoted(_ text: String) -> String {
    var out: [UInt8] = []
    JSONWriter.appendQuoted(text, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// 128 bits of two FNV-1a hashes as 32 hex digits. Names a row so that
  /// a re-import can tell a changed row without reading the old one, and
  /// the sidecar line that belongs to a record. Not a defence against
  /// someone forging rows: a collision only makes a re-import miss one
  /// source change.
  public static func digest(_ text: String) -> String {
    // Both in one pass: `a` is FNV-1a itself, `b` the same over the bytes
    // xored with 0x5A from another basis.
    var a = FNV1a.offsetBasis
    var b: UInt64 = 0x6c62_272e_07bb_0142
    var copy = text
    copy.withUTF8 { bytes in
      for byte in bytes {
        a = (a ^ UInt64(byte)) &* FNV1a.prime
        b = (b ^ UInt64(byte ^ 0x5A)) &* FNV1a.prime
      }
    }
    return FNV1a.hex(a) + FNV1a.hex(b)
  }
}
