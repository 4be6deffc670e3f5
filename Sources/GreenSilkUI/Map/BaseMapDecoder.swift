import GreenSilkCore

/// Reads the compact base map that `tools/make-basemap.py` writes into
/// `BaseMapData.swift`: base64 text around a small binary layout of
/// varints (the script's docstring describes it).
struct BaseMapDecoder {
  /// Why the embedded map could not be read (a bug in the generator or a
  /// hand edit of the generated file; a test decodes it on every run).
  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  private let bytes: [UInt8]
  private var position = 0

  init(base64 text: String) throws(Failure) {
    bytes = try Self.decodeBase64(text)
  }

  /// Decodes the whole map.
  mutating func decode() throws(Failure) -> BaseMap {
    guard bytes.count >= 5, Array(bytes[0..<4]) == Array("GSBM".utf8) else { throw Failure(description: "not a GSBM base map") }
    guard bytes[4] == 1 else { throw Failure(description: "base map version \(bytes[4]) is not 1") }
    position = 5
    var builder = BaseMap.Builder()
    let countryCount = try unsigned()
    for _ in 0..<countryCount {
      let code = try countryCode()
      var x = try signed()
      var y = try signed()
      let marker = GeoPoint(longitude: Double(x) / 100, latitude: Double(y) / 100)
      var rings: [[GeoPoint]] = []
      for _ in 0..<(try unsigned()) {
        var ring: [GeoPoint] = []
        for _ in 0..<(try unsigned()) {
          x += try signed()
          y += try signed()
          ring.append(GeoPoint(longitude: Double(x) / 100, latitude: Double(y) / 100))
        }
        rings.append(ring)
      }
      builder.addCountry(code, marker: marker, rings: rings)
    }
    for _ in 0..<(try unsigned()) {
      let code = try countryCode()
      let x = try signed()
      let y = try signed()
      builder.addMarkerOnly(code, GeoPoint(longitude: Double(x) / 100, latitude: Double(y) / 100))
    }
    guard position == bytes.count else { throw Failure(description: "\(bytes.count - position) bytes left over") }
    return builder.build()
  }

  private mutating func byte() throws(Failure) -> UInt8 {
    guard position < bytes.count else { throw Failure(description: "base map ends early at byte \(position)") }
    defer { position += 1 }
    return bytes[position]
  }

  private mutating func unsigned() throws(Failure) -> Int {
    var value = 0
    var shift = 0
    while true {
      let next = try byte()
      value |= Int(next & 0x7F) << shift
      if next & 0x80 == 0 { return value }
      shift += 7
      guard shift < 35 else { throw Failure(description: "varint too long at byte \(position)") }
    }
  }

  private mutating func signed() throws(Failure) -> Int {
    let raw = try unsigned()
    return raw & 1 == 0 ? raw >> 1 : -((raw + 1) >> 1)
  }

  private mutating func countryCode() throws(Failure) -> CountryCode {
    let letters = [try byte(), try byte(), try byte()]
    guard let code = CountryCode(String(decoding: letters, as: UTF8.self)) else {
      throw Failure(description: "bad country code at byte \(position - 3)")
    }
    return code
  }

  /// Standard base64 (RFC 4648, with padding); line breaks and blanks are
  /// skipped.
  static func decodeBase64(_ text: String) throws(Failure) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count * 3 / 4)
    var accumulator: UInt32 = 0
    var bits = 0
    for byte in text.utf8 {
      let value: UInt32
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
      case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a")) + 26
      case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0")) + 52
      case UInt8(ascii: "+"): value = 62
      case UInt8(ascii: "/"): value = 63
      case UInt8(ascii: "="), 0x0A, 0x0D, 0x20: continue
      default: throw Failure(description: "character \(byte) is not base64")
      }
      accumulator = accumulator << 6 | value
      bits += 6
      if bits >= 8 {
        bits -= 8
        out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
      }
    }
    return out
  }
}
