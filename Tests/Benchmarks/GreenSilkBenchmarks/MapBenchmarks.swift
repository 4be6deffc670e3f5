import Benchmark
import Foundation
import GreenSilkCore
import GreenSilkUI

/// The map (issue 15): a whole frame at 240x67 (target 5 ms) with markers
/// for 21,000 projects over 60 countries, every corridor route, a corridor
/// selected with its nine countries shaded and a country selected. "Raster
/// kept" is any frame that changes only the selection or the data (the
/// rasterised base map is reused, as `MapCanvas` does); "raster rebuilt"
/// is the first frame after a zoom, a pan or a resize.
func mapBenchmarks() {
  // Screen 6 as the dashboard draws it (AppView.render: title bar, map,
  // side column, status line, footer), over 21,000 generated projects,
  // CCWAEC and Kazakhstan chosen.
  Benchmark("Map screen frame 240x67, 21k projects (AppView.render, raster kept)") {
    (benchmark: Benchmark, state: AppState) in
    for _ in benchmark.scaledIterations {
      blackHole(AppView.render(state))
    }
  } setup: {
    try mapScreen(width: 240, height: 67).state
  }

  // A zoom key: the reducer rebuilds the raster, then the frame.
  Benchmark("Map screen zoom key + frame 240x67, 21k projects (reduce with raster rebuilt, render)") {
    (benchmark: Benchmark, driver: AppDriver) in
    var driver = driver
    for iteration in benchmark.scaledIterations {
      driver.press(.character(iteration % 2 == 0 ? "+" : "-"))
      blackHole(AppView.render(driver.state))
    }
  } setup: {
    try mapScreen(width: 240, height: 67)
  }

  // A cursor move between countries: reduce, render, and the diff that
  // the terminal writes.
  Benchmark("Map screen country move 160x48, 21k projects (reduce, render, diff)") {
    (benchmark: Benchmark, driver: AppDriver) in
    var driver = driver
    var previous = driver.render()
    for iteration in benchmark.scaledIterations {
      driver.press(iteration % 2 == 0 ? .right : .left)
      let frame = driver.render()
      blackHole(frame.diff(from: previous))
      previous = frame
    }
  } setup: {
    try mapScreen(width: 160, height: 48)
  }

  for (width, height) in [(240, 67), (160, 48), (80, 24)] {
    Benchmark("Map frame \(width)x\(height), 21k projects in 60 countries (raster kept)") {
      (benchmark: Benchmark, input: MapBenchInput) in
      for _ in benchmark.scaledIterations {
        var buffer = Buffer(width: width, height: height)
        blackHole(MapRenderer.draw(input.scene, raster: input.raster, in: buffer.area, glyphs: .unicode, into: &buffer))
        blackHole(buffer)
      }
    } setup: {
      try MapBenchInput(width: width, height: height)
    }
  }

  Benchmark("Map frame 240x67 ASCII, 21k projects in 60 countries (raster kept)") {
    (benchmark: Benchmark, input: MapBenchInput) in
    for _ in benchmark.scaledIterations {
      var buffer = Buffer(width: 240, height: 67)
      blackHole(MapRenderer.draw(input.scene, raster: input.raster, in: buffer.area, glyphs: .ascii, into: &buffer))
      blackHole(buffer)
    }
  } setup: {
    try MapBenchInput(width: 240, height: 67)
  }

  for zoom in [1.0, 4.0] {
    Benchmark("Map frame 240x67 zoom \(Int(zoom)), 21k projects (raster rebuilt: after zoom, pan or resize)") {
      (benchmark: Benchmark, input: MapBenchInput) in
      for _ in benchmark.scaledIterations {
        var buffer = Buffer(width: 240, height: 67)
        let raster = MapRaster(viewport: input.raster.viewport, columns: 240, rows: 67)
        blackHole(MapRenderer.draw(input.scene, raster: raster, in: buffer.area, glyphs: .unicode, into: &buffer))
        blackHole(buffer)
      }
    } setup: {
      try MapBenchInput(width: 240, height: 67, zoom: zoom)
    }
  }

  // Once per data change or filter change, not per frame.
  Benchmark("Map markers per country 20k (CountryMarker.perCountry)") { (benchmark: Benchmark, data: DataSet) in
    for _ in benchmark.scaledIterations {
      blackHole(CountryMarker.perCountry(data.projects))
    }
  } setup: {
    try Fixtures.load(projects: 20_000).dataSet
  }

  // Once per process, on the first map frame.
  Benchmark("Map base map decode (embedded Natural Earth)") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(must("decode") { try BaseMap.decoded() })
    }
  }
}

/// The dashboard on the map over 21,000 generated projects, CCWAEC and
/// Kazakhstan chosen.
func mapScreen(width: Int, height: Int) throws -> AppDriver {
  var driver = try Fixtures.driver(projects: 21_000, width: width, height: height)
  driver.press(.character("6"))
  for _ in 0..<3 { driver.press(.down) }
  while driver.state.map.country != CountryCode("KAZ") && driver.state.map.countries.contains(CountryCode("KAZ")!) {
    driver.press(.right)
  }
  return driver
}

/// A map frame's inputs: the shipped corridor routes, CCWAEC selected with
/// its member countries shaded, Kazakhstan selected, and 21,000 projects
/// over the 60 outlined countries nearest Central Asia, with sizes falling
/// off as 1/rank (the biggest country has ~4,500) and a mix of lights.
struct MapBenchInput: Sendable {
  let scene: MapScene
  let raster: MapRaster

  init(width: Int, height: Int, zoom: Double = 1) throws {
    let reference = try FileStore(directory: Fixtures.repoRoot + "/data", readOnly: true).load().dataSet
    let routes = reference.routes
    let map = BaseMap.naturalEarth
    func distance(_ point: GeoPoint) -> Double {
      (point.longitude - 70) * (point.longitude - 70) + (point.latitude - 40) * (point.latitude - 40)
    }
    let countries = map.countries.sorted { distance($0.marker) < distance($1.marker) }.prefix(60).map(\.code)
    let weights = countries.indices.map { 1.0 / Double($0 + 1) }
    let total = weights.reduce(0, +)
    var counts = weights.map { Int(21_000 * $0 / total) }
    counts[0] += 21_000 - counts.reduce(0, +)
    let markers = zip(countries, counts).enumerated().map { index, pair in
      let (country, count) = pair
      let green = count * (20 + index % 20) / 100
      let yellow = count * (5 + index % 10) / 100
      let red = count * (index % 4) / 100
      return CountryMarker(country: country, green: green, yellow: yellow, red: red, unscreened: count - green - yellow - red)
    }
    let members = Set(reference.memberships.filter { $0.corridor == .ccwaec }.map(\.country))
    scene = MapScene(
      routes: routes, selectedCorridor: .ccwaec, shadedCountries: members, markers: markers,
      selectedCountry: CountryCode("KAZ"))
    let viewport = MapViewport(center: MapViewport.home.center, zoom: zoom)
    raster = MapRaster(viewport: viewport, columns: width, rows: height)
  }
}
