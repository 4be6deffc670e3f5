extension EnvoyActivity: StampedRecord {
  public static let file = DataFile.activities

  public func encode(into w: inout JSONWriter) {
    w.beginObject()
    w.field("id", id)
    w.field("rev", revision)
    w.field("title", title)
    w.field("kind", kind)
    w.field("focus", focus)
    w.field("host", host)
    w.field("location", location)
    w.field("start", start)
    w.field("end", end)
    w.key("participants")
    w.beginObject()
    for entry in participants {
      w.key(entry.country.description)
      w.int(entry.count)
    }
    w.endObject()
    if let reportedTotal { w.field("reported_total", reportedTotal) }
    w.source("source", source)
    if let changedBy { w.field("changed_by", changedBy) }
    if let changedAt { w.field("changed_at", changedAt.description) }
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
    var required = RequiredFields(["id", "title", "kind", "focus", "start", "end"])
    var extra = ExtraCollector()
    try r.readObject { r, key in
      required.saw(key)
      switch key {
      case "id": id = try r.readString()
      case "rev": revision = try r.readInt()
      case "title": title = try r.readString()
      case "kind": kind = try r.readEnum(ActivityKind.self)
      case "focus": focus = try r.readEnum(EnvoyFocus.self)
      case "host": host = try r.readOptionalString() ?? ""
      case "location": location = try r.readOptionalString() ?? ""
      case "start": start = try r.readDay()
      case "end": end = try r.readDay()
      case "participants":
        try r.readObject { r, code in
          guard let country = CountryCode(code) else {
            throw JSONError("\"\(code)\" is not an ISO 3166-1 alpha-3 code (three letters)", column: nil)
          }
          let count = try r.readInt()
          guard count >= 0 else { throw JSONError("a participant count cannot be negative", column: nil) }
          participants.append(CountryCount(country: country, count: count))
        }
      case "reported_total": reportedTotal = try r.readOptional { try $0.readInt() }
      case "source": source = try r.readSource()
      case "changed_by": changedBy = try r.readOptionalString()
      case "changed_at": changedAt = try r.readOptional { try $0.readTimestamp() }
      default: try extra.keep(key, &r)
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
    w.field("id", id)
    w.field("rev", revision)
    w.field("program", program)
    w.field("metric", metric)
    w.field("value", value)
    if let qualifier { w.field("qualifier", qualifier) }
    w.field("as_of", asOf)
    w.source("source", source)
    w.extras(extras)
    w.endObject()
  }

  public init(reading r: inout JSONReader) throws {
    var total = ProgramTotal(
      id: "", program: "", metric: "", value: 0, asOf: Day(daysSinceEpoch: 0),
      source: SourceRef(dataset: ""))
    var required = RequiredFields(["id", "program", "metric", "value", "as_of", "source"])
    var extra = ExtraCollector()
    try r.readObject { r, key in
      required.saw(key)
      switch key {
      case "id": total.id = try r.readString()
      case "rev": total.revision = try r.readInt()
      case "program": total.program = try r.readString()
      case "metric": total.metric = try r.readString()
      case "value": total.value = try r.readDouble()
      case "qualifier": total.qualifier = try r.readOptionalString()
      case "as_of": total.asOf = try r.readDay()
      case "source": total.source = try r.readSource()
      default: try extra.keep(key, &r)
      }
    }
    try required.check()
    total.extras = extra.fields
    self = total
  }
}
