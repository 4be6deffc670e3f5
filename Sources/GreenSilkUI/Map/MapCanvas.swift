/// A map on screen across frames: keeps the rasterised base map while the
/// viewport and size stay the same, so a frame that changes only the
/// selection or the markers costs only the layers above it. Hold one in
/// the screen's state (it compares by what its raster was built for).
public struct MapCanvas: Sendable, Equatable {
  public private(set) var raster: MapRaster?
  public let baseMap: BaseMap

  public init(baseMap: BaseMap = .naturalEarth) {
    self.baseMap = baseMap
  }

  /// Rasterises the base map for `viewport` on a canvas of `size` unless
  /// the kept raster already fits. The dashboard calls it from the reducer
  /// (after a zoom, a pan or a resize), so that the view, which gets the
  /// state by value, finds the raster ready.
  public mutating func prepare(viewport: MapViewport, size: Size) {
    if raster?.fits(viewport: viewport, columns: size.width, rows: size.height) != true {
      raster = MapRaster(baseMap: baseMap, viewport: viewport, columns: size.width, rows: size.height)
    }
  }

  /// Rasterises the base map for `viewport` and `area`'s size unless the
  /// kept raster already fits, then draws `scene` into `area`.
  @discardableResult
  public mutating func render(
    _ scene: MapScene, viewport: MapViewport, in area: Rect, glyphs: GlyphSet, into buffer: inout Buffer
  ) -> MapFrame {
    prepare(viewport: viewport, size: area.size)
    guard let raster else { return MapFrame() }
    return MapRenderer.draw(scene, raster: raster, baseMap: baseMap, in: area, glyphs: glyphs, into: &buffer)
  }

  public static func == (lhs: MapCanvas, rhs: MapCanvas) -> Bool { lhs.raster == rhs.raster }
}
