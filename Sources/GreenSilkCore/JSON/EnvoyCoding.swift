enum ActivityField: String, FieldKeys {
  case id, rev, title, kind, focus, host, location, start, end, participants
  case reportedTotal = "reported_total"
  case source
  case changedBy = "changed_by"
  case changedAt = "changed_at"
  static let table = KeyTable<ActivityField>()
}

enum TotalField: String, FieldKeys {
  case id, rev, program, metric, value, qualifier
  case asOf = "as_of"
  case source
  static let table = KeyTable<TotalField>()
}

extension EnvoyActivity: StampedRecord {
  public static let file = DataFile.activities

  public func encode(into w: inout JSONWriter) {
    w.beginObject()
    w.field(ActivityField.id, id)
    w.field(ActivityField.rev, revision)
    w.field(ActivityField.title, title)
    w.field(ActivityField.kind, kind)
    w.field(ActivityField.focus, focus)
    w.field(ActivityField.host, host)
    w.field(ActivityField.location, location)
    w.field(ActivityField.start, start)
    w.field(ActivityField.end, end)
    w.key(ActivityField.participants)
    w.beginObject()
    for entry in participants {
      w.key(entry.country.description)
      w.int(entry.count)
    }
    w.endObject()
    if let reportedTotal { w.field(ActivityField.reportedTotal, reportedTotal) }
    w.source("source", source)
    if let changedBy { w.field(ActivityField.changedBy, changedBy) }
    if let changedAt { w.field(ActivityField.changedAt, changedAt.description) }
    w.extras(extras)
    w.endObject()
  }

  public init(reading r: inout JSONReader) throws {
    var id = ""
    var revision = 0
    var title = ""
    var kind: ActivityKind = .training
    var focus: EnvoyFocus = .capacityBuilding
    var host = ""
    var location = ""
    var start = Day(daysSinceEpoch: 0)
    var end = Day(daysSinceEpoch: 0)
    var participants: [CountryCount] = []
    var reportedTotal: Int?
    var source = SourceRef(dataset: "local")
    var changedBy: String?
    var changedAt: Timestamp?
    var required = RequiredFields<ActivityField>([.id, .title, .kind, .focus, .start, .end])
    var extra = ExtraCollector()
    try r.readFields(ActivityField.self) { r, field in
      required.saw(field)
      switch field {
      case .id: id = try r.readString()
      case .rev: revision = try r.readInt()
      case .title: title = try r.readString()
      case .kind: kind = try r.readEnum(ActivityKind.self)
      case .focus: focus = try r.readEnum(EnvoyFocus.self)
      case .host: host = try r.readSharedString() ?? ""
      case .location: location = try r.readSharedString() ?? ""
      case .start: start = try r.readDay()
      case .end: end = try r.readDay()
      case .participants:
        try r.readObject { r, code in
          guard let country = CountryCode(code) else {
            throw JSONError("\"\(code)\" is not an ISO 3166-1 alpha-3 code (three letters)", column: nil)
          }
          let count = try r.readInt()
          guard count >= 0 else { throw JSONError("a participant count cannot be negative", column: nil) }
          participants.append(CountryCount(country: country, count: count))
        }
      case .reportedTotal: reportedTotal = try r.readOptional { try $0.readInt() }
      case .source: source = try r.readSource()
      case .changedBy: changedBy = try r.readSharedString()
      case .changedAt: changedAt = try r.readOptional { try $0.readTimestamp() }
      case nil: try extra.keep(&r)
      }
    }
    try required.check()
    guard !id.isEmpty else { throw JSONError("field \"id\": must not be empty", column: nil) }
    self.init(
      id: id, revision: revision, title: title, kind: kind, focus: focus, host: host,
      location: location, start: start, end: end, participants: participants,
      reportedTotal: reportedTotal, source: source, changedBy: changedBy, changedAt: changedAt,
      extras: extra.fields)
  }
}

extension ProgramTotal: StoredRecord {
  public static let file = DataFile.programTotals

  public func encode(into w: inout JSONWriter) {
    w.beginObject()
    w.field(TotalField.id, id)
    w.field(TotalField.rev, revision)
    w.field(TotalField.program, program)
    w.field(TotalField.metric, metric)
    w.field(TotalField.value, value)
    if let qualifier { w.field(TotalField.qualifier, qualifier) }
    w.field(TotalField.asOf, asOf)
    w.source("source", source)
    w.extras(extras)
    w.endObject()
  }

  public init(reading r: inout JSONReader) throws {
    var total = ProgramTotal(
      id: "", program: "", metric: "", value: 0, asOf: Day(daysSinceEpoch: 0),
      source: SourceRef(dataset: ""))
    var required = RequiredFields<TotalField>([.id, .program, .metric, .value, .asOf, .source])
    var extra = ExtraCollector()
    try r.readFields(TotalField.self) { r, field in
      required.saw(field)
      switch field {
      case .id: total.id = try r.readString()
      case .rev: total.revision = try r.readInt()
      case .program: total.program = try r.readString()
      case .metric: total.metric = try r.readString()
      case .value: total.value = try r.readDouble()
      case .qualifier: total.qualifier = try r.readOptionalString()
      case .asOf: total.asOf = try r.readDay()
      case .source: total.source = try r.readSource()
      case nil: try extra.keep(&r)
      }
    }
    try required.check()
    total.extras = extra.fields
    self = total
  }
}
