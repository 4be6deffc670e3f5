import GreenSilkCore
import Testing

@testable import GreenSilkUI

@Suite("Map raster: outlines filled and drawn")
struct MapRasterTests {
  let map = BaseMap.naturalEarth
  static let sizes = [(80, 24), (160, 48), (240, 67)]

  /// The dot a place projects to on a canvas.
  func dot(_ place: GeoPoint, _ raster: MapRaster) -> (x: Int, y: Int) {
    let (x, y) = raster.transform.dot(place)
    return (Int(x), Int(y))
  }

  @Test(
    "a place in Pakistan or Kazakhstan is drawn inside that country, and shaded with it",
    arguments: [
      ("Islamabad", 73.05, 33.68, "PAK"), ("Astana", 71.45, 51.17, "KAZ"), ("Multan", 71.47, 30.20, "PAK"),
      ("Karaganda", 73.10, 49.80, "KAZ"),
    ] as [(String, Double, Double, String)])
  func placeIsDrawnInside(name: String, longitude: Double, latitude: Double, country: String) {
    let place = GeoPoint(longitude: longitude, latitude: latitude)
    for (width, height) in Self.sizes {
      let raster = MapRaster(viewport: .home, columns: width, rows: height)
      let (x, y) = dot(place, raster)
      #expect(raster.country(atDotX: x, y: y)?.description == country, "\(name) at \(width)x\(height)")
      // Shaded, the cell at that dot is a member's; unshaded, it is not.
      let scene = MapScene(shadedCountries: [code(country)])
      var shaded = Buffer(width: width, height: height)
      MapRenderer.draw(scene, raster: raster, in: shaded.area, glyphs: .unicode, into: &shaded)
      #expect(shaded[x / 2, y / 4].style.role == .mapMember, "\(name) at \(width)x\(height)")
      var plain = Buffer(width: width, height: height)
      MapRenderer.draw(MapScene(), raster: raster, in: plain.area, glyphs: .unicode, into: &plain)
      #expect(plain[x / 2, y / 4].style.role != .mapMember)
    }
  }

  @Test("a project placed by its coordinates in Pakistan is drawn in Pakistan's outline")
  func pointInsidePakistan() {
    // Sahiwal's coal power station, inland (a port like Gwadar lies just
    // off the 1:110m coast: see BaseMapTests.coastalPort).
    let sahiwal = GeoPoint(longitude: 73.10, latitude: 30.66)
    for (width, height) in Self.sizes {
      let raster = MapRaster(viewport: .home, columns: width, rows: height)
      var buffer = Buffer(width: width, height: height)
      let scene = MapScene(points: [MapPoint(location: sahiwal, light: .red)])
      MapRenderer.draw(scene, raster: raster, in: buffer.area, glyphs: .unicode, into: &buffer)
      let (x, y) = dot(sahiwal, raster)
      #expect(raster.country(atDotX: x, y: y)?.description == "PAK", "\(width)x\(height)")
      #expect(buffer[x / 2, y / 4].style.role == .mapMarkerRed)
      let bit = BrailleDots.bitAt[(y % 4) * 2 + x % 2]
      let pattern = buffer[x / 2, y / 4].symbol.unicodeScalars.first.map { UInt8($0.value - 0x2800) } ?? 0
      #expect(pattern & bit != 0, "the point's own dot is set")
    }
  }

  @Test("country markers are drawn on their country: Pakistan's and Kazakhstan's cells lie in them")
  func markersOnTheirCountry() throws {
    for (width, height) in Self.sizes {
      let raster = MapRaster(viewport: .home, columns: width, rows: height)
      var buffer = Buffer(width: width, height: height)
      let scene = MapScene(markers: [
        CountryMarker(country: code("PAK"), green: 3, red: 1), CountryMarker(country: code("KAZ"), yellow: 250),
      ])
      let frame = MapRenderer.draw(scene, raster: raster, in: buffer.area, glyphs: .unicode, into: &buffer)
      for country in ["PAK", "KAZ"] {
        let area = try #require(frame.markerAreas[code(country)])
        let center = (x: area.x * 2 + area.width, y: area.y * 4 + area.height * 2)
        #expect(raster.country(atDotX: center.x, y: center.y)?.description == country, "\(country) \(width)x\(height)")
        for y in area.y..<area.maxY {
          for x in area.x..<area.maxX {
            #expect([.mapMarkerGreen, .mapMarkerYellow, .mapMarkerRed].contains(buffer[x, y].style.role))
          }
        }
      }
      let kazakhstan = try #require(frame.markerAreas[code("KAZ")])
      #expect(kazakhstan.width * kazakhstan.height == 2, "100-999 projects: a two-cell disc")
    }
  }

  @Test("the filled raster agrees with the point-in-polygon lookup away from borders")
  func fillAgreesWithLookup() {
    let raster = MapRaster(viewport: .home, columns: 160, rows: 48)
    var compared = 0
    var agreed = 0
    for y in stride(from: 1, to: raster.transform.dotsHigh, by: 7) {
      for x in stride(from: 1, to: raster.transform.dotsWide, by: 5) {
        let cell = (y / 4) * raster.columns + x / 2
        guard raster.cellCountry[cell] != MapRaster.mixed else { continue }  // a border runs here
        compared += 1
        if raster.country(atDotX: x, y: y) == map.country(at: raster.transform.place(dotX: x, dotY: y)) { agreed += 1 }
      }
    }
    #expect(compared > 1000)
    #expect(Double(agreed) / Double(compared) > 0.995, "\(agreed) of \(compared)")
  }

  @Test("zoomed far in, only the visible part is stepped and the fill still holds")
  func zoomedIn() {
    let viewport = MapViewport(center: GeoPoint(longitude: 71.45, latitude: 51.17), zoom: 16)
    let raster = MapRaster(viewport: viewport, columns: 80, rows: 24)
    #expect(raster.country(atDotX: 80, y: 48)?.description == "KAZ")
    #expect(raster.cellCountry.allSatisfy { $0 != 0 }, "no sea around Astana")
  }

  @Test("a kept raster fits only its viewport and size")
  func fits() {
    let raster = MapRaster(viewport: .home, columns: 80, rows: 24)
    #expect(raster.fits(viewport: .home, columns: 80, rows: 24))
    #expect(!raster.fits(viewport: .home.zoomedIn(), columns: 80, rows: 24))
    #expect(!raster.fits(viewport: .home, columns: 81, rows: 24))
    var canvas = MapCanvas()
    var buffer = Buffer(width: 80, height: 24)
    canvas.render(MapScene(), viewport: .home, in: buffer.area, glyphs: .unicode, into: &buffer)
    let first = canvas.raster
    canvas.render(MapScene(selectedCountry: code("PAK")), viewport: .home, in: buffer.area, glyphs: .unicode, into: &buffer)
    #expect(canvas.raster == first)
  }
}

@Suite("Map geometry: viewport, lines, fills, ASCII")
struct MapGeometryTests {
  @Test("the home view shows every corridor node at every size")
  func homeShowsCorridors() {
    for (width, height) in [(80, 24), (160, 48), (240, 67)] {
      let transform = MapViewport.home.transform(columns: width, rows: height)
      for route in MapFixture.routes {
        for node in route.nodes {
          #expect(transform.cell(of: node.location) != nil, "\(node.name) at \(width)x\(height)")
        }
      }
    }
  }

  @Test("zoom is clamped, pan moves a quarter of the view and stays on the map")
  func zoomAndPan() {
    var viewport = MapViewport.home
    for _ in 0..<20 { viewport = viewport.zoomedIn() }
    #expect(viewport.zoom == MapViewport.maximumZoom)
    for _ in 0..<20 { viewport = viewport.zoomedOut() }
    #expect(viewport.zoom == MapViewport.minimumZoom)
    let home = MapViewport.home
    let east = home.panned(across: 0.25, down: 0, columns: 80, rows: 24)
    let transform = home.transform(columns: 80, rows: 24)
    let quarter = Double(transform.dotsWide) / transform.scale / 4
    #expect(abs(east.center.longitude - home.center.longitude - quarter) < 1e-9)
    var far = home
    for _ in 0..<50 { far = far.panned(across: 1, down: 1, columns: 80, rows: 24) }
    #expect(far.center.longitude == MapViewport.eastLimit && far.center.latitude == MapViewport.southLimit)
  }

  @Test("a line is clipped to the canvas before it is stepped")
  func clipping() throws {
    var layer = DotLayer(columns: 4, rows: 2)
    layer.line(from: (-1000, -1000), to: (1000, 1000))
    // Dots (0,0) to (7,7): cells (0,0), (1,0), (2,1), (3,1) of a 4x2 canvas.
    #expect(layer.bits.enumerated().filter { $0.element != 0 }.map(\.offset) == [0, 1, 6, 7])
    #expect(DotLayer.clip((-5, -5), (-1, -1), width: 8, height: 8) == nil)
    let inside = try #require(DotLayer.clip((1, 1), (3, 3), width: 8, height: 8))
    #expect(inside.0 == (1, 1) && inside.1 == (3, 3))
  }

  @Test("scanline fill: a square fills its dots, a hole stays empty")
  func scanline() {
    var fill = ScanlineFill(width: 10, height: 10)
    let outer = [(1.0, 1.0), (9.0, 1.0), (9.0, 9.0), (1.0, 9.0)]
    let hole = [(4.0, 4.0), (6.0, 4.0), (6.0, 6.0), (4.0, 6.0)]
    for ring in [outer, hole] {
      for (a, b) in zip(ring, ring.dropFirst() + [ring[0]]) { fill.addEdge(from: (a.0, a.1), to: (b.0, b.1)) }
    }
    var filled = 0
    fill.forEachSpan { _, from, to in filled += to - from + 1 }
    #expect(filled == 64 - 4)
    #expect(ScanlineFill.float(ScanlineFill.orderable(-3.25)) == -3.25)
    #expect(ScanlineFill.orderable(-1) < ScanlineFill.orderable(0.5))
  }

  @Test("ASCII reads a cell's dots as the line they look like")
  func asciiLines() {
    #expect(AsciiDots.outline(0) == " ")
    #expect(AsciiDots.outline(0x47) == "|")  // the left column
    #expect(AsciiDots.outline(0x12) == "-")  // row 1, both columns
    #expect(AsciiDots.outline(0xC0) == "_")  // the bottom row
    #expect(AsciiDots.outline(0x01 | 0x10 | 0x20 | 0x80) == "\\")
    #expect(AsciiDots.outline(0x08 | 0x10 | 0x04 | 0x40) == "/")
    #expect(AsciiDots.glyphs.allSatisfy { $0.utf8.count == 1 && $0.utf8.first.map { $0 >= 0x20 && $0 < 0x7F } == true })
  }

  @Test("labels never cover a marker or touch another label, and can spare routes")
  func labeler() {
    var buffer = Buffer(width: 20, height: 2)
    var labels = MapLabeler(area: buffer.area)
    labels.take(x: 5, y: 1)
    let overMarker = labels.place("ab", style: .text, at: [(4, 1)])
    #expect(!overMarker, "it would cover the marker")
    let besideMarker = labels.place("ab", style: .text, at: [(4, 1), (6, 1)])
    #expect(besideMarker)
    let touching = labels.place("cd", style: .text, at: [(8, 1)])
    #expect(!touching, "no blank column after ab")
    let apart = labels.place("cd", style: .text, at: [(9, 1)])
    #expect(apart)
    let pastTheEdge = labels.place("toolong", style: .text, at: [(15, 1)])
    #expect(!pastTheEdge, "past the right edge")
    for x in 0..<4 { labels.avoid(x: x, y: 0) }
    var spared = labels
    spared.place("ef", style: .text, at: [(0, 0), (12, 0)], sparingRoutes: true)
    labels.place("gh", style: .text, at: [(0, 0), (12, 0)])
    // Placed labels are written together at the end.
    labels.write(into: &buffer)
    spared.write(into: &buffer)
    #expect(buffer.line(0) == "gh          ef      ")
    #expect(buffer.line(1) == "      ab cd         ")
  }

  @Test("braille glyphs are U+2800 plus the dot bits")
  func braille() {
    #expect(BrailleDots.glyphs[0xFF] == "⣿")
    #expect(BrailleDots.glyphs[0x01] == "⠁")
    #expect(BrailleDots.glyphs[0x80] == "⢀")
    #expect(Set(BrailleDots.bitAt).count == 8)
  }
}

@Suite("Map frames: what a selection change rewrites")
struct MapFrameChangeTests {
  @Test("moving the selected country rewrites only the two markers and their labels")
  func countryCursorMove() {
    var scene = MapFixture.scene(selecting: .ccwaec, country: code("KAZ"))
    let before = MapFixture.render(scene, width: 160, height: 48)
    scene.selectedCountry = code("UZB")
    let after = MapFixture.render(scene, width: 160, height: 48)
    let changes = after.diff(from: before)
    print("map: selected country KAZ -> UZB at 160x48 rewrites \(changes.count) cells")
    #expect(!changes.isEmpty)
    #expect(changes.count <= 24)
    // Every change is a marker cell or label text, never the base map.
    #expect(changes.allSatisfy { change in
      let role = change.cell.style.role
      return [.mapMarkerGreen, .mapMarkerYellow, .mapMarkerRed, .mapMarkerNone, .selection, .muted].contains(role)
        || before[change.x, change.y].style.role == .selection || before[change.x, change.y].style.role == .muted
    })
  }
}
