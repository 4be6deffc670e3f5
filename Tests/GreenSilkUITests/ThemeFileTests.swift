import Foundation
import Testing

@testable import GreenSilkUI

@Suite("Shipped theme files")
struct ThemeFileTests {
  static let shipped: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: shippedThemesDirectory)) ?? []
    return names.filter { $0.hasSuffix(".toml") }.sorted()
  }()

  @Test("the five themes are shipped")
  func shippedSet() {
    #expect(Self.shipped == ["default.toml", "high-contrast.toml", "kiosk.toml", "light.toml", "mono.toml"])
  }

  @Test("every file in Themes/ parses and loads with no warnings", arguments: shipped)
  func parsesCleanly(file: String) throws {
    let path = shippedThemesDirectory + "/" + file
    let source = try String(contentsOfFile: path, encoding: .utf8)
    guard case .parsed(let layer, let warnings) = ThemeParser.parse(source, file: path) else {
      Issue.record("\(file) does not parse")
      return
    }
    #expect(warnings.map(\.description) == [])
    #expect(layer.name == String(file.dropLast(5)))
    #expect(layer.summary?.isEmpty == false)

    let result = ThemeCatalog(directory: shippedThemesDirectory).load(String(file.dropLast(5)))
    #expect(result.diagnostics.map(\.description) == [])
    #expect(!result.fellBack)
  }

  @Test("the compiled-in default is Themes/default.toml, byte for byte")
  func builtinMatchesFile() throws {
    let file = try String(contentsOfFile: shippedThemesDirectory + "/default.toml", encoding: .utf8)
    #expect(ThemeLayer.builtinSource + "\n" == file)
  }

  @Test("the built-in default defines every role, emphasis and mono entry")
  func builtinIsComplete() {
    let layer = ThemeLayer.builtin
    #expect(Set(layer.roles.keys) == Set(Role.allCases))
    #expect(Set(layer.monoRoles.keys) == Set(Role.allCases))
    let overlays = Set(Emphasis.allCases.filter { $0 != .none })
    #expect(Set(layer.emphasis.keys) == overlays)
    #expect(Set(layer.monoEmphasis.keys) == overlays)
  }

  @Test("the mono theme has no colour at any depth")
  func monoHasNoColour() {
    let theme = ThemeCatalog(directory: shippedThemesDirectory).load("mono").theme
    for depth in ColorDepth.allCases {
      for role in Role.allCases {
        for emphasis in Emphasis.allCases {
          let resolved = theme.resolve(Style(role, emphasis: emphasis), depth: depth)
          #expect(resolved.foreground == .terminalDefault && resolved.background == .terminalDefault)
        }
      }
    }
  }

  @Test("in every shipped theme the three traffic lights differ at every depth")
  func trafficLightsDiffer() {
    let catalog = ThemeCatalog(directory: shippedThemesDirectory)
    for name in catalog.names {
      let theme = catalog.load(name).theme
      for depth in ColorDepth.allCases {
        let lights = [Role.lightGreen, .lightYellow, .lightRed].map {
          theme.resolve(Style($0), depth: depth)
        }
        #expect(Set(lights).count == 3, "\(name) at \(depth.name)")
      }
    }
  }

  @Test("in every shipped theme the six chart series differ at every depth")
  func seriesDiffer() {
    let catalog = ThemeCatalog(directory: shippedThemesDirectory)
    let series: [Role] = [.series1, .series2, .series3, .series4, .series5, .series6]
    for name in catalog.names {
      let theme = catalog.load(name).theme
      for depth in ColorDepth.allCases {
        let styles = series.map { theme.resolve(Style($0), depth: depth) }
        #expect(Set(styles).count == 6, "\(name) at \(depth.name)")
      }
    }
  }

  @Test("role and emphasis keys never collide in [mono]")
  func monoKeysAreDisjoint() {
    let roleKeys = Set(Role.allCases.map(\.rawValue))
    let emphasisKeys = Set(Emphasis.allCases.compactMap(\.themeKey))
    #expect(roleKeys.isDisjoint(with: emphasisKeys))
  }
}
