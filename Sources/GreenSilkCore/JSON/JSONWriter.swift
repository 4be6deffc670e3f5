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

  /// Writes JSON text that is already valid (a preserved unknown field, an
  /// audit value). The characters `ControlCharacters` hides other than C0
  /// (DEL, C1, bidi controls, line separators) can only stand inside its
  /// strings, so they are written as `\uXXXX` there too: the same JSON
  /// value, with none of them raw.
  public mutating func raw(_ json: String) {
    separate()
    var json = json
    json.withUTF8 { source in
      var runStart = 0
      var index = 0
      while index < source.count {
        guard let (scalar, length) = Self.hiddenAbove0x20(source, at: index) else {
          index += 1
          continue
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
        Self.appendEscape(scalar, to: &bytes)
        index += length
        runStart = index
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<source.count]))
    }
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
    Self.appendQuoted(value, to: &bytes)
  }

  /// `text` as a JSON string: `"` and `\` escaped, \n \r \t by name,
  /// other C0 controls as `\u00xx` (lower-case hex). Beyond what JSON
  /// requires, every other character `ControlCharacters` hides — DEL, C1
  /// controls, bidi controls, line and paragraph separators — is written
  /// as `\uXXXX` too: still the same string to any JSON reader, but a data
  /// file or an export printed on a terminal carries none of them raw.
  /// Runs of plain bytes are copied at once (an import writes 126 columns
  /// of often long text per row through here, by `ColumnsJSON`).
  static func appendQuoted(_ text: String, to out: inout [UInt8]) {
    out.append(0x22)
    var text = text
    text.withUTF8 { source in
      var runStart = 0
      var index = 0
      while index < source.count {
        let byte = source[index]
        // Most bytes are plain: copied later with their run.
        if byte >= 0x20, byte != 0x22, byte != 0x5C, byte != 0x7F, byte != 0xC2, byte != 0xD8, byte != 0xE2 {
          index += 1
          continue
        }
        let named: UInt8?
        switch byte {
        case 0x22, 0x5C: named = byte
        case 0x0A: named = UInt8(ascii: "n")
        case 0x0D: named = UInt8(ascii: "r")
        case 0x09: named = UInt8(ascii: "t")
        default: named = nil
        }
        let coded = named == nil ? (byte < 0x20 ? (UInt32(byte), 1) : hiddenAbove0x20(source, at: index)) : nil
        if named == nil && coded == nil {
          index += 1
          continue
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
        if let named {
          out += [0x5C, named]
          index += 1
        } else if let (scalar, length) = coded {
          appendEscape(scalar, to: &out)
          index += length
        }
        runStart = index
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<source.count]))
    }
    out.append(0x22)
  }

  /// The hidden character (DEL, C1, bidi control, separator) starting at
  /// `index` of valid UTF-8, and its length in bytes; nil for anything else.
  @inline(__always)
  static func hiddenAbove0x20(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
    let byte = bytes[index]
    if byte == 0x7F { return (0x7F, 1) }
    guard byte == 0xC2 || byte == 0xD8 || byte == 0xE2, let (scalar, length) = ControlCharacters.decode(bytes, at: index),
      ControlCharacters.isHidden(value: scalar)
    else { return nil }
    return (scalar, length)
  }

  /// `\uXXXX` (lower-case hex) for a scalar of the Basic Multilingual Plane.
  static func appendEscape(_ scalar: UInt32, to out: inout [UInt8]) {
    out += [0x5C, UInt8(ascii: "u")]
    for shift: UInt32 in [12, 8, 4, 0] {
      let digit = UInt8(scalar >> shift & 0xF)
      out.append(digit < 10 ? 0x30 + digit : 0x57 + digit)  // 0-9, a-f
    }
  }
}
