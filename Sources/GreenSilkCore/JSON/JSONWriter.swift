/// Writes compact, deterministic JSON (one record per line in our files).
/// Keys come out in the order the caller writes them, so files diff line
/// by line and field by field.
public struct JSONWriter {
  public private(set) var bytes: [UInt8] = []
  // One entry per open container: whether the next element needs a comma.
  private var needsComma: [Bool] = []
  private var afterKey = false

  public init(capacity: Int = 512) { bytes.reserveCapacity(capacity) }

  public var text: String { String(decoding: bytes, as: UTF8.self) }

  public mutating func beginObject() {
    separate()
    bytes.append(UInt8(ascii: "{"))
    needsComma.append(false)
  }

  public mutating func endObject() {
    bytes.append(UInt8(ascii: "}"))
    needsComma.removeLast()
  }

  public mutating func beginArray() {
    separate()
    bytes.append(UInt8(ascii: "["))
    needsComma.append(false)
  }

  public mutating func endArray() {
    bytes.append(UInt8(ascii: "]"))
    needsComma.removeLast()
  }

  public mutating func key(_ name: String) {
    separate()
    appendQuoted(name)
    bytes.append(UInt8(ascii: ":"))
    afterKey = true
  }

  public mutating func string(_ value: String) {
    separate()
    appendQuoted(value)
  }

  public mutating func number(_ value: Double) {
    separate()
    if value.rounded() == value, abs(value) < 1e15 {
      bytes.append(contentsOf: String(Int64(value)).utf8)
    } else if value.isFinite {
      bytes.append(contentsOf: value.description.utf8)
    } else {
      bytes.append(contentsOf: "null".utf8)
    }
  }

  public mutating func int(_ value: Int) {
    separate()
    bytes.append(contentsOf: String(value).utf8)
  }

  public mutating func bool(_ value: Bool) {
    separate()
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  public mutating func null() {
    separate()
    bytes.append(contentsOf: "null".utf8)
  }

  /// Writes JSON text that is already valid (a preserved unknown field).
  public mutating func raw(_ json: String) {
    separate()
    bytes.append(contentsOf: json.utf8)
  }

  // MARK: - Conveniences for optional fields

  public mutating func field(_ name: String, _ value: String) {
    key(name)
    string(value)
  }

  public mutating func field(_ name: String, _ value: String?) {
    key(name)
    if let value { string(value) } else { null() }
  }

  public mutating func field(_ name: String, _ value: Double?) {
    key(name)
    if let value { number(value) } else { null() }
  }

  public mutating func field(_ name: String, _ value: Int) {
    key(name)
    int(value)
  }

  public mutating func field(_ name: String, _ value: Bool) {
    key(name)
    bool(value)
  }

  public mutating func field(_ name: String, _ value: Day?) {
    field(name, value?.description)
  }

  public mutating func field<E: FileEnum>(_ name: String, _ value: E?) {
    field(name, value?.rawValue)
  }

  public mutating func stringList(_ name: String, _ values: [String]) {
    key(name)
    beginArray()
    for value in values { string(value) }
    endArray()
  }

  /// Writes the unknown fields a record was read with, after ours.
  public mutating func extras(_ fields: [RawField]) {
    for field in fields {
      key(field.key)
      raw(field.json)
    }
  }

  // MARK: - Internals

  private mutating func separate() {
    if afterKey {
      afterKey = false
      return
    }
    guard !needsComma.isEmpty else { return }
    if needsComma[needsComma.count - 1] {
      bytes.append(UInt8(ascii: ","))
    } else {
      needsComma[needsComma.count - 1] = true
    }
  }

  private mutating func appendQuoted(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
      case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
