import GreenSilkCore
import Testing

@testable import GreenSilkUI

@Suite("Base map (Natural Earth 1:110m, embedded)")
struct BaseMapTests {
  let map = BaseMap.naturalEarth

  @Test("the embedded map decodes, whole")
  func decodes() throws {
    let decoded = try BaseMap.decoded()
    #expect(decoded.countries.count == 144)
    #expect(decoded.longitudes.count == 6441)
    #expect(decoded.markerOnly.count == 15)
    #expect(decoded.ringStarts.last == decoded.longitudes.count)
    let codes = Set(decoded.countries.map(\.code.description))
    for expected in ["CHN", "PAK", "KAZ", "RUS", "NLD", "KEN", "FRA", "NOR", "XKX", "CYP", "SOM", "AUS"] {
      #expect(codes.contains(expected), "\(expected)")
    }
    // Natural Earth's own codes for non-ISO areas are merged away.
    #expect(!codes.contains("CYN") && !codes.contains("SOL"))
    #expect(decoded.markerOnly[code("SGP")] != nil && decoded.markerOnly[code("BHR")] != nil)
  }

  @Test("a damaged map is reported, not decoded into garbage")
  func damaged() {
    func decode(_ text: String) throws {
      var decoder = try BaseMapDecoder(base64: text)
      _ = try decoder.decode()
    }
    #expect(throws: BaseMapDecoder.Failure.self) { try decode("R1NCTQ!=") }  // not base64
    #expect(throws: BaseMapDecoder.Failure.self) { try decode("R1NCTQI=") }  // "GSBM", version 2
    #expect(throws: BaseMapDecoder.Failure.self) { try decode(String(BaseMapData.encoded.prefix(400))) }
    #expect(throws: Never.self) { try decode(BaseMapData.encoded) }
  }

  @Test(
    "places fall in the right country",
    arguments: [
      ("Islamabad", 73.05, 33.68, "PAK"), ("Sahiwal", 73.10, 30.66, "PAK"), ("Astana", 71.45, 51.17, "KAZ"),
      ("Almaty", 76.89, 43.24, "KAZ"), ("Lanzhou", 103.83, 36.06, "CHN"), ("Moscow", 37.62, 55.75, "RUS"),
      ("Minsk", 27.56, 53.90, "BLR"), ("Warsaw", 21.01, 52.23, "POL"), ("Ulaanbaatar", 106.92, 47.92, "MNG"),
      ("Dhaka", 90.41, 23.81, "BGD"), ("Nairobi", 36.82, -1.29, "KEN"), ("Pristina", 21.17, 42.67, "XKX"),
      ("Paris", 2.35, 48.86, "FRA"), ("Oslo", 10.75, 59.91, "NOR"), ("Anadyr", 177.51 + 0, 64.73, "RUS"),
    ] as [(String, Double, Double, String)])
  func lookup(name: String, longitude: Double, latitude: Double, expected: String) {
    #expect(map.country(at: GeoPoint(longitude: longitude, latitude: latitude))?.description == expected, "\(name)")
  }

  @Test("a port just off the coarse coast is found by a lookup with a tolerance")
  func coastalPort() {
    let gwadar = GeoPoint(longitude: 62.33, latitude: 25.13)
    #expect(map.country(at: gwadar) == nil, "0.03 degree out to sea at 1:110m")
    #expect(map.country(near: gwadar, within: 0.1)?.description == "PAK")
    #expect(map.country(near: GeoPoint(longitude: 65, latitude: 15), within: 0.1) == nil)
    #expect(map.country(near: GeoPoint(longitude: 73.05, latitude: 33.68), within: 0.1)?.description == "PAK")
  }

  @Test("the sea is no country")
  func sea() {
    for (longitude, latitude) in [(65.0, 15.0), (88.0, 10.0), (18.0, 35.0), (150.0, 30.0)] {
      #expect(map.country(at: GeoPoint(longitude: longitude, latitude: latitude)) == nil)
    }
  }

  @Test("every country's marker point lies inside its own outline")
  func markersInside() {
    for country in map.countries {
      #expect(map.country(at: country.marker) == country.code, "\(country.code) at \(country.marker)")
    }
  }

  @Test("Malaysia's and Indonesia's markers sit on the part with the capital")
  func markerParts() throws {
    let malaysia = try #require(map.markerPoint(of: code("MYS")))
    #expect(malaysia.longitude < 104)  // the peninsula, not Borneo
    let indonesia = try #require(map.markerPoint(of: code("IDN")))
    #expect(indonesia.latitude < -5 && indonesia.longitude > 105 && indonesia.longitude < 115)  // Java
  }

  @Test("Chukotka is east of 180 degrees, beside the rest of Russia")
  func antimeridian() throws {
    let russia = try #require(map.outline(of: code("RUS")))
    #expect(russia.west > 19 && russia.east > 180)
  }

  @Test("Miller's projection: y(0) is 0, y(45) is 48.3, and it inverts")
  func miller() {
    #expect(abs(MillerProjection.y(latitude: 0)) < 1e-12)
    #expect(abs(MillerProjection.y(latitude: 45) - 48.30) < 0.01)
    for latitude in stride(from: -80.0, through: 80.0, by: 7.5) {
      #expect(abs(MillerProjection.latitude(y: MillerProjection.y(latitude: latitude)) - latitude) < 1e-9)
    }
  }
}
