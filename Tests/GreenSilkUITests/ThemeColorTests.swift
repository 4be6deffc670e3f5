import Testing

@testable import GreenSilkUI

@Suite("Theme colours: hex to 256, fallbacks per depth")
struct ThemeColorTests {
  @Test(
    "hex maps to the nearest xterm-256 colour (cube or grey ramp)",
    arguments: [
      ("#000000", 16), ("#FFFFFF", 231), ("#FF0000", 196), ("#5F87AF", 67), ("#E06C75", 168),
      ("#808080", 244), ("#080808", 232), ("#EEEEEE", 255), ("#121212", 233), ("#2ECC71", 41),
      ("#61AFEF", 75), ("#ABB2BF", 249), ("#010101", 16), ("#D0D0D0", 252),
    ] as [(String, Int)])
  func nearest256(hex: String, expected: Int) throws {
    let rgb = try #require(RGB(hex: hex))
    #expect(Int(XtermPalette.nearest256(rgb)) == expected)
  }

  @Test("the palette round-trips every cube and grey index")
  func paletteRoundTrip() {
    for index in 16...255 {
      let rgb = XtermPalette.rgb(ofIndex: UInt8(index))
      #expect(Int(XtermPalette.nearest256(rgb)) == index)
    }
  }

  @Test("hex parsing rejects malformed colours")
  func hexParsing() {
    #expect(RGB(hex: "#e06c75") == RGB(0xE0, 0x6C, 0x75))
    #expect(RGB(hex: "#E06C7") == nil)
    #expect(RGB(hex: "E06C755") == nil)
    #expect(RGB(hex: "#GG0000") == nil)
    #expect(RGB(0xE0, 0x6C, 0x75).description == "#E06C75")
  }

  @Test("a colour with all three candidates uses the right one per depth")
  func tiers() throws {
    let spec = try StyleSpec.parse("bold #E06C75 | 168 | red on default")
    let color = try #require(spec.foreground)
    #expect(color.resolve(.trueColor).color == .rgb(RGB(0xE0, 0x6C, 0x75)))
    #expect(color.resolve(.indexed256).color == .indexed(168))
    #expect(color.resolve(.ansi16).color == .indexed(1))
    #expect(color.resolve(.ansi8).color == .indexed(1))
    #expect(color.resolve(.mono).color == .terminalDefault)
    #expect(spec.background == .terminalDefault)
    #expect(spec.attributes == .bold)
  }

  @Test("an index wins over a hex at 256 colours, even when they disagree")
  func indexBeatsHex() throws {
    let color = try #require(try StyleSpec.parse("#000000 | 42 | blue").foreground)
    #expect(color.resolve(.indexed256).color == .indexed(42))
    #expect(color.resolve(.trueColor).color == .rgb(RGB(0, 0, 0)))
  }

  @Test("missing tiers are derived: hex only, index only, name only")
  func derivedTiers() throws {
    let hexOnly = try #require(try StyleSpec.parse("#FF5F5F").foreground)
    #expect(hexOnly.resolve(.indexed256).color == .indexed(203))
    #expect(hexOnly.resolve(.ansi16).color == .indexed(9))
    #expect(hexOnly.resolve(.ansi8).color == .indexed(1))
    #expect(hexOnly.resolve(.ansi8).needsBold)

    let indexOnly = try #require(try StyleSpec.parse("21").foreground)
    #expect(indexOnly.resolve(.trueColor).color == .indexed(21))
    #expect(indexOnly.resolve(.ansi16).color == .indexed(4))
    #expect(try #require(try StyleSpec.parse("196").foreground).resolve(.ansi16).color == .indexed(9))

    let nameOnly = try #require(try StyleSpec.parse("cyan").foreground)
    #expect(nameOnly.resolve(.trueColor).color == .indexed(6))
    #expect(nameOnly.resolve(.indexed256).color == .indexed(6))
  }

  @Test("bright colours on 8-colour terminals become the base colour plus bold")
  func brightOnEight() {
    let theme = themeWith(roles: ["light_red": "#FF4D4D | 203 | bright_red", "muted": "grey"])
    let red = theme.resolve(Style(.lightRed), depth: .ansi8)
    #expect(red == ResolvedStyle(foreground: .indexed(1), background: .terminalDefault, attributes: .bold))
    #expect(theme.resolve(Style(.lightRed), depth: .ansi16).foreground == .indexed(9))
    #expect(theme.resolve(Style(.muted), depth: .ansi8).foreground == .indexed(0))
    #expect(theme.resolve(Style(.muted), depth: .ansi8).attributes.contains(.bold))
  }

  @Test("mono uses the [mono] attributes and no colours")
  func monoTier() {
    let theme = Theme.builtin
    let red = theme.resolve(Style(.lightRed), depth: .mono)
    #expect(red == ResolvedStyle(attributes: [.bold, .reverse]))
    let selected = theme.resolve(Style(.text, emphasis: .selected), depth: .mono)
    #expect(selected == ResolvedStyle(attributes: .reverse))
  }

  @Test("selected keeps the role's foreground on the selection background")
  func selectedOverlay() {
    let theme = Theme.builtin
    let plain = theme.resolve(Style(.lightRed), depth: .indexed256)
    let selected = theme.resolve(Style(.lightRed, emphasis: .selected), depth: .indexed256)
    #expect(selected.foreground == plain.foreground)
    #expect(selected.background == .indexed(238))
    let matched = theme.resolve(Style(.text, emphasis: .matched), depth: .indexed256)
    #expect(matched.foreground == .indexed(180))
    #expect(matched.attributes.isSuperset(of: [.bold, .underline]))
  }

  @Test("an overlay never leaves the foreground equal to the background")
  func overlayCollision() {
    let theme = themeWith(roles: ["link": "blue"], emphasis: ["selected": "on blue"])
    let selected = theme.resolve(Style(.link, emphasis: .selected), depth: .ansi8)
    #expect(selected.background == .indexed(4))
    #expect(selected.foreground == .terminalDefault)
  }

  @Test("a role without a background takes the text role's")
  func backgroundFromText() {
    let theme = themeWith(roles: ["text": "white on black", "title": "bold yellow"])
    let title = theme.resolve(Style(.title), depth: .ansi16)
    #expect(title == ResolvedStyle(foreground: .indexed(3), background: .indexed(0), attributes: .bold))
  }

  @Test("the palette is the resolution, cached")
  func palette() {
    let palette = Theme.builtin.palette(for: .ansi8)
    for role in Role.allCases {
      for emphasis in Emphasis.allCases {
        let style = Style(role, emphasis: emphasis)
        #expect(palette[style] == Theme.builtin.resolve(style, depth: .ansi8))
      }
    }
  }

  @Test(
    "values that do not parse say why",
    arguments: [
      ("bold #ZZZZZZ", "not a #RRGGBB"), ("on", "needs a colour"), ("#112233|#445566", "two #RRGGBB"),
      ("300", "0-255"), ("purple", "not a colour"), ("red blue", "foreground is set"), ("", "empty"),
      ("red on blue on green", "two background"),
    ] as [(String, String)])
  func badValues(text: String, reason: String) {
    #expect {
      try StyleSpec.parse(text)
    } throws: { error in
      (error as? StyleSpecError)?.reason.contains(reason) == true
    }
  }

  @Test("[mono] values take attributes only")
  func monoRejectsColour() throws {
    #expect(throws: StyleSpecError.self) { try StyleSpec.parse("bold red", attributesOnly: true) }
    #expect(try StyleSpec.parse("none", attributesOnly: true).attributes == [])
    #expect(try StyleSpec.parse("bold  dim reverse underline italic").attributes.themeText
      == "bold dim reverse underline italic")
  }

  @Test("blanks around | are optional")
  func pipeSpacing() throws {
    let a = try StyleSpec.parse("bold #E06C75|168|red on default")
    let b = try StyleSpec.parse("bold  #E06C75 |  168 |red   on default")
    #expect(a == b)
  }
}

/// A theme of the built-in default with some keys replaced.
func themeWith(roles: [String: String] = [:], emphasis: [String: String] = [:]) -> Theme {
  var layer = ThemeLayer()
  for (key, value) in roles {
    if let role = Role(rawValue: key), let spec = try? StyleSpec.parse(value) { layer.roles[role] = spec }
  }
  for (key, value) in emphasis {
    if let e = Emphasis(themeKey: key), let spec = try? StyleSpec.parse(value) { layer.emphasis[e] = spec }
  }
  return Theme(name: "test", layers: [ThemeLayer.builtin, layer])
}
