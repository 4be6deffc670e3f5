import Testing

@testable import GreenSilkUI

@Suite("Theme loading: extends, diagnostics, catalog, NO_COLOR")
struct ThemeLoadingTests {
  @Test("missing roles inherit from extends, then from the built-in default")
  func inheritance() throws {
    let dir = try makeThemeDirectory([
      "base.toml": """
        [meta]
        extends = "default"
        [roles]
        light_red = "#FF0000 | 196 | red"
        title = "#00FF00 | 46 | green"
        """,
      "child.toml": """
        [meta]
        extends = "base"
        variant = "light"
        [roles]
        title = "#0000FF | 21 | blue"
        """,
    ])
    let result = ThemeCatalog(directory: dir).load("child")
    #expect(result.diagnostics.map(\.description) == [])
    let theme = result.theme
    #expect(theme.name == "child")
    #expect(theme.variant == .light)
    #expect(theme.resolve(Style(.title), depth: .indexed256).foreground == .indexed(21))
    #expect(theme.resolve(Style(.lightRed), depth: .indexed256).foreground == .indexed(196))
    #expect(theme.resolve(Style(.lightRed), depth: .mono) == Theme.builtin.resolve(Style(.lightRed), depth: .mono))
    #expect(theme.resolve(Style(.series3), depth: .indexed256) == Theme.builtin.resolve(Style(.series3), depth: .indexed256))
  }

  @Test("unknown keys and bad values are warnings at FILE:LINE; the rest is used")
  func warnings() throws {
    let dir = try makeThemeDirectory([
      "odd.toml": """
        # line 1
        [meta]
        variant = "dusk"
        colour = "blue"

        [roles]
        title = "bold #00FF00 | 46 | green"
        ligth_red = "red"
        light_red = "bold #XYZXYZ"
        muted = 7

        [emphasis]
        glowing = "bold"

        [mono]
        title = "bold red"

        [extras]
        x = 1
        """
    ])
    let result = ThemeCatalog(directory: dir).load("odd")
    let file = dir + "/odd.toml"
    #expect(
      result.diagnostics.map(\.description) == [
        "\(file):3: variant 'dusk' is not 'dark' or 'light'",
        "\(file):4: unknown key 'colour' in [meta] (expected name, variant, extends, description)",
        "\(file):8: unknown role 'ligth_red'",
        "\(file):9: bad value for 'light_red': '#xyzxyz' is not a #RRGGBB colour",
        "\(file):10: 'muted' must be a string",
        "\(file):13: unknown emphasis 'glowing' (expected selected, matched, selected_matched, focused, bold)",
        "\(file):16: bad value for 'title': 'red' is not an attribute (this table takes attributes only)",
        "\(file):18: unknown table [extras] (expected [meta], [roles], [emphasis], [mono])",
      ])
    #expect(!result.fellBack)
    #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
    // The good key is used, the bad ones keep the inherited style.
    #expect(result.theme.resolve(Style(.title), depth: .indexed256).foreground == .indexed(46))
    #expect(
      result.theme.resolve(Style(.lightRed), depth: .indexed256)
        == Theme.builtin.resolve(Style(.lightRed), depth: .indexed256))
  }

  @Test("a file that is not TOML is an error at FILE:LINE and the default is used")
  func unparseable() throws {
    let dir = try makeThemeDirectory([
      "broken.toml": """
        [meta]
        name = "broken"

        [roles]
        title = "bold
        """
    ])
    let result = ThemeCatalog(directory: dir).load("broken")
    #expect(result.fellBack)
    #expect(result.theme == Theme.builtin)
    let error = try #require(result.diagnostics.first)
    #expect(result.diagnostics.count == 1)
    #expect(error.severity == .error)
    #expect(error.file == dir + "/broken.toml")
    #expect(error.line == 5)
    #expect(error.description.hasPrefix(dir + "/broken.toml:5: "))
  }

  @Test("a theme that is not there is reported and the default is used")
  func missingTheme() {
    let result = ThemeCatalog(directory: nil).load("nope")
    #expect(result.fellBack)
    #expect(result.theme == Theme.builtin)
    #expect(result.diagnostics.count == 1)
    #expect(!ThemeCatalog(directory: nil).load("default").fellBack)
  }

  @Test("extends problems are warnings at the extends line; cycles end")
  func extendsProblems() throws {
    let dir = try makeThemeDirectory([
      "a.toml": "[meta]\nextends = \"b\"\n[roles]\ntitle = \"red\"\n",
      "b.toml": "[meta]\n\nextends = \"a\"\n",
      "orphan.toml": "# an orphan\n[meta]\nextends = \"nowhere\"\n",
    ])
    let catalog = ThemeCatalog(directory: dir)
    let cycle = catalog.load("a")
    #expect(cycle.diagnostics.map(\.description) == ["\(dir)/b.toml:3: extends 'a' makes a cycle"])
    #expect(cycle.theme.resolve(Style(.title), depth: .ansi16).foreground == .indexed(1))
    let orphan = catalog.load("orphan")
    #expect(
      orphan.diagnostics.map(\.description) == [
        "\(dir)/orphan.toml:3: extends unknown theme 'nowhere'; inheriting from the default"
      ])
  }

  @Test("NO_COLOR (set and non-empty) forces mono; the override only lowers")
  func depthDetection() {
    #expect(ColorDepth.detect(colors: 256, noColor: "1") == .mono)
    #expect(ColorDepth.detect(colors: 256, noColor: "") == .indexed256)
    #expect(ColorDepth.detect(colors: 256, noColor: nil) == .indexed256)
    #expect(ColorDepth.detect(colors: 8) == .ansi8)
    #expect(ColorDepth.detect(colors: 16) == .ansi16)
    #expect(ColorDepth.detect(colors: 0x100_0000) == .trueColor)
    #expect(ColorDepth.detect(colors: 256, hasColors: false) == .mono)
    #expect(ColorDepth.detect(colors: -1) == .mono)
    #expect(ColorDepth.detect(colors: 256, override: .mono) == .mono)
    #expect(ColorDepth.detect(colors: 8, override: .indexed256) == .ansi8)
    #expect(ColorDepth(name: "256") == .indexed256)
    #expect(ColorDepth(name: "MONO") == .mono)
  }

  @Test("the catalog lists default first and cycles through every theme")
  func catalogCycle() {
    let catalog = ThemeCatalog(directory: shippedThemesDirectory)
    #expect(catalog.names == ["default", "high-contrast", "kiosk", "light", "mono"])
    var seen = ["default"]
    var name = "default"
    for _ in 1..<catalog.names.count {
      name = catalog.next(after: name)
      seen.append(name)
    }
    #expect(seen == catalog.names)
    #expect(catalog.next(after: "mono") == "default")
    #expect(catalog.next(after: "gone") == "default")
    #expect(ThemeCatalog(directory: nil).names == ["default"])
    #expect(ThemeCatalog(directory: nil).next(after: "default") == "default")
  }

  @Test("the search order: option, then environment, then ./Themes, then built-in only")
  func searchOrder() throws {
    let option = try makeThemeDirectory(["x.toml": ""])
    let env = try makeThemeDirectory(["y.toml": ""])
    let local = try makeThemeDirectory(["z.toml": ""])
    let missing = local + "/missing"

    let byOption = ThemeCatalog.locate(themesDirectory: option, environmentDirectory: env, localDirectory: local)
    #expect(byOption.catalog.directory == option)
    let byEnv = ThemeCatalog.locate(themesDirectory: nil, environmentDirectory: env, localDirectory: local)
    #expect(byEnv.catalog.directory == env)
    let byLocal = ThemeCatalog.locate(themesDirectory: nil, environmentDirectory: nil, localDirectory: local)
    #expect(byLocal.catalog.directory == local)
    #expect(byLocal.catalog.names == ["default", "z"])
    let none = ThemeCatalog.locate(themesDirectory: missing, environmentDirectory: nil, localDirectory: missing)
    #expect(none.catalog.directory == nil)
    #expect(none.diagnostics.map(\.description) == ["\(missing): themes directory not found"])
  }

  @Test("a theme can be loaded by path")
  func loadByPath() {
    let result = ThemeCatalog(directory: nil).load(shippedThemesDirectory + "/light.toml")
    #expect(result.theme.name == "light")
    #expect(result.theme.variant == .light)
    // Its parent, default, is the built-in one: the catalog has no directory.
    #expect(result.diagnostics.map(\.description) == [])
  }
}
