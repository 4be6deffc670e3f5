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

  /// The light this facet stands for (nil: not screened).
  public var light: TrafficLight? {
    switch self {
    case .green: .green
    case .yellow: .yellow
    case .red: .red
    case .unscreened: nil
    }
  }

  func includes(_ light: TrafficLight?) -> Bool { light == self.light }
}

/// The pipeline's facets: each narrows the projects shown, nil = all.
public struct PipelineFacets: Hashable, Sendable {
  public var area: CooperationArea?
  public var corridor: CorridorCode?
  /// Set from the map (Enter on a country); no key cycles through the
  /// countries, `x` clears it with the rest.
  public var country: CountryCode?
  public var light: LightFacet?
  public var stage: Stage?

  public init() {}

  public var isEmpty: Bool { area == nil && corridor == nil && country == nil && light == nil && stage == nil }

  /// One kind of facet.
  public enum Kind: CaseIterable, Hashable, Sendable { case area, corridor, country, light, stage }

  /// The kinds that are set, in bar order.
  public var setKinds: [Kind] {
    Kind.allCases.filter { kind in
      switch kind {
      case .area: area != nil
      case .corridor: corridor != nil
      case .country: country != nil
      case .light: light != nil
      case .stage: stage != nil
      }
    }
  }

  func admits(_ project: Project) -> Bool {
    Kind.allCases.allSatisfy { admits(project, by: $0) }
  }

  /// Whether the facet of one kind (ignoring the others) admits `project`.
  func admits(_ project: Project, by kind: Kind) -> Bool {
    switch kind {
    case .area: area.map { project.area == $0 } ?? true
    case .corridor: corridor.map { project.corridors.contains($0) } ?? true
    case .country: country.map { project.countries.contains($0) } ?? true
    case .light: light.map { $0.includes(project.light) } ?? true
    case .stage: stage.map { project.stage == $0 } ?? true
    }
  }

  /// `area: capacity building · light: red`.
  public var summary: String {
    var parts: [String] = []
    if let area { parts.append("area: \(area.label.lowercased())") }
    if let corridor { parts.append("corridor: \(corridor.rawValue)") }
    if let country { parts.append("country: \(country)") }
    if let light { parts.append("light: \(light.label)") }
    if let stage { parts.append("stage: \(stage.label.lowercased())") }
    return parts.joined(separator: " · ")
  }
}

/// The pipeline screen's state. The visible list is derived (sort →
/// facets → filter) when one of those or the data changes, and kept:
/// rendering never sorts or filters.
public struct PipelineState: Equatable, Sendable {
  public var mode: PipelineMode = .kanban
  public var query = ""
  public var isEditingQuery = false
  public var facets = PipelineFacets()
  public var sortKey: ProjectSortKey = .id
  public var ascending = true
  public var table = TableState()
  /// The focused kanban column (an index into `Stage.allCases`).
  public var kanbanColumn = 3
  /// The first kanban column on screen when not all of them fit. The
  /// reducer scrolls it as little as possible to keep `kanbanColumn`
  /// visible; rendering clamps it again after a resize.
  public var kanbanFirstColumn = 0
  public var kanbanStates = Array(repeating: TableState(), count: Stage.allCases.count)

  /// The order `s` walks through: the table's columns, left to right.
  public static let sortCycle: [ProjectSortKey] = [
    .id, .light, .stage, .title, .area, .corridor, .country, .delivery, .budget, .start,
  ]

  /// Project indexes in sort order.
  public private(set) var sorted: [Int32] = []
  /// After facets (before the text filter).
  public private(set) var faceted: [Int32] = []
  /// After facets and the text filter: what the table shows.
  public private(set) var visible: [Int32] = []
  /// `visible`, split by stage: the kanban columns.
  public private(set) var columns: [[Int32]] = Array(repeating: [], count: Stage.allCases.count)
  /// When the facets together leave no project and more than one is
  /// set: how many projects each set facet admits on its own, so that the
  /// empty screen can say which one to drop. Counted here, not per frame.
  public private(set) var facetAloneCounts: [PipelineFacets.Kind: Int] = [:]
  /// The widest project id in the data (capped), so id columns line up
  /// without measuring rows while drawing.
  public private(set) var idWidth = 2
  /// The results of the queries typed so far, each query a prefix of the
  /// next: typing a character rescans only the last result, and a
  /// backspace gets the previous one back without scanning at all.
  private var queryResults: [QueryResult] = []
  private struct QueryResult: Equatable {
    var query: String
    var rows: [Int32]
  }
  /// Enough for any query typed by hand; a longer one starts over.
  private static let keptQueryResults = 48

  public init() {}

  /// Re-sorts and re-filters from scratch (data or sort changed), keeping
  /// the selected project selected when it is still shown.
  /// `previous` is the context the current indexes refer to (when the data
  /// was replaced); the selection is looked up there, then found again by id.
  public mutating func recompute(_ context: DataContext, previous: DataContext? = nil) {
    let selectedID = selectedProject(previous ?? context)?.id
    let projects = context.data.projects
    sorted = ProjectOrdering.sorted(projects, by: sortKey, ascending: ascending)
    var widest = 2
    for project in projects where project.id.utf8.count > widest { widest = project.id.utf8.count }
    idWidth = min(widest, 14)
    applyFacets(context)
    reselect(selectedID, context)
  }

  /// The data changed only at the projects `changed` (ascending indexes;
  /// the same ids in the same order as before): what a reload does while
  /// another session saves. Sorted by id, the order cannot move, so the
  /// faceted and visible lists are patched at those projects (the filter
  /// runs on them alone) instead of derived from all the projects again;
  /// any other sort derives them again. Ends as `recompute` would.
  mutating func update(_ context: DataContext, changed: [Int32]) {
    let selected = selectedIndex()
    guard sortKey == .id, facetAloneCounts.isEmpty, sorted.count == context.data.projects.count else {
      recompute(context)
      return
    }
    guard !changed.isEmpty else { return }
    let projects = context.data.projects
    let changedSet = Set(changed)
    let tableSelection = Self.project(at: table.selected, in: visible)
    let columnSelections: [Int32?] = (0..<columns.count).map { column in
      Self.project(at: kanbanStates[column].selected, in: columns[column])
    }
    let admitted = facets.isEmpty ? changed : changed.filter { facets.admits(projects[Int($0)]) }
    if !facets.isEmpty {
      faceted = Self.patch(faceted, removing: changedSet, adding: admitted, ascending: ascending)
      if faceted.isEmpty && facets.setKinds.count > 1 {
        // The empty screen counts what each facet admits alone: derive it.
        applyFacets(context)
        if let selected { reselect(projects[Int(selected)].id, context) }
        return
      }
    }
    if FuzzyQuery(query).isEmpty {
      queryResults = []
      visible = faceted
    } else {
      let matching = context.search.filter(query, candidates: admitted)
      visible = Self.patch(visible, removing: changedSet, adding: matching, ascending: ascending)
      queryResults = [QueryResult(query: query, rows: visible)]
    }
    splitIntoColumns(context, tableSelection: tableSelection, columnSelections: columnSelections)
    if let selected { reselect(projects[Int(selected)].id, context) }
  }

  /// `rows` (project indexes in ascending or descending order) without
  /// `removing`, with `adding` (ascending) put in their places.
  static func patch(_ rows: [Int32], removing: Set<Int32>, adding: [Int32], ascending: Bool) -> [Int32] {
    let added = ascending ? adding : Array(adding.reversed())
    var out: [Int32] = []
    out.reserveCapacity(rows.count + added.count)
    var next = 0
    for row in rows where !removing.contains(row) {
      while next < added.count && (ascending ? added[next] < row : added[next] > row) {
        out.append(added[next])
        next += 1
      }
      out.append(row)
    }
    out += added[next...]
    return out
  }

  /// Facets changed: filter the sorted order again.
  mutating func applyFacets(_ context: DataContext) {
    let projects = context.data.projects
    faceted = facets.isEmpty ? sorted : sorted.filter { facets.admits(projects[Int($0)]) }
    facetAloneCounts = [:]
    let kinds = facets.setKinds
    if faceted.isEmpty, kinds.count > 1 {
      for kind in kinds {
        facetAloneCounts[kind] = projects.reduce(0) { $0 + (facets.admits($1, by: kind) ? 1 : 0) }
      }
    }
    queryResults = []
    applyQuery(context)
  }

  /// The query changed: narrow incrementally when it only grew. The
  /// project under the cursor stays under it while it is still shown;
  /// otherwise the cursor goes to the first row.
  mutating func applyQuery(_ context: DataContext) {
    let tableSelection = Self.project(at: table.selected, in: visible)
    let columnSelections: [Int32?] = (0..<columns.count).map { column in
      Self.project(at: kanbanStates[column].selected, in: columns[column])
    }
    visible = filtered(context)
    splitIntoColumns(context, tableSelection: tableSelection, columnSelections: columnSelections)
  }

  /// `visible` changed: the kanban columns again, each cursor kept on its
  /// project where that is still shown.
  private mutating func splitIntoColumns(_ context: DataContext, tableSelection: Int32?, columnSelections: [Int32?]) {
    let projects = context.data.projects
    var byStage = Array(repeating: [Int32](), count: Stage.allCases.count)
    for index in visible { byStage[projects[Int(index)].stage.index].append(index) }
    columns = byStage
    Self.keep(tableSelection, in: visible, state: &table)
    for column in 0..<columns.count {
      Self.keep(columnSelections[column], in: columns[column], state: &kanbanStates[column])
    }
  }

  private mutating func filtered(_ context: DataContext) -> [Int32] {
    // An empty query needs no index (and must not build one at start-up).
    if FuzzyQuery(query).isEmpty {
      queryResults = []
      return faceted
    }
    while let last = queryResults.last, !query.hasPrefix(last.query) { queryResults.removeLast() }
    if let last = queryResults.last, last.query == query { return last.rows }
    let rows = context.search.filter(query, candidates: queryResults.last?.rows ?? faceted)
    if queryResults.count == Self.keptQueryResults { queryResults.removeFirst() }
    queryResults.append(QueryResult(query: query, rows: rows))
    return rows
  }

  private static func project(at row: Int?, in rows: [Int32]) -> Int32? {
    guard let row, row >= 0, row < rows.count else { return nil }
    return rows[row]
  }

  /// Selects `project` in `rows` when it is there, else the first row.
  private static func keep(_ project: Int32?, in rows: [Int32], state: inout TableState) {
    let row = project.flatMap { rows.firstIndex(of: $0) } ?? 0
    state.select(rows.isEmpty ? nil : row, rowCount: rows.count)
  }

  /// The project under the cursor, in either mode.
  public func selectedIndex() -> Int32? {
    switch mode {
    case .table:
      guard let row = table.selected, row < visible.count else { return nil }
      return visible[row]
    case .kanban:
      guard kanbanColumn >= 0, kanbanColumn < columns.count else { return nil }
      let column = columns[kanbanColumn]
      guard let row = kanbanStates[kanbanColumn].selected, row < column.count else { return nil }
      return column[row]
    }
  }

  public func selectedProject(_ context: DataContext) -> Project? {
    guard let index = selectedIndex(), Int(index) < context.data.projects.count else { return nil }
    return context.data.projects[Int(index)]
  }

  /// Puts the cursor back on `id` after the list changed: in the table,
  /// and in the kanban (where it also focuses the project's column).
  mutating func reselect(_ id: String?, _ context: DataContext) {
    guard let id else { return }
    let projects = context.data.projects
    // Find the project once, then compare indexes rather than strings.
    guard let index = Self.index(of: id, in: projects) else { return }
    if let row = visible.firstIndex(of: index) { table.select(row, rowCount: visible.count) }
    let column = projects[Int(index)].stage.index
    if let row = columns[column].firstIndex(of: index) {
      kanbanStates[column].select(row, rowCount: columns[column].count)
      kanbanColumn = column
    }
  }

  /// The index of the project with `id` (projects are sorted by id).
  static func index(of id: String, in projects: [Project]) -> Int32? {
    var low = 0
    var high = projects.count
    while low < high {
      let middle = (low + high) / 2
      if projects[middle].id < id { low = middle + 1 } else { high = middle }
    }
    return low < projects.count && projects[low].id == id ? Int32(low) : nil
  }

  /// The rows in the focused list (table rows or the focused column).
  var focusedCount: Int { mode == .table ? visible.count : columns[kanbanColumn].count }

  /// Scrolls the kanban as little as possible so that the focused column
  /// is among the `fitting` columns on screen.
  mutating func scrollKanban(fitting: Int) {
    kanbanFirstColumn = Self.firstKanbanColumn(
      stored: kanbanFirstColumn, focused: kanbanColumn, fitting: fitting, total: columns.count)
  }

  /// The first column to draw: `stored`, moved just enough to show
  /// `focused` and to leave no empty room on the right.
  static func firstKanbanColumn(stored: Int, focused: Int, fitting: Int, total: Int) -> Int {
    let fitting = max(1, min(fitting, total))
    var first = min(max(0, stored), total - fitting)
    if focused < first { first = focused }
    if focused >= first + fitting { first = focused - fitting + 1 }
    return max(0, first)
  }
}
