import GreenSilkCore

/// The envoys screen: the activity table, newest first.
public struct EnvoysState: Sendable {
  public var table = TableState()
  /// Activity indexes, newest start date first.
  public private(set) var order: [Int32] = []

  public init() {}

  public mutating func recompute(_ context: DataContext) {
    let activities = context.data.activities
    order = (0..<Int32(activities.count)).sorted { a, b in
      let x = activities[Int(a)]
      let y = activities[Int(b)]
      return x.start != y.start ? x.start > y.start : x.id < y.id
    }
    table.select(order.isEmpty ? nil : min(table.selected ?? 0, order.count - 1), rowCount: order.count)
  }
}
