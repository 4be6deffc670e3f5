/// The portfolio's aggregates, computed once per data change (never per
/// frame): what the overview, corridor and envoy screens, the kiosk and
/// `greensilk report` show.
///
/// Every figure here counts only the projects `scope` includes: by
/// default those that count in totals (`Project.countsInTotals`; DECISIONS.md,
/// "What the totals count"). The others are counted apart
/// (`excludedCount`, `excludedUSD`) so that each total can say what it
/// leaves out.
public struct Portfolio: Sendable {
  public let today: Day
  public let scope: TotalsScope
  /// Projects the figures count.
  public let projectCount: Int
  /// Projects that do not count in totals, and their USD: left out of
  /// the figures by default, included under `.everything`.
  public let notInTotalsCount: Int
  public let notInTotalsUSD: Double
  /// How much of `budgetUSD` is the source's estimate, and from how many
  /// projects (shown with `≈`).
  public let estimatedUSD: Double
  public let estimatedCount: Int
  /// Projects with any value the source estimated (an amount or a date),
  /// whatever the scope: screens show the `≈` legend when there are some.
  public let estimateCount: Int
  /// Counted key projects whose delivery health the source marks as
  /// illustrative (or whose whole record is): the "on track" headline
  /// says so when there are some.
  public let keyProjectsIllustrativeDelivery: Int
  public let byStage: [Stage: Int]
  public let byLight: LightMix
  public let byDelivery: [DeliveryHealth: Int]
  public let keyProjects: [AreaProgress]
  public let corridors: [CorridorSummary]
  public let overdue: [OverdueMilestone]
  public let indicators: [GoalProgress]
  public let envoys: EnvoySummary
  public let budgetUSD: Double
  public let budgetByInstrumentUSD: [FinancingInstrument: Double]

  public init(_ data: DataSet, today: Day, scope: TotalsScope = .eligible) {
    self.today = today
    self.scope = scope
    // Counters are arrays indexed by the enums' positions while counting
    // (dictionary updates cost more than everything else here), turned
    // into the public dictionaries at the end.
    let instrumentCases = FinancingInstrument.allCases
    var stages = [Int](repeating: 0, count: Stage.allCases.count)
    var lights = LightMix()
    var delivery = [Int](repeating: 0, count: DeliveryHealth.allCases.count)
    var keyByArea = [[Int]](repeating: [], count: CooperationArea.allCases.count)
    var overdue: [OverdueMilestone] = []
    var indicatorsByGoal = [[IndicatorStatus]](repeating: [], count: GoalYear.allCases.count)
    var corridorAcc = [CorridorAccumulator](repeating: CorridorAccumulator(), count: CorridorCode.allCases.count)
    var budget = 0.0
    var byInstrument = [Double](repeating: 0, count: instrumentCases.count)
    var shares = [Double](repeating: 0, count: instrumentCases.count)
    var counted = 0
    var excluded = 0
    var excludedUSD = 0.0
    var estimatedUSD = 0.0
    var estimatedCount = 0
    var estimates = 0
    var illustrativeDelivery = 0
    data.projects.withUnsafeBufferPointer { projects in
      for index in projects.indices {
        if projects[index].hasEstimate { estimates += 1 }
        if !projects[index].countsInTotals {
          excluded += 1
          excludedUSD += projects[index].budget?.countedUSD ?? 0
          if scope == .eligible { continue }
        }
        counted += 1
        let stage = projects[index].stage
        stages[stage.index] += 1
        lights.add(projects[index].screening.light)
        delivery[Portfolio.position(projects[index].delivery)] += 1
        if projects[index].isKeyProject, let area = projects[index].area {
          keyByArea[area.index].append(index)
          let source = projects[index].source
          if source.isIllustrative || source.marksIllustrative(ProjectField.delivery.rawValue) { illustrativeDelivery += 1 }
        }
        for milestone in projects[index].milestones where milestone.isOverdue(asOf: today) {
          overdue.append(
            OverdueMilestone(
              projectID: projects[index].id, projectTitle: projects[index].title, milestone: milestone.title,
              due: milestone.due, daysOverdue: milestone.due.days(until: today)))
        }
        for indicator in projects[index].indicators {
          indicatorsByGoal[indicator.goal == .y2025 ? 0 : 1].append(IndicatorStatus(projectID: projects[index].id, indicator: indicator))
        }
        let usd = projects[index].budget?.countedUSD
        if let usd, projects[index].budget?.amountEstimated == true {
          estimatedUSD += usd
          estimatedCount += 1
        }
        let attributed = Portfolio.fillShares(projects[index].budget, into: &shares)
        if let usd {
          budget += usd
          if attributed { for i in shares.indices where shares[i] != 0 { byInstrument[i] += usd * shares[i] } }
        }
        let light = projects[index].screening.light
        for code in projects[index].corridors {
          corridorAcc[code.index].add(stage: stage, light: light, usd: usd, shares: attributed ? shares : nil)
        }
      }
    }
    projectCount = counted
    notInTotalsCount = excluded
    notInTotalsUSD = excludedUSD
    self.estimatedUSD = estimatedUSD
    self.estimatedCount = estimatedCount
    estimateCount = estimates
    keyProjectsIllustrativeDelivery = illustrativeDelivery
    byStage = Dictionary(uniqueKeysWithValues: Stage.allCases.map { ($0, stages[$0.index]) }.filter { $0.1 > 0 })
    byLight = lights
    byDelivery = Dictionary(uniqueKeysWithValues: DeliveryHealth.allCases.map { ($0, delivery[Portfolio.position($0)]) }.filter { $0.1 > 0 })
    budgetUSD = budget
    budgetByInstrumentUSD = Dictionary(uniqueKeysWithValues: instrumentCases.enumerated().map { ($1, byInstrument[$0]) }.filter { $0.1 != 0 })
    keyProjects = CooperationArea.allCases.map { area in
      let members = keyByArea[area.index]
      var health: [DeliveryHealth: Int] = [:]
      for index in members { health[data.projects[index].delivery, default: 0] += 1 }
      return AreaProgress(area: area, planned: area.planKeyProjects, tracked: members.count, byDelivery: health)
    }
    self.overdue = overdue.sorted { ($0.due, $0.projectID) < ($1.due, $1.projectID) }
    indicators = GoalYear.allCases.enumerated().map { GoalProgress(goal: $1, indicators: indicatorsByGoal[$0]) }
    let envoys = EnvoySummary(data, today: today)
    self.envoys = envoys
    corridors = CorridorCode.allCases.map { code in
      let members = data.corridorMembers[code] ?? []
      let accumulator = corridorAcc[code.index]
      let participants = envoys.participants(from: Set(members))
      return CorridorSummary(
        code: code, name: data.corridor(code)?.name ?? code.rawValue, countries: members,
        projectCount: accumulator.count,
        byStage: Dictionary(uniqueKeysWithValues: Stage.allCases.map { ($0, accumulator.stages[$0.index]) }.filter { $0.1 > 0 }),
        byLight: accumulator.lights, budgetUSD: accumulator.budget,
        budgetByInstrumentUSD: Dictionary(uniqueKeysWithValues: instrumentCases.enumerated().map { ($1, accumulator.instruments[$0]) }.filter { $0.1 != 0 }),
        envoyParticipants: participants)
    }
  }

  static func position(_ health: DeliveryHealth) -> Int {
    switch health {
    case .onTrack: 0
    case .atRisk: 1
    case .offTrack: 2
    case .notAssessed: 3
    }
  }

  static func position(_ instrument: FinancingInstrument) -> Int {
    switch instrument {
    case .greenBond: 0
    case .greenDevelopmentFund: 1
    case .greenCredit: 2
    case .pollutionLiabilityInsurance: 3
    case .grant: 4
    case .loan: 5
    case .other: 6
    }
  }

  /// Fills `shares` (by instrument position) with each instrument's share
  /// of the budget, without allocating; false when the budget names no
  /// instrument. Shares follow the tranche amounts when they are given
  /// (tranches may not cover the whole budget: the rest is unattributed),
  /// else the budget is split evenly across the listed instruments.
  static func fillShares(_ budget: Budget?, into shares: inout [Double]) -> Bool {
    for i in shares.indices { shares[i] = 0 }
    guard let budget, !budget.financing.isEmpty else { return false }
    var total = 0.0
    for tranche in budget.financing { total += tranche.amount ?? 0 }
    if total > 0, let amount = budget.amount, amount > 0 {
      let whole = max(amount, total)
      for tranche in budget.financing { shares[position(tranche.instrument)] += (tranche.amount ?? 0) / whole }
    } else {
      let even = 1.0 / Double(budget.financing.count)
      for tranche in budget.financing { shares[position(tranche.instrument)] += even }
    }
    return true
  }

  public func count(_ stage: Stage) -> Int { byStage[stage] ?? 0 }

  /// The same for a status line: `Totals exclude 14 not in totals (USD
  /// 31.0 bn)`, `Totals: ALL, incl. 14 not in totals (USD 31.0 bn)`.
  public var shortScopeNote: String {
    let money = notInTotalsUSD > 0 ? " (USD \(NumberText.money(notInTotalsUSD)))" : ""
    let count = NumberText.integer(notInTotalsCount)
    return scope == .eligible ? "Totals exclude \(count) not in totals\(money)" : "Totals: ALL, incl. \(count) not in totals\(money)"
  }

  /// What every total says about what it counts: `counted records only;
  /// 14 not in totals (USD 31.0 B) left out`, or that it counts them all.
  public var scopeNote: String {
    let money = notInTotalsUSD > 0 ? " (USD \(NumberText.money(notInTotalsUSD)))" : ""
    switch scope {
    case .eligible:
      return notInTotalsCount == 0
        ? "counted records only"
        : "counted records only; \(NumberText.integer(notInTotalsCount)) not in totals\(money) left out"
    case .everything:
      return "ALL records: incl. \(NumberText.integer(notInTotalsCount)) not in totals\(money)"
    }
  }

  /// Key projects whose delivery is on track (the wall display's figure).
  public var keyProjectsOnTrack: Int { keyProjects.reduce(0) { $0 + ($1.byDelivery[.onTrack] ?? 0) } }
  public var keyProjectsTracked: Int { keyProjects.reduce(0) { $0 + $1.tracked } }
}

/// How many projects have each traffic light.
public struct LightMix: Sendable, Equatable {
  public var green = 0
  public var yellow = 0
  public var red = 0
  public var notScreened = 0

  public init() {}

  mutating func add(_ light: TrafficLight?) {
    switch light {
    case .green: green += 1
    case .yellow: yellow += 1
    case .red: red += 1
    case nil: notScreened += 1
    }
  }

  public func count(_ light: TrafficLight?) -> Int {
    switch light {
    case .green: green
    case .yellow: yellow
    case .red: red
    case nil: notScreened
    }
  }

  public var total: Int { green + yellow + red + notScreened }
}

/// Key projects of one cooperation area against the plan's count.
public struct AreaProgress: Sendable, Equatable {
  public let area: CooperationArea
  public let planned: Int
  public let tracked: Int
  public let byDelivery: [DeliveryHealth: Int]
}

public struct OverdueMilestone: Sendable, Equatable {
  public let projectID: String
  public let projectTitle: String
  public let milestone: String
  public let due: Day
  public let daysOverdue: Int
}

public struct IndicatorStatus: Sendable, Equatable {
  public let projectID: String
  public let indicator: Indicator
}

/// Indicators toward one plan horizon.
public struct GoalProgress: Sendable, Equatable {
  public let goal: GoalYear
  public let indicators: [IndicatorStatus]
  /// Indicators with an actual value.
  public let measured: Int
  /// Indicators at or past their target.
  public let reached: Int
  /// Mean progress of the measured indicators, each capped at 100%.
  public let meanProgress: Double?

  /// Counts once here: the overview and the wall display read them every
  /// frame, and a large portfolio has tens of thousands of indicators.
  public init(goal: GoalYear, indicators: [IndicatorStatus]) {
    self.goal = goal
    self.indicators = indicators
    var measured = 0
    var reached = 0
    var sum = 0.0
    for status in indicators {
      guard let progress = status.indicator.progress else { continue }
      measured += 1
      if progress >= 1 { reached += 1 }
      sum += min(max(progress, 0), 1)
    }
    self.measured = measured
    self.reached = reached
    meanProgress = measured == 0 ? nil : sum / Double(measured)
  }
}

public struct CorridorSummary: Sendable, Equatable {
  public let code: CorridorCode
  public let name: String
  public let countries: [CountryCode]
  public let projectCount: Int
  public let byStage: [Stage: Int]
  public let byLight: LightMix
  public let budgetUSD: Double
  public let budgetByInstrumentUSD: [FinancingInstrument: Double]
  public let envoyParticipants: Int
}

struct CorridorAccumulator {
  var count = 0
  var stages = [Int](repeating: 0, count: Stage.allCases.count)
  var lights = LightMix()
  var budget = 0.0
  var instruments = [Double](repeating: 0, count: FinancingInstrument.allCases.count)

  mutating func add(stage: Stage, light: TrafficLight?, usd: Double?, shares: [Double]?) {
    count += 1
    stages[stage.index] += 1
    lights.add(light)
    if let usd {
      budget += usd
      if let shares { for i in shares.indices where shares[i] != 0 { instruments[i] += usd * shares[i] } }
    }
  }
}
