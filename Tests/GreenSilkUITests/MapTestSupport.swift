import GreenSilkCore
import Testing

@testable import GreenSilkUI

/// The shipped data for map tests (the screens' fixture), corridor routes
/// included.
enum MapFixture {
  static var data: DataSet { ScreenFixture.shipped.dataSet }

  static var routes: [CorridorRoute] { data.routes }

  static var catalog: ThemeCatalog { ScreenFixture.catalog }

  /// The shipped projects' markers, the CPEC corridor selected with its
  /// member countries shaded.
  static func scene(selecting corridor: CorridorCode? = .cpec, country: CountryCode? = nil) -> MapScene {
    let members = Set(data.memberships.filter { $0.corridor == corridor }.map(\.country))
    return MapScene(
      routes: routes, selectedCorridor: corridor, shadedCountries: members,
      markers: CountryMarker.perCountry(data.projects), selectedCountry: country)
  }

  static func render(
    _ scene: MapScene, viewport: MapViewport = .home, width: Int, height: Int, glyphs: GlyphSet = .unicode
  ) -> Buffer {
    var buffer = Buffer(width: width, height: height)
    var canvas = MapCanvas()
    canvas.render(scene, viewport: viewport, in: buffer.area, glyphs: glyphs, into: &buffer)
    return buffer
  }
}

func code(_ text: String) -> CountryCode {
  guard let code = CountryCode(text) else { fatalError("\(text) is not a country code") }
  return code
}
