#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import GreenSilkCore

/// Country outlines and marker points for the map: Natural Earth's 1:110m
/// countries around Eurasia and Africa, compiled into the binary
/// (`BaseMapData.swift`, made by `tools/make-basemap.py`).
///
/// Outlines are stored flat (one array of vertices, rings as ranges of
/// it) with each vertex's projected y computed once (`MillerProjection`),
/// so that drawing at any zoom is a scale and an offset per vertex.
public struct BaseMap: Sendable {
  /// One country with an outline.
  public struct Country: Sendable {
    public let code: CountryCode
    /// A point inside the country (the pole of inaccessibility of its main
    /// part) where its marker goes.
    public let marker: GeoPoint
    /// Its rings (outer rings and holes, filled even-odd), as indexes into
    /// `BaseMap.ringStarts`.
    let rings: Range<Int>
    /// Bounds in degrees.
    public let west: Double
    public let east: Double
    public let south: Double
    public let north: Double
    /// `south` and `north` projected (`MillerProjection`).
    let projectedSouth: Double
    let projectedNorth: Double
  }

  public let countries: [Country]
  /// Ring `i` is vertices `ringStarts[i]..<ringStarts[i + 1]`.
  let ringStarts: [Int]
  let longitudes: [Double]
  let latitudes: [Double]
  /// `MillerProjection.y(latitude:)` of every vertex.
  let projectedY: [Double]
  /// Countries too small for an outline at this scale, placed by a point.
  public let markerOnly: [CountryCode: GeoPoint]
  let indexByCode: [CountryCode: Int]

  /// The map GreenSilk ships. Decoding takes about a millisecond, once.
  /// Should the embedded data ever be unreadable the map is empty (and
  /// the decoding test fails), rather than the program stopping.
  public static let naturalEarth: BaseMap = (try? decoded()) ?? Builder().build()

  /// The embedded map decoded afresh, or why it cannot be read.
  public static func decoded() throws -> BaseMap {
    var decoder = try BaseMapDecoder(base64: BaseMapData.encoded)
    return try decoder.decode()
  }

  /// The country whose outline holds `point` (even-odd over its rings), or
  /// nil for the sea and for countries without an outline.
  public func country(at point: GeoPoint) -> CountryCode? {
    for country in countries
    where point.longitude >= country.west && point.longitude <= country.east
      && point.latitude >= country.south && point.latitude <= country.north
    {
      if contains(country, point) { return country.code }
    }
    return nil
  }

  /// The country holding `point`, or else the one whose outline passes
  /// within `tolerance` degrees of it (the nearest). At 1:110m a coast can
  /// lie a few kilometres off the real one: Gwadar's port is 0.03 degree
  /// out to sea on this map, and a lookup by a project's coordinates
  /// should still find Pakistan.
  public func country(near point: GeoPoint, within tolerance: Double) -> CountryCode? {
    if let inside = country(at: point) { return inside }
    var best: (distance: Double, code: CountryCode)?
    for country in countries
    where point.longitude >= country.west - tolerance * 2 && point.longitude <= country.east + tolerance * 2
      && point.latitude >= country.south - tolerance && point.latitude <= country.north + tolerance
    {
      let distance = distanceToOutline(country, point)
      if distance <= tolerance, distance < best?.distance ?? .infinity { best = (distance, country.code) }
    }
    return best?.code
  }

  /// Degrees from `point` to the nearest edge of `country`'s outline, with
  /// longitudes shrunk by the cosine of the latitude (so that a degree
  /// east and a degree north are about as far apart on the ground).
  func distanceToOutline(_ country: Country, _ point: GeoPoint) -> Double {
    let shrink = max(0.01, cos(point.latitude * Double.pi / 180))
    var best = Double.infinity
    forEachEdge(of: country) { x0, y0, x1, y1 in
      let ax = (x0 - point.longitude) * shrink
      let ay = y0 - point.latitude
      let dx = (x1 - point.longitude) * shrink - ax
      let dy = y1 - point.latitude - ay
      let length = dx * dx + dy * dy
      let t = length > 0 ? min(1, max(0, -(ax * dx + ay * dy) / length)) : 0
      let x = ax + t * dx
      let y = ay + t * dy
      best = min(best, (x * x + y * y).squareRoot())
    }
    return best
  }

  /// Whether `point` lies inside `country`'s outline.
  func contains(_ country: Country, _ point: GeoPoint) -> Bool {
    var inside = false
    let x = point.longitude
    let y = point.latitude
    forEachEdge(of: country) { xj, yj, xi, yi in
      if (yi > y) != (yj > y), x < (xj - xi) * (y - yi) / (yj - yi) + xi { inside.toggle() }
    }
    return inside
  }

  /// Calls `body(x0, y0, x1, y1)` (degrees) for every edge of every ring
  /// of `country`, the closing edge included.
  func forEachEdge(of country: Country, _ body: (Double, Double, Double, Double) -> Void) {
    for ring in country.rings {
      let start = ringStarts[ring]
      let end = ringStarts[ring + 1]
      var previous = end - 1
      for index in start..<end {
        body(longitudes[previous], latitudes[previous], longitudes[index], latitudes[index])
        previous = index
      }
    }
  }

  /// Where a country's marker goes: inside its outline, or its capital for
  /// a country too small to have one. Nil when the map does not know it.
  public func markerPoint(of code: CountryCode) -> GeoPoint? {
    if let index = indexByCode[code] { return countries[index].marker }
    return markerOnly[code]
  }

  /// The country with an outline, by code.
  public func outline(of code: CountryCode) -> Country? {
    indexByCode[code].map { countries[$0] }
  }

  /// Collects decoded countries into the flat form.
  struct Builder {
    var countries: [Country] = []
    var ringStarts: [Int] = [0]
    var longitudes: [Double] = []
    var latitudes: [Double] = []
    var markerOnly: [CountryCode: GeoPoint] = [:]

    mutating func addCountry(_ code: CountryCode, marker: GeoPoint, rings: [[GeoPoint]]) {
      let firstRing = ringStarts.count - 1
      var west = Double.infinity
      var east = -Double.infinity
      var south = Double.infinity
      var north = -Double.infinity
      for ring in rings {
        for point in ring {
          longitudes.append(point.longitude)
          latitudes.append(point.latitude)
          west = min(west, point.longitude)
          east = max(east, point.longitude)
          south = min(south, point.latitude)
          north = max(north, point.latitude)
        }
        ringStarts.append(longitudes.count)
      }
      countries.append(
        Country(
          code: code, marker: marker, rings: firstRing..<(ringStarts.count - 1), west: west, east: east,
          south: south, north: north, projectedSouth: MillerProjection.y(latitude: south),
          projectedNorth: MillerProjection.y(latitude: north)))
    }

    mutating func addMarkerOnly(_ code: CountryCode, _ point: GeoPoint) {
      markerOnly[code] = point
    }

    func build() -> BaseMap {
      var index: [CountryCode: Int] = [:]
      for (position, country) in countries.enumerated() { index[country.code] = position }
      return BaseMap(
        countries: countries, ringStarts: ringStarts, longitudes: longitudes, latitudes: latitudes,
        projectedY: latitudes.map(MillerProjection.y(latitude:)), markerOnly: markerOnly, indexByCode: index)
    }
  }
}
