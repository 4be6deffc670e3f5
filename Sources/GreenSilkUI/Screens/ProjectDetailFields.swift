import GreenSilkCore

/// The project detail's fields that are drawn their own way rather than
/// as `label  value` (see `ProjectDetailSections`), keyed by the field
/// they show. A renderer may show the fields next to it too (the three
/// screening ratings, planned and actual dates): those map to `shownAbove`.
enum ProjectDetailFields {
  typealias Renderer = @Sendable (inout DetailWriter, Project, DataContext) -> Void

  /// Shown by the renderer of the field before it.
  static let shownAbove: Renderer = { _, _, _ in }

  static let renderers: [String: Renderer] = Dictionary(
    uniqueKeysWithValues: [
      // Identity
      (ProjectField.id.path, id), (ProjectField.keyProject.path, keyProject), (ProjectField.area.path, area),
      (ProjectField.corridors.path, corridors), (ProjectField.countries.path, countries),
      (ProjectField.partners.path, partners), (SectorField.code.path, sector), (SectorField.name.path, shownAbove),
      (ProjectField.sdgs.path, sdgs),
      // Screening
      (ScreeningField.pollution.path, ratings), (ScreeningField.climate.path, shownAbove),
      (ScreeningField.biodiversity.path, shownAbove), (ScreeningField.esCategory.path, category),
      (ScreeningField.mitigationNote.path, mitigation), (ScreeningField.assessedOn.path, assessed),
      (ScreeningField.assessor.path, shownAbove),
      // Stage and delivery
      (ProjectField.stage.path, stage), (ProjectField.stageReason.path, stageReason),
      (ProjectField.statusRaw.path, statusRaw), (ProjectField.delivery.path, delivery),
      (ProjectField.financialDistress.path, distress),
      // Finance
      (ProjectField.notInTotals.path, totals), (ProjectField.notInTotalsNote.path, shownAbove),
      (BudgetField.amount.path, budget), (BudgetField.currency.path, shownAbove), (BudgetField.amountUSD.path, inUSD),
      (BudgetField.usdBasis.path, shownAbove), (BudgetField.adjustedUSD.path, adjusted),
      (BudgetField.amountEstimated.path, shownAbove), (BudgetField.financing.path, financing), (ProjectField.flowType.path, flow),
      (ProjectField.flowClass.path, shownAbove),
      // Dates
      (DatesField.plannedStart.path, start), (DatesField.actualStart.path, shownAbove), (DatesField.plannedEnd.path, end),
      (DatesField.actualEnd.path, shownAbove), (DatesField.commitment.path, commitment),
      (DatesField.commitmentEstimated.path, shownAbove), (DatesField.actualStartEstimated.path, shownAbove),
      (DatesField.actualEndEstimated.path, shownAbove),
      // Monitoring
      (ProjectField.milestones.path, milestones), (ProjectField.indicators.path, indicators),
      // Source
      (ProjectField.source.path(SourceField.dataset), dataset), (ProjectField.source.path(SourceField.recordID), record),
      (ProjectField.source.path(SourceField.url), url), (ProjectField.source.path(SourceField.note), note),
      (ProjectField.source.path(SourceField.illustrative), illustrative),
      (ProjectField.imported.path, imported),
    ].map { ($0.0.name, $0.1) })

  /// What a section's heading says beside its title (counts).
  static func headingNote(_ section: DetailSection, _ p: Project, _ context: DataContext, glyphs: GlyphSet) -> [Span] {
    switch section {
    case .milestones:
      guard !p.milestones.isEmpty else { return [] }
      let overdue = p.milestones.filter { $0.isOverdue(asOf: context.today) }.count
      let done = p.milestones.filter { $0.done != nil }.count
      var note = [Span("\(p.milestones.count) · \(done) done", role: .muted)]
      if overdue > 0 { note.append(Span(" · \(overdue) overdue", role: .overdue)) }
      return note
    case .indicators:
      return p.indicators.isEmpty ? [] : [Span("\(p.indicators.count)", role: .muted)]
    case .finance where p.budget?.amountEstimated == true, .dates where p.dates.hasEstimate:
      return [Span(estimateMark(glyphs) + " estimated by the source", role: .warning)]
    default:
      return []
    }
  }

  /// `≈`, or `~` where only ASCII is drawn.
  static func estimateMark(_ glyphs: GlyphSet) -> String {
    glyphs.isASCII ? TotalsWording.asciiEstimateMark : TotalsWording.estimateMark
  }

  /// `≈ 2021-01-01` when the source estimated the date, else the date.
  static func day(_ day: Day?, estimated: Bool, _ glyphs: GlyphSet) -> String {
    guard let day else { return "—" }
    return estimated ? estimateMark(glyphs) + " " + day.description : day.description
  }

  /// What a section shows after its fields: the fields a newer version
  /// wrote, at the end of the source.
  static func after(_ section: DetailSection, _ w: inout DetailWriter, _ p: Project) {
    guard section == .source, !p.extras.isEmpty else { return }
    let names = p.extras.map(\.key).joined(separator: ", ")
    w.field("Other fields", "\(p.extras.count) kept as written by a newer version: \(names)", style: Style(.muted))
  }
}
