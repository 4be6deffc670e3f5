/// The columns the pipeline table can sort by.
public enum ProjectSortKey: String, CaseIterable, Sendable {
  case id, title, stage, light, area, corridor, country, delivery, budget, start

  public var label: String {
    switch self {
    case .id: "ID"
    case .title: "Title"
    case .stage: "Stage"
    case .light: "Light"
    case .area: "Area"
    case .corridor: "Corridor"
    case .country: "Country"
    case .delivery: "Delivery"
    case .budget: "Budget"
    case .start: "Start"
    }
  }
}

/// Orders projects for the table and kanban. Sorting happens when the sort
/// or the data changes, never per keystroke: the filter keeps this order
/// and only drops projects.
public enum ProjectOrdering {
  /// Project indexes sorted by `key` (ties broken by id, which is the
  /// file order), ascending or descending.
  public static func sorted(_ projects: [Project], by key: ProjectSortKey, ascending: Bool) -> [Int32] {
    var order = (0..<Int32(projects.count)).map { $0 }
    func less(_ a: Int32, _ b: Int32) -> Bool {
      let p = projects[Int(a)]
      let q = projects[Int(b)]
      switch compare(p, q, key) {
      case .orderedAscending: return ascending
      case .orderedDescending: return !ascending
      case .orderedSame: return a < b
      }
    }
    if key == .id {
      if !ascending { order.reverse() }
      return order
    }
    if key == .title {
      // Lower-case each title once, not once per comparison.
      let titles = projects.map { $0.title.lowercased() }
      order.sort { a, b in
        let x = titles[Int(a)]
        let y = titles[Int(b)]
        if x != y { return ascending ? x < y : y < x }
        return a < b
      }
      return order
    }
    order.sort(by: less)
    return order
  }

  enum Ordering { case orderedAscending, orderedSame, orderedDescending }

  static func order<T: Comparable>(_ a: T, _ b: T) -> Ordering {
    a < b ? .orderedAscending : (b < a ? .orderedDescending : .orderedSame)
  }

  /// Missing values sort last whatever the direction of the rest.
  static func order<T: Comparable>(_ a: T?, _ b: T?) -> Ordering {
    switch (a, b) {
    case (nil, nil): .orderedSame
    case (nil, _): .orderedDescending
    case (_, nil): .orderedAscending
    case (let x?, let y?): order(x, y)
    }
  }

  static func compare(_ p: Project, _ q: Project, _ key: ProjectSortKey) -> Ordering {
    switch key {
    case .id: order(p.id, q.id)
    case .title: order(p.title.lowercased(), q.title.lowercased())
    case .stage: order(p.stage, q.stage)
    case .light: order(lightRank(p.light), lightRank(q.light))
    case .area: order(p.area, q.area)
    case .corridor: order(p.corridors.min(), q.corridors.min())
    case .country: order(p.countries.first?.description, q.countries.first?.description)
    case .delivery: order(deliveryRank(p.delivery), deliveryRank(q.delivery))
    case .budget: order(p.budget?.totalUSD, q.budget?.totalUSD)
    case .start: order(p.dates.actualStart ?? p.dates.plannedStart, q.dates.actualStart ?? q.dates.plannedStart)
    }
  }

  /// Red first when ascending: the riskiest projects are what people sort for.
  static func lightRank(_ light: TrafficLight?) -> Int {
    switch light {
    case .red: 0
    case .yellow: 1
    case .green: 2
    case nil: 3
    }
  }

  static func deliveryRank(_ health: DeliveryHealth) -> Int {
    switch health {
    case .offTrack: 0
    case .atRisk: 1
    case .onTrack: 2
    case .notAssessed: 3
    }
  }
}
