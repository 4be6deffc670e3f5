import GreenSilkCore
import SnapshotTesting
import Testing

@testable import GreenSilkUI

/// The map screen (6): snapshots at 80x24, 160x48, 240x67 and in ASCII,
/// its keys, the pipeline's filter on the map, Enter into the filtered
/// pipeline and back, the kept raster, and projects drawn inside their
/// countries' outlines.
@Suite("Map screen")
struct MapScreenTests {
  static let cpec = CorridorCode.allCases.firstIndex(of: .cpec)! + 1
  static let ccwaec = CorridorCode.allCases.firstIndex(of: .ccwaec)! + 1

  static func map(width: Int = 80, height: Int = 24, ascii: Bool = false) -> AppDriver {
    var driver = ScreenFixture.driver(
      width: width, height: height, settings: DisplaySettings(glyphs: ascii ? .ascii : .unicode))
    driver.press(.character("6"))
    return driver
  }

  /// CPEC chosen (↓ five times), then its westernmost country, Pakistan.
  static func cpecAndPakistan(width: Int = 80, height: Int = 24, ascii: Bool = false) -> AppDriver {
    var driver = map(width: width, height: height, ascii: ascii)
    for _ in 0..<cpec { driver.press(.down) }
    driver.press(.right)
    return driver
  }

  static func quoted(_ buffer: Buffer) -> String {
    buffer.lines.map { "\"\($0)\"" }.joined(separator: "\n")
  }

  // MARK: - Snapshots

  @Test func at80x24() {
    assertScreenSnapshots(Self.cpecAndPakistan(), named: "map-cpec-pakistan-80x24")
  }

  @Test func everyCorridorAt80x24() {
    assertScreenSnapshots(Self.map(), named: "map-all-80x24")
  }

  /// The big ones as text only (their roles are those of the 80x24 ones,
  /// checked there and in the map tests).
  @Test func at160x48() {
    let driver = Self.cpecAndPakistan(width: 160, height: 48)
    assertSnapshot(of: Self.quoted(driver.render()), as: .lines, named: "map-cpec-pakistan-160x48")
  }

  @Test func at240x67() {
    var driver = Self.map(width: 240, height: 67)
    for _ in 0..<Self.ccwaec { driver.press(.character("j")) }
    driver.press(.character("l"), .character("l"))
    #expect(driver.state.map.corridor == .ccwaec)
    assertSnapshot(of: Self.quoted(driver.render()), as: .lines, named: "map-ccwaec-240x67")
  }

  @Test func ascii() {
    for (width, height) in [(80, 24), (160, 48)] {
      let driver = Self.cpecAndPakistan(width: width, height: height, ascii: true)
      let buffer = driver.render()
      #expect(buffer.cells.allSatisfy { $0.symbol.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } })
      assertScreenSnapshots(driver, named: "map-ascii-\(width)x\(height)")
    }
  }

  /// Zoomed twice about Pakistan: node names, Pakistan where it was.
  @Test func zoomedAt120x40() {
    var driver = Self.cpecAndPakistan(width: 120, height: 40)
    driver.press(.character("+"), .character("+"))
    let text = driver.render().lines.joined(separator: "\n")
    for name in ["Gwadar", "Kashgar", "PAK 20", "zoom 2.3x"] { #expect(text.contains(name), "\(name)") }
    assertSnapshot(of: Self.quoted(driver.render()), as: .lines, named: "map-zoomed-120x40")
  }

  @Test func emptyDataSet() {
    var driver = AppDriver(data: DataSet(meta: DataSetMeta(label: .synthetic, title: "Empty")), clock: ScreenFixture.clock)
    driver.press(.character("6"), .down, .right, .enter)
    #expect(driver.state.screen == .pipeline)
    driver.press(.escape)
    #expect(driver.state.screen == .map)
    assertScreenSnapshots(driver, named: "map-empty-80x24")
  }

  @Test func atTheMinimumSize() {
    assertScreenSnapshots(Self.cpecAndPakistan(width: 60, height: 16), named: "map-60x16")
  }

  // MARK: - Keys

  @Test func corridorsMoveAndCountriesGoWestToEast() {
    var driver = Self.map()
    #expect(driver.state.map.corridor == nil)
    driver.press(.up)
    #expect(driver.state.map.choice == 0)
    driver.press(.down)
    #expect(driver.state.map.corridor == .nelb)
    for _ in 0..<20 { driver.press(.character("j")) }
    #expect(driver.state.map.corridor == .bcimec)
    driver.press(.character("k"))
    #expect(driver.state.map.corridor == .cpec)
    #expect(driver.state.map.countries == [code("PAK"), code("CHN")])
    driver.press(.left)  // none chosen: the easternmost
    #expect(driver.state.map.country == code("CHN"))
    driver.press(.character("h"), .character("h"))
    #expect(driver.state.map.country == code("PAK"))
    driver.press(.character("l"))
    #expect(driver.state.map.country == code("CHN"))
    // Every corridor: every country with a project, west to east.
    driver.press(.escape, .escape)
    #expect(driver.state.map.choice == 0 && driver.state.map.country == nil)
    let longitudes = driver.state.map.countries.map { BaseMap.naturalEarth.markerPoint(of: $0)?.longitude ?? 999 }
    #expect(longitudes == longitudes.sorted())
    #expect(driver.state.map.countries.count == driver.state.map.projects.perCountry.filter { $0.total > 0 }.count)
    // Another corridor drops the country.
    driver.press(.right, .down)
    #expect(driver.state.map.country == nil)
  }

  @Test func enterOpensThePipelineOnTheCountryAndEscComesBack() {
    var driver = Self.cpecAndPakistan()
    let marker = driver.state.map.projects.marker(of: code("PAK"))
    #expect(marker.total == 20)
    driver.press(.enter)
    #expect(driver.state.screen == .pipeline)
    #expect(driver.state.pipeline.facets.country == code("PAK"))
    #expect(driver.state.pipeline.visible.count == marker.total)
    let pakistan = driver.state.data.projects.filter { $0.countries.contains(code("PAK")) }.map(\.id)
    #expect(Set(driver.state.pipeline.visible.map { driver.state.data.projects[Int($0)].id }) == Set(pakistan))
    #expect(driver.render().lines[1].contains("country Pakistan"))
    driver.press(.escape)
    #expect(driver.state.screen == .map)
    #expect(driver.state.pipeline.facets == PipelineFacets())
    #expect(driver.state.map.country == code("PAK"))
    // Without a country: the corridor.
    driver.press(.escape, .enter)
    #expect(driver.state.pipeline.facets.corridor == .cpec)
    #expect(driver.state.pipeline.visible.count == driver.state.map.projects.perCorridor[CorridorCode.cpec.index])
    driver.press(.escape)
    #expect(driver.state.pipeline.facets.isEmpty)
  }

  @Test func enterKeepsThePipelinesOwnFacetsAndEscPutsThemBack() {
    var driver = ScreenFixture.driver()
    driver.press(.character("3"), .character("l"))  // light: green
    let green = driver.state.pipeline.facets
    driver.press(.character("6"))
    for _ in 0..<Self.cpec { driver.press(.down) }
    driver.press(.right, .enter)
    #expect(driver.state.pipeline.facets.light == .green && driver.state.pipeline.facets.country == code("PAK"))
    #expect(driver.state.pipeline.visible.count == driver.state.map.projects.marker(of: code("PAK")).green)
    // Through a project and back: Esc still leads to the map.
    driver.press(.enter, .escape, .escape)
    #expect(driver.state.screen == .map)
    #expect(driver.state.pipeline.facets == green)
    // Leaving the pipeline another way forgets the way back: Esc clears.
    driver.press(.enter, .character("1"), .character("3"), .escape)
    #expect(driver.state.screen == .pipeline)
    #expect(driver.state.pipeline.facets.isEmpty)
  }

  @Test func thePipelinesFilterAppliesToTheMap() {
    var driver = ScreenFixture.driver()
    driver.press(.character("3"), .character("l"), .character("l"), .character("l"))  // light: red
    let red = driver.state.data.projects.filter { $0.light == .red }
    #expect(driver.state.pipeline.visible.count == red.count)
    driver.press(.character("6"))
    let map = driver.state.map.projects
    #expect(map.total == red.count)
    #expect(map.markers.allSatisfy { $0.green == 0 && $0.yellow == 0 && $0.unscreened == 0 })
    #expect(map.markers.reduce(0) { $0 + $1.red } == red.reduce(0) { $0 + $1.countries.count })
    let status = driver.render().lines[22]
    #expect(status.contains("filtered: \(red.count) of \(driver.state.data.projects.count)"), "\(status)")
    #expect(status.contains("light: red"), "\(status)")
    // A typed filter too.
    driver.press(.character("3"), .character("x"), .character("/"))
    driver.type("solar")
    driver.press(.enter, .character("6"))
    #expect(driver.state.map.projects.total == driver.state.pipeline.visible.count)
    #expect(driver.state.map.projects.total < driver.state.data.projects.count)
  }

  @Test func zoomKeepsTheChosenCountryInPlaceAndPansAndResets() throws {
    var driver = Self.cpecAndPakistan(width: 160, height: 48)
    let size = MapScreen.canvasSize(in: driver.state.size)
    let pakistan = try #require(BaseMap.naturalEarth.markerPoint(of: code("PAK")))
    func cell() -> (column: Int, row: Int)? {
      driver.state.map.viewport.transform(columns: size.width, rows: size.height).cell(of: pakistan)
    }
    let before = try #require(cell())
    driver.press(.character("+"), .character("="))
    #expect(abs(driver.state.map.viewport.zoom - 2.25) < 1e-9)
    let after = try #require(cell())
    #expect(abs(after.column - before.column) <= 1 && abs(after.row - before.row) <= 1)
    driver.press(.character("-"))
    #expect(abs(driver.state.map.viewport.zoom - 1.5) < 1e-9)
    let center = driver.state.map.viewport.center
    driver.press(.character("H"))
    #expect(driver.state.map.viewport.center.longitude < center.longitude)
    driver.press(.character("L"), .character("K"))
    #expect(abs(driver.state.map.viewport.center.longitude - center.longitude) < 1e-9)
    #expect(driver.state.map.viewport.center.latitude > center.latitude)
    driver.press(.character("0"))
    #expect(driver.state.map.viewport == .home)
    // Fit: Pakistan whole and larger; then the corridor.
    driver.press(.character("f"))
    #expect(driver.state.map.viewport.zoom > 2)
    let outline = try #require(BaseMap.naturalEarth.outline(of: code("PAK")))
    let transform = driver.state.map.viewport.transform(columns: size.width, rows: size.height)
    #expect(transform.cell(of: GeoPoint(longitude: outline.west, latitude: outline.south)) != nil)
    #expect(transform.cell(of: GeoPoint(longitude: outline.east, latitude: outline.north)) != nil)
    driver.press(.escape, .character("f"))
    #expect(driver.state.map.country == nil && driver.state.map.viewport.zoom > 1)
  }

  @Test func aCountryOffTheZoomedMapBringsTheViewAlong() {
    var driver = Self.cpecAndPakistan(width: 120, height: 40)
    for _ in 0..<6 { driver.press(.character("+")) }
    let size = MapScreen.canvasSize(in: driver.state.size)
    guard let china = BaseMap.naturalEarth.markerPoint(of: code("CHN")) else { return }
    #expect(!driver.state.map.viewport.shows(china, columns: size.width, rows: size.height))
    driver.press(.right)
    #expect(driver.state.map.country == code("CHN"))
    #expect(driver.state.map.viewport.shows(china, columns: size.width, rows: size.height))
  }

  /// The base map is rasterised once per view and size: moving between
  /// corridors and countries keeps the raster (its grids are the same
  /// memory); a zoom, a pan or a resize builds a new one, by the reducer.
  @Test func theRasterIsKeptUntilTheViewOrTheSizeChanges() throws {
    var driver = Self.map(width: 120, height: 40)
    func grid() throws -> UnsafeRawPointer? {
      let raster = try #require(driver.state.map.canvas.raster)
      #expect(raster.fits(
        viewport: driver.state.map.viewport, columns: MapScreen.canvasSize(in: driver.state.size).width,
        rows: MapScreen.canvasSize(in: driver.state.size).height))
      return raster.countryAtDot.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }
    let first = try grid()
    driver.press(.down, .down, .right, .right, .left, .up)
    #expect(try grid() == first)
    driver.press(.character("+"))
    let zoomed = try grid()
    #expect(zoomed != first)
    driver.press(.character("J"))
    #expect(try grid() != zoomed)
    let panned = try grid()
    driver.resize(100, 30)
    #expect(try grid() != panned)
  }

  @Test func helpAndFooterListTheMapKeys() {
    var driver = Self.map()
    let footer = driver.render().lines[23]
    for hint in ["↓/j corridor", "→/l country", "Enter pipeline", "+ zoom", "? help", "q quit"] {
      #expect(footer.contains(hint), "\(footer)")
    }
    driver.press(.character("?"))
    let help = driver.render().lines.joined(separator: "\n")
    for text in ["Map", "The next country to the west", "Pan north", "The whole map", "1-6"] {
      #expect(help.contains(text), "\(text)")
    }
  }

  @Test func tabReachesTheMapAndDigitSixShowsIt() {
    var driver = ScreenFixture.driver()
    driver.press(.character("5"), .tab)
    #expect(driver.state.screen == .map)
    driver.press(.tab)
    #expect(driver.state.screen == .overview)
    driver.press(.backTab)
    #expect(driver.state.screen == .map)
  }

  @Test func aReloadRecountsAndKeepsTheChoice() {
    var driver = Self.cpecAndPakistan()
    var reloaded = ScreenFixture.shipped
    let pakistan = reloaded.dataSet.projects.filter { $0.countries.contains(code("PAK")) }
    reloaded.dataSet.removeProject(id: pakistan[0].id)
    driver.send(.dataLoaded(reloaded))
    #expect(driver.state.map.country == code("PAK"))
    #expect(driver.state.map.corridor == .cpec)
    #expect(driver.state.map.projects.marker(of: code("PAK")).total == pakistan.count - 1)
  }
}
