import GreenSilkCore
import SnapshotTesting
import Testing

@testable import GreenSilkUI

/// The map as text, like the screens: the shipped data's markers, every
/// corridor route, CPEC selected with its countries shaded and Pakistan
/// selected. The small and the ASCII maps carry a legend of the roles of
/// their cells; the large ones keep to the text, which is what a reviewer
/// reads (their roles are covered by the tests in MapRasterTests).
@Suite("Map snapshots")
struct MapSnapshotTests {
  @Test("80x24, braille, with the roles of every cell")
  func at80x24() {
    let buffer = MapFixture.render(MapFixture.scene(country: code("PAK")), width: 80, height: 24)
    assertSnapshot(of: buffer.snapshotText, as: .lines)
  }

  @Test("160x48, braille")
  func at160x48() {
    let buffer = MapFixture.render(MapFixture.scene(country: code("PAK")), width: 160, height: 48)
    assertSnapshot(of: buffer.lines.map { "\"\($0)\"" }.joined(separator: "\n"), as: .lines)
  }

  @Test("240x67, braille")
  func at240x67() {
    let buffer = MapFixture.render(MapFixture.scene(country: code("PAK")), width: 240, height: 67)
    assertSnapshot(of: buffer.lines.map { "\"\($0)\"" }.joined(separator: "\n"), as: .lines)
  }

  @Test("80x24 and 160x48 in ASCII, with the roles of every cell")
  func ascii() {
    for (width, height) in [(80, 24), (160, 48)] {
      let buffer = MapFixture.render(MapFixture.scene(country: code("PAK")), width: width, height: height, glyphs: .ascii)
      #expect(buffer.cells.allSatisfy { $0.symbol.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } })
      assertSnapshot(of: buffer.snapshotText, as: .lines, named: "\(width)x\(height)")
    }
  }

  @Test("no corridor selected: every route in its corridor's colour, nothing shaded")
  func overview() {
    let buffer = MapFixture.render(MapFixture.scene(selecting: nil), width: 80, height: 24)
    #expect(!buffer.cells.contains { $0.style.role == .mapMember || $0.style.role == .mapRoute })
    let seriesRoles = Set(CorridorCode.allCases.map { Presentation.role(for: $0) })
    #expect(Set(buffer.cells.map(\.style.role)).isSuperset(of: seriesRoles))
    assertSnapshot(of: buffer.snapshotText, as: .lines)
  }

  @Test("zoomed in on Pakistan: CPEC's node names appear")
  func zoomedOnPakistan() {
    let viewport = MapViewport(center: GeoPoint(longitude: 69, latitude: 31), zoom: 4)
    let buffer = MapFixture.render(MapFixture.scene(country: code("PAK")), viewport: viewport, width: 120, height: 40)
    let text = buffer.lines.joined(separator: "\n")
    for name in ["Gwadar", "Multan", "Khunjerab Pass"] { #expect(text.contains(name), "\(name)") }
    assertSnapshot(of: buffer.lines.map { "\"\($0)\"" }.joined(separator: "\n"), as: .lines)
  }

  @Test("the legend, braille and ASCII, wrapping in its width")
  func legend() {
    for glyphs in [GlyphSet.unicode, .ascii] {
      var buffer = Buffer(width: 80, height: 3)
      let rows = MapLegend(glyphs: glyphs, selectedCorridor: .cpec).render(in: buffer.area, into: &buffer)
      #expect(rows == 2)
      assertSnapshot(of: buffer.snapshotText, as: .lines, named: glyphs.isASCII ? "ascii" : "unicode")
    }
  }
}
