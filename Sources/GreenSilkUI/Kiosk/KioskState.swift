import GreenSilkCore

/// The wall display's state: the rotating pages, the time, the data shown
/// (the last data that loaded cleanly), and any warning about newer data.
public struct KioskState: Sendable {
  public var config: KioskConfig
  public var pages: [KioskPage]
  public var index = 0
  /// Monotonic seconds when the current page appeared, and now.
  public var pageStarted: Double
  public var now: Double
  /// When the kiosk started (burn-in shifts count from here).
  public let started: Double
  public var paused = false
  /// The data and screen states the page renderers read (read-only).
  public var app: AppState
  /// Shown while newer data cannot be used; the last good data stays.
  public var warning: String?
  /// When the shown data was loaded.
  public var loadedAt: LocalTime
  /// The latest changes, newest first, for the ticker.
  public var ticker: [String] = []
  /// How much of the unlock sequence has been typed.
  public var unlockProgress = 0
  public var shouldExit = false
  /// Pages shown since start (for the soak test's log).
  public var rotations = 0

  public init(config: KioskConfig, data: DataSet, issues: [LoadIssue] = [], clock: LocalTime, now: Double, size: Size, glyphs: GlyphSet,
    totals: TotalsScope = .eligible
  ) {
    self.config = config
    pages = config.pages(corridors: CorridorCode.allCases.map(\.rawValue))
    if pages.isEmpty { pages = [.wall] }
    pageStarted = now
    self.now = now
    started = now
    loadedAt = clock
    var settings = DisplaySettings(glyphs: glyphs, themeName: config.theme, readOnly: true, readOnlyReason: "kiosk", totalsScope: totals)
    settings.readOnly = true
    app = AppState(context: DataContext(data: data, issues: [], today: clock.day), clock: clock, size: size, settings: settings)
    app.pipeline.mode = .kanban
    if !issues.isEmpty { warning = KioskState.describe(issues, since: clock) }
    showPage()
  }

  public var page: KioskPage { pages[index] }

  /// Seconds left on the current page (whole seconds, for a display that
  /// changes at most once a second).
  public var secondsLeft: Int { max(0, Int((config.rotate - (now - pageStarted)).rounded(.up))) }

  /// The layout's burn-in offset now: it walks a one-cell square.
  public var burnInOffset: Point {
    guard let every = config.burnInShift, every > 0 else { return Point(x: 0, y: 0) }
    let step = Int((now - started) / every) % 4
    return [Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 1, y: 1), Point(x: 0, y: 1)][step]
  }

  /// When the display must next change without input (the next rotation,
  /// the next whole second of the countdown, or the clock).
  public func nextChange(clockSecond: Int) -> Double {
    let rotation = paused ? Double.infinity : pageStarted + config.rotate
    let remaining = config.rotate - (now - pageStarted)
    let fraction = remaining - remaining.rounded(.down)
    let countdown = paused ? Double.infinity : now + (fraction > 0.0005 ? fraction : 1)
    let clockTick = now + Double(config.clockSeconds ? 1 : 60 - clockSecond)
    return min(rotation, countdown, clockTick)
  }

  /// Points the page renderers at what the current page shows.
  mutating func showPage() {
    switch page {
    case .wall: app.screen = .overview
    case .overview: app.screen = .overview
    case .pipeline: app.screen = .pipeline
    case .envoys: app.screen = .envoys
    case .corridor(let code):
      app.corridors.selected = CorridorCode.allCases.firstIndex { $0.rawValue == code } ?? 0
      app.corridors.focus = .list
      // Lists derived once: by the screen's change when they are out of
      // date, else here for the newly selected corridor.
      if !app.corridorsOutdated { app.corridors.recompute(app.context) }
      app.screen = .corridors
    case .map:
      app.screen = .map
      app.map.choose(0)
      app.map.viewport = .home
    case .corridorMap(let code):
      app.screen = .map
      let corridor = CorridorCode(rawValue: code)
      app.map.choose(corridor.map { $0.index + 1 } ?? 0)
      let members = corridor.flatMap { app.data.corridorMembers[$0] } ?? []
      app.map.fit(canvas: mapCanvasSize, routes: app.data.routes, members: members)
    }
    syncMap()
  }

  /// The map's canvas on the kiosk's page at its current size.
  var mapCanvasSize: Size { MapScreen.layout(KioskView.pageArea(self, size: app.size)).map.size }

  /// Counts and rasterises the map for the page, as the dashboard's
  /// reducer does, when the map is on screen.
  mutating func syncMap() {
    guard app.screen == .map else { return }
    app.map.sync(app.context, rows: app.pipeline.visible, canvas: mapCanvasSize)
  }

  static func describe(_ issues: [LoadIssue], since: LocalTime) -> String {
    let more = issues.count > 1 ? " (+\(issues.count - 1) more)" : ""
    return "data problem: \(issues[0])\(more) — still showing the data loaded \(since.day) \(since.hourMinuteSecond)"
  }
}

/// What happens to a kiosk.
public enum KioskAction: Equatable, Sendable {
  /// The terminal is open: its size, and whether it shows ASCII only.
  case terminalOpened(Size, asciiOnly: Bool)
  /// Time passed: monotonic seconds (possibly accelerated) and the clock.
  case ticked(now: Double, clock: LocalTime)
  case keyPressed(Key)
  case resized(Size)
  /// A reload finished; problems keep the last good data on screen.
  case dataLoaded(LoadResult, at: LocalTime)
  case dataFailed(String, at: LocalTime)
  case auditRead([AuditEntry])
}

public enum KioskReducer {
  public static func reduce(_ state: inout KioskState, _ action: KioskAction) {
    switch action {
    case .terminalOpened(let size, let asciiOnly):
      state.app.size = size
      if asciiOnly { state.app.settings.glyphs = .ascii }
    case .ticked(let now, let clock):
      state.now = now
      if clock.day != state.app.clock.day {
        state.app.clock = clock
        AppReducer.replaceContext(&state.app, data: state.app.data, issues: [])
      }
      state.app.clock = clock
      if !state.paused && now - state.pageStarted >= state.config.rotate {
        // Catch up whole pages (a suspended laptop, a slow tick).
        let steps = Int((now - state.pageStarted) / state.config.rotate)
        state.pageStarted += Double(steps) * state.config.rotate
        advance(&state, by: steps)
      }
    case .keyPressed(let key):
      keyPressed(key, &state)
    case .resized(let size):
      state.app.size = size
    case .dataLoaded(let result, let at):
      if result.issues.isEmpty {
        AppReducer.replaceContext(&state.app, data: result.dataSet, issues: [])
        state.warning = nil
        state.loadedAt = at
        state.showPage()
      } else {
        state.warning = KioskState.describe(result.issues, since: state.loadedAt)
      }
    case .dataFailed(let message, _):
      state.warning = "data problem: \(message) — still showing the data loaded \(state.loadedAt.day) \(state.loadedAt.hourMinuteSecond)"
    case .auditRead(let entries):
      state.ticker = entries.suffix(8).reversed().map(tickerLine)
    }
    // A resize, a reload or a warning row that comes or goes: the map's
    // raster and counts follow before the next frame.
    state.syncMap()
  }

  static func advance(_ state: inout KioskState, by steps: Int) {
    state.rotations += abs(steps)
    let count = state.pages.count
    state.index = ((state.index + steps) % count + count) % count
    state.showPage()
  }

  /// Only the keys an office enabled do anything; the unlock sequence
  /// must be typed in order (a wrong key starts it again).
  static func keyPressed(_ key: Key, _ state: inout KioskState) {
    let unlock = state.config.unlock
    if !unlock.isEmpty {
      if key == unlock[state.unlockProgress] {
        state.unlockProgress += 1
        if state.unlockProgress == unlock.count { state.shouldExit = true }
        return
      }
      state.unlockProgress = key == unlock[0] ? 1 : 0
    }
    if key == state.config.pauseKey {
      state.paused.toggle()
      if !state.paused { state.pageStarted = state.now }
    } else if key == state.config.nextKey {
      state.pageStarted = state.now
      advance(&state, by: 1)
    } else if key == state.config.previousKey {
      state.pageStarted = state.now
      advance(&state, by: -1)
    }
  }

  /// `10:31 alice stage P-0042: implementation → suspended`.
  static func tickerLine(_ entry: AuditEntry) -> String {
    let time = LocalTime.at(entry.at.secondsSinceEpoch)
    var text = "\(time.hourMinute) \(entry.user.login) \(entry.action) \(entry.id)"
    if let stage = entry.changes.first(where: { $0.field == "stage" }) {
      text += ": \(stage.old.map(AppReducer.plain) ?? "new") → \(stage.new.map(AppReducer.plain) ?? "deleted")"
    } else if !entry.changes.isEmpty {
      text += " (" + entry.changes.prefix(3).map { FieldLabels.label(for: $0.field).lowercased() }.joined(separator: ", ") + ")"
    }
    return text
  }
}
