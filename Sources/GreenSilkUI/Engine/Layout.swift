/// How much of a split one segment asks for.
public enum Constraint: Hashable, Sendable {
  /// Exactly `n` cells (less only when the area is too small).
  case length(Int)
  /// `p`% of the space left after spacing (p is clamped to 0...100).
  case percentage(Int)
  /// `a/b` of the space left after spacing (clamped to 0...1).
  case ratio(Int, Int)
  /// At least `n` cells; grows to share leftover space when no `.fill`
  /// segment is there to take it.
  case min(Int)
  /// Up to `n` cells; yields to every other non-fill segment when space
  /// is short.
  case max(Int)
  /// A share of the leftover space, in proportion to its weight.
  case fill(Int)
}

/// Splits a rectangle into rows or columns by constraints, like ratatui's
/// `Layout`:
///
///     let [header, body, footer] = Layout.vertical([.length(1), .fill(1), .length(1)]).split(area)
///
/// The rules are deterministic and never give a negative size:
/// 1. Percentages and ratios are taken of the space left after spacing,
///    rounded down, with the cells lost to rounding handed back by largest
///    remainder (ties go to the earlier segment), so `50%`+`50%` always
///    fill the space.
/// 2. The spacing is kept (it shrinks only when the area cannot even hold
///    it). When the segments do not fit, `.max` segments shrink first, then
///    the others in order: earlier ones keep their size and later ones
///    shrink, down to zero.
/// 3. Leftover space goes to `.fill` segments by weight (largest
///    remainder again); when there are none, equally to `.min` segments;
///    when there are none either, it stays unused at the end.
public struct Layout: Hashable, Sendable {
  /// Which way the segments are stacked.
  public enum Direction: Hashable, Sendable {
    /// Segments are rows, top to bottom.
    case vertical
    /// Segments are columns, left to right.
    case horizontal
  }

  public var direction: Direction
  public var constraints: [Constraint]
  public var spacing: Int

  public init(_ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) {
    self.direction = direction
    self.constraints = constraints
    self.spacing = Swift.max(0, spacing)
  }

  /// Rows, top to bottom.
  public static func vertical(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
    Layout(.vertical, constraints, spacing: spacing)
  }

  /// Columns, left to right.
  public static func horizontal(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
    Layout(.horizontal, constraints, spacing: spacing)
  }

  /// The same layout with `cells` of space between segments.
  public func spacing(_ cells: Int) -> Layout {
    Layout(direction, constraints, spacing: cells)
  }

  /// One rectangle per constraint, in order, inside `area`.
  public func split(_ area: Rect) -> [Rect] {
    let total = direction == .vertical ? area.height : area.width
    let (sizes, gap) = Layout.sizes(for: constraints, total: total, spacing: spacing)
    var rects: [Rect] = []
    rects.reserveCapacity(sizes.count)
    var cursor = direction == .vertical ? area.y : area.x
    for size in sizes {
      switch direction {
      case .vertical: rects.append(Rect(x: area.x, y: cursor, width: area.width, height: size))
      case .horizontal: rects.append(Rect(x: cursor, y: area.y, width: size, height: area.height))
      }
      cursor += size + gap
    }
    return rects
  }

  /// The segment sizes for `total` cells, and the spacing actually used.
  /// The sizes plus the spacing never exceed `total`.
  public static func sizes(for constraints: [Constraint], total: Int, spacing: Int) -> (sizes: [Int], spacing: Int) {
    let count = constraints.count
    guard count > 0 else { return ([], 0) }
    let total = Swift.max(0, total)
    let gaps = count - 1
    let gap = gaps > 0 ? Swift.min(Swift.max(0, spacing), total / gaps) : 0
    let room = total - gap * gaps

    // 1. What each segment asks for.
    var wanted = [Int](repeating: 0, count: count)
    var fractions: [(index: Int, value: Double)] = []
    for (index, constraint) in constraints.enumerated() {
      switch constraint {
      case .length(let n), .min(let n), .max(let n): wanted[index] = Swift.max(0, n)
      case .percentage(let p): fractions.append((index, Double(Swift.min(100, Swift.max(0, p))) / 100))
      case .ratio(let a, let b):
        let value = b > 0 ? Double(Swift.max(0, a)) / Double(b) : 0
        fractions.append((index, Swift.min(1, value)))
      case .fill: break
      }
    }
    let shares = apportion(room, fractions.map(\.value))
    for (slot, fraction) in fractions.enumerated() { wanted[fraction.index] = shares[slot] }

    // 2. Shrink `.max`, then later segments.
    var sizes = [Int](repeating: 0, count: count)
    var left = room
    for (index, constraint) in constraints.enumerated() {
      if case .max = constraint { continue }
      sizes[index] = Swift.min(wanted[index], left)
      left -= sizes[index]
    }
    for (index, constraint) in constraints.enumerated() {
      guard case .max = constraint else { continue }
      sizes[index] = Swift.min(wanted[index], left)
      left -= sizes[index]
    }

    // 3. Leftover to `.fill` by weight, else to `.min` equally.
    guard left > 0 else { return (sizes, gap) }
    var growers: [(index: Int, weight: Int)] = []
    for (index, constraint) in constraints.enumerated() {
      if case .fill(let weight) = constraint, weight > 0 { growers.append((index, weight)) }
    }
    if growers.isEmpty {
      for (index, constraint) in constraints.enumerated() {
        if case .min = constraint { growers.append((index, 1)) }
      }
    }
    guard !growers.isEmpty else { return (sizes, gap) }
    let weightSum = Double(growers.reduce(0) { $0 + $1.weight })
    let extra = apportion(left, growers.map { Double($0.weight) / weightSum }, exact: true)
    for (slot, grower) in growers.enumerated() { sizes[grower.index] += extra[slot] }
    return (sizes, gap)
  }

  /// Splits `amount` by `fractions`: floors first, then the cells lost to
  /// rounding one each by largest remainder, earliest first on ties. With
  /// `exact`, the parts always add up to `amount`.
  static func apportion(_ amount: Int, _ fractions: [Double], exact: Bool = false) -> [Int] {
    guard !fractions.isEmpty else { return [] }
    let exactParts = fractions.map { Double(amount) * $0 }
    var parts = exactParts.map { Int(($0 + 1e-9).rounded(.down)) }
    let sumExact = exactParts.reduce(0, +)
    let target = exact ? amount : Swift.min(amount, Int((sumExact + 1e-9).rounded(.down)))
    var missing = target - parts.reduce(0, +)
    guard missing > 0 else { return parts }
    let order = parts.indices.sorted { a, b in
      let ra = exactParts[a] - Double(parts[a])
      let rb = exactParts[b] - Double(parts[b])
      return ra != rb ? ra > rb : a < b
    }
    var cursor = 0
    while missing > 0 {
      parts[order[cursor % order.count]] += 1
      missing -= 1
      cursor += 1
    }
    return parts
  }
}
