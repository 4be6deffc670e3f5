/// A pull parser for one JSON text (one line of a `.jsonl` file), reading
/// straight into our model types with no intermediate tree. Foundation's
/// JSONDecoder reads ~11 MB/s here, which would spend a second on 20,000
/// projects; this reader is what keeps the first frame inside its budget
/// (DECISIONS.md, "Parsing JSON Lines").
///
/// It reads UTF-8 bytes the caller has already validated.
public struct JSONReader {
  let bytes: UnsafeBufferPointer<UInt8>
  public internal(set) var position: Int = 0
  var currentKeyRange: Range<Int> = 0..<0
  /// Objects and lists open around the position (bounded by
  /// `ReadLimits.maxJSONDepth`, so no input can exhaust the stack).
  var depth = 0
  /// Shares repeated string values across the records this reader reads
  /// (see `StringInterner`); nil reads every string afresh.
  var interner: StringInterner?

  public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// Runs `body` with a reader over the UTF-8 of `text`.
  public static func withReader<T>(_ text: String, _ body: (inout JSONReader) throws -> T) throws -> T {
    var array = Array(text.utf8)
    return try array.withUnsafeMutableBufferPointer { buffer in
      var reader = JSONReader(UnsafeBufferPointer(buffer))
      return try body(&reader)
    }
  }

  // MARK: - Structure

  /// Reads an object, calling `body` with each key; `body` must read (or
  /// skip) the value.
  public mutating func readObject(_ body: (inout JSONReader, String) throws -> Void) throws {
    try expect(UInt8(ascii: "{"), "an object")
    try enter()
    defer { depth -= 1 }
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      position += 1
      return
    }
    var seen: Set<String> = []
    while true {
      skipWhitespace()
      guard peek() == UInt8(ascii: "\"") else { throw error("expected a field name in quotes") }
      let keyStart = position
      let key = try readString()
      if !seen.insert(key).inserted {
        position = keyStart
        throw duplicateField(key)
      }
      skipWhitespace()
      guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after \"\(key)\"") }
      position += 1
      skipWhitespace()
      let valueStart = position
      do {
        try body(&self, key)
      } catch let problem as JSONError {
        throw problem.inField(key).locatedAt(valueStart)
      } catch let problem as FieldError {
        throw JSONError(problem.message, column: valueStart + 1).inField(key)
      }
      skipWhitespace()
      switch peek() {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "}"):
        position += 1
        return
      default: throw error("expected ',' or '}' after the value of \"\(key)\"")
      }
    }
  }

  /// Reads an array, calling `body` once per element.
  public mutating func readArray(_ body: (inout JSONReader) throws -> Void) throws {
    try expect(UInt8(ascii: "["), "a list")
    try enter()
    defer { depth -= 1 }
    skipWhitespace()
    if peek() == UInt8(ascii: "]") {
      position += 1
      return
    }
    var index = 0
    while true {
      do {
        try body(&self)
      } catch let problem as JSONError {
        throw problem.inField("[\(index)]")
      } catch let problem as FieldError {
        throw JSONError(problem.message, column: nil).inField("[\(index)]")
      }
      index += 1
      skipWhitespace()
      switch peek() {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "]"):
        position += 1
        return
      default: throw error("expected ',' or ']' in a list")
      }
    }
  }

  /// Reads an array of values produced by `element`.
  public mutating func readList<T>(_ element: (inout JSONReader) throws -> T) throws -> [T] {
    var out: [T] = []
    try readArray { out.append(try element(&$0)) }
    return out
  }

  /// Returns nil (consuming `null`) or the value read by `body`.
  public mutating func readOptional<T>(_ body: (inout JSONReader) throws -> T) throws -> T? {
    if readNull() { return nil }
    return try body(&self)
  }

  /// Consumes `null` if it comes next.
  public mutating func readNull() -> Bool {
    skipWhitespace()
    if matches("null") {
      position += 4
      return true
    }
    return false
  }

  /// Fails unless only whitespace is left.
  public mutating func expectEnd() throws {
    skipWhitespace()
    if position < bytes.count { throw error("unexpected text after the end of the record") }
  }

  // MARK: - Scalars

  public mutating func readString() throws -> String {
    skipWhitespace()
    guard peek() == UInt8(ascii: "\"") else { throw mismatch("a string") }
    position += 1
    let start = position
    // Fast path: no escapes and no raw control characters (closingQuote
    // checks both), decode the slice directly.
    if let end = closingQuote(from: start) {
      position = end + 1
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
    // Up to the first escape, quote or raw control character (which the
    // loop below refuses, wherever it sits).
    while position < bytes.count && bytes[position] != UInt8(ascii: "\\") && bytes[position] != UInt8(ascii: "\"")
      && bytes[position] >= 0x20
    {
      position += 1
    }
    var scratch = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      switch byte {
      case UInt8(ascii: "\""):
        return String(decoding: scratch, as: UTF8.self)
      case UInt8(ascii: "\\"):
        try readEscape(into: &scratch)
      default:
        if byte < 0x20 {
          position -= 1
          throw Self.rawControlError(byte, column: position + 1)
        }
        scratch.append(byte)
      }
    }
    throw error("unterminated string")
  }

  public mutating func readBool() throws -> Bool {
    skipWhitespace()
    if matches("true") {
      position += 4
      return true
    }
    if matches("false") {
      position += 5
      return false
    }
    throw mismatch("true or false")
  }

  public mutating func readDouble() throws -> Double {
    skipWhitespace()
    let start = position
    if peek() == UInt8(ascii: "-") { position += 1 }
    let intStart = position
    var mantissa: UInt64 = 0
    var digits = 0
    while let byte = peek(), byte >= 48, byte <= 57 {
      if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(byte - 48) }
      digits += 1
      position += 1
    }
    guard position > intStart else {
      position = start
      throw mismatch("a number")
    }
    if bytes[intStart] == 48 && position - intStart > 1 { throw error("numbers may not start with 0") }
    var isInteger = true
    if peek() == UInt8(ascii: ".") {
      isInteger = false
      position += 1
      let fractionStart = position
      while let byte = peek(), byte >= 48, byte <= 57 { position += 1 }
      if position == fractionStart { throw error("expected digits after '.'") }
    }
    if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
      isInteger = false
      position += 1
      if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
      let exponentStart = position
      while let byte = peek(), byte >= 48, byte <= 57 { position += 1 }
      if position == exponentStart { throw error("expected digits in the exponent") }
    }
    if isInteger && digits <= 15 {
      let value = Double(mantissa)
      return bytes[start] == UInt8(ascii: "-") ? -value : value
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    guard let value = Double(text), value.isFinite, abs(value) <= ReadLimits.maxMagnitude else {
      let column = start + 1
      throw JSONError(
        "number \(text.prefix(24)) out of range (at most \(ReadLimits.maxMagnitudeText) either way)", column: column)
    }
    return value
  }

  public mutating func readInt() throws -> Int {
    let before = position
    let value = try readDouble()
    guard value.rounded() == value else {
      position = before
      throw mismatch("a whole number")
    }
    return Int(value)
  }

  /// Skips one value of any type, without recursion: the open objects and
  /// lists are bits of one word (at most `ReadLimits.maxJSONDepth` deep),
  /// so a line of 40,000 '[' is an error at its 65th, not a stack overflow.
  /// Keys inside are checked for duplicates like any object's.
  public mutating func skipValue() throws {
    let base = depth
    defer { depth = base }
    var isObject: UInt64 = 0  // bit n: the container at depth base+n+1 is an object
    var keys: [Set<String>] = []
    func level() -> Int { depth - base }
    readValue: while true {
      skipWhitespace()
      switch peek() {
      case UInt8(ascii: "{"):
        position += 1
        try enter()
        isObject |= 1 << UInt64(level() - 1)
        keys.append([])
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
          position += 1
          depth -= 1
          keys.removeLast()
        } else {
          try skipKey(&keys)
          continue readValue
        }
      case UInt8(ascii: "["):
        position += 1
        try enter()
        isObject &= ~(1 << UInt64(level() - 1))
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
          position += 1
          depth -= 1
        } else {
          continue readValue
        }
      case UInt8(ascii: "\""): _ = try readString()
      case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try readBool()
      case UInt8(ascii: "n"):
        if !readNull() { throw error("expected a value") }
      default: _ = try readDouble()
      }
      // After a value: close what ends here, or go on after a comma.
      while level() > 0 {
        skipWhitespace()
        let inObject = isObject & (1 << UInt64(level() - 1)) != 0
        switch peek() {
        case UInt8(ascii: ","):
          position += 1
          if inObject { try skipKey(&keys) }
          continue readValue
        case UInt8(ascii: "}") where inObject:
          position += 1
          depth -= 1
          keys.removeLast()
        case UInt8(ascii: "]") where !inObject:
          position += 1
          depth -= 1
        default:
          throw error(inObject ? "expected ',' or '}' after a value" : "expected ',' or ']' in a list")
        }
      }
      return
    }
  }

  /// Inside `skipValue`: a field name and its ':'.
  private mutating func skipKey(_ keys: inout [Set<String>]) throws {
    skipWhitespace()
    guard peek() == UInt8(ascii: "\"") else { throw error("expected a field name in quotes") }
    let keyStart = position
    let key = try readString()
    if !keys[keys.count - 1].insert(key).inserted {
      position = keyStart
      throw duplicateField(key)
    }
    skipWhitespace()
    guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after \"\(key)\"") }
    position += 1
  }

  /// One more object or list open; refused past `ReadLimits.maxJSONDepth`.
  mutating func enter() throws {
    depth += 1
    if depth > ReadLimits.maxJSONDepth {
      throw error("objects and lists nested deeper than \(ReadLimits.maxJSONDepth) levels")
    }
  }

  func duplicateField(_ key: String) -> JSONError {
    error("field \"\(key.prefix(40))\" appears twice in one object (which one is meant?)")
  }

  /// A raw control character inside a string: one rule wherever it sits
  /// (RFC 8259 requires them escaped; our writer always escapes them).
  static func rawControlError(_ byte: UInt8, column: Int) -> JSONError {
    let name: String
    switch byte {
    case 0x00: name = "NUL"
    case 0x09: name = "TAB"
    case 0x0D: name = "carriage return"
    default: name = "control character"
    }
    let hex = String(byte, radix: 16, uppercase: true)
    return JSONError(
      "raw \(name) (0x\(hex.count == 1 ? "0" + hex : hex)) inside a string: write it escaped (\\t, \\u00XX)",
      column: column)
  }

  /// Skips one value and returns its JSON text exactly as written.
  public mutating func readRawValue() throws -> String {
    skipWhitespace()
    let start = position
    try skipValue()
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
  }

  // MARK: - Helpers

  mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

  func matches(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard position + count <= bytes.count else { return false }
    let pointer = word.utf8Start
    for index in 0..<count where bytes[position + index] != pointer[index] { return false }
    return true
  }

  mutating func expect(_ byte: UInt8, _ what: String) throws {
    skipWhitespace()
    guard peek() == byte else { throw mismatch(what) }
    position += 1
  }

  mutating func readEscape(into scratch: inout [UInt8]) throws {
    guard let code = peek() else { throw error("unterminated string") }
    position += 1
    switch code {
    case UInt8(ascii: "\""): scratch.append(0x22)
    case UInt8(ascii: "\\"): scratch.append(0x5C)
    case UInt8(ascii: "/"): scratch.append(0x2F)
    case UInt8(ascii: "b"): scratch.append(0x08)
    case UInt8(ascii: "f"): scratch.append(0x0C)
    case UInt8(ascii: "n"): scratch.append(0x0A)
    case UInt8(ascii: "r"): scratch.append(0x0D)
    case UInt8(ascii: "t"): scratch.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = try readHex4()
      if (0xD800...0xDBFF).contains(scalar) {
        guard matches("\\u") else { throw error("unpaired surrogate in \\u escape") }
        position += 2
        let low = try readHex4()
        guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate in \\u escape") }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      } else if (0xDC00...0xDFFF).contains(scalar) {
        throw error("unpaired surrogate in \\u escape")
      }
      guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
      if scalar == 0 { throw error("NUL (\\u0000) inside a string: text may not hold NUL") }
      scratch.append(contentsOf: Array(String(Character(unicode)).utf8))
    default:
      throw error("invalid escape \\\(Character(Unicode.Scalar(code)))")
    }
  }

  mutating func readHex4() throws -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = peek() else { throw error("unterminated \\u escape") }
      let digit: UInt32
      switch byte {
      case 48...57: digit = UInt32(byte - 48)
      case 65...70: digit = UInt32(byte - 55)
      case 97...102: digit = UInt32(byte - 87)
      default: throw error("invalid hex digit in \\u escape")
      }
      value = value << 4 | digit
      position += 1
    }
    return value
  }

  func error(_ message: String) -> JSONError { JSONError(message, column: position + 1) }

  /// "expected a string, found a number".
  func mismatch(_ expected: String) -> JSONError {
    let found: String
    switch peek() {
    case nil: found = "the end of the line"
    case UInt8(ascii: "\""): found = "a string"
    case UInt8(ascii: "{"): found = "an object"
    case UInt8(ascii: "["): found = "a list"
    // A bare word is only a literal when it is spelled out ("not json" is
    // text, not null).
    case UInt8(ascii: "t") where wordAhead() == "true", UInt8(ascii: "f") where wordAhead() == "false": found = "true/false"
    case UInt8(ascii: "n") where wordAhead() == "null": found = "null"
    case .some(let byte) where byte == UInt8(ascii: "-") || (byte >= 48 && byte <= 57): found = "a number"
    case .some: found = "'\(wordAhead())'"
    }
    return JSONError("expected \(expected), found \(found)", column: position + 1)
  }

  /// The text at the position up to the next space or JSON punctuation (at
  /// most 16 bytes): what a message quotes for something that is not JSON.
  func wordAhead() -> String {
    var end = position
    while end < bytes.count, end - position < 16 {
      let byte = bytes[end]
      if byte <= 0x20 || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "}")
        || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "\"")
      {
        break
      }
      end += 1
    }
    if end == position { end = min(bytes.count, position + 1) }
    return String(decoding: bytes[position..<end], as: UTF8.self)
  }
}

/// A JSON syntax or type problem, with the field path it occurred in.
public struct JSONError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  public var column: Int?
  public var path: [String] = []

  public init(_ message: String, column: Int?) {
    self.message = message
    self.column = column
  }

  /// The error with a column, the value's start when it had none (a value
  /// of the wrong kind): dataset.json turns columns into lines.
  func locatedAt(_ offset: Int) -> JSONError {
    guard column == nil else { return self }
    var copy = self
    copy.column = offset + 1
    return copy
  }

  func inField(_ key: String) -> JSONError {
    var copy = self
    copy.path.insert(key, at: 0)
    return copy
  }

  /// `field "budget.amount": expected a number, found a string`.
  public var description: String {
    var field = ""
    for part in path {
      if part.hasPrefix("[") {
        field += part
      } else {
        field += field.isEmpty ? part : "." + part
      }
    }
    return field.isEmpty ? message : "field \"\(field)\": \(message)"
  }
}
