/// Everything loaded from one data directory: reference tables, projects,
/// envoy activities and program totals, each array sorted by id as in
/// its file. Value type: the UI keeps one, replaces it on reload, and
/// applies its own saves to it.
public struct DataSet: Equatable, Sendable {
  public var meta: DataSetMeta
  public var countries: [Country] { didSet { reindexCountries() } }
  public var corridors: [Corridor]
  public var memberships: [CorridorMembership] { didSet { reindexMemberships() } }
  public var areas: [AreaInfo]
  public private(set) var projects: [Project]
  public private(set) var activities: [EnvoyActivity]
  public var programTotals: [ProgramTotal]
  /// The lines the map draws the corridors along, sorted by id.
  public var routes: [CorridorRoute]

  public private(set) var countryNames: [CountryCode: String] = [:]
  public private(set) var corridorMembers: [CorridorCode: [CountryCode]] = [:]
  private var projectPositions: [String: Int] = [:]
  private var activityPositions: [String: Int] = [:]

  public init(
    meta: DataSetMeta, countries: [Country] = [], corridors: [Corridor] = [],
    memberships: [CorridorMembership] = [], areas: [AreaInfo] = [], projects: [Project] = [],
    activities: [EnvoyActivity] = [], programTotals: [ProgramTotal] = [], routes: [CorridorRoute] = []
  ) {
    self.meta = meta
    self.countries = countries
    self.corridors = corridors
    self.memberships = memberships
    self.areas = areas
    // Files are sorted by id; sorting again would copy 20,000 projects.
    self.projects = DataSet.isSorted(projects) ? projects : projects.sorted { $0.id < $1.id }
    self.activities = DataSet.isSorted(activities) ? activities : activities.sorted { $0.id < $1.id }
    self.programTotals = programTotals
    self.routes = DataSet.isSorted(routes) ? routes : routes.sorted { $0.id < $1.id }
    reindexCountries()
    reindexMemberships()
    reindexProjects()
    reindexActivities()
  }

  // MARK: - Look-ups

  public func project(id: String) -> Project? {
    projectPositions[id].map { projects[$0] }
  }

  public func activity(id: String) -> EnvoyActivity? {
    activityPositions[id].map { activities[$0] }
  }

  public func corridor(_ code: CorridorCode) -> Corridor? {
    corridors.first { $0.code == code }
  }

  public func countryName(_ code: CountryCode) -> String {
    countryNames[code] ?? code.description
  }

  /// The corridors whose sourced membership includes `country`.
  public func corridors(of country: CountryCode) -> [CorridorCode] {
    CorridorCode.allCases.filter { corridorMembers[$0]?.contains(country) ?? false }
  }

  // MARK: - Changes (after the store has saved them)

  /// Inserts or replaces a project, keeping id order.
  public mutating func upsert(_ project: Project) {
    if let position = projectPositions[project.id] {
      projects[position] = project
    } else {
      projects.insert(project, at: insertionPoint(project.id, count: projects.count) { projects[$0].id })
      reindexProjects()
    }
  }

  public mutating func removeProject(id: String) {
    guard let position = projectPositions[id] else { return }
    projects.remove(at: position)
    reindexProjects()
  }

  public mutating func upsert(_ activity: EnvoyActivity) {
    if let position = activityPositions[activity.id] {
      activities[position] = activity
    } else {
      activities.insert(activity, at: insertionPoint(activity.id, count: activities.count) { activities[$0].id })
      reindexActivities()
    }
  }

  public mutating func removeActivity(id: String) {
    guard let position = activityPositions[id] else { return }
    activities.remove(at: position)
    reindexActivities()
  }

  // MARK: - Indexes

  private mutating func reindexCountries() {
    countryNames = Dictionary(countries.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
  }

  private mutating func reindexMemberships() {
    var members: [CorridorCode: [CountryCode]] = [:]
    for row in memberships { members[row.corridor, default: []].append(row.country) }
    corridorMembers = members
  }

  private mutating func reindexProjects() {
    projectPositions = Dictionary(minimumCapacity: projects.count)
    // By index: iterating the projects themselves would copy each one.
    for position in projects.indices where projectPositions[projects[position].id] == nil {
      projectPositions[projects[position].id] = position
    }
  }

  private mutating func reindexActivities() {
    activityPositions = Dictionary(minimumCapacity: activities.count)
    for position in activities.indices where activityPositions[activities[position].id] == nil {
      activityPositions[activities[position].id] = position
    }
  }

  private static func isSorted<R: Identifiable>(_ records: [R]) -> Bool where R.ID == String {
    var index = 1
    while index < records.count {
      if records[index].id < records[index - 1].id { return false }
      index += 1
    }
    return true
  }

  private func insertionPoint(_ id: String, count: Int, idAt: (Int) -> String) -> Int {
    var low = 0
    var high = count
    while low < high {
      let mid = (low + high) / 2
      if idAt(mid) < id { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
