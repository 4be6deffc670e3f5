import GreenSilkCore

/// The map screen's state: the corridor and country chosen, where the map
/// looks, the base map rasterised for that view (`MapCanvas`, rebuilt
/// only after a zoom, a pan or a resize), and what the map shows of the
/// projects the pipeline's filter lets through (`MapProjects`, counted
/// when the data or the filter changed). `AppView.render` gets the state
/// by value, so the raster lives here and the reducer keeps it current
/// (`sync`).
public struct MapState: Equatable, Sendable {
  /// The choice in the corridor list: 0 is every corridor, then
  /// `CorridorCode.allCases` in order.
  public var choice = 0
  /// The country chosen with ←/→; nil: the corridor (or the whole map).
  public var country: CountryCode?
  public var viewport = MapViewport.home
  public var canvas = MapCanvas()
  public private(set) var projects = MapProjects()
  /// The pipeline rows `projects` was counted from; nil when the data
  /// changed since.
  private var countedRows: [Int32]?

  public init() {}

  /// Choices in the corridor list: every corridor, then each one.
  public static let choices = CorridorCode.allCases.count + 1

  /// The chosen corridor; nil for every corridor.
  public var corridor: CorridorCode? { choice > 0 ? CorridorCode.allCases[min(choice, Self.choices - 1) - 1] : nil }

  /// The countries ←/→ walk through now, west to east.
  public var countries: [CountryCode] { projects.countriesByChoice[min(max(choice, 0), Self.choices - 1)] }

  /// The data changed: count again before the next frame.
  mutating func invalidate() { countedRows = nil }

  /// Counts the filtered projects again if the data or the filter changed
  /// since they were counted, and rasterises the base map for the canvas
  /// size if the view or the size changed. Cheap when nothing did (the row
  /// lists compare by identity first).
  mutating func sync(
    _ context: DataContext, rows: [Int32], canvas size: Size, locate: ProjectLocation.Locate = ProjectLocation.recorded
  ) {
    if countedRows != rows {
      projects = MapProjects(context, rows: rows, baseMap: canvas.baseMap, locate: locate)
      countedRows = rows
    }
    canvas.prepare(viewport: viewport, size: size)
  }

  /// Another corridor (or every corridor) chosen: the country goes.
  mutating func choose(_ index: Int) {
    let clamped = min(max(index, 0), Self.choices - 1)
    guard clamped != choice else { return }
    choice = clamped
    country = nil
  }

  /// The next country east (`step` 1) or west (-1) of the chosen one; the
  /// westernmost (or easternmost) when none is chosen. On a zoomed map the
  /// view follows a country that would be off it.
  mutating func moveCountry(_ step: Int, canvas size: Size) {
    let list = countries
    guard !list.isEmpty else { return }
    let next: CountryCode
    if let country, let index = list.firstIndex(of: country) {
      next = list[min(max(index + step, 0), list.count - 1)]
    } else {
      next = step > 0 ? list[0] : list[list.count - 1]
    }
    country = next
    if let place = canvas.baseMap.markerPoint(of: next), !viewport.shows(place, columns: size.width, rows: size.height) {
      viewport = viewport.centered(on: place)
    }
  }

  /// Esc: the country goes, then the corridor.
  mutating func back() {
    if country != nil {
      country = nil
    } else {
      choice = 0
    }
  }

  /// Zooms about the chosen country while it is on the map, else about
  /// the centre.
  mutating func zoom(_ steps: Int, canvas size: Size) {
    let anchor = country.flatMap { canvas.baseMap.markerPoint(of: $0) }
      .flatMap { viewport.shows($0, columns: size.width, rows: size.height) ? $0 : nil }
    viewport = viewport.zoomed(by: steps, about: anchor)
  }

  /// The view that shows the chosen country whole, else the chosen
  /// corridor's routes and members, else the whole map.
  mutating func fit(canvas size: Size, routes: [CorridorRoute], members: [CountryCode]) {
    let map = canvas.baseMap
    var box = BoundingBox()
    if let country {
      if let outline = map.outline(of: country) {
        box.add(GeoPoint(longitude: outline.west, latitude: outline.south))
        box.add(GeoPoint(longitude: outline.east, latitude: outline.north))
      } else if let place = map.markerPoint(of: country) {
        box.add(GeoPoint(longitude: place.longitude - 2, latitude: place.latitude - 2))
        box.add(GeoPoint(longitude: place.longitude + 2, latitude: place.latitude + 2))
      }
    } else if let corridor {
      for route in routes where route.corridor == corridor {
        for node in route.nodes { box.add(node.location) }
      }
      for member in members { map.markerPoint(of: member).map { box.add($0) } }
    }
    guard let bounds = box.bounds else {
      viewport = .home
      return
    }
    viewport = .fitting(
      west: bounds.west, east: bounds.east, south: bounds.south, north: bounds.north, columns: size.width,
      rows: size.height)
  }
}

/// The smallest box around the places added to it.
struct BoundingBox {
  private(set) var bounds: (west: Double, east: Double, south: Double, north: Double)?

  mutating func add(_ point: GeoPoint) {
    guard let current = bounds else {
      bounds = (point.longitude, point.longitude, point.latitude, point.latitude)
      return
    }
    bounds = (
      min(current.west, point.longitude), max(current.east, point.longitude), min(current.south, point.latitude),
      max(current.north, point.latitude)
    )
  }
}
