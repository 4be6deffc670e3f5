import GreenSilkCore
import SnapshotTesting
import Testing

@testable import GreenSilkUI

@Suite struct KioskReducerTests {
  func kiosk(_ edit: (inout KioskConfig) -> Void = { _ in }) -> KioskState {
    var config = KioskConfig()
    config.rotate = 20
    edit(&config)
    return KioskState(
      config: config, data: ScreenFixture.shipped.dataSet, clock: ScreenFixture.clock, now: 0,
      size: Size(width: 80, height: 24), glyphs: .unicode)
  }

  @Test func corridorsExpandToOnePagePerCorridor() {
    let state = kiosk()
    #expect(state.pages == [.wall, .overview, .corridor("NELB"), .corridor("CMREC"), .corridor("CCWAEC"), .corridor("CICPEC"), .corridor("CPEC"), .corridor("BCIMEC"), .pipeline, .envoys])
  }

  @Test func mapAndCorridorMapsExpandToTheirPages() {
    let state = kiosk { $0.screens = ["map", "corridor-maps", "wall"] }
    #expect(state.pages == [.map] + CorridorCode.allCases.map { .corridorMap($0.rawValue) } + [.wall])
    #expect(state.app.screen == .map)
    #expect(state.app.map.corridor == nil && state.app.map.viewport == .home)
  }

  /// Each corridor's map page chooses the corridor and fits the view to
  /// it; the raster is ready for the page's canvas before the frame.
  @Test func corridorMapPagesChooseAndFitTheirCorridor() throws {
    var state = kiosk { $0.screens = ["map", "corridor-maps"] }
    KioskReducer.reduce(&state, .ticked(now: 20 * 5, clock: ScreenFixture.clock))
    #expect(state.page == .corridorMap("CPEC"))
    #expect(state.app.map.corridor == .cpec)
    #expect(state.app.map.viewport.zoom > 1)
    let canvas = MapScreen.layout(KioskView.pageArea(state, size: state.app.size)).map
    let raster = try #require(state.app.map.canvas.raster)
    #expect(raster.fits(viewport: state.app.map.viewport, columns: canvas.width, rows: canvas.height))
    let transform = state.app.map.viewport.transform(columns: canvas.width, rows: canvas.height)
    for route in state.app.data.routes where route.corridor == .cpec {
      for node in route.nodes { #expect(transform.cell(of: node.location) != nil, "\(node.name) on the page") }
    }
    // A warning row makes the page shorter: the raster follows.
    var broken = ScreenFixture.shipped
    broken.issues = [LoadIssue(file: "data/projects.jsonl", line: 3, reason: "bad")]
    KioskReducer.reduce(&state, .dataLoaded(broken, at: ScreenFixture.clock))
    let shorter = MapScreen.layout(KioskView.pageArea(state, size: state.app.size)).map
    #expect(shorter.height == canvas.height - 1)
    #expect(state.app.map.canvas.raster?.fits(viewport: state.app.map.viewport, columns: shorter.width, rows: shorter.height) == true)
  }

  @Test func rotatesOnTimeAndCatchesUp() {
    var state = kiosk()
    KioskReducer.reduce(&state, .ticked(now: 19.9, clock: ScreenFixture.clock))
    #expect(state.index == 0)
    #expect(state.secondsLeft == 1)
    KioskReducer.reduce(&state, .ticked(now: 20.0, clock: ScreenFixture.clock))
    #expect(state.index == 1)
    #expect(state.app.screen == .overview)
    KioskReducer.reduce(&state, .ticked(now: 65, clock: ScreenFixture.clock))
    #expect(state.index == 3)  // two more pages, 5 s into the next
    #expect(state.page == .corridor("CMREC"))
    #expect(state.app.corridors.corridor == .cmrec)
    #expect(state.secondsLeft == 15)
    KioskReducer.reduce(&state, .ticked(now: 20 * 10 + 60, clock: ScreenFixture.clock))
    #expect(state.index == 3)  // full cycles wrap
  }

  @Test func keysDoNothingUnlessEnabled() {
    var state = kiosk()
    for key in [Key.character("q"), .ctrl("c"), .escape, .ctrl("z"), .ctrl("\\"), .enter, .character("1")] {
      KioskReducer.reduce(&state, .keyPressed(key))
    }
    #expect(state.index == 0)
    #expect(!state.paused)
    #expect(!state.shouldExit)
  }

  @Test func enabledKeysPauseAndStep() {
    var state = kiosk {
      $0.pauseKey = .character(" ")
      $0.nextKey = .character("n")
      $0.previousKey = .character("p")
    }
    KioskReducer.reduce(&state, .keyPressed(.character("n")))
    #expect(state.index == 1)
    KioskReducer.reduce(&state, .keyPressed(.character("p")))
    KioskReducer.reduce(&state, .keyPressed(.character("p")))
    #expect(state.index == state.pages.count - 1)
    KioskReducer.reduce(&state, .keyPressed(.character(" ")))
    KioskReducer.reduce(&state, .ticked(now: 500, clock: ScreenFixture.clock))
    #expect(state.index == state.pages.count - 1)
    #expect(state.paused)
  }

  @Test func unlockSequenceMustBeTypedInOrder() {
    var state = kiosk { $0.unlock = [.ctrl("x"), .ctrl("q")] }
    KioskReducer.reduce(&state, .keyPressed(.ctrl("q")))
    KioskReducer.reduce(&state, .keyPressed(.ctrl("x")))
    KioskReducer.reduce(&state, .keyPressed(.character("a")))
    KioskReducer.reduce(&state, .keyPressed(.ctrl("q")))
    #expect(!state.shouldExit)
    KioskReducer.reduce(&state, .keyPressed(.ctrl("x")))
    KioskReducer.reduce(&state, .keyPressed(.ctrl("q")))
    #expect(state.shouldExit)
  }

  @Test func badDataKeepsTheLastGoodDataWithAWarningAndRecovers() {
    var state = kiosk()
    let good = ScreenFixture.shipped
    let before = state.app.data.projects.count
    var broken = good
    broken.issues = [LoadIssue(file: "data/projects.jsonl", line: 12, reason: "invalid JSON at column 1: expected an object")]
    broken.dataSet.removeProject(id: "P-0001")
    KioskReducer.reduce(&state, .dataLoaded(broken, at: ScreenFixture.clock))
    #expect(state.app.data.projects.count == before)
    #expect(state.warning?.hasPrefix("data problem: data/projects.jsonl:12: invalid JSON") == true)
    KioskReducer.reduce(&state, .dataLoaded(good, at: ScreenFixture.clock))
    #expect(state.warning == nil)
  }

  @Test func burnInWalksASquare() {
    var state = kiosk { $0.burnInShift = 300 }
    var offsets: [Point] = []
    for minute in [0.0, 301, 601, 901, 1201] {
      KioskReducer.reduce(&state, .ticked(now: minute, clock: ScreenFixture.clock))
      offsets.append(state.burnInOffset)
    }
    #expect(offsets == [Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 1, y: 1), Point(x: 0, y: 1), Point(x: 0, y: 0)])
  }

  @Test func wakesOnlyWhenTheDisplayChanges() {
    var state = kiosk { $0.clockSeconds = false }
    KioskReducer.reduce(&state, .ticked(now: 3.25, clock: ScreenFixture.clock))
    // The countdown changes at the next whole second of remaining time.
    #expect(abs(state.nextChange(clockSecond: 0) - 4.0) < 0.0001)
  }
}

@Suite struct KioskConfigTests {
  @Test func parsesEverySetting() throws {
    let config = try KioskConfig.parse(
      """
      screens = ["wall", "corridors"]
      rotate = "30s"
      theme = "high-contrast"
      clock = "minutes"
      burn_in_shift = "off"
      [keys]
      pause = "space"
      next = "n"
      unlock = ["Ctrl-X", "Ctrl-Q"]
      """, file: "kiosk.toml")
    #expect(config.screens == ["wall", "corridors"])
    #expect(config.rotate == 30)
    #expect(config.theme == "high-contrast")
    #expect(!config.clockSeconds)
    #expect(config.burnInShift == nil)
    #expect(config.pauseKey == .character(" "))
    #expect(config.unlock == [.ctrl("x"), .ctrl("q")])
  }

  @Test(arguments: [
    ("rotate = 20", "kiosk.toml:1: rotate must be a duration such as \"20s\", \"2m\" or \"500ms\""),
    ("screens = [\"wall\", \"atlas\"]", "kiosk.toml:1: unknown screen \"atlas\" (expected: wall, overview, corridors, pipeline, envoys, map, corridor-maps)"),
    ("theme = \"kiosk\"\nspeed = 3", "kiosk.toml:2: unknown setting 'speed' (expected screens, rotate, theme, clock, burn_in_shift, [keys])"),
    ("[keys]\nunlock = [\"q\"]", "kiosk.toml:2: unlock needs at least two keys, so a passer-by cannot hit it"),
    ("[keys]\npause = \"Hyper-Q\"", "kiosk.toml:2: 'pause' must be a key name such as \"space\", \"n\" or \"Ctrl-R\""),
  ])
  func reportsProblemsWithFileAndLine(source: String, message: String) {
    #expect(throws: KioskConfigError(message)) { try KioskConfig.parse(source, file: "kiosk.toml") }
  }

  @Test func syntaxErrorsCarryTheLine() {
    do {
      _ = try KioskConfig.parse("rotate = \"20s\"\nscreens = [", file: "k.toml")
      Issue.record("accepted broken TOML")
    } catch {
      #expect(error.message.hasPrefix("k.toml:2:"))
    }
  }

  @Test func durations() {
    #expect(KioskConfig.duration("20s") == 20)
    #expect(KioskConfig.duration("2m") == 120)
    #expect(KioskConfig.duration("500ms") == 0.5)
    #expect(KioskConfig.duration("1h") == 3600)
    #expect(KioskConfig.duration("soon") == nil)
  }
}

/// The kiosk's pages at a console, a full-HD TV at a small font and a 4K
/// wall, in the kiosk theme (what a TV across the room shows).
@Suite struct KioskSnapshotTests {
  static let kioskTheme = ScreenFixture.catalog.load("kiosk").theme

  func state(_ page: KioskPage, _ width: Int, _ height: Int) -> KioskState {
    var config = KioskConfig()
    config.rotate = 20
    config.burnInShift = nil
    var state = KioskState(
      config: config, data: ScreenFixture.shipped.dataSet, clock: ScreenFixture.clock, now: 0,
      size: Size(width: width, height: height), glyphs: .unicode)
    let index = state.pages.firstIndex(of: page) ?? 0
    KioskReducer.reduce(&state, .ticked(now: Double(index) * 20 + 7.5, clock: ScreenFixture.clock))
    let entry = AuditEntry(
      at: Timestamp("2026-11-29T09:12:00Z")!, user: UserIdentity(login: "alice"), action: "stage", file: .projects,
      id: "P-0042", revision: 3, changes: [FieldChange(field: "stage", old: "\"approved\"", new: "\"implementation\"")])
    KioskReducer.reduce(&state, .auditRead([entry]))
    return state
  }

  @Test(arguments: [(80, 24), (160, 48), (240, 67)])
  func pages(width: Int, height: Int) {
    let pages: [(String, KioskPage)] = [
      ("wall", .wall), ("overview", .overview), ("corridor", .corridor("CICPEC")), ("pipeline", .pipeline), ("envoys", .envoys),
    ]
    for (name, page) in pages {
      let buffer = KioskView.render(state(page, width, height), size: Size(width: width, height: height))
      assertSnapshot(
        of: buffer.snapshotText(theme: Self.kioskTheme, depth: .indexed256), as: .lines,
        named: "\(name)-\(width)x\(height)-kiosk")
    }
  }

  /// The map pages: every corridor, and CPEC's page zoomed to it.
  @Test(arguments: [(80, 24), (160, 48), (240, 67)])
  func mapPages(width: Int, height: Int) {
    var config = KioskConfig()
    config.screens = ["map", "corridor-maps"]
    config.rotate = 20
    config.burnInShift = nil
    for (name, index) in [("map", 0), ("corridor-map-cpec", 5)] {
      var state = KioskState(
        config: config, data: ScreenFixture.shipped.dataSet, clock: ScreenFixture.clock, now: 0,
        size: Size(width: width, height: height), glyphs: .unicode)
      KioskReducer.reduce(&state, .ticked(now: Double(index) * 20 + 7.5, clock: ScreenFixture.clock))
      let buffer = KioskView.render(state, size: Size(width: width, height: height))
      let text = width == 80
        ? buffer.snapshotText(theme: Self.kioskTheme, depth: .indexed256)
        : buffer.lines.map { "\"\($0)\"" }.joined(separator: "\n")
      assertSnapshot(of: text, as: .lines, named: "\(name)-\(width)x\(height)-kiosk")
    }
  }

  @Test func warningKeepsTheDataAndSaysSo() {
    var kiosk = state(.wall, 80, 24)
    var broken = ScreenFixture.shipped
    broken.issues = [LoadIssue(file: "data/projects.jsonl", line: 102, reason: "invalid JSON at column 2: expected a field name in quotes")]
    KioskReducer.reduce(&kiosk, .dataLoaded(broken, at: ScreenFixture.clock))
    let buffer = KioskView.render(kiosk, size: Size(width: 80, height: 24))
    assertSnapshot(of: buffer.snapshotText(theme: Self.kioskTheme, depth: .indexed256), as: .lines, named: "warning-80x24-kiosk")
  }
}
