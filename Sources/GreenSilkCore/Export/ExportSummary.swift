/// The line `greensilk export projects` prints on standard error: how
/// many projects it wrote and what they add up to, counting only the
/// records that count in totals unless the scope says everything.
public struct ExportSummary: Sendable, Equatable {
  public let exported: Int
  public let counted: Int
  public let countedUSD: Double
  public let estimatedUSD: Double
  public let notInTotals: Int
  public let notInTotalsUSD: Double
  public let scope: TotalsScope

  public init(_ projects: [Project], scope: TotalsScope) {
    var counted = 0
    var usd = 0.0
    var estimated = 0.0
    var excluded = 0
    var excludedUSD = 0.0
    for project in projects {
      let amount = project.budget?.countedUSD ?? 0
      if !project.countsInTotals {
        excluded += 1
        excludedUSD += amount
      }
      guard scope.includes(project) else { continue }
      counted += 1
      usd += amount
      if project.budget?.amountEstimated == true { estimated += amount }
    }
    exported = projects.count
    self.counted = counted
    countedUSD = usd
    estimatedUSD = estimated
    notInTotals = excluded
    notInTotalsUSD = excludedUSD
    self.scope = scope
  }

  public var line: String {
    let what =
      scope == .eligible
      ? "total of the \(NumberText.integer(counted)) that count: USD \(NumberText.money(countedUSD))"
        + " (\(NumberText.integer(notInTotals)) not in totals, USD \(NumberText.money(notInTotalsUSD)), left out; --all-in-totals adds them)"
      : "total of ALL \(NumberText.integer(counted)), incl. \(NumberText.integer(notInTotals)) not in totals: USD \(NumberText.money(countedUSD))"
    let estimate = estimatedUSD > 0 ? "; ≈ USD \(NumberText.money(estimatedUSD)) of it estimated by the source" : ""
    return "exported \(NumberText.integer(exported)) projects; \(what)\(estimate)"
  }
}
