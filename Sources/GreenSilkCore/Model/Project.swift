/// Planned and actual dates of a project (IATI activity-date types), plus
/// the financing commitment date that AidData records.
public struct ProjectDates: Hashable, Sendable {
  public var plannedStart: Day?
  public var actualStart: Day?
  public var plannedEnd: Day?
  public var actualEnd: Day?
  public var commitment: Day?
  /// The source says these dates are its estimates, not known dates
  /// (AidData's "... Date Estimated" columns): shown with `≈`.
  public var commitmentEstimated = false
  public var actualStartEstimated = false
  public var actualEndEstimated = false

  /// Whether any date is an estimate.
  public var hasEstimate: Bool { commitmentEstimated || actualStartEstimated || actualEndEstimated }

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
///
/// The row's columns live out of the hot path (DECISIONS.md, "Source
/// columns in a sidecar"): `projects.jsonl` holds only the row's `digest`
/// and column count, the columns themselves sit in `sources/` and are read
/// when someone asks for them (`SourceRowStore`). `columnsJSON` is set
/// while the row travels with the record: fresh from an import, read from
/// a file of schema 1 (before the sidecar) or from an export, or attached
/// for an export. The store moves it to the sidecar on every save.
/// Two records compare by `digest`, never by whether the text is attached.
public struct ImportedRecord: Hashable, Sendable {
  public var dataset: String
  public var importedAt: Timestamp?
  /// Identifies the row's columns: `SourceRowText.digest` of their JSON text.
  public var digest: String
  /// How many columns the row has.
  public var columnCount: Int
  /// A JSON object, column header → cell text, in file order; nil when the
  /// columns are in the sidecar only.
  public var columnsJSON: String?

  /// A row whose columns travel with it. The text is made canonical (no
  /// spaces between tokens, as `ColumnsJSON` writes it) so that the
  /// sidecar gives back exactly the text the digest names.
  public init(dataset: String, importedAt: Timestamp?, columnsJSON: String) {
    let canonical = SourceRowText.canonical(columnsJSON)
    self.init(
      dataset: dataset, importedAt: importedAt, digest: SourceRowText.digest(canonical.text),
      columnCount: canonical.count, columnsJSON: canonical.text)
  }

  /// A row as `projects.jsonl` holds it (or with its text when known).
  public init(dataset: String, importedAt: Timestamp?, digest: String, columnCount: Int, columnsJSON: String? = nil) {
    self.dataset = dataset
    self.importedAt = importedAt
    self.digest = digest
    self.columnCount = columnCount
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

  public static func == (lhs: ImportedRecord, rhs: ImportedRecord) -> Bool {
    lhs.dataset == rhs.dataset && lhs.importedAt == rhs.importedAt && lhs.digest == rhs.digest
      && lhs.columnCount == rhs.columnCount
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(dataset)
    hasher.combine(digest)
  }

  /// The same row without its text (as the data file stores it).
  public var detached: ImportedRecord {
    var copy = self
    copy.columnsJSON = nil
    return copy
  }

  /// The original columns, header and cell text, in file order; empty
  /// when the text is not attached (`SourceRowStore.attach`).
  public func columns() -> [(header: String, value: String)] {
    guard let columnsJSON else { return [] }
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
///
/// A value type whose fields live in one shared, copy-on-write box
/// (`Storage`): copying a project, or an array of 21,000 of them, costs
/// one reference count per project instead of one per string and list
/// inside it (about twenty). A reload replaces a few records in a copy of
/// the portfolio and the screens compare old and new projects; with the
/// fields inline, those copies were most of a dashboard's CPU per save
/// (issue 17: 30 dashboards following one editor; DECISIONS.md, "A
/// project is one box"). Unchanged projects keep their box, so comparing
/// them is a pointer check.
public struct Project: Hashable, Sendable, Identifiable {
  private var storage: Storage

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
    storage = Storage(
      ProjectValues(
        id: id, revision: revision, title: title, summary: summary, area: area, isKeyProject: isKeyProject,
        corridors: corridors, countries: countries, location: location, leadAgency: leadAgency, partners: partners,
        stage: stage, stageReason: stageReason, screening: screening, delivery: delivery, budget: budget,
        dates: dates, milestones: milestones, indicators: indicators, sdgs: sdgs,
        financialDistress: financialDistress, changedBy: changedBy, changedAt: changedAt, extras: extras,
        provenanceBox: ProjectProvenance.Box(
          ProjectProvenance(
            source: source, statusRaw: statusRaw, sector: sector, flowType: flowType, flowClass: flowClass,
            imported: imported))))
  }

  /// The values, made this project's own before a change.
  private var values: ProjectValues {
    get { storage.values }
    _modify {
      if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.values) }
      yield &storage.values
    }
  }

  public var id: String {
    get { storage.values.id }
    _modify { yield &values.id }
  }
  /// Incremented by every save; a save based on an older revision is a
  /// conflict (`StoreError.conflict`).
  public var revision: Int {
    get { storage.values.revision }
    _modify { yield &values.revision }
  }
  public var title: String {
    get { storage.values.title }
    _modify { yield &values.title }
  }
  public var summary: String {
    get { storage.values.summary }
    _modify { yield &values.summary }
  }
  public var area: CooperationArea? {
    get { storage.values.area }
    _modify { yield &values.area }
  }
  public var isKeyProject: Bool {
    get { storage.values.isKeyProject }
    _modify { yield &values.isKeyProject }
  }
  public var corridors: [CorridorCode] {
    get { storage.values.corridors }
    _modify { yield &values.corridors }
  }
  public var countries: [CountryCode] {
    get { storage.values.countries }
    _modify { yield &values.countries }
  }
  /// Where the project is, when a source or a person says so; the map
  /// draws it there instead of in its countries' marker.
  public var location: GeoPoint? {
    get { storage.values.location }
    _modify { yield &values.location }
  }
  public var leadAgency: String? {
    get { storage.values.leadAgency }
    _modify { yield &values.leadAgency }
  }
  public var partners: [Partner] {
    get { storage.values.partners }
    _modify { yield &values.partners }
  }
  public var stage: Stage {
    get { storage.values.stage }
    _modify { yield &values.stage }
  }
  /// Why the project was cancelled or suspended (required for both).
  public var stageReason: String? {
    get { storage.values.stageReason }
    _modify { yield &values.stageReason }
  }
  public var screening: Screening {
    get { storage.values.screening }
    _modify { yield &values.screening }
  }
  public var delivery: DeliveryHealth {
    get { storage.values.delivery }
    _modify { yield &values.delivery }
  }
  public var budget: Budget? {
    get { storage.values.budget }
    _modify { yield &values.budget }
  }
  public var dates: ProjectDates {
    get { storage.values.dates }
    _modify { yield &values.dates }
  }
  public var milestones: [Milestone] {
    get { storage.values.milestones }
    _modify { yield &values.milestones }
  }
  public var indicators: [Indicator] {
    get { storage.values.indicators }
    _modify { yield &values.indicators }
  }
  public var sdgs: [SDG] {
    get { storage.values.sdgs }
    _modify { yield &values.sdgs }
  }
  public var financialDistress: Bool {
    get { storage.values.financialDistress }
    _modify { yield &values.financialDistress }
  }
  /// Why the project is left out of the totals (nil: it counts). See
  /// `TotalsExclusion`.
  public var notInTotals: TotalsExclusion? {
    get { storage.values.notInTotals }
    _modify { yield &values.notInTotals }
  }
  /// What a person wrote when leaving it out by hand, or what the source
  /// said.
  public var notInTotalsNote: String? {
    get { storage.values.notInTotalsNote }
    _modify { yield &values.notInTotalsNote }
  }
  public var changedBy: String? {
    get { storage.values.changedBy }
    _modify { yield &values.changedBy }
  }
  public var changedAt: Timestamp? {
    get { storage.values.changedAt }
    _modify { yield &values.changedAt }
  }
  public var extras: [RawField] {
    get { storage.values.extras }
    _modify { yield &values.extras }
  }
  /// Where the record comes from and what its source said of it. Kept out
  /// of line and shared between projects whose provenance is equal.
  public var provenance: ProjectProvenance {
    get { storage.values.provenance }
    set { values.provenance = newValue }
  }
  public var source: SourceRef {
    get { storage.values.provenanceBox.value.source }
    set { values.updateProvenance { $0.source = newValue } }
  }
  /// The source's own status text (`Pipeline: Commitment`), kept beside
  /// the normalised stage.
  public var statusRaw: String? {
    get { storage.values.provenanceBox.value.statusRaw }
    set { values.updateProvenance { $0.statusRaw = newValue } }
  }
  public var sector: Sector? {
    get { storage.values.provenanceBox.value.sector }
    set { values.updateProvenance { $0.sector = newValue } }
  }
  public var flowType: String? {
    get { storage.values.provenanceBox.value.flowType }
    set { values.updateProvenance { $0.flowType = newValue } }
  }
  public var flowClass: String? {
    get { storage.values.provenanceBox.value.flowClass }
    set { values.updateProvenance { $0.flowClass = newValue } }
  }
  public var imported: ImportedRecord? {
    get { storage.values.provenanceBox.value.imported }
    set { values.updateProvenance { $0.imported = newValue } }
  }

  /// Shares an equal provenance's box with the projects read before (the
  /// reader's interner keeps one box per distinct value).
  mutating func shareProvenance(through reader: JSONReader) { values.shareProvenance(through: reader) }

  /// Whether the source estimated any of its values (an amount or a date):
  /// shown with `≈`, counted by `Portfolio.estimateCount`.
  public var hasEstimate: Bool { dates.hasEstimate || budget?.amountEstimated == true }

  /// The BRIGC light derived from the screening (nil: not screened yet).
  public var light: TrafficLight? { screening.light }

  public func overdueMilestones(asOf today: Day) -> [Milestone] {
    milestones.filter { $0.isOverdue(asOf: today) }
  }

  public static func == (lhs: Project, rhs: Project) -> Bool {
    lhs.storage === rhs.storage || lhs.storage.values == rhs.storage.values
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(storage.values) }

  /// Changed only while one project holds it (`values` checks), so a box
  /// two projects share never changes and sharing it across threads is safe.
  final class Storage: @unchecked Sendable {
    var values: ProjectValues
    init(_ values: ProjectValues) { self.values = values }
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
    var value: ProjectProvenance  // changed only by `ProjectValues.updateProvenance`
    init(_ value: ProjectProvenance) { self.value = value }
    static func == (lhs: Box, rhs: Box) -> Bool { lhs === rhs || lhs.value == rhs.value }
    func hash(into hasher: inout Hasher) { hasher.combine(value) }
  }
}
