/// Green Silk Road Envoys Program activity, summed from the event records,
/// with the official program totals kept beside (never mixed in).
public struct EnvoySummary: Sendable {
  public let activityCount: Int
  public let participants: Int
  public let participantsThisYear: Int
  public let byYear: [(year: Int, activities: Int, participants: Int)]
  /// Activities per calendar month, oldest first, from the first month
  /// with an activity to the current month.
  public let perMonth: [(year: Int, month: Int, activities: Int)]
  public let byCountry: [(country: CountryCode, participants: Int)]
  public let byFocus: [(focus: EnvoyFocus, activities: Int, participants: Int)]
  public let byKind: [(kind: ActivityKind, activities: Int)]
  public let countries: Int
  public let officialTotals: [ProgramTotal]
  private let countryTotals: [CountryCode: Int]

  public init(_ data: DataSet, today: Day) {
    var total = 0
    var thisYear = 0
    var years: [Int: (Int, Int)] = [:]
    var months: [Int: Int] = [:]
    var countries: [CountryCode: Int] = [:]
    var focus: [EnvoyFocus: (Int, Int)] = [:]
    var kinds: [ActivityKind: Int] = [:]
    let currentYear = today.year
    for activity in data.activities {
      let people = activity.totalParticipants
      total = total.addingSaturating(people)
      let year = activity.start.year
      if year == currentYear { thisYear = thisYear.addingSaturating(people) }
      years[year, default: (0, 0)].0 += 1
      years[year, default: (0, 0)].1 = years[year, default: (0, 0)].1.addingSaturating(people)
      months[year * 12 + activity.start.month - 1, default: 0] += 1
      for entry in activity.participants {
        countries[entry.country, default: 0] = countries[entry.country, default: 0].addingSaturating(entry.count)
      }
      focus[activity.focus, default: (0, 0)].0 += 1
      focus[activity.focus, default: (0, 0)].1 = focus[activity.focus, default: (0, 0)].1.addingSaturating(people)
      kinds[activity.kind, default: 0] += 1
    }
    activityCount = data.activities.count
    participants = total
    participantsThisYear = thisYear
    byYear = years.keys.sorted().map { ($0, years[$0]?.0 ?? 0, years[$0]?.1 ?? 0) }
    if let first = months.keys.min() {
      let last = max(months.keys.max() ?? first, currentYear * 12 + today.month - 1)
      perMonth = (first...last).map { ($0 / 12, $0 % 12 + 1, months[$0] ?? 0) }
    } else {
      perMonth = []
    }
    byCountry = countries.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
    byFocus = EnvoyFocus.allCases.map { ($0, focus[$0]?.0 ?? 0, focus[$0]?.1 ?? 0) }
    byKind = ActivityKind.allCases.map { ($0, kinds[$0] ?? 0) }
    self.countries = countries.count
    officialTotals = data.programTotals.filter { $0.program == "green-silk-road-envoys" }
    countryTotals = countries
  }

  /// Participants counted from the given countries.
  public func participants(from countries: Set<CountryCode>) -> Int {
    countries.saturatingSum { countryTotals[$0] ?? 0 }
  }
}
