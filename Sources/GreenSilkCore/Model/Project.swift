/// Planned and actual dates of a project (IATI activity-date types), plus
/// the financing commitment date that AidData records.
public struct ProjectDates: Hashable, Sendable {
  public var plannedStart: Day?
  public var actualStart: Day?
  public var plannedEnd: Day?
  public var actualEnd: Day?
  public var commitment: Day?

  public init(
    plannedStart: Day? = nil, actualStart: Day? = nil, plannedEnd: Day? = nil,
    actualEnd: Day? = nil, commitment: Day? = nil
  ) {
    self.plannedStart = plannedStart
    self.actualStart = actualStart
    self.plannedEnd = plannedEnd
    self.actualEnd = actualEnd
    self.commitment = commitment
  }
}

/// A sector in the DAC-style 3-digit vocabulary AidData uses
/// (`240 BANKING AND FINANCIAL SERVICES`).
public struct Sector: Hashable, Sendable {
  public var code: String
  public var name: String
  public init(code: String, name: String) {
    self.code = code
    self.name = name
  }
}

/// A field this version of GreenSilk does not know, kept verbatim (as JSON
/// text) so that a file written by a newer version survives our saves.
public struct RawField: Hashable, Sendable {
  public var key: String
  public var json: String
  public init(key: String, json: String) {
    self.key = key
    self.json = json
  }
}

/// The source row a project was imported from, kept whole so that nothing
/// in the source file is lost and re-imports can tell local edits apart.
/// The columns stay as one JSON object text until someone asks for them:
/// 126 columns x 20,000 rows would otherwise be 2.5 million strings.
public struct ImportedRecord: Hashable, Sendable {
  public var dataset: String
  public var importedAt: Timestamp?
  /// A JSON object, column header → cell text, in file order.
  public var columnsJSON: String

  public init(dataset: String, importedAt: Timestamp?, columnsJSON: String) {
    self.dataset = dataset
    self.importedAt = importedAt
    self.columnsJSON = columnsJSON
  }

  public init(dataset: String, importedAt: Timestamp?, columns: [(String, String)]) {
    var writer = JSONWriter()
    writer.beginObject()
    for (header, value) in columns {
      writer.key(header)
      writer.string(value)
    }
    writer.endObject()
    self.init(dataset: dataset, importedAt: importedAt, columnsJSON: writer.text)
  }

  /// The original columns, header and cell text, in file order.
  public func columns() -> [(header: String, value: String)] {
    var out: [(header: String, value: String)] = []
    _ = try? JSONReader.withReader(columnsJSON) { reader in
      try reader.readObject { reader, key in out.append((key, try reader.readString())) }
    }
    return out
  }

  public func value(_ header: String) -> String? {
    columns().first { $0.header == header }?.value
  }
}

/// A tracked project: one of the plan's 25 key projects or any other
/// project the office follows, from concept to closure.
public struct Project: Hashable, Sendable, Identifiable {
  public var id: String
  /// Incremented by every save; a save based on an older revision is a
  /// conflict (`StoreError.conflict`).
  public var revision: Int
  public var title: String
  public var summary: String
  public var area: CooperationArea?
  public var isKeyProject: Bool
  public var corridors: [CorridorCode]
  public var countries: [CountryCode]
  /// Where the project is, when a source or a person says so; the map
  /// draws it there instead of in its countries' marker.
  public var location: GeoPoint?
  public var leadAgency: String?
  public var partners: [Partner]
  public var stage: Stage
  /// Why the project was cancelled or suspended (required for both).
  public var stageReason: String?
  public var screening: Screening
  public var delivery: DeliveryHealth
  public var budget: Budget?
  public var dates: ProjectDates
  public var milestones: [Milestone]
  public var indicators: [Indicator]
  public var sdgs: [SDG]
  public var financialDistress: Bool
  public var changedBy: String?
  public var changedAt: Timestamp?
  public var extras: [RawField]
  /// Source, sector, flow and import details: see `ProjectProvenance`.
  private var provenanceBox: ProjectProvenance.Box

  public init(
    id: String, revision: Int = 0, title: String, summary: String = "",
    area: CooperationArea? = nil, isKeyProject: Bool = false, corridors: [CorridorCode] = [],
    countries: [CountryCode] = [], location: GeoPoint? = nil, leadAgency: String? = nil, partners: [Partner] = [],
    stage: Stage = .concept, stageReason: String? = nil, statusRaw: String? = nil,
    screening: Screening = .notAssessed, delivery: DeliveryHealth = .notAssessed,
    budget: Budget? = nil, dates: ProjectDates = ProjectDates(), milestones: [Milestone] = [],
    indicators: [Indicator] = [], sdgs: [SDG] = [], sector: Sector? = nil,
    flowType: String? = nil, flowClass: String? = nil, financialDistress: Bool = false,
    source: SourceRef = SourceRef(dataset: "local"), changedBy: String? = nil,
    changedAt: Timestamp? = nil, imported: ImportedRecord? = nil, extras: [RawField] = []
  ) {
    self.id = id
    self.revision = revision
    self.title = title
    self.summary = summary
    self.area = area
    self.isKeyProject = isKeyProject
    self.corridors = corridors
    self.countries = countries
    self.location = location
    self.leadAgency = leadAgency
    self.partners = partners
    self.stage = stage
    self.stageReason = stageReason
    self.screening = screening
    self.delivery = delivery
    self.budget = budget
    self.dates = dates
    self.milestones = milestones
    self.indicators = indicators
    self.sdgs = sdgs
    self.financialDistress = financialDistress
    self.changedBy = changedBy
    self.changedAt = changedAt
    self.extras = extras
    self.provenanceBox = ProjectProvenance.Box(
      ProjectProvenance(
        source: source, statusRaw: statusRaw, sector: sector, flowType: flowType, flowClass: flowClass,
        imported: imported))
  }

  /// Where the record comes from and what its source said of it. Kept out
  /// of line and shared between projects whose provenance is equal.
  public var provenance: ProjectProvenance {
    get { provenanceBox.value }
    set { provenanceBox = ProjectProvenance.Box(newValue) }
  }

  /// Changes the provenance in place when no other project shares its box
  /// (a project being read has its own), else in a new box.
  mutating func updateProvenance(_ change: (inout ProjectProvenance) -> Void) {
    if isKnownUniquelyReferenced(&provenanceBox) {
      change(&provenanceBox.value)
    } else {
      var value = provenanceBox.value
      change(&value)
      provenanceBox = ProjectProvenance.Box(value)
    }
  }

  /// Shares an equal provenance's box with the projects read before (the
  /// reader's interner keeps one box per distinct value).
  mutating func shareProvenance(through reader: JSONReader) { provenanceBox = reader.shared(provenanceBox) }

  public var source: SourceRef {
    get { provenanceBox.value.source }
    set { updateProvenance { $0.source = newValue } }
  }
  /// The source's own status text (`Pipeline: Commitment`), kept beside
  /// the normalised stage.
  public var statusRaw: String? {
    get { provenanceBox.value.statusRaw }
    set { updateProvenance { $0.statusRaw = newValue } }
  }
  public var sector: Sector? {
    get { provenanceBox.value.sector }
    set { updateProvenance { $0.sector = newValue } }
  }
  public var flowType: String? {
    get { provenanceBox.value.flowType }
    set { updateProvenance { $0.flowType = newValue } }
  }
  public var flowClass: String? {
    get { provenanceBox.value.flowClass }
    set { updateProvenance { $0.flowClass = newValue } }
  }
  public var imported: ImportedRecord? {
    get { provenanceBox.value.imported }
    set { updateProvenance { $0.imported = newValue } }
  }

  /// The BRIGC light derived from the screening (nil: not screened yet).
  public var light: TrafficLight? { screening.light }

  public func overdueMilestones(asOf today: Day) -> [Milestone] {
    milestones.filter { $0.isOverdue(asOf: today) }
  }
}

/// Where a project record comes from and what its source said of it.
///
/// Stored out of line (`Box`): 200 bytes inline in each of 20,000
/// projects would be 4 MB, while hand-entered projects share one source
/// and no import details, so a load interns a few hundred boxes instead.
public struct ProjectProvenance: Hashable, Sendable {
  public var source: SourceRef
  public var statusRaw: String?
  public var sector: Sector?
  public var flowType: String?
  public var flowClass: String?
  public var imported: ImportedRecord?

  public init(
    source: SourceRef = SourceRef(dataset: "local"), statusRaw: String? = nil, sector: Sector? = nil,
    flowType: String? = nil, flowClass: String? = nil, imported: ImportedRecord? = nil
  ) {
    self.source = source
    self.statusRaw = statusRaw
    self.sector = sector
    self.flowType = flowType
    self.flowClass = flowClass
    self.imported = imported
  }

  /// Copy on write: changed in place only while one project holds it
  /// (`Project.updateProvenance` checks), so a box two projects or the
  /// interner share never changes and sharing it across threads is safe.
  /// Equal by value, so projects compare as if it were inline.
  final class Box: Hashable, @unchecked Sendable {
    fileprivate(set) var value: ProjectProvenance
    init(_ value: ProjectProvenance) { self.value = value }
    static func == (lhs: Box, rhs: Box) -> Bool { lhs === rhs || lhs.value == rhs.value }
    func hash(into hasher: inout Hasher) { hasher.combine(value) }
  }
}
