import GreenSilkCore
import Synchronization

/// The loaded data and everything derived from it. Derived values are
/// computed here, once per data change (or day change), never per frame.
public struct DataContext: Equatable, Sendable {
  public let data: DataSet
  public let portfolio: Portfolio
  /// Problems found while loading (shown on request, counted in the title).
  public let issues: [LoadIssue]
  public let today: Day
  private let searchIndex: LazySearchIndex

  public init(data: DataSet, issues: [LoadIssue] = [], today: Day, scope: TotalsScope = .eligible) {
    self.data = data
    self.issues = issues
    self.today = today
    portfolio = Portfolio(data, today: today, scope: scope)
    searchIndex = LazySearchIndex()
  }

  /// New data that differs from `previous`'s only in the projects at
  /// `changed` (same ids in the same order): a search index `previous`
  /// had built is updated for those projects instead of built again
  /// (issue 17: a dashboard following saves with a filter typed).
  init(data: DataSet, issues: [LoadIssue], today: Day, scope: TotalsScope, previous: DataContext, changed: [Int32]) {
    self.data = data
    self.issues = issues
    self.today = today
    portfolio = Portfolio(data, today: today, scope: scope)
    if let built = previous.searchIndex.built {
      searchIndex = LazySearchIndex(built.replacing(changed, in: data.projects, countryName: data.countryName))
    } else {
      searchIndex = LazySearchIndex()
    }
  }

  /// Which records the totals count (`T` toggles, `--all-in-totals`).
  public var scope: TotalsScope { portfolio.scope }

  /// The filter's search index, built the first time it is needed (when
  /// the user opens the filter), not at start-up: the first frame does
  /// not need it, and 20,000 projects take tens of milliseconds to index.
  public var search: ProjectSearchIndex {
    searchIndex.index { ProjectSearchIndex(data.projects, countryName: data.countryName) }
  }

  /// Whether on-screen figures must carry an "illustrative"/"synthetic" label.
  public var labelIsWarning: Bool { data.meta.label != .real }

  /// Equal data, problems and day: the portfolio is derived from the data
  /// and the day, and the search index is a cache of the data.
  public static func == (a: DataContext, b: DataContext) -> Bool {
    a.today == b.today && a.scope == b.scope && a.issues == b.issues && a.data == b.data
  }
}

/// Holds a search index built on first use; copies of a `DataContext`
/// share it (a new data set makes a new context and a new holder).
final class LazySearchIndex: Sendable {
  private let storage: Mutex<ProjectSearchIndex?>

  init(_ prebuilt: ProjectSearchIndex? = nil) {
    storage = Mutex(prebuilt)
  }

  /// The index if it was built, without building it.
  var built: ProjectSearchIndex? { storage.withLock { $0 } }

  func index(_ build: () -> ProjectSearchIndex) -> ProjectSearchIndex {
    storage.withLock { stored in
      if let stored { return stored }
      let built = build()
      stored = built
      return built
    }
  }
}
