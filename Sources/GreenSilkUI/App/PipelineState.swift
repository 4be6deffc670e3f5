import GreenSilkCore

/// Kanban (projects by stage as columns) or a sortable table.
public enum PipelineMode: Hashable, Sendable { case kanban, table }

/// A traffic-light facet value (projects not screened are a value too).
public enum LightFacet: CaseIterable, Hashable, Sendable {
  case green, yellow, red, unscreened

  public var label: String {
    switch self {
    case .green: "green"
    case .yellow: "yellow"
    case .red: "red"
    case .unscreened: "not screened"
    }
  }

  func includes(_ light: TrafficLight?) -> Bool {
    switch self {
    case .green: light == .green
    case .yellow: light == .yellow
    case .red: light == .red
    case .unscreened: light == nil
    }
  }
}

/// The pipeline's facets: each narrows the projects shown, nil = all.
public struct PipelineFacets: Hashable, Sendable {
  public var area: CooperationArea?
  public var corridor: CorridorCode?
  public var light: LightFacet?
  public var stage: Stage?

  public init() {}

  public var isEmpty: Bool { area == nil && corridor == nil && light == nil && stage == nil }

  func admits(_ project: Project) -> Bool {
    if let area, project.area != area { return false }
    if let corridor, !project.corridors.contains(corridor) { return false }
    if let light, !light.includes(project.light) { return false }
    if let stage, project.stage != stage { return false }
    return true
  }

  /// `area: capacity building · light: red`.
  public var summary: String {
    var parts: [String] = []
    if let area { parts.append("area: \(area.label.lowercased())") }
    if let corridor { parts.append("corridor: \(corridor.rawValue)") }
    if let light { parts.append("light: \(light.label)") }
    if let stage { parts.append("stage: \(stage.label.lowercased())") }
    return parts.joined(separator: " · ")
  }
}

/// The pipeline screen's state. The visible list is derived (sort →
/// facets → filter) when one of those or the data changes, and kept:
/// rendering never sorts or filters.
public struct PipelineState: Sendable {
  public var mode: PipelineMode = .kanban
  public var query = ""
  public var isEditingQuery = false
  public var facets = PipelineFacets()
  public var sortKey: ProjectSortKey = .id
  public var ascending = true
  public var table = TableState()
  /// The focused kanban column (an index into `Stage.allCases`).
  public var kanbanColumn = 3
  public var kanbanStates = Array(repeating: TableState(), count: Stage.allCases.count)

  /// Project indexes in sort order.
  public private(set) var sorted: [Int32] = []
  /// After facets (before the text filter).
  public private(set) var faceted: [Int32] = []
  /// After facets and the text filter: what the table shows.
  public private(set) var visible: [Int32] = []
  /// `visible`, split by stage: the kanban columns.
  public private(set) var columns: [[Int32]] = Array(repeating: [], count: Stage.allCases.count)
  /// The query `visible` was filtered with (a longer query that starts
  /// with it only needs to rescan `visible`).
  private var filteredQuery = ""

  public init() {}

  /// Re-sorts and re-filters from scratch (data or sort changed), keeping
  /// the selected project selected when it is still shown.
  public mutating func recompute(_ context: DataContext) {
    let selectedID = selectedProject(context)?.id
    sorted = ProjectOrdering.sorted(context.data.projects, by: sortKey, ascending: ascending)
    applyFacets(context)
    reselect(selectedID, context)
  }

  /// Facets changed: filter the sorted order again.
  mutating func applyFacets(_ context: DataContext) {
    let projects = context.data.projects
    faceted = facets.isEmpty ? sorted : sorted.filter { facets.admits(projects[Int($0)]) }
    filteredQuery = ""
    applyQuery(context)
  }

  /// The query changed: narrow incrementally when it only grew.
  mutating func applyQuery(_ context: DataContext) {
    let grew = !filteredQuery.isEmpty && query.hasPrefix(filteredQuery)
    visible = context.search.filter(query, candidates: grew ? visible : faceted)
    filteredQuery = query
    let projects = context.data.projects
    var byStage = Array(repeating: [Int32](), count: Stage.allCases.count)
    for index in visible { byStage[projects[Int(index)].stage.index].append(index) }
    columns = byStage
    table.select(visible.isEmpty ? nil : min(table.selected ?? 0, visible.count - 1), rowCount: visible.count)
    for column in 0..<columns.count {
      let count = columns[column].count
      kanbanStates[column].select(count == 0 ? nil : min(kanbanStates[column].selected ?? 0, count - 1), rowCount: count)
    }
  }

  /// The project under the cursor, in either mode.
  public func selectedIndex() -> Int32? {
    switch mode {
    case .table:
      guard let row = table.selected, row < visible.count else { return nil }
      return visible[row]
    case .kanban:
      let column = columns[kanbanColumn]
      guard let row = kanbanStates[kanbanColumn].selected, row < column.count else { return nil }
      return column[row]
    }
  }

  public func selectedProject(_ context: DataContext) -> Project? {
    guard let index = selectedIndex(), Int(index) < context.data.projects.count else { return nil }
    return context.data.projects[Int(index)]
  }

  /// Puts the cursor back on `id` after the list changed.
  mutating func reselect(_ id: String?, _ context: DataContext) {
    guard let id else { return }
    let projects = context.data.projects
    if let row = visible.firstIndex(where: { projects[Int($0)].id == id }) {
      table.select(row, rowCount: visible.count)
    }
    for (column, members) in columns.enumerated() {
      if let row = members.firstIndex(where: { projects[Int($0)].id == id }) {
        kanbanStates[column].select(row, rowCount: members.count)
        kanbanColumn = column
      }
    }
  }

  /// The rows in the focused list (table rows or the focused column).
  var focusedCount: Int { mode == .table ? visible.count : columns[kanbanColumn].count }
}
