import GreenSilkCore

/// The corridor screen: a list of the six corridors, and the selected
/// corridor's projects in a table the user can enter.
public struct CorridorsState: Equatable, Sendable {
  public enum Focus: Sendable { case list, table }
  public var selected = 0
  public var focus: Focus = .list
  public var table = TableState()
  /// Project indexes on each corridor (in `CorridorCode.allCases` order),
  /// in id order. Built once per data change, so moving through the list
  /// never rescans the projects.
  public private(set) var projectsByCorridor: [[Int32]] = Array(repeating: [], count: CorridorCode.allCases.count)
  /// Each corridor's member countries by name, with the envoy participants
  /// counted from each, in name order.
  public private(set) var membersByCorridor: [[CorridorMember]] = Array(repeating: [], count: CorridorCode.allCases.count)
  /// The widest project id on each corridor, in columns (at least 2),
  /// so that the id column fits the ids the data really has.
  public private(set) var idWidthByCorridor: [Int] = Array(repeating: 2, count: CorridorCode.allCases.count)
  /// Where each corridor's membership comes from: the sources' data set
  /// names and dates (`xinhua-backgrounder 2017-05-10`).
  public private(set) var sourcesByCorridor: [String] = Array(repeating: "", count: CorridorCode.allCases.count)
  /// The id of the project under the table cursor, kept by id because a
  /// reload renumbers the project indexes.
  private var anchorID: String?

  public init() {}

  public var corridor: CorridorCode { CorridorCode.allCases[clampedIndex] }

  /// Project indexes on the selected corridor, in id order.
  public var projects: [Int32] { projectsByCorridor[clampedIndex] }

  /// The selected corridor's member countries.
  public var members: [CorridorMember] { membersByCorridor[clampedIndex] }

  /// Columns the selected corridor's widest project id takes.
  public var idWidth: Int { idWidthByCorridor[clampedIndex] }

  /// The selected corridor's membership sources.
  public var membershipSource: String { sourcesByCorridor[clampedIndex] }

  private var clampedIndex: Int { min(max(selected, 0), CorridorCode.allCases.count - 1) }

  /// The data changed: rebuild every corridor's project list and members,
  /// keeping the cursor on the same project where it is still listed.
  public mutating func recompute(_ context: DataContext) {
    let codes = CorridorCode.allCases
    var lists = Array(repeating: [Int32](), count: codes.count)
    var perCountry = Array(repeating: [CountryCode: Int](), count: codes.count)
    var idWidths = Array(repeating: 2, count: codes.count)
    for (index, project) in context.data.projects.enumerated() {
      // Ids are short: counting bytes is enough, and exact for ASCII ids.
      let idWidth = project.id.utf8.count
      for code in project.corridors {
        lists[code.index].append(Int32(index))
        idWidths[code.index] = max(idWidths[code.index], idWidth)
        for country in project.countries { perCountry[code.index][country, default: 0] += 1 }
      }
    }
    projectsByCorridor = lists
    idWidthByCorridor = idWidths
    let envoys = context.portfolio.envoys
    membersByCorridor = codes.map { code in
      (context.data.corridorMembers[code] ?? [])
        .map { country in
          CorridorMember(
            code: country, name: context.data.countryName(country), projects: perCountry[code.index][country] ?? 0,
            participants: envoys.participants(from: [country]))
        }
        .sorted { ($0.name, $0.code) < ($1.name, $1.code) }
    }
    var sources = Array(repeating: [String](), count: codes.count)
    for row in context.data.memberships {
      let text = row.source.dataset + (row.source.asOf.map { " \($0)" } ?? "")
      if !sources[row.corridor.index].contains(text) { sources[row.corridor.index].append(text) }
    }
    sourcesByCorridor = sources.map { $0.joined(separator: ", ") }
    let rows = projects
    if let anchorID, let row = rows.firstIndex(where: { context.data.projects[Int($0)].id == anchorID }) {
      table.select(row, rowCount: rows.count)
    } else {
      table.select(rows.isEmpty ? nil : min(table.selected ?? 0, rows.count - 1), rowCount: rows.count)
    }
    if rows.isEmpty { focus = .list }
    noteSelection(context)
  }

  /// Remembers the project under the cursor after the cursor moved.
  mutating func noteSelection(_ context: DataContext) {
    anchorID = rowProject(context)?.id
  }

  /// Another corridor was chosen: its table starts at the top.
  mutating func selectCorridor(_ index: Int) {
    let clamped = min(max(index, 0), CorridorCode.allCases.count - 1)
    guard clamped != selected else { return }
    selected = clamped
    table = TableState()
    table.select(projects.isEmpty ? nil : 0, rowCount: projects.count)
    anchorID = nil
  }

  /// The project under the cursor, only while the table has the focus.
  public func selectedProject(_ context: DataContext) -> Project? {
    guard focus == .table else { return nil }
    return rowProject(context)
  }

  private func rowProject(_ context: DataContext) -> Project? {
    guard let row = table.selected, row < projects.count else { return nil }
    let index = Int(projects[row])
    return index < context.data.projects.count ? context.data.projects[index] : nil
  }
}

/// A member country of a corridor, as its detail shows it.
public struct CorridorMember: Hashable, Sendable {
  public let code: CountryCode
  public let name: String
  /// Projects on the corridor that list this country.
  public let projects: Int
  /// Envoy participants counted from this country.
  public let participants: Int
}
