import ArgumentParser
import GreenSilkCore
import GreenSilkRuntime
import GreenSilkTerminal

/// `greensilk` (no subcommand) / `greensilk dashboard`: the terminal
/// dashboard on the data directory.
struct DashboardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dashboard",
    abstract: "Open the terminal dashboard (the default when no subcommand is given).",
    discussion: """
      Screens: 1 Overview, 2 Corridors, 3 Pipeline, 4 Project, 5 Envoys; Tab and \
      Shift-Tab cycle them; ? shows every key; q quits. The dashboard reloads by \
      itself when another process changes the data files.
      """
  )

  @OptionGroup var data: DataOptions
  @OptionGroup var display: DisplayOptions
  @Flag(name: .customLong("read-only"), help: "Open the data read-only: nothing is ever written.")
  var readOnly = false

  func run() throws {
    try failing {
      var timer = StartupTimer()
      let store = try data.openStore(readOnly: readOnly)
      let access = try data.access.policy()
      let environment = try data.access.environment()
      let user = try data.access.user()
      // --read-only and an unwritable directory write nothing at all.
      let writesNothing = readOnly || store.isReadOnly
      // The last start's first frame, shown while the data loads
      // (StartupFrame); a pinned identity neither reads nor keeps one.
      let keeper =
        access.isPinned
        ? nil
        : StartFrameKeeper(
          dataDirectory: store.directory, user: user.login, environment: environment, display: display.choices,
          readOnly: writesNothing)
      let kept = keeper?.file
      let sources = keeper?.sources(identities: store.identities())
      func loadData() throws -> LoadResult {
        TestReloadDelay.waitBeforeFirstLoadIfAsked()
        return try DataOptions.load(store, warn: false)
      }
      // Without a kept frame, load before the terminal opens, so that a
      // directory that cannot be used fails on a plain terminal.
      var loaded = kept.flatMap { FileSystem.identity($0.path) } == nil ? try loadData() : nil
      timer.mark("load")
      var failure: Error?
      var startTheme: DashboardProgram.StartTheme?
      // A pinned session writes no file an environment variable names.
      let logger = access.isPinned ? Logger.disabled : Logger(path: Environment.value("GREENSILK_LOG"))
      TestReloadDelay.installIfAsked()
      try runOnTerminal(display.terminalOptions) { terminal in
        timer.mark("terminal")
        let key = sources.flatMap {
          keeper?.key(sources: $0, size: terminal.size, asciiOnly: terminal.asciiOnly, today: LocalTime.at().day)
        }
        if loaded == nil {
          if let kept, let key, let frame = kept.load(key: key, clock: LocalTime.at().hourMinute),
            frame.size == terminal.size
          {
            let loaded = DashboardProgram.startTheme(for: display.choices)
            startTheme = loaded
            terminal.present(frame, theme: loaded.theme)
            timer.mark("kept first frame")
          }
          do {
            loaded = try loadData()
          } catch {
            failure = error  // thrown once the terminal is restored
            return 0
          }
          timer.mark("load")
        }
        guard let loaded else { return 0 }
        let program = DashboardProgram(
          store: store, initial: loaded, display: display.choices,
          readOnlyReason: readOnly ? "started with --read-only" : nil, environment: environment, access: access,
          user: user, logger: logger, startTheme: startTheme, keeper: writesNothing ? nil : keeper)
        timer.mark("derived data and state")
        let runtime = Runtime(program: program, terminal: terminal)
        return runtime.run {
          timer.mark("first frame")
          if let kept, let key, !writesNothing {
            kept.save(runtime.frame(), key: key, clock: program.state.clock.hourMinute)
          }
          logger.log(timer.summary)
          DebugTrap.fireIfAsked()
        }
      }
      if let failure { throw failure }
    }
  }
}
