import GreenSilkCore

/// The loaded data and everything derived from it. Derived values are
/// computed here, once per data change (or day change), never per frame.
public struct DataContext: Sendable {
  public let data: DataSet
  public let portfolio: Portfolio
  public let search: ProjectSearchIndex
  /// Problems found while loading (shown on request, counted in the title).
  public let issues: [LoadIssue]
  public let today: Day

  public init(data: DataSet, issues: [LoadIssue] = [], today: Day) {
    self.data = data
    self.issues = issues
    self.today = today
    portfolio = Portfolio(data, today: today)
    search = ProjectSearchIndex(data.projects, countryName: data.countryName)
  }

  /// Whether on-screen figures must carry an "illustrative"/"synthetic" label.
  public var labelIsWarning: Bool { data.meta.label != .real }
}
