import GreenSilkCore

/// Draws a map frame into a buffer: the rasterised base map (outlines,
/// shaded member countries), the corridor routes, projects with their own
/// coordinates, country markers and labels, in that order, each layer
/// over the one before. Braille dots with a colour role per cell, or the
/// ASCII fallback when `glyphs` is ASCII.
///
/// Only the layers above the base map are computed per frame; the base
/// map comes from a `MapRaster` the caller keeps (see `MapCanvas`).
public enum MapRenderer {
  /// Dots of a shaded (member) country: two of a cell's eight, on a
  /// diagonal (⢂), a light texture under which outlines and routes still
  /// read.
  static let shading: UInt8 = 0x02 | 0x80

  /// Draws `scene` over `raster` into `area` (the raster's size; a
  /// larger area keeps its extra cells as they are).
  @discardableResult
  public static func draw(
    _ scene: MapScene, raster: MapRaster, baseMap: BaseMap = .naturalEarth, in area: Rect, glyphs: GlyphSet,
    into buffer: inout Buffer
  ) -> MapFrame {
    let area = Rect(x: area.x, y: area.y, width: min(area.width, raster.columns), height: min(area.height, raster.rows))
      .intersection(buffer.area)
    guard !area.isEmpty else { return MapFrame() }
    let ascii = glyphs.isASCII
    drawBase(scene, raster: raster, baseMap: baseMap, area: area, ascii: ascii, into: &buffer)
    var labels = MapLabeler(area: area)
    drawRoutes(scene, raster: raster, area: area, ascii: ascii, labels: &labels, into: &buffer)
    drawPoints(scene.points, raster: raster, area: area, ascii: ascii, into: &buffer)
    var frame = MapFrame()
    let markers = drawMarkers(scene, raster: raster, baseMap: baseMap, area: area, ascii: ascii, labels: &labels, frame: &frame, into: &buffer)
    placeLabels(scene, markers: markers, raster: raster, baseMap: baseMap, area: area, labels: &labels, into: &buffer)
    frame.unplaced.sort()
    frame.offCanvas.sort()
    return frame
  }

  // MARK: - Base map

  private static func drawBase(
    _ scene: MapScene, raster: MapRaster, baseMap: BaseMap, area: Rect, ascii: Bool, into buffer: inout Buffer
  ) {
    // Shaded by raster value (0 is the sea).
    var shaded = [Bool](repeating: false, count: baseMap.countries.count + 1)
    for (index, country) in baseMap.countries.enumerated() where scene.shadedCountries.contains(country.code) {
      shaded[index + 1] = true
    }
    let land = Style(.mapLand)
    let member = Style(.mapMember)
    let outlineGlyphs = ascii ? AsciiDots.glyphs : BrailleDots.glyphs
    let landCells = outlineGlyphs.map { Cell($0, style: land) }
    let memberCells = (0..<256).map { bits in
      Cell(ascii ? (bits == 0 ? AsciiDots.shading : AsciiDots.glyphs[bits]) : BrailleDots.glyphs[bits], style: member)
    }
    let width = raster.transform.dotsWide
    let columns = raster.columns
    raster.countryAtDot.withUnsafeBufferPointer { dots in
      for row in 0..<area.height {
        for column in 0..<area.width {
          let index = row * columns + column
          let outline = raster.outline[index]
          let country = raster.cellCountry[index]
          var isMember = false
          var shade: UInt8 = 0
          if country != MapRaster.mixed {
            if shaded[Int(country)] {
              isMember = true
              shade = shading
            }
          } else {
            let top = row * 4 * width + column * 2
            for dot in 0..<8 where shaded[Int(dots[top + (dot >> 1) * width + (dot & 1)])] {
              isMember = true
              shade |= BrailleDots.bitAt[dot] & shading
            }
          }
          let cell: Cell
          if isMember {
            cell = memberCells[Int(ascii ? outline : outline | shade)]
          } else if outline != 0 {
            cell = landCells[Int(outline)]
          } else {
            cell = .blank
          }
          buffer[area.x + column, area.y + row] = cell
        }
      }
    }
  }

  // MARK: - Routes

  private static func drawRoutes(
    _ scene: MapScene, raster: MapRaster, area: Rect, ascii: Bool, labels: inout MapLabeler, into buffer: inout Buffer
  ) {
    guard !scene.routes.isEmpty else { return }
    var layer = DotLayer(columns: raster.columns, rows: raster.rows)
    var styles: [Style] = [.text]
    var asciiGlyphs: [String] = [" "]
    // Others first, the selected corridor last, so it is drawn on top.
    let ordered = scene.routes.filter { $0.corridor != scene.selectedCorridor }
      + scene.routes.filter { $0.corridor == scene.selectedCorridor }
    for route in ordered {
      let selected = route.corridor == scene.selectedCorridor
      styles.append(routeStyle(route.corridor, scene: scene))
      asciiGlyphs.append(selected ? AsciiDots.selectedRoute : AsciiDots.route)
      let tag = UInt8(truncatingIfNeeded: styles.count - 1)
      let dots = route.nodes.map { raster.transform.dot($0.location) }
      for (a, b) in zip(dots, dots.dropFirst()) {
        layer.line(from: a, to: b, tag: tag, thickness: selected ? 2 : 1)
      }
      if selected {
        // Stations: a 2 x 2 dot block at each node.
        for dot in dots {
          let x = Int(dot.x.rounded(.down))
          let y = Int(dot.y.rounded(.down))
          for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] { layer.plot(x + dx - 1, y + dy - 1, tag: tag) }
        }
      }
    }
    for row in 0..<area.height {
      for column in 0..<area.width {
        let index = row * raster.columns + column
        let bits = layer.bits[index]
        guard bits != 0 else { continue }
        let tag = Int(layer.tags[index])
        labels.avoid(x: area.x + column, y: area.y + row)
        buffer[area.x + column, area.y + row] = Cell(
          ascii ? asciiGlyphs[tag] : BrailleDots.glyphs[Int(bits)], style: styles[tag])
      }
    }
  }

  /// A route's style: its corridor's series colour, bold when selected,
  /// grey while another corridor is selected.
  static func routeStyle(_ corridor: CorridorCode, scene: MapScene) -> Style {
    if let selected = scene.selectedCorridor {
      return selected == corridor ? Style(Presentation.role(for: corridor), emphasis: .bold) : Style(.mapRoute)
    }
    return Style(Presentation.role(for: corridor))
  }
}
