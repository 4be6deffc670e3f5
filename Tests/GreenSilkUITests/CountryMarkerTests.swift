import GreenSilkCore
import Testing

@testable import GreenSilkUI

@Suite("Country markers")
struct CountryMarkerTests {
  @Test("projects are counted per country and light; a project in two countries counts in both")
  func aggregation() {
    let markers = CountryMarker.perCountry(MapFixture.data.projects)
    let byCountry = Dictionary(uniqueKeysWithValues: markers.map { ($0.country, $0) })
    #expect(markers.map(\.country) == markers.map(\.country).sorted())
    let pakistan = MapFixture.data.projects.filter { $0.countries.contains(code("PAK")) }
    #expect(byCountry[code("PAK")]?.total == pakistan.count)
    #expect(byCountry[code("PAK")]?.red == pakistan.filter { $0.light == .red }.count)
    #expect(byCountry[code("PAK")]?.unscreened == pakistan.filter { $0.light == nil }.count)
    let mentions = MapFixture.data.projects.reduce(0) { $0 + $1.countries.count }
    #expect(markers.reduce(0) { $0 + $1.total } == mentions)
  }

  @Test("over the rows a filter kept, only those projects count")
  func filteredRows() {
    let projects = MapFixture.data.projects
    let rows = projects.indices.filter { projects[$0].countries.contains(code("KAZ")) }.map { Int32($0) }
    let markers = CountryMarker.perCountry(projects, rows: rows)
    #expect(markers.first { $0.country == code("KAZ") }?.total == rows.count)
    #expect(markers.allSatisfy { $0.total <= rows.count })
    #expect(CountryMarker.perCountry(projects, rows: []) == [])
  }

  @Test("sizes step by powers of ten")
  func sizes() {
    #expect([1, 9, 10, 99, 100, 999, 1000, 21_000].map { MarkerSize(total: $0) } == [
      .units, .units, .tens, .tens, .hundreds, .hundreds, .thousands, .thousands,
    ])
  }

  @Test("a marker's cells split by light, and a lone red project still shows")
  func mix() {
    let marker = CountryMarker(country: code("PAK"), green: 30, yellow: 10, red: 1, unscreened: 959)
    let roles = marker.roles(cells: 6)
    #expect(roles.count == 6)
    #expect(roles.contains(.mapMarkerRed) && roles.contains(.mapMarkerGreen))
    #expect(roles.last == .mapMarkerNone)
    #expect(roles == roles.sorted { order($0) < order($1) }, "green, yellow, red, then not screened")
    let even = CountryMarker(country: code("KAZ"), green: 3, yellow: 3, red: 0, unscreened: 0)
    #expect(even.roles(cells: 2) == [.mapMarkerGreen, .mapMarkerYellow])
  }

  @Test("a one-cell marker takes the most common light; ties go to the more severe")
  func oneCell() {
    #expect(CountryMarker(country: code("PAK"), green: 5, red: 1).roles(cells: 1) == [.mapMarkerGreen])
    #expect(CountryMarker(country: code("PAK"), green: 2, red: 2).roles(cells: 1) == [.mapMarkerRed])
    #expect(CountryMarker(country: code("PAK"), unscreened: 3).roles(cells: 1) == [.mapMarkerNone])
    #expect(CountryMarker(country: code("PAK")).roles(cells: 3) == [.mapMarkerNone, .mapMarkerNone, .mapMarkerNone])
  }

  @Test("counts beside markers stay short")
  func compactCounts() {
    #expect([7, 212, 999, 1000, 1234, 9_960, 12_400, 21_000].map(MapRenderer.compactCount) == [
      "7", "212", "999", "1k", "1.2k", "10k", "12k", "21k",
    ])
  }

  @Test("markers of countries the map cannot place are reported, not drawn")
  func unplaced() {
    var buffer = Buffer(width: 80, height: 24)
    let raster = MapRaster(viewport: .home, columns: 80, rows: 24)
    let scene = MapScene(markers: [
      CountryMarker(country: code("MAC"), green: 2), CountryMarker(country: code("SGP"), red: 1),
      CountryMarker(country: code("USA"), red: 4),
    ])
    let frame = MapRenderer.draw(scene, raster: raster, in: buffer.area, glyphs: .unicode, into: &buffer)
    #expect(frame.unplaced == [code("MAC"), code("USA")])
    #expect(frame.markerAreas[code("SGP")] != nil, "Singapore has a point, not an outline")
  }

  private func order(_ role: Role) -> Int {
    [Role.mapMarkerGreen, .mapMarkerYellow, .mapMarkerRed, .mapMarkerNone].firstIndex(of: role) ?? 9
  }
}

@Suite("Map roles in the shipped themes")
struct MapThemeTests {
  @Test("marker colours differ from each other, and shading from outlines, at every depth")
  func rolesDiffer() {
    for name in MapFixture.catalog.names {
      let theme = MapFixture.catalog.load(name).theme
      for depth in ColorDepth.allCases {
        let markers = [Role.mapMarkerGreen, .mapMarkerYellow, .mapMarkerRed, .mapMarkerNone].map {
          theme.resolve(Style($0), depth: depth)
        }
        #expect(Set(markers).count == 4, "\(name) at \(depth.name)")
        #expect(theme.resolve(Style(.mapLand), depth: depth) != theme.resolve(Style(.mapMember), depth: depth))
      }
    }
  }
}
