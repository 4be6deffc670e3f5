import GreenSilkCore
import Testing

@testable import GreenSilkUI

/// Projects drawn where they are, on the whole screen: the marker of a
/// project in Pakistan lies inside Pakistan's outline and one in
/// Kazakhstan inside Kazakhstan's, read back from the rendered frame
/// (cell by cell, every lit dot), at every size the screen supports, in
/// braille and ASCII; and projects with a place of their own are dots
/// inside their countries, while the others still make the markers.
@Suite("Map screen: projects inside their countries")
struct MapPlacementTests {
  /// The shipped reference tables with two projects: a red one in
  /// Pakistan, a green one in Kazakhstan (the colours tell their markers
  /// apart on screen).
  static let data = dataSet()

  /// The two projects; the one in Pakistan at `place` when one is given.
  static func dataSet(pakistanAt place: GeoPoint? = nil) -> DataSet {
    let shipped = ScreenFixture.shipped.dataSet
    func project(_ id: String, _ country: String, _ light: TrafficLight) -> Project {
      let impact: ImpactRating = light == .red ? .significantIrreversible : .positive
      return Project(
        id: id, revision: 1, title: "Project in \(country)", area: .facilitiesConnectivity, corridors: [.cpec],
        countries: [code(country)], location: country == "PAK" ? place : nil, stage: .concept,
        screening: Screening(pollution: impact, climate: .positive, biodiversity: .positive, esCategory: .b),
        source: SourceRef(dataset: "test"))
    }
    return DataSet(
      meta: shipped.meta, countries: shipped.countries, corridors: shipped.corridors, memberships: shipped.memberships,
      areas: shipped.areas, projects: [project("T-PAK", "PAK", .red), project("T-KAZ", "KAZ", .green)],
      routes: shipped.routes)
  }

  static func driver(width: Int, height: Int, glyphs: GlyphSet = .unicode) -> AppDriver {
    var driver = AppDriver(
      data: data, size: Size(width: width, height: height), clock: ScreenFixture.clock,
      settings: DisplaySettings(glyphs: glyphs))
    driver.press(.character("6"))
    return driver
  }

  /// The countries under the lit dots of every cell drawn in `role` on
  /// the map's canvas, and how many such cells there are.
  static func countries(under role: Role, in driver: AppDriver) -> (countries: Set<CountryCode>, cells: Int) {
    let buffer = driver.render()
    let canvas = MapScreen.layout(AppView.body(for: driver.state.size)).map
    let transform = driver.state.map.viewport.transform(columns: canvas.width, rows: canvas.height)
    var found = Set<CountryCode>()
    var cells = 0
    for row in 0..<canvas.height {
      for column in 0..<canvas.width where buffer[canvas.x + column, canvas.y + row].style.role == role {
        cells += 1
        let symbol = buffer[canvas.x + column, canvas.y + row].symbol
        // Braille: the dots the glyph lights; ASCII: the whole cell.
        let bits = symbol.unicodeScalars.first.map { $0.value >= 0x2800 && $0.value <= 0x28FF ? UInt8($0.value - 0x2800) : 0xFF } ?? 0xFF
        for dot in 0..<8 where bits & BrailleDots.bitAt[dot] != 0 {
          let place = transform.place(dotX: column * 2 + dot % 2, dotY: row * 4 + dot / 2)
          found.insert(BaseMap.naturalEarth.country(at: place) ?? code("ATA"))
        }
      }
    }
    return (found, cells)
  }

  @Test(arguments: [(80, 24), (120, 40), (160, 48), (240, 67)])
  func markersLieInsideTheirCountries(width: Int, height: Int) {
    for glyphs in [GlyphSet.unicode, .ascii] {
      let driver = Self.driver(width: width, height: height, glyphs: glyphs)
      let pakistan = Self.countries(under: .mapMarkerRed, in: driver)
      let kazakhstan = Self.countries(under: .mapMarkerGreen, in: driver)
      #expect(pakistan.cells == 1, "\(width)x\(height) \(glyphs.isASCII ? "ASCII" : "braille")")
      #expect(pakistan.countries == [code("PAK")], "\(width)x\(height)")
      #expect(kazakhstan.cells == 1)
      #expect(kazakhstan.countries == [code("KAZ")], "\(width)x\(height)")
    }
  }

  /// Zoomed in on each, the marker stays inside as the map grows.
  @Test func markersStayInsideWhenZoomed() {
    var driver = Self.driver(width: 160, height: 48)
    #expect(Set(driver.state.map.countries) == [code("PAK"), code("KAZ")])
    while driver.state.map.country != code("PAK") { driver.press(.right) }
    for _ in 0..<4 { driver.press(.character("+")) }
    #expect(Self.countries(under: .mapMarkerRed, in: driver).countries == [code("PAK")])
    driver.press(.right, .left, .right, .left)
    if driver.state.map.country != code("KAZ") { driver.press(.right) }
    #expect(driver.state.map.country == code("KAZ"))
    #expect(Self.countries(under: .mapMarkerGreen, in: driver).countries == [code("KAZ")])
  }

  /// Projects with a place of their own (Sukkur, Karaganda) are dots in
  /// their countries; a project without one still makes its country's
  /// marker, and the counts per country include both.
  @Test func projectsWithCoordinatesAreDotsInsideTheirCountries() {
    var driver = Self.driver(width: 160, height: 48)
    let places = [
      "T-PAK": GeoPoint(longitude: 68.86, latitude: 27.70), "T-KAZ": GeoPoint(longitude: 73.10, latitude: 49.80),
    ]
    let state = driver.state
    driver.state.map.invalidate()
    driver.state.map.sync(
      state.context, rows: state.pipeline.visible, canvas: MapScreen.canvasSize(in: state.size),
      locate: { places[$0.id] })
    #expect(driver.state.map.projects.points.count == 2)
    #expect(driver.state.map.projects.markers.isEmpty)
    #expect(driver.state.map.projects.marker(of: code("PAK")).red == 1)
    #expect(Self.countries(under: .mapMarkerRed, in: driver).countries == [code("PAK")])
    #expect(Self.countries(under: .mapMarkerGreen, in: driver).countries == [code("KAZ")])
    // One of them without a place: a marker again, in Kazakhstan.
    driver.state.map.invalidate()
    driver.state.map.sync(
      state.context, rows: state.pipeline.visible, canvas: MapScreen.canvasSize(in: state.size),
      locate: { $0.id == "T-PAK" ? places[$0.id] : nil })
    #expect(driver.state.map.projects.points.count == 1)
    #expect(driver.state.map.projects.markers.map(\.country) == [code("KAZ")])
    #expect(Self.countries(under: .mapMarkerGreen, in: driver).countries == [code("KAZ")])
  }

  /// The same from the records themselves: a project whose `location`
  /// field puts it at Sukkur is a dot inside Pakistan with no locate
  /// function given (what the dashboard does), and the other project
  /// still makes Kazakhstan's marker.
  @Test func recordedLocationsAreDrawnAsDots() {
    var driver = AppDriver(
      data: Self.dataSet(pakistanAt: GeoPoint(longitude: 68.86, latitude: 27.70)), size: Size(width: 160, height: 48), clock: ScreenFixture.clock, settings: DisplaySettings())
    driver.press(.character("6"))
    #expect(driver.state.map.projects.points.map(\.location) == [GeoPoint(longitude: 68.86, latitude: 27.70)])
    #expect(driver.state.map.projects.markers.map(\.country) == [code("KAZ")])
    #expect(Self.countries(under: .mapMarkerRed, in: driver).countries == [code("PAK")])
    #expect(Self.countries(under: .mapMarkerGreen, in: driver).countries == [code("KAZ")])
  }
}
