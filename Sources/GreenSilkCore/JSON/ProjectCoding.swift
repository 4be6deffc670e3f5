// The codecs of the values inside a project's fields that are kept whole
// (lists of partners, tranches, milestones, indicators; the imported
// source row). The project's own fields and its nested objects are
// declared in `ProjectDeclaration.swift` and `ProjectValueDeclarations.swift`.

/// A value that a list field holds, one JSON object per element.
protocol JSONElement {
  init(reading reader: inout JSONReader) throws
  func encode(into writer: inout JSONWriter)
}

/// A list of objects, left out when empty.
struct ElementListKind<Element: JSONElement & Sendable>: JSONKind {
  func read(_ reader: inout JSONReader) throws -> [Element] { try reader.readList { try Element(reading: &$0) } }
  func write(_ value: [Element], into writer: inout JSONWriter) {
    writer.beginArray()
    for element in value { element.encode(into: &writer) }
    writer.endArray()
  }
  func omits(_ value: [Element]) -> Bool { value.isEmpty }
  func words(_ value: [Element]) -> String { value.isEmpty ? "" : "\(value.count)" }
}

/// Partners, left out when empty; a list equal to one read before is
/// shared, not decoded again.
public struct PartnerListKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> [Partner] {
    try reader.readSharedList(reader.interner?.partnerLists) { try $0.readList { try Partner(reading: &$0) } }
  }
  public func write(_ value: [Partner], into writer: inout JSONWriter) { ElementListKind<Partner>().write(value, into: &writer) }
  public func omits(_ value: [Partner]) -> Bool { value.isEmpty }
  public func words(_ value: [Partner]) -> String { value.map(\.name).joined(separator: ", ") }
}

/// Corridor codes, always written, shared like partners.
public struct CorridorListKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> [CorridorCode] {
    try reader.readSharedList(reader.interner?.corridorLists) { try $0.readList { try $0.readEnum(CorridorCode.self) } }
  }
  public func write(_ value: [CorridorCode], into writer: inout JSONWriter) { writer.strings(value.map(\.rawValue)) }
  public func words(_ value: [CorridorCode]) -> String { value.map(\.rawValue).joined(separator: ", ") }
}

/// Country codes, always written, shared like partners.
public struct CountryListKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> [CountryCode] {
    try reader.readSharedList(reader.interner?.countryLists) { try $0.readList { try $0.readCountry() } }
  }
  public func write(_ value: [CountryCode], into writer: inout JSONWriter) { writer.strings(value.map(\.description)) }
  public func words(_ value: [CountryCode]) -> String { value.map(\.description).joined(separator: ", ") }
}

/// SDG numbers, left out when empty, shared like partners.
public struct SDGListKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> [SDG] {
    try reader.readSharedList(reader.interner?.goalLists) {
      try $0.readList { reader in
        let number = try reader.readInt()
        guard let goal = SDG(number) else { throw JSONError("SDG \(number) is not 1-17", column: nil) }
        return goal
      }
    }
  }
  public func write(_ value: [SDG], into writer: inout JSONWriter) {
    writer.beginArray()
    for goal in value { writer.int(goal.number) }
    writer.endArray()
  }
  public func omits(_ value: [SDG]) -> Bool { value.isEmpty }
  public func words(_ value: [SDG]) -> String { value.map { "SDG \($0.number)" }.joined(separator: ", ") }
}

/// The imported source row: its dataset, when, the digest and column
/// count that name its columns in the sidecar (`SourceRowStore`), and the
/// columns themselves only while they travel with the record (an export,
/// a file of schema 1).
public struct ImportedRecordKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> ImportedRecord? {
    try reader.readOptional { try ImportedRecord(reading: &$0) }
  }
  public func write(_ value: ImportedRecord?, into writer: inout JSONWriter) {
    guard let value else { return writer.null() }
    writer.beginObject()
    writer.field(ImportedField.dataset, value.dataset)
    if let at = value.importedAt { writer.field(ImportedField.importedAt, at.description) }
    writer.field(ImportedField.digest, value.digest)
    writer.field(ImportedField.columnCount, value.columnCount)
    if let columns = value.columnsJSON {
      writer.key(ImportedField.columns)
      writer.raw(columns)
    }
    writer.endObject()
  }
  public func omits(_ value: ImportedRecord?) -> Bool { value == nil }
  public func words(_ value: ImportedRecord?) -> String { value.map { "from \($0.dataset)" } ?? "" }
}

extension JSONKind where Self == PartnerListKind { public static var partners: PartnerListKind { PartnerListKind() } }
extension JSONKind where Self == CorridorListKind { public static var corridors: CorridorListKind { CorridorListKind() } }
extension JSONKind where Self == CountryListKind { public static var countries: CountryListKind { CountryListKind() } }
extension JSONKind where Self == SDGListKind { public static var sdgs: SDGListKind { SDGListKind() } }
extension JSONKind where Self == ImportedRecordKind { public static var importedRecord: ImportedRecordKind { ImportedRecordKind() } }
extension JSONKind where Self == ElementListKind<Financing> { static var financing: Self { Self() } }
extension JSONKind where Self == ElementListKind<Milestone> { static var milestones: Self { Self() } }
extension JSONKind where Self == ElementListKind<Indicator> { static var indicators: Self { Self() } }

extension JSONWriter {
  /// A list of strings.
  mutating func strings(_ values: [String]) {
    beginArray()
    for value in values { string(value) }
    endArray()
  }
}

enum PartnerField: String, FieldKeys {
  case name, role, kind
  static let table = KeyTable<PartnerField>()
}

enum FinancingField: String, FieldKeys {
  case instrument, amount, provider
  static let table = KeyTable<FinancingField>()
}

enum MilestoneField: String, FieldKeys {
  case title, due, done
  static let table = KeyTable<MilestoneField>()
}

enum IndicatorField: String, FieldKeys {
  case title, unit, baseline, target, actual, goal
  static let table = KeyTable<IndicatorField>()
}

enum ImportedField: String, FieldKeys {
  case dataset
  case importedAt = "imported_at"
  case digest
  case columnCount = "column_count"
  case columns
  static let table = KeyTable<ImportedField>()
}

extension Partner: JSONElement {
  init(reading r: inout JSONReader) throws {
    var name = ""
    var role: PartnerRole?
    var kind: String?
    try r.readFields(PartnerField.self) { r, field in
      switch field {
      case .name: name = try r.readSharedString() ?? ""
      case .role: role = try r.readEnum(PartnerRole.self)
      case .kind: kind = try r.readSharedString()
      case nil: try r.skipValue()
      }
    }
    guard let role else { throw JSONError("missing field \"role\"", column: nil) }
    self.init(name: name, role: role, kind: kind)
  }

  func encode(into w: inout JSONWriter) {
    w.beginObject()
    w.field(PartnerField.name, name)
    w.field(PartnerField.role, role)
    if let kind { w.field(PartnerField.kind, kind) }
    w.endObject()
  }
}

extension Financing: JSONElement {
  init(reading r: inout JSONReader) throws {
    var instrument: FinancingInstrument?
    var amount: Double?
    var provider: String?
    try r.readFields(FinancingField.self) { r, field in
      switch field {
      case .instrument: instrument = try r.readEnum(FinancingInstrument.self)
      case .amount: amount = try r.readOptional { try $0.readDouble() }
      case .provider: provider = try r.readSharedString()
      case nil: try r.skipValue()
      }
    }
    guard let instrument else { throw JSONError("missing field \"instrument\"", column: nil) }
    self.init(instrument: instrument, amount: amount, provider: provider)
  }

  func encode(into w: inout JSONWriter) {
    w.beginObject()
    w.field(FinancingField.instrument, instrument)
    if let amount { w.field(FinancingField.amount, amount) }
    if let provider { w.field(FinancingField.provider, provider) }
    w.endObject()
  }
}

extension Milestone: JSONElement {
  init(reading r: inout JSONReader) throws {
    var title = ""
    var due: Day?
    var done: Day?
    try r.readFields(MilestoneField.self) { r, field in
      switch field {
      case .title: title = try r.readSharedString() ?? ""
      case .due: due = try r.readDay()
      case .done: done = try r.readOptional { try $0.readDay() }
      case nil: try r.skipValue()
      }
    }
    guard let due else { throw JSONError("missing field \"due\"", column: nil) }
    self.init(title: title, due: due, done: done)
  }

  func encode(into w: inout JSONWriter) {
    w.beginObject()
    w.field(MilestoneField.title, title)
    w.field(MilestoneField.due, due)
    if let done { w.field(MilestoneField.done, done) }
    w.endObject()
  }
}

extension Indicator: JSONElement {
  init(reading r: inout JSONReader) throws {
    var indicator = Indicator(title: "", unit: "", baseline: 0, target: 0, goal: .y2030)
    var sawGoal = false
    try r.readFields(IndicatorField.self) { r, field in
      switch field {
      case .title: indicator.title = try r.readSharedString() ?? ""
      case .unit: indicator.unit = try r.readSharedString() ?? ""
      case .baseline: indicator.baseline = try r.readDouble()
      case .target: indicator.target = try r.readDouble()
      case .actual: indicator.actual = try r.readOptional { try $0.readDouble() }
      case .goal:
        indicator.goal = try r.readEnum(GoalYear.self)
        sawGoal = true
      case nil: try r.skipValue()
      }
    }
    guard sawGoal else { throw JSONError("missing field \"goal\"", column: nil) }
    self = indicator
  }

  func encode(into w: inout JSONWriter) {
    w.beginObject()
    w.field(IndicatorField.title, title)
    w.field(IndicatorField.unit, unit)
    w.field(IndicatorField.baseline, baseline)
    w.field(IndicatorField.target, target)
    if let actual { w.field(IndicatorField.actual, actual) }
    w.field(IndicatorField.goal, goal)
    w.endObject()
  }
}

extension ImportedRecord {
  /// Schema 2 names the row by digest; schema 1 carried `columns` only,
  /// and its digest is computed here from them.
  init(reading r: inout JSONReader) throws {
    var dataset = ""
    var at: Timestamp?
    var digest: String?
    var count = 0
    var columns: String?
    try r.readFields(ImportedField.self) { r, field in
      switch field {
      case .dataset: dataset = try r.readString()
      case .importedAt: at = try r.readOptional { try $0.readTimestamp() }
      case .digest: digest = try r.readString()
      case .columnCount: count = try r.readInt()
      case .columns: columns = try r.readRawValue()
      case nil: try r.skipValue()
      }
    }
    if let digest {
      self.init(dataset: dataset, importedAt: at, digest: digest, columnCount: count, columnsJSON: columns)
    } else {
      self.init(dataset: dataset, importedAt: at, columnsJSON: columns ?? "{}")
    }
  }
}
