/// Every value of a `Project`, held out of line in a `Project.Storage`
/// (see there); `Project` documents and forwards each field. Built with
/// the memberwise initializer (`Project.init` composes the provenance).
struct ProjectValues: Hashable, Sendable {
  var id: String
  var revision: Int
  var title: String
  var summary: String
  var area: CooperationArea?
  var isKeyProject: Bool
  var corridors: [CorridorCode]
  var countries: [CountryCode]
  var location: GeoPoint?
  var leadAgency: String?
  var partners: [Partner]
  var stage: Stage
  var stageReason: String?
  var screening: Screening
  var delivery: DeliveryHealth
  var budget: Budget?
  var dates: ProjectDates
  var milestones: [Milestone]
  var indicators: [Indicator]
  var sdgs: [SDG]
  var financialDistress: Bool
  var notInTotals: TotalsExclusion? = nil
  var notInTotalsNote: String? = nil
  var changedBy: String?
  var changedAt: Timestamp?
  var extras: [RawField]
  /// Source, sector, flow and import details: see `ProjectProvenance`.
  /// Read directly; changed through `provenance` or `updateProvenance`.
  var provenanceBox: ProjectProvenance.Box

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
}
