/// Every value of a `Project`, held out of line in a `Project.Storage`
/// (see there). The stored fields and the provenance rules live here;
/// `Project` forwards each one.
struct ProjectValues: Hashable, Sendable {
  var id: String
  /// Incremented by every save; a save based on an older revision is a
  /// conflict (`StoreError.conflict`).
  var revision: Int
  var title: String
  var summary: String
  var area: CooperationArea?
  var isKeyProject: Bool
  var corridors: [CorridorCode]
  var countries: [CountryCode]
  /// Where the project is, when a source or a person says so; the map
  /// draws it there instead of in its countries' marker.
  var location: GeoPoint?
  var leadAgency: String?
  var partners: [Partner]
  var stage: Stage
  /// Why the project was cancelled or suspended (required for both).
  var stageReason: String?
  var screening: Screening
  var delivery: DeliveryHealth
  var budget: Budget?
  var dates: ProjectDates
  var milestones: [Milestone]
  var indicators: [Indicator]
  var sdgs: [SDG]
  var financialDistress: Bool
  /// Why the project is left out of the totals (nil: it counts). See
  /// `TotalsExclusion`.
  var notInTotals: TotalsExclusion? = nil
  /// What a person wrote when leaving it out by hand, or what the source
  /// said.
  var notInTotalsNote: String? = nil
  var changedBy: String?
  var changedAt: Timestamp?
  var extras: [RawField]
  /// Source, sector, flow and import details: see `ProjectProvenance`.
  private var provenanceBox: ProjectProvenance.Box

  init(
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
  var provenance: ProjectProvenance {
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

  var source: SourceRef {
    get { provenanceBox.value.source }
    set { updateProvenance { $0.source = newValue } }
  }
  /// The source's own status text (`Pipeline: Commitment`), kept beside
  /// the normalised stage.
  var statusRaw: String? {
    get { provenanceBox.value.statusRaw }
    set { updateProvenance { $0.statusRaw = newValue } }
  }
  var sector: Sector? {
    get { provenanceBox.value.sector }
    set { updateProvenance { $0.sector = newValue } }
  }
  var flowType: String? {
    get { provenanceBox.value.flowType }
    set { updateProvenance { $0.flowType = newValue } }
  }
  var flowClass: String? {
    get { provenanceBox.value.flowClass }
    set { updateProvenance { $0.flowClass = newValue } }
  }
  var imported: ImportedRecord? {
    get { provenanceBox.value.imported }
    set { updateProvenance { $0.imported = newValue } }
  }
}
