import GreenSilkCore

/// The projects of one country on the map: how many, and how their BRIGC
/// traffic lights split. A project in several countries counts in each.
public struct CountryMarker: Hashable, Sendable {
  public var country: CountryCode
  public var green: Int
  public var yellow: Int
  public var red: Int
  public var unscreened: Int

  public init(country: CountryCode, green: Int = 0, yellow: Int = 0, red: Int = 0, unscreened: Int = 0) {
    self.country = country
    self.green = green
    self.yellow = yellow
    self.red = red
    self.unscreened = unscreened
  }

  public var total: Int { green + yellow + red + unscreened }
  public var size: MarkerSize { MarkerSize(total: total) }

  /// The roles of a marker drawn in `cells` cells, in the order the cells
  /// are filled (column by column, left to right): green, then yellow,
  /// red and not screened, each by its share (largest remainder). Any
  /// screened light present keeps at least one cell while there are cells
  /// enough, so one red project among a hundred unscreened ones shows. A
  /// one-cell marker takes the most common light (ties go to the more
  /// severe).
  public func roles(cells: Int) -> [Role] {
    Self.roles(counts: [green, yellow, red, unscreened], cells: cells)
  }

  /// `roles(cells:)` for counts of green, yellow, red and not screened.
  static func roles(counts: [Int], cells: Int) -> [Role] {
    let roles: [Role] = [.mapMarkerGreen, .mapMarkerYellow, .mapMarkerRed, .mapMarkerNone]
    // Ties go to the more severe light: rank 0 (red) first, then yellow,
    // green, and not screened last.
    let rank = [2, 1, 0, 3]
    let total = counts.reduce(0, +)
    guard cells > 0 else { return [] }
    guard total > 0 else { return Array(repeating: .mapMarkerNone, count: cells) }
    if cells == 1 {
      let best = counts.indices.min { a, b in counts[a] != counts[b] ? counts[a] > counts[b] : rank[a] < rank[b] }
      return [roles[best ?? 3]]
    }
    var share = counts.map { $0 * cells / total }
    var left = cells - share.reduce(0, +)
    let byRemainder = counts.indices.sorted { a, b in
      let ra = counts[a] * cells % total
      let rb = counts[b] * cells % total
      return ra != rb ? ra > rb : rank[a] < rank[b]
    }
    for index in byRemainder where left > 0 {
      share[index] += 1
      left -= 1
    }
    for index in [2, 1, 0] where counts[index] > 0 && share[index] == 0 {
      guard let donor = share.indices.max(by: { share[$0] < share[$1] }), share[donor] > 1 else { break }
      share[donor] -= 1
      share[index] += 1
    }
    return share.indices.flatMap { Array(repeating: roles[$0], count: share[$0]) }
  }

  /// One marker per country the projects name, sorted by country code:
  /// over all `projects`, or over `rows` of it (indexes, as the pipeline
  /// keeps the projects its filter lets through). Projects are read in
  /// place, never copied.
  public static func perCountry(_ projects: [Project], rows: [Int32]? = nil) -> [CountryMarker] {
    var index: [CountryCode: Int] = [:]
    var markers: [CountryMarker] = []
    func add(_ row: Int) {
      guard projects.indices.contains(row) else { return }
      let light = projects[row].screening.light
      for country in projects[row].countries {
        let position: Int
        if let known = index[country] {
          position = known
        } else {
          position = markers.count
          index[country] = position
          markers.append(CountryMarker(country: country))
        }
        switch light {
        case .green: markers[position].green += 1
        case .yellow: markers[position].yellow += 1
        case .red: markers[position].red += 1
        case nil: markers[position].unscreened += 1
        }
      }
    }
    if let rows {
      for row in rows { add(Int(row)) }
    } else {
      for row in projects.indices { add(row) }
    }
    return markers.sorted { $0.country < $1.country }
  }
}

/// How big a country's marker is drawn: one step per power of ten.
public enum MarkerSize: Int, CaseIterable, Comparable, Sendable {
  case units = 1, tens, hundreds, thousands

  public init(total: Int) {
    switch total {
    case ..<10: self = .units
    case ..<100: self = .tens
    case ..<1000: self = .hundreds
    default: self = .thousands
    }
  }

  /// `1-9`, `10-99`, `100-999`, `1,000+` (for the legend).
  public var range: String {
    switch self {
    case .units: "1-9"
    case .tens: "10-99"
    case .hundreds: "100-999"
    case .thousands: "1,000+"
    }
  }

  public static func < (lhs: MarkerSize, rhs: MarkerSize) -> Bool { lhs.rawValue < rhs.rawValue }
}
