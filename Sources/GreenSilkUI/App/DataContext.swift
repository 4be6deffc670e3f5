import GreenSilkCore
import Synchronization

/// The loaded data and everything derived from it. Derived values are
/// computed here, once per data change (or day change), never per frame,
/// and only when a screen first asks for them: a dashboard on a project's
/// detail needs neither the portfolio's totals nor the filter's index, and
/// 30 such dashboards following one editor on 21,000 projects paid for
/// both on every save (issue 17; DECISIONS.md, "Derived on first use").
public struct DataContext: Equatable, Sendable {
  public let data: DataSet
  /// Problems found while loading (shown on request, counted in the title).
  public let issues: [LoadIssue]
  public let today: Day
  /// Which records the totals count (`T` toggles, `--all-in-totals`).
  public let scope: TotalsScope
  private let lazyPortfolio: LazyValue<Portfolio>
  private let searchIndex: LazyValue<ProjectSearchIndex>
  private let lazyLegend: LazyValue<LegendMarks>

  public init(data: DataSet, issues: [LoadIssue] = [], today: Day, scope: TotalsScope = .eligible) {
    self.data = data
    self.issues = issues
    self.today = today
    self.scope = scope
    lazyPortfolio = LazyValue()
    searchIndex = LazyValue()
    lazyLegend = LazyValue()
  }

  /// New data that differs from `previous`'s only in the projects at
  /// `changed` (same ids in the same order): a search index `previous`
  /// had built is updated for those projects instead of built again
  /// (issue 17: a dashboard following saves with a filter typed).
  init(data: DataSet, issues: [LoadIssue], today: Day, scope: TotalsScope, previous: DataContext, changed: [Int32]) {
    self.init(data: data, issues: issues, today: today, scope: scope)
    if let built = previous.searchIndex.built {
      searchIndex.store(built.replacing(changed, in: data.projects, countryName: data.countryName))
    }
  }

  /// The portfolio's aggregates, computed the first time a screen (or the
  /// status line) needs them.
  public var portfolio: Portfolio {
    lazyPortfolio.value { Portfolio(data, today: today, scope: scope) }
  }

  /// Which marks the pipeline's legend explains: from the portfolio when
  /// it was derived, else by a scan that stops once it has seen both (the
  /// pipeline's status line needs no more of the portfolio than this).
  public var legend: LegendMarks {
    if let built = lazyPortfolio.built {
      return LegendMarks(notInTotals: built.notInTotalsCount > 0, estimated: built.estimateCount > 0)
    }
    return lazyLegend.value { LegendMarks(data.projects) }
  }

  /// The filter's search index, built the first time it is needed (when
  /// the user opens the filter), not at start-up: the first frame does
  /// not need it, and 20,000 projects take tens of milliseconds to index.
  public var search: ProjectSearchIndex {
    searchIndex.value { ProjectSearchIndex(data.projects, countryName: data.countryName) }
  }

  /// Whether the portfolio was derived yet (tests: a reload on a screen
  /// that does not show it must not derive it).
  var portfolioIsDerived: Bool { lazyPortfolio.built != nil }

  /// Whether on-screen figures must carry an "illustrative"/"synthetic" label.
  public var labelIsWarning: Bool { data.meta.label != .real }

  /// Equal data, problems, day and scope: the portfolio and the search
  /// index are caches of those.
  public static func == (a: DataContext, b: DataContext) -> Bool {
    a.today == b.today && a.scope == b.scope && a.issues == b.issues && a.data == b.data
  }
}

/// A value derived on first use and then kept; copies of a `DataContext`
/// share it (a new data set makes a new context and new holders). The
/// lock makes a first use from two threads compute it once.
final class LazyValue<Value: Sendable>: Sendable {
  private let storage = Mutex<Value?>(nil)

  /// The value if it was computed, without computing it.
  var built: Value? { storage.withLock { $0 } }

  func store(_ value: Value) { storage.withLock { $0 = value } }

  func value(_ compute: () -> Value) -> Value {
    storage.withLock { stored in
      if let stored { return stored }
      let computed = compute()
      stored = computed
      return computed
    }
  }
}

/// Whether any project is left out of the totals (`⊘`) and whether any
/// has an estimated value (`≈`): what the pipeline's legend lists.
public struct LegendMarks: Hashable, Sendable {
  public var notInTotals: Bool
  public var estimated: Bool

  public init(notInTotals: Bool, estimated: Bool) {
    self.notInTotals = notInTotals
    self.estimated = estimated
  }

  init(_ projects: [Project]) {
    self.init(notInTotals: false, estimated: false)
    for project in projects {
      if !notInTotals && !project.countsInTotals { notInTotals = true }
      if !estimated && project.hasEstimate { estimated = true }
      if notInTotals && estimated { return }
    }
  }
}
