/// A place on the earth in degrees (WGS 84 longitude and latitude, as maps
/// and most sources give them). East and north are positive.
public struct GeoPoint: Hashable, Sendable, CustomStringConvertible {
  public var longitude: Double
  public var latitude: Double

  public init(longitude: Double, latitude: Double) {
    self.longitude = longitude
    self.latitude = latitude
  }

  /// Why these numbers are not a place, or nil when they are. Longitudes
  /// up to 190 are accepted so that a place just east of the antimeridian
  /// (Chukotka) can sit beside the rest of its country on a map of Eurasia.
  public var problem: String? {
    guard longitude.isFinite, latitude.isFinite else { return "longitude and latitude must be numbers" }
    if latitude < -90 || latitude > 90 { return "latitude \(latitude) is outside -90...90" }
    if longitude < -180 || longitude > 190 { return "longitude \(longitude) is outside -180...190" }
    return nil
  }

  /// `73.05E 33.68N`.
  public var description: String {
    func part(_ value: Double, _ positive: String, _ negative: String) -> String {
      let hundredths = Int((abs(value) * 100).rounded())
      let fraction = hundredths % 100
      return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)\(value < 0 ? negative : positive)"
    }
    return part(longitude, "E", "W") + " " + part(latitude, "N", "S")
  }
}
