// A place as a record field holds it: `{"lon":73.05,"lat":33.68}` in the
// files, `33.68N 73.05E` in forms and on screens. One value type, its JSON
// kind, its form syntax and its parser, so a record declares a location
// field with `.field(\.location, .location, …)` and nothing else.

/// The keys of a place object (the same as a route node's).
enum GeoPointField: String, FieldKeys {
  case lon, lat
  static let table = KeyTable<GeoPointField>()
}

/// An optional place, left out when nil. A place outside the earth's
/// ranges is refused at read time, so `validate` names its FILE:LINE.
public struct OptionalGeoPointKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> GeoPoint? {
    try reader.readOptional { reader in
      var longitude: Double?
      var latitude: Double?
      try reader.readFields(GeoPointField.self) { reader, field in
        switch field {
        case .lon: longitude = try reader.readDouble()
        case .lat: latitude = try reader.readDouble()
        case nil: try reader.skipValue()
        }
      }
      guard let longitude, let latitude else {
        throw JSONError("a location needs both \"lon\" and \"lat\"", column: nil)
      }
      let place = GeoPoint(longitude: longitude, latitude: latitude)
      if let problem = place.problem { throw JSONError("location: \(problem)", column: nil) }
      return place
    }
  }

  public func write(_ value: GeoPoint?, into writer: inout JSONWriter) {
    guard let value else { return writer.null() }
    writer.beginObject()
    writer.field(GeoPointField.lon.rawValue, value.longitude)
    writer.field(GeoPointField.lat.rawValue, value.latitude)
    writer.endObject()
  }

  public func omits(_ value: GeoPoint?) -> Bool { value == nil }
  public func words(_ value: GeoPoint?) -> String { FieldSyntax.text(value) }
}

extension JSONKind where Self == OptionalGeoPointKind { public static var location: OptionalGeoPointKind { OptionalGeoPointKind() } }

extension FormSyntax where Value == GeoPoint? {
  /// `33.68N 73.05E` or `33.68, 73.05` (latitude first); empty means none.
  public static var location: FormSyntax {
    FormSyntax(.text, format: { FieldSyntax.text($0) }, parse: { text throws(FieldError) in try FieldSyntax.location(text) })
  }
}

extension FieldSyntax {
  /// What a form expects of a place.
  public static let locationFormat = "latitude, longitude (33.68, 73.05) or 33.68N 73.05E"

  /// A place as forms show it: latitude first, as maps and GPS devices give it.
  public static func text(_ place: GeoPoint?) -> String {
    guard let place else { return "" }
    let parts = place.description.split(separator: " ")  // "73.05E 33.68N"
    return parts.count == 2 ? "\(parts[1]) \(parts[0])" : place.description
  }

  /// Reads `33.68N 73.05E` (either order, hemisphere letters N/S/E/W) or two
  /// plain numbers `33.68, 73.05` taken as latitude then longitude (the
  /// order a map application copies). Empty means none.
  public static func location(_ text: String) throws(FieldError) -> GeoPoint? {
    let value = text.trimmingSpaces()
    if value.isEmpty { return nil }
    let parts = value.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map(String.init)
    guard parts.count == 2 else { throw FieldError("\"\(value)\" is not a place — expected \(locationFormat)") }
    var latitude: Double?
    var longitude: Double?
    var plain: [Double] = []
    for part in parts {
      let upper = part.uppercased()
      let letter = upper.last.flatMap { "NSEW".contains($0) ? $0 : nil }
      let digits = letter == nil ? upper : String(upper.dropLast())
      guard let number = Double(digits), number.isFinite, letter == nil || number >= 0 else {
        throw FieldError("\"\(part)\" is not a coordinate — expected \(locationFormat)")
      }
      switch letter {
      case "N": latitude = number
      case "S": latitude = -number
      case "E": longitude = number
      case "W": longitude = -number
      default: plain.append(number)
      }
    }
    if plain.count == 2 {
      latitude = plain[0]
      longitude = plain[1]
    } else if !plain.isEmpty {
      throw FieldError("give both coordinates with N/S and E/W, or neither — expected \(locationFormat)")
    }
    guard let latitude, let longitude else {
      throw FieldError("one latitude (N/S) and one longitude (E/W) are needed — expected \(locationFormat)")
    }
    let place = GeoPoint(longitude: longitude, latitude: latitude)
    if let problem = place.problem { throw FieldError(problem) }
    return place
  }
}
