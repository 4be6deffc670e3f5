/// The fields of an envoy activity line, in the order files write them,
/// each declared once (see `ProjectField` for what a declaration gives).
public enum ActivityField: String, DeclaredFields {
  case id, rev, title, kind, focus, host, location, start, end, participants
  case reportedTotal = "reported_total"
  case totalQualifier = "total_qualifier"
  case source
  case changedBy = "changed_by"
  case changedAt = "changed_at"

  public static let declaration = ObjectDeclaration(
    ActivityField.self,
    blank: {
      EnvoyActivity(
        id: "", title: "", kind: .training, focus: .capacityBuilding, host: "", location: "",
        start: Day(daysSinceEpoch: 0), end: Day(daysSinceEpoch: 0))
    },
    keepingUnknownIn: \EnvoyActivity.extras,
    finish: { activity, _ in
      guard !activity.id.isEmpty else { throw JSONError("field \"id\": must not be empty", column: nil) }
    })

  public var member: Member<EnvoyActivity> {
    switch self {
    case .id:
      .field(\.id, .text, "ID", form: .at(.activity, 10, .readOnly, help: "assigned by GreenSilk"))
        .required().column(.requiredText).role(.identity)
    case .rev:
      .field(\.revision, .int, "Revision").role(.bookkeeping)
    case .title:
      .field(\.title, .text, "Title", form: .at(.activity, 20, .requiredText("a title"), help: "required; one line"))
        .required().column(.requiredText)
    case .kind:
      .field(\.kind, .choice(), "Kind", form: .at(.activity, 30, .choice, help: FormHelp.choice))
        .required().column(.requiredText)
    case .focus:
      .field(\.focus, .choice(), "Focus", form: .at(.activity, 40, .choice, help: "the program's four focus areas (Plan §VII)"))
        .required().column(.requiredText)
    case .host:
      .field(\.host, .sharedTextOrEmpty, "Host", form: .at(.activity, 50, .text, help: "the organiser")).column(.requiredText)
    case .location:
      .field(\.location, .sharedTextOrEmpty, "Location", form: .at(.activity, 60, .text, help: "city, country"))
        .column(.requiredText)
    case .start:
      .field(\.start, .day, "Start", form: .at(.dates, 10, .requiredDate, help: "YYYY-MM-DD (required)"))
        .required().column(.requiredText)
    case .end:
      .field(\.end, .day, "End", form: .at(.dates, 20, .requiredDate, help: "YYYY-MM-DD (required; not before the start)"))
        .required().column(.requiredText)
    case .participants:
      .field(
        \.participants, .participants, "Participants",
        form: .at(.participants, 10, .participants, help: FieldSyntax.participantFormat))
    case .reportedTotal:
      .field(
        \.reportedTotal, .optionalInt, "Reported total",
        form: .at(.participants, 20, .count, help: "the source's total when the country breakdown is incomplete; empty for none"))
    case .totalQualifier:
      .field(
        \.totalQualifier, .sharedText, "Total qualifier",
        form: .at(.participants, 30, .optionalText, help: "how the source qualifies its total: about, more than, nearly; empty if exact"))
    case .source:
      .object(\.source, SourceField.self, "Source").role(.provenance)
    case .changedBy:
      .field(\.changedBy, .sharedText, "Changed by").role(.bookkeeping)
    case .changedAt:
      .field(\.changedAt, .optionalTimestamp, "Changed at").role(.bookkeeping)
    }
  }
}

extension EnvoyActivity: DeclaredRecord {
  public typealias Field = ActivityField
  public static let file = DataFile.activities
}

extension EnvoyActivity: StampedRecord {}

/// Participant counts by country: an object from ISO-3 code to count,
/// always written.
public struct ParticipantsKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> [CountryCount] {
    var participants: [CountryCount] = []
    try reader.readObject { reader, code in
      guard let country = CountryCode(code) else {
        throw JSONError("\"\(code)\" is not an ISO 3166-1 alpha-3 code (three letters)", column: nil)
      }
      let count = try reader.readInt()
      guard count >= 0 else { throw JSONError("a participant count cannot be negative", column: nil) }
      participants.append(CountryCount(country: country, count: count))
    }
    return participants
  }

  public func write(_ value: [CountryCount], into writer: inout JSONWriter) {
    writer.beginObject()
    for entry in value {
      writer.key(entry.country.description)
      writer.int(entry.count)
    }
    writer.endObject()
  }

  public func words(_ value: [CountryCount]) -> String { value.map { "\($0.country) \($0.count)" }.joined(separator: ", ") }
}

extension JSONKind where Self == ParticipantsKind { public static var participants: ParticipantsKind { ParticipantsKind() } }

/// The fields of a program total line.
public enum TotalField: String, DeclaredFields {
  case id, rev, program, metric, value, qualifier
  case asOf = "as_of"
  case source

  public static let declaration = ObjectDeclaration(
    TotalField.self,
    blank: {
      ProgramTotal(id: "", program: "", metric: "", value: 0, asOf: Day(daysSinceEpoch: 0), source: SourceRef(dataset: ""))
    },
    keepingUnknownIn: \ProgramTotal.extras)

  public var member: Member<ProgramTotal> {
    switch self {
    case .id: .field(\.id, .text, "ID").required().role(.identity)
    case .rev: .field(\.revision, .int, "Revision").role(.bookkeeping)
    case .program: .field(\.program, .text, "Program").required()
    case .metric: .field(\.metric, .text, "Metric").required()
    case .value: .field(\.value, .number, "Value").required()
    case .qualifier: .field(\.qualifier, .optionalText, "Qualifier")
    case .asOf: .field(\.asOf, .day, "As of").required()
    case .source: .object(\.source, SourceField.self, "Source").required().role(.provenance)
    }
  }
}

extension ProgramTotal: DeclaredRecord {
  public typealias Field = TotalField
  public static let file = DataFile.programTotals
}
