#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Miller's cylindrical projection, in degree units: x is the longitude,
/// y grows with latitude like Mercator's near the equator and stays finite
/// at the poles.
///
/// Why Miller: the corridors lie between the equator and 56°N, and people
/// know that band from Mercator web maps. An equirectangular map stretches
/// shapes east-west by 1/cos(latitude) against its reference latitude
/// (1.5× at Moscow against 30°N); Miller's shape error at 55°N is 1.18×,
/// and it needs no reference latitude, so every vertex is projected once
/// when the map is decoded and zoom and pan are a scale and an offset.
public enum MillerProjection {
  private static let radians = Double.pi / 180

  /// The projected y of a latitude (both in degrees).
  public static func y(latitude: Double) -> Double {
    let clamped = min(max(latitude, -89.9), 89.9)
    return 1.25 * log(tan(Double.pi / 4 + 0.4 * clamped * radians)) / radians
  }

  /// The latitude (degrees) of a projected y.
  public static func latitude(y: Double) -> Double {
    (2.5 * atan(exp(0.8 * y * radians)) - 0.625 * Double.pi) / radians
  }
}
