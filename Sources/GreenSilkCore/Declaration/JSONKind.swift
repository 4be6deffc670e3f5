/// How values of one type are read from and written to our JSON lines,
/// when a field holding one is left out of the line, and which kind of CSV
/// column shows it.
///
/// Kinds are types (`TextKind`, `ChoiceKind<Stage>`), so that a field
/// declared with one (`.field(\.title, .text, …)`) gets a reader
/// specialised at compile time: loading 20,000 projects calls no kind
/// through a closure or a protocol witness (DECISIONS.md, "One declaration
/// per record").
public protocol JSONKind: Sendable {
  associatedtype Value
  func read(_ reader: inout JSONReader) throws -> Value
  func write(_ value: Value, into writer: inout JSONWriter)
  /// Whether a field holding `value` is left out of the line.
  func omits(_ value: Value) -> Bool
  /// The CSV column a field of this kind gets unless its declaration says
  /// otherwise.
  var column: ColumnKind { get }
  /// The value in words, where no form says how to show it.
  func words(_ value: Value) -> String
}

extension JSONKind {
  public func omits(_ value: Value) -> Bool { false }
  public var column: ColumnKind { .json }
}

/// Text, always written.
public struct TextKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> String { try reader.readString() }
  public func write(_ value: String, into writer: inout JSONWriter) { writer.string(value) }
  public var column: ColumnKind { .text }
  public func words(_ value: String) -> String { value }
}

/// Text left out when empty (an absent or empty field reads as "").
public struct TextOrEmptyKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> String { try reader.readOptionalString() ?? "" }
  public func write(_ value: String, into writer: inout JSONWriter) { writer.string(value) }
  public func omits(_ value: String) -> Bool { value.isEmpty }
  public var column: ColumnKind { .text }
  public func words(_ value: String) -> String { value }
}

/// Text always written, read through the interner (repeated values are
/// stored once); null reads as "".
public struct SharedTextOrEmptyKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> String { try reader.readSharedString() ?? "" }
  public func write(_ value: String, into writer: inout JSONWriter) { writer.string(value) }
  public var column: ColumnKind { .text }
  public func words(_ value: String) -> String { value }
}

/// Optional text, left out when nil, read through the interner (an empty
/// string reads as nil).
public struct SharedTextKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> String? { try reader.readSharedString() }
  public func write(_ value: String?, into writer: inout JSONWriter) { writer.optionalString(value) }
  public func omits(_ value: String?) -> Bool { value == nil }
  public var column: ColumnKind { .text }
  public func words(_ value: String?) -> String { value ?? "" }
}

/// Optional text, left out when nil, not interned (values that rarely
/// repeat: record ids, URLs).
public struct OptionalTextKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> String? { try reader.readOptionalString() }
  public func write(_ value: String?, into writer: inout JSONWriter) { writer.optionalString(value) }
  public func omits(_ value: String?) -> Bool { value == nil }
  public var column: ColumnKind { .text }
  public func words(_ value: String?) -> String { value ?? "" }
}

/// A whole number, always written.
public struct IntKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> Int { try reader.readInt() }
  public func write(_ value: Int, into writer: inout JSONWriter) { writer.int(value) }
  public func words(_ value: Int) -> String { String(value) }
}

/// An optional whole number, left out when nil.
public struct OptionalIntKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> Int? { try reader.readOptional { try $0.readInt() } }
  public func write(_ value: Int?, into writer: inout JSONWriter) {
    if let value { writer.int(value) } else { writer.null() }
  }
  public func omits(_ value: Int?) -> Bool { value == nil }
  public func words(_ value: Int?) -> String { value.map(String.init) ?? "" }
}

/// A number, always written.
public struct NumberKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> Double { try reader.readDouble() }
  public func write(_ value: Double, into writer: inout JSONWriter) { writer.number(value) }
  public func words(_ value: Double) -> String { FieldSyntax.text(value) }
}

/// An optional number, left out when nil.
public struct OptionalNumberKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> Double? { try reader.readOptional { try $0.readDouble() } }
  public func write(_ value: Double?, into writer: inout JSONWriter) {
    if let value { writer.number(value) } else { writer.null() }
  }
  public func omits(_ value: Double?) -> Bool { value == nil }
  public func words(_ value: Double?) -> String { FieldSyntax.text(value) }
}

/// true or false, always written.
public struct BoolKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> Bool { try reader.readBool() }
  public func write(_ value: Bool, into writer: inout JSONWriter) { writer.bool(value) }
  public var column: ColumnKind { .boolean }
  public func words(_ value: Bool) -> String { value ? "Yes" : "No" }
}

/// A flag written only when true (absent reads as false).
public struct FlagKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> Bool { try reader.readBool() }
  public func write(_ value: Bool, into writer: inout JSONWriter) { writer.bool(value) }
  public func omits(_ value: Bool) -> Bool { !value }
  public var column: ColumnKind { .boolean }
  public func words(_ value: Bool) -> String { value ? "Yes" : "No" }
}

/// One of a closed set of codes, always written.
public struct ChoiceKind<Choice: FileEnum>: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> Choice { try reader.readEnum(Choice.self) }
  public func write(_ value: Choice, into writer: inout JSONWriter) { writer.string(value.rawValue) }
  public var column: ColumnKind { .text }
  public func words(_ value: Choice) -> String { value.label }
}

/// One of a closed set of codes or nothing, left out when nil.
public struct OptionalChoiceKind<Choice: FileEnum>: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> Choice? { try reader.readOptional { try $0.readEnum(Choice.self) } }
  public func write(_ value: Choice?, into writer: inout JSONWriter) { writer.optionalString(value?.rawValue) }
  public func omits(_ value: Choice?) -> Bool { value == nil }
  public var column: ColumnKind { .text }
  public func words(_ value: Choice?) -> String { value?.label ?? "" }
}

/// A date (`YYYY-MM-DD`), always written.
public struct DayKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> Day { try reader.readDay() }
  public func write(_ value: Day, into writer: inout JSONWriter) { writer.string(value.description) }
  public var column: ColumnKind { .text }
  public func words(_ value: Day) -> String { value.description }
}

/// An optional date, left out when nil.
public struct OptionalDayKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> Day? { try reader.readOptional { try $0.readDay() } }
  public func write(_ value: Day?, into writer: inout JSONWriter) { writer.optionalString(value?.description) }
  public func omits(_ value: Day?) -> Bool { value == nil }
  public var column: ColumnKind { .text }
  public func words(_ value: Day?) -> String { value?.description ?? "" }
}

/// An optional time (`YYYY-MM-DDTHH:MM:SSZ`), left out when nil.
public struct OptionalTimestampKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> Timestamp? { try reader.readOptional { try $0.readTimestamp() } }
  public func write(_ value: Timestamp?, into writer: inout JSONWriter) { writer.optionalString(value?.description) }
  public func omits(_ value: Timestamp?) -> Bool { value == nil }
  public var column: ColumnKind { .text }
  public func words(_ value: Timestamp?) -> String { value?.description ?? "" }
}

extension JSONKind where Self == TextKind { public static var text: TextKind { TextKind() } }
extension JSONKind where Self == TextOrEmptyKind { public static var textOrEmpty: TextOrEmptyKind { TextOrEmptyKind() } }
extension JSONKind where Self == SharedTextOrEmptyKind {
  public static var sharedTextOrEmpty: SharedTextOrEmptyKind { SharedTextOrEmptyKind() }
}
extension JSONKind where Self == SharedTextKind { public static var sharedText: SharedTextKind { SharedTextKind() } }
extension JSONKind where Self == OptionalTextKind { public static var optionalText: OptionalTextKind { OptionalTextKind() } }
extension JSONKind where Self == IntKind { public static var int: IntKind { IntKind() } }
extension JSONKind where Self == OptionalIntKind { public static var optionalInt: OptionalIntKind { OptionalIntKind() } }
extension JSONKind where Self == NumberKind { public static var number: NumberKind { NumberKind() } }
extension JSONKind where Self == OptionalNumberKind { public static var optionalNumber: OptionalNumberKind { OptionalNumberKind() } }
extension JSONKind where Self == BoolKind { public static var bool: BoolKind { BoolKind() } }
extension JSONKind where Self == FlagKind { public static var flag: FlagKind { FlagKind() } }
extension JSONKind where Self == DayKind { public static var day: DayKind { DayKind() } }
extension JSONKind where Self == OptionalDayKind { public static var optionalDay: OptionalDayKind { OptionalDayKind() } }
extension JSONKind where Self == OptionalTimestampKind {
  public static var optionalTimestamp: OptionalTimestampKind { OptionalTimestampKind() }
}
extension JSONKind {
  public static func choice<Choice>() -> Self where Self == ChoiceKind<Choice> { ChoiceKind() }
  public static func optionalChoice<Choice>() -> Self where Self == OptionalChoiceKind<Choice> { OptionalChoiceKind() }
}

extension JSONWriter {
  /// A string, or null.
  public mutating func optionalString(_ value: String?) {
    if let value { string(value) } else { null() }
  }
}
