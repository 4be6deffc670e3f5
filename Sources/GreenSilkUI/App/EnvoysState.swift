import GreenSilkCore

/// What the lower part of the envoys screen shows when the window is too
/// small for everything at once (below `EnvoysState.fullSize`).
public enum EnvoysView: Hashable, Sendable {
  /// The official totals beside the event sums, and the activity table.
  case table
  /// Activities per year and month, participants by country, focus, kind.
  case charts
  /// The selected activity in full.
  case activity
}

/// One official report: the program figures one source gave on one day
/// ("about 3,000 participants from more than 120 countries", People's
/// Daily, 2022-10-21). Shown as one column beside the event sums.
public struct OfficialReport: Hashable, Sendable {
  public var asOf: Day
  public var source: SourceRef
  /// The reported figures by metric ("participants", "countries").
  public var figures: [String: ProgramTotal]
}

/// Participants from one country, with the name resolved once.
public struct EnvoyCountryRow: Hashable, Sendable {
  public var country: CountryCode
  public var name: String
  public var participants: Int
}

/// One calendar year of envoy activity (years without any included, so
/// that a chart over the years keeps its time axis honest).
public struct EnvoyYear: Hashable, Sendable {
  public var year: Int
  public var activities: Int
  public var participants: Int
}

/// A calendar month.
public struct YearMonth: Hashable, Sendable {
  public var year: Int
  /// 1-12.
  public var month: Int
}

/// The envoys screen: the activity table (newest first), which part is
/// shown on a small window, and everything the charts and the totals
/// panel need, derived once per data change.
public struct EnvoysState: Equatable, Sendable {
  /// From this size on the screen shows everything at once and `view`
  /// no longer matters.
  public static let fullSize = Size(width: 120, height: 38)

  public var table = TableState()
  public var view: EnvoysView = .table
  /// Activity indexes, newest start date first.
  public private(set) var order: [Int32] = []

  /// Every year from the first activity to the current year.
  public private(set) var years: [EnvoyYear] = []
  /// Activities per month, oldest first, ending with the current month.
  public private(set) var months: [Double] = []
  /// The year and month of `months[0]`.
  public private(set) var firstMonth = YearMonth(year: 0, month: 1)
  /// Countries by participants, most first.
  public private(set) var countries: [EnvoyCountryRow] = []
  /// Official reports on the Envoys program, newest first.
  public private(set) var reports: [OfficialReport] = []
  /// The metrics the official reports give, in the order first seen in
  /// the newest report (the rows of the totals grid).
  public private(set) var metrics: [String] = []
  /// Participants counted in per-country breakdowns (activities that only
  /// report a total add to the total, not to any country).
  public private(set) var participantsByCountry = 0
  /// Activities whose source is illustrative or synthetic.
  public private(set) var illustrativeActivities = 0

  public init() {}

  public mutating func recompute(_ context: DataContext) {
    let activities = context.data.activities
    let selectedID = selectedActivity(context.data).map(\.id)
    order = (0..<Int32(activities.count)).sorted { a, b in
      let x = activities[Int(a)]
      let y = activities[Int(b)]
      return x.start != y.start ? x.start > y.start : x.id < y.id
    }
    let summary = context.portfolio.envoys
    deriveSeries(summary, today: context.today)
    countries = summary.byCountry.map {
      EnvoyCountryRow(country: $0.country, name: context.data.countryName($0.country), participants: $0.participants)
    }
    participantsByCountry = summary.byCountry.reduce(0) { $0 + $1.participants }
    illustrativeActivities = activities.reduce(0) { $0 + ($1.source.isIllustrative ? 1 : 0) }
    deriveReports(summary.officialTotals)

    var row = table.selected.map { min($0, order.count - 1) } ?? 0
    if let selectedID, let kept = order.firstIndex(where: { activities[Int($0)].id == selectedID }) { row = kept }
    table.select(order.isEmpty ? nil : row, rowCount: order.count)
  }

  private mutating func deriveSeries(_ summary: EnvoySummary, today: Day) {
    months = summary.perMonth.map { Double($0.activities) }
    firstMonth = summary.perMonth.first.map { YearMonth(year: $0.year, month: $0.month) } ?? YearMonth(year: today.year, month: today.month)
    var byYear: [Int: (activities: Int, participants: Int)] = [:]
    for entry in summary.byYear { byYear[entry.year] = (entry.activities, entry.participants) }
    let first = summary.byYear.first?.year ?? today.year
    let last = max(today.year, summary.byYear.last?.year ?? today.year)
    years = (first...last).map { year in
      EnvoyYear(year: year, activities: byYear[year]?.activities ?? 0, participants: byYear[year]?.participants ?? 0)
    }
  }

  private mutating func deriveReports(_ totals: [ProgramTotal]) {
    var grouped: [String: OfficialReport] = [:]
    var metricsByReport: [String: [String]] = [:]
    for total in totals {
      // One report = one source (data set and page) on one day.
      let key = "\(total.asOf) \(total.source.dataset) \(total.source.url ?? "")"
      if grouped[key] == nil {
        grouped[key] = OfficialReport(asOf: total.asOf, source: total.source, figures: [:])
      }
      if grouped[key]?.figures[total.metric] == nil { metricsByReport[key, default: []].append(total.metric) }
      grouped[key]?.figures[total.metric] = total
    }
    // Newest first; the same day in key order, so the order is stable.
    let keys = grouped.keys.sorted { a, b in
      guard let x = grouped[a]?.asOf, let y = grouped[b]?.asOf, x != y else { return a < b }
      return x > y
    }
    reports = keys.compactMap { grouped[$0] }
    var seen: [String] = []
    for key in keys {
      for metric in metricsByReport[key] ?? [] where !seen.contains(metric) { seen.append(metric) }
    }
    metrics = seen
  }

  /// The activity under the cursor.
  public func selectedActivity(_ data: DataSet) -> EnvoyActivity? {
    guard let row = table.selected, row < order.count, Int(order[row]) < data.activities.count else { return nil }
    return data.activities[Int(order[row])]
  }
}
