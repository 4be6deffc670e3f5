/// The portfolio's aggregates, computed once per data change (never per
/// frame): what the overview, corridor and envoy screens, the kiosk and
/// `greensilk report` show.
public struct Portfolio: Sendable {
  public let today: Day
  public let projectCount: Int
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

  public init(_ data: DataSet, today: Day) {
    self.today = today
    projectCount = data.projects.count
    var stages: [Stage: Int] = [:]
    var lights = LightMix()
    var delivery: [DeliveryHealth: Int] = [:]
    var keyByArea: [CooperationArea: [Project]] = [:]
    var overdue: [OverdueMilestone] = []
    var indicatorsByGoal: [GoalYear: [IndicatorStatus]] = [:]
    var corridorAcc: [CorridorCode: CorridorAccumulator] = [:]
    var budget = 0.0
    var byInstrument: [FinancingInstrument: Double] = [:]
    for project in data.projects {
      stages[project.stage, default: 0] += 1
      lights.add(project.light)
      delivery[project.delivery, default: 0] += 1
      if project.isKeyProject, let area = project.area { keyByArea[area, default: []].append(project) }
      for milestone in project.milestones where milestone.isOverdue(asOf: today) {
        overdue.append(
          OverdueMilestone(
            projectID: project.id, projectTitle: project.title, milestone: milestone.title,
            due: milestone.due, daysOverdue: milestone.due.days(until: today)))
      }
      for indicator in project.indicators {
        indicatorsByGoal[indicator.goal, default: []].append(
          IndicatorStatus(projectID: project.id, indicator: indicator))
      }
      let usd = project.budget.flatMap(\.totalUSD)
      let shares = Portfolio.instrumentShares(project.budget)
      if let usd {
        budget += usd
        for (instrument, share) in shares { byInstrument[instrument, default: 0] += usd * share }
      }
      for code in project.corridors {
        corridorAcc[code, default: CorridorAccumulator()].add(project, usd: usd, shares: shares)
      }
    }
    byStage = stages
    byLight = lights
    byDelivery = delivery
    budgetUSD = budget
    budgetByInstrumentUSD = byInstrument
    keyProjects = CooperationArea.allCases.map { area in
      let projects = keyByArea[area] ?? []
      var health: [DeliveryHealth: Int] = [:]
      for project in projects { health[project.delivery, default: 0] += 1 }
      return AreaProgress(area: area, planned: area.planKeyProjects, tracked: projects.count, byDelivery: health)
    }
    self.overdue = overdue.sorted { ($0.due, $0.projectID) < ($1.due, $1.projectID) }
    indicators = GoalYear.allCases.map { GoalProgress(goal: $0, indicators: indicatorsByGoal[$0] ?? []) }
    let envoys = EnvoySummary(data, today: today)
    self.envoys = envoys
    corridors = CorridorCode.allCases.map { code in
      let members = data.corridorMembers[code] ?? []
      let accumulator = corridorAcc[code] ?? CorridorAccumulator()
      let participants = envoys.participants(from: Set(members))
      return CorridorSummary(
        code: code, name: data.corridor(code)?.name ?? code.rawValue, countries: members,
        projectCount: accumulator.count, byStage: accumulator.stages, byLight: accumulator.lights,
        budgetUSD: accumulator.budget, budgetByInstrumentUSD: accumulator.instruments,
        envoyParticipants: participants)
    }
  }

  /// Each instrument's share of a budget: by tranche amounts when they are
  /// given, else split evenly across the listed instruments.
  static func instrumentShares(_ budget: Budget?) -> [(FinancingInstrument, Double)] {
    guard let budget, !budget.financing.isEmpty else { return [] }
    let amounts = budget.financing.map { $0.amount ?? 0 }
    let total = amounts.reduce(0, +)
    if total > 0, let amount = budget.amount, amount > 0 {
      // Tranches may not cover the whole budget; the rest is unattributed.
      return zip(budget.financing, amounts).map { ($0.instrument, $1 / max(amount, total)) }
    }
    let even = 1.0 / Double(budget.financing.count)
    return budget.financing.map { ($0.instrument, even) }
  }

  public func count(_ stage: Stage) -> Int { byStage[stage] ?? 0 }

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
  var stages: [Stage: Int] = [:]
  var lights = LightMix()
  var budget = 0.0
  var instruments: [FinancingInstrument: Double] = [:]

  mutating func add(_ project: Project, usd: Double?, shares: [(FinancingInstrument, Double)]) {
    count += 1
    stages[project.stage, default: 0] += 1
    lights.add(project.light)
    if let usd {
      budget += usd
      for (instrument, share) in shares { instruments[instrument, default: 0] += usd * share }
    }
  }
}
