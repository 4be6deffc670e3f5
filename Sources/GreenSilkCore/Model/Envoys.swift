/// What kind of event a Green Silk Road Envoys Program activity is.
public enum ActivityKind: String, FileEnum {
  case training
  case workshop
  case exchangeVisit = "exchange_visit"
  case forum
  case jointResearch = "joint_research"

  public static let valueName = "activity kind"
  public var label: String {
    switch self {
    case .training: "Training"
    case .workshop: "Workshop"
    case .exchangeVisit: "Exchange visit"
    case .forum: "Forum"
    case .jointResearch: "Joint research"
    }
  }
}

/// The program's four focus areas, as Plan §VII(II) names them.
public enum EnvoyFocus: String, FileEnum {
  case policyCommunication = "policy_communication"
  case capacityBuilding = "capacity_building"
  case technicalExchange = "technical_exchange"
  case industrialCooperation = "industrial_cooperation"

  public static let valueName = "envoy focus"
  public var label: String {
    switch self {
    case .policyCommunication: "Policy communication"
    case .capacityBuilding: "Capacity building"
    case .technicalExchange: "Technical exchange"
    case .industrialCooperation: "Industrial cooperation"
    }
  }
}

/// Participants from one country at one activity.
public struct CountryCount: Hashable, Sendable {
  public var country: CountryCode
  public var count: Int
  public init(country: CountryCode, count: Int) {
    self.country = country
    self.count = count
  }
}

/// One Green Silk Road Envoys Program event: a training, workshop,
/// exchange visit, forum or joint research. Stores aggregates (counts by
/// country), never personal data.
public struct EnvoyActivity: Hashable, Sendable, Identifiable {
  public var id: String
  public var revision: Int
  public var title: String
  public var kind: ActivityKind
  public var focus: EnvoyFocus
  public var host: String
  public var location: String
  public var start: Day
  public var end: Day
  public var participants: [CountryCount]
  /// The reported total when the country breakdown is incomplete (a
  /// source says "about 30 officials from six countries").
  public var reportedTotal: Int?
  public var source: SourceRef
  public var changedBy: String?
  public var changedAt: Timestamp?
  public var extras: [RawField]

  public init(
    id: String, revision: Int = 0, title: String, kind: ActivityKind, focus: EnvoyFocus,
    host: String, location: String, start: Day, end: Day, participants: [CountryCount] = [],
    reportedTotal: Int? = nil, source: SourceRef = SourceRef(dataset: "local"),
    changedBy: String? = nil, changedAt: Timestamp? = nil, extras: [RawField] = []
  ) {
    self.id = id
    self.revision = revision
    self.title = title
    self.kind = kind
    self.focus = focus
    self.host = host
    self.location = location
    self.start = start
    self.end = end
    self.participants = participants
    self.reportedTotal = reportedTotal
    self.source = source
    self.changedBy = changedBy
    self.changedAt = changedAt
    self.extras = extras
  }

  /// The sum of the country breakdown.
  public var countedParticipants: Int { participants.saturatingSum(\.count) }

  /// The best total: the reported one when larger than the breakdown.
  public var totalParticipants: Int { max(countedParticipants, reportedTotal ?? 0) }
}

/// A program-level figure reported by an official source ("about 3,000
/// trainees from more than 120 countries", 2022-10-21). Rounded snapshots
/// are kept with their source and date, apart from sums of events.
public struct ProgramTotal: Hashable, Sendable, Identifiable {
  public var id: String
  public var revision: Int
  public var program: String
  public var metric: String
  public var value: Double
  /// How the source qualifies the number: "about", "more than", "nearly".
  public var qualifier: String?
  public var asOf: Day
  public var source: SourceRef
  public var extras: [RawField]

  public init(
    id: String, revision: Int = 0, program: String, metric: String, value: Double,
    qualifier: String? = nil, asOf: Day, source: SourceRef, extras: [RawField] = []
  ) {
    self.id = id
    self.revision = revision
    self.program = program
    self.metric = metric
    self.value = value
    self.qualifier = qualifier
    self.asOf = asOf
    self.source = source
    self.extras = extras
  }
}
