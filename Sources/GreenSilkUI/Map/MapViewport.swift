#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import GreenSilkCore

/// What part of the map is on screen: the place at the centre and a zoom,
/// where 1 fits the home region (the six corridors, with East Africa) into
/// the canvas whatever its size. Zoom and pan change only this value;
/// `transform(columns:rows:)` turns it into dots for one canvas.
public struct MapViewport: Hashable, Sendable {
  public var center: GeoPoint
  public var zoom: Double

  public init(center: GeoPoint, zoom: Double = 1) {
    self.center = center
    self.zoom = min(max(zoom, Self.minimumZoom), Self.maximumZoom)
  }

  public static let minimumZoom = 0.5
  public static let maximumZoom = 16.0
  /// Each `+` or `-` multiplies or divides the zoom by this.
  public static let zoomStep = 1.5

  /// The region the home view fits: Rotterdam to the Yellow Sea, Moscow
  /// to Singapore and Kenya, with a margin.
  public static let homeWest = -12.0
  public static let homeEast = 135.0
  public static let homeSouth = -12.0
  public static let homeNorth = 62.0

  /// The whole home region, centred.
  public static let home = MapViewport(
    center: GeoPoint(
      longitude: (homeWest + homeEast) / 2,
      latitude: MillerProjection.latitude(
        y: (MillerProjection.y(latitude: homeSouth) + MillerProjection.y(latitude: homeNorth)) / 2)))

  /// How far the centre may move: the base map's extent.
  static let westLimit = -30.0
  static let eastLimit = 190.0
  static let southLimit = -50.0
  static let northLimit = 82.0

  public func zoomedIn() -> MapViewport { MapViewport(center: center, zoom: zoom * Self.zoomStep) }
  public func zoomedOut() -> MapViewport { MapViewport(center: center, zoom: zoom / Self.zoomStep) }

  /// Zoomed by `steps` steps (in when positive) keeping `anchor` where it
  /// is on screen, as a map under the mouse does: the selected country
  /// stays put while the map grows around it. Without an anchor the
  /// centre stays.
  public func zoomed(by steps: Int, about anchor: GeoPoint? = nil) -> MapViewport {
    let target = MapViewport(center: center, zoom: zoom * pow(Self.zoomStep, Double(steps)))
    guard let anchor, target.zoom != zoom else { return target }
    // In projected degrees the transform is a scale: the anchor keeps its
    // offset from the centre, divided by the change in zoom.
    let shrink = zoom / target.zoom
    let anchorY = MillerProjection.y(latitude: anchor.latitude)
    let centerY = MillerProjection.y(latitude: center.latitude)
    let moved = GeoPoint(
      longitude: anchor.longitude + (center.longitude - anchor.longitude) * shrink,
      latitude: MillerProjection.latitude(y: anchorY + (centerY - anchorY) * shrink))
    return target.centered(on: moved)
  }

  /// The viewport that shows the box from `west` to `east` and `south` to
  /// `north` (degrees) whole on a canvas of `columns` x `rows` cells, with
  /// `margin` (a fraction of the box) around it; never closer than
  /// `maximumZoom` nor further out than the home view.
  public static func fitting(
    west: Double, east: Double, south: Double, north: Double, margin: Double = 0.1, columns: Int, rows: Int,
    maximumZoom: Double = 6
  ) -> MapViewport {
    let top = MillerProjection.y(latitude: north)
    let bottom = MillerProjection.y(latitude: south)
    let width = max(east - west, 1) * (1 + 2 * margin)
    let height = max(top - bottom, 1) * (1 + 2 * margin)
    let home = MapViewport.home.transform(columns: columns, rows: rows)
    let dotsWide = Double(max(columns, 1) * 2)
    let dotsHigh = Double(max(rows, 1) * 4)
    let needed = min(dotsWide / width, dotsHigh / height)
    let zoom = min(max(needed / max(home.scale, .leastNonzeroMagnitude), 1), maximumZoom)
    let center = GeoPoint(longitude: (west + east) / 2, latitude: MillerProjection.latitude(y: (top + bottom) / 2))
    return MapViewport(center: center, zoom: zoom).centered(on: center)
  }

  /// Whether `point` is on a canvas of `columns` x `rows` cells.
  public func shows(_ point: GeoPoint, columns: Int, rows: Int) -> Bool {
    transform(columns: columns, rows: rows).cell(of: point) != nil
  }

  /// The same zoom, centred on `point` (kept inside the map's extent).
  public func centered(on point: GeoPoint) -> MapViewport {
    MapViewport(
      center: GeoPoint(
        longitude: min(max(point.longitude, Self.westLimit), Self.eastLimit),
        latitude: min(max(point.latitude, Self.southLimit), Self.northLimit)),
      zoom: zoom)
  }

  /// Moved by a fraction of the visible width (`across`, east positive)
  /// and height (`down`, south positive) of a canvas of `columns` x
  /// `rows` cells. An arrow key moves a quarter: `panned(across: 0.25,
  /// down: 0, columns:rows:)`.
  public func panned(across: Double, down: Double, columns: Int, rows: Int) -> MapViewport {
    let transform = transform(columns: columns, rows: rows)
    let width = Double(transform.dotsWide) / transform.scale
    let height = Double(transform.dotsHigh) / transform.scale
    let y = MillerProjection.y(latitude: center.latitude) - down * height
    return centered(
      on: GeoPoint(longitude: center.longitude + across * width, latitude: MillerProjection.latitude(y: y)))
  }

  /// Dots per projected degree, and where the canvas's corner lies, for a
  /// canvas of `columns` x `rows` cells (2 x 4 dots each, as braille has;
  /// the ASCII fallback uses the same grid).
  public func transform(columns: Int, rows: Int) -> MapTransform {
    let dotsWide = max(0, columns) * 2
    let dotsHigh = max(0, rows) * 4
    let homeWidth = Self.homeEast - Self.homeWest
    let homeHeight = MillerProjection.y(latitude: Self.homeNorth) - MillerProjection.y(latitude: Self.homeSouth)
    let fit = min(Double(max(dotsWide, 1)) / homeWidth, Double(max(dotsHigh, 1)) / homeHeight)
    let scale = fit * zoom
    let centerY = MillerProjection.y(latitude: center.latitude)
    return MapTransform(
      scale: scale, left: center.longitude - Double(dotsWide) / 2 / scale,
      top: centerY + Double(dotsHigh) / 2 / scale, dotsWide: dotsWide, dotsHigh: dotsHigh)
  }
}

/// Projected degrees to dots for one canvas: dot x grows east, dot y
/// grows south; dot (0, 0) is the top-left dot of the canvas's first cell.
public struct MapTransform: Hashable, Sendable {
  /// Dots per projected degree.
  public let scale: Double
  /// The projected x (longitude) at the canvas's left edge.
  public let left: Double
  /// The projected y at the canvas's top edge.
  public let top: Double
  public let dotsWide: Int
  public let dotsHigh: Int

  /// Where a projected point falls, in dots (fractional).
  public func dot(longitude: Double, projectedY: Double) -> (x: Double, y: Double) {
    ((longitude - left) * scale, (top - projectedY) * scale)
  }

  /// Where a place falls, in dots (fractional).
  public func dot(_ point: GeoPoint) -> (x: Double, y: Double) {
    dot(longitude: point.longitude, projectedY: MillerProjection.y(latitude: point.latitude))
  }

  /// The place at the centre of a dot.
  public func place(dotX: Int, dotY: Int) -> GeoPoint {
    GeoPoint(
      longitude: left + (Double(dotX) + 0.5) / scale,
      latitude: MillerProjection.latitude(y: top - (Double(dotY) + 0.5) / scale))
  }

  /// The cell (column, row) of a place, or nil when it falls off the canvas.
  public func cell(of point: GeoPoint) -> (column: Int, row: Int)? {
    let (x, y) = dot(point)
    guard x >= 0, y >= 0, x < Double(dotsWide), y < Double(dotsHigh) else { return nil }
    return (Int(x) / 2, Int(y) / 4)
  }
}
