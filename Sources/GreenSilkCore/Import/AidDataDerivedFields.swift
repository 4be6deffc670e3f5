/// The fields the AidData mapping derives since issue 12 (totals
/// eligibility, the adjusted amount, the "Estimated" flags), and how a
/// re-import fills them into a record imported before they existed.
///
/// Re-import keeps any owned field whose value differs from what the
/// previous import would produce, taking it for a local edit. A record
/// imported by an older GreenSilk has none of these fields, which the
/// current mapping recomputes from its stored row: without this step every
/// such record would look locally edited, keep counting pledges and
/// umbrella agreements in totals and never show an estimate.
///
/// Such a record is recognised by having none of the derived fields set
/// while the incoming row sets some. A record imported by this version
/// whose derived fields a person cleared by hand looks the same, and gets
/// the source's values back; the import's notes say so.
enum AidDataDerivedFields {
  /// `existing` with the derived fields taken from `incoming`, or nil
  /// when there is nothing to fill in.
  static func filledIn(_ existing: Project, from incoming: Project) -> Project? {
    guard !hasAny(existing), hasAny(incoming) else { return nil }
    var project = existing
    project.notInTotals = incoming.notInTotals
    project.notInTotalsNote = incoming.notInTotalsNote
    if var budget = project.budget, let source = incoming.budget {
      budget.adjustedUSD = source.adjustedUSD
      budget.amountEstimated = source.amountEstimated
      project.budget = budget
    }
    project.dates.commitmentEstimated = incoming.dates.commitmentEstimated && project.dates.commitment != nil
    project.dates.actualStartEstimated = incoming.dates.actualStartEstimated && project.dates.actualStart != nil
    project.dates.actualEndEstimated = incoming.dates.actualEndEstimated && project.dates.actualEnd != nil
    return project == existing ? nil : project
  }

  static func hasAny(_ project: Project) -> Bool {
    project.notInTotals != nil || project.notInTotalsNote != nil || project.budget?.adjustedUSD != nil
      || project.hasEstimate
  }
}
