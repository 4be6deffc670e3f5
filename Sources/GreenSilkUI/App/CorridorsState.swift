import GreenSilkCore

/// The corridor screen: a list of the six corridors, and the selected
/// corridor's projects in a table the user can enter.
public struct CorridorsState: Sendable {
  public enum Focus: Sendable { case list, table }
  public var selected = 0
  public var focus: Focus = .list
  public var table = TableState()
  /// Project indexes on the selected corridor, in id order.
  public private(set) var projects: [Int32] = []

  public init() {}

  public var corridor: CorridorCode { CorridorCode.allCases[min(max(selected, 0), CorridorCode.allCases.count - 1)] }

  public mutating func recompute(_ context: DataContext) {
    let code = corridor
    var members: [Int32] = []
    for (index, project) in context.data.projects.enumerated() where project.corridors.contains(code) {
      members.append(Int32(index))
    }
    projects = members
    table.select(members.isEmpty ? nil : min(table.selected ?? 0, members.count - 1), rowCount: members.count)
  }

  public func selectedProject(_ context: DataContext) -> Project? {
    guard focus == .table, let row = table.selected, row < projects.count else { return nil }
    return context.data.projects[Int(projects[row])]
  }
}
