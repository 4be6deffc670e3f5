import GreenSilkCore

/// Where a project with coordinates of its own goes on the map: its
/// optional `location` field (typed in the form, or read from a CSV
/// import's `location` column; AidData's tabular GCDF release has no
/// coordinates, so its imports leave it empty). A project without one is
/// counted in its countries' markers; one with one is drawn as a dot of
/// its own (`MapScene.points`).
public enum ProjectLocation {
  /// A project's own place, or nil to count it in its countries' markers.
  public typealias Locate = @Sendable (Project) -> GeoPoint?

  /// What the records say.
  public static let recorded: Locate = { $0.location }
}

/// What the map shows of the projects the pipeline's filter lets through,
/// counted once per data or filter change (never per frame): per country
/// (for the lists and the status line), the markers (projects without a
/// place of their own), the dots of those with one, per corridor, and the
/// countries the ←/→ keys walk through, west to east.
public struct MapProjects: Equatable, Sendable {
  /// Every filtered project per country it names, by country code.
  public private(set) var perCountry: [CountryMarker] = []
  /// The markers drawn: `perCountry` less the projects drawn as dots.
  public private(set) var markers: [CountryMarker] = []
  /// Projects drawn at their own place.
  public private(set) var points: [MapPoint] = []
  /// Filtered projects per corridor, in `CorridorCode.allCases` order.
  public private(set) var perCorridor: [Int] = Array(repeating: 0, count: CorridorCode.allCases.count)
  /// Filtered projects in all.
  public private(set) var total = 0
  /// The countries of each choice in the corridor list, west to east by
  /// their marker point: first every country with a filtered project, then
  /// each corridor's sourced members.
  public private(set) var countriesByChoice: [[CountryCode]] = Array(
    repeating: [], count: CorridorCode.allCases.count + 1)
  private var positions: [CountryCode: Int] = [:]

  public init() {}

  /// Counts `rows` of `context`'s projects (the pipeline's visible rows).
  public init(
    _ context: DataContext, rows: [Int32], baseMap: BaseMap = .naturalEarth,
    locate: ProjectLocation.Locate = ProjectLocation.recorded
  ) {
    let projects = context.data.projects
    var markerRows: [Int32] = []
    var placed = false
    for (position, row) in rows.enumerated() where projects.indices.contains(Int(row)) {
      let project = projects[Int(row)]
      for corridor in project.corridors { perCorridor[corridor.index] += 1 }
      if let place = locate(project) {
        if !placed {
          // The first project with a place: the rows before it all go to
          // the markers (until then none is copied).
          markerRows = Array(rows[..<position])
          placed = true
        }
        points.append(MapPoint(location: place, light: project.light))
      } else if placed {
        markerRows.append(row)
      }
    }
    total = rows.count
    perCountry = CountryMarker.perCountry(projects, rows: rows)
    markers = placed ? CountryMarker.perCountry(projects, rows: markerRows) : perCountry
    for (index, marker) in perCountry.enumerated() { positions[marker.country] = index }
    func westToEast(_ codes: [CountryCode]) -> [CountryCode] {
      let longitude = { (code: CountryCode) in baseMap.markerPoint(of: code)?.longitude ?? .infinity }
      return codes.sorted { (longitude($0), $0) < (longitude($1), $1) }
    }
    countriesByChoice =
      [westToEast(perCountry.filter { $0.total > 0 }.map(\.country))]
      + CorridorCode.allCases.map { westToEast(context.data.corridorMembers[$0] ?? []) }
  }

  /// The filtered projects of `country` (zero when it has none).
  public func marker(of country: CountryCode) -> CountryMarker {
    positions[country].map { perCountry[$0] } ?? CountryMarker(country: country)
  }
}
