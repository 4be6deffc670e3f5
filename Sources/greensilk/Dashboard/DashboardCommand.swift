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
      let (store, loaded) = try data.load(readOnly: readOnly)
      timer.mark("load")
      let access = try data.access.policy()
      // A pinned session writes no file an environment variable names.
      let logger = access.isPinned ? Logger.disabled : Logger(path: Environment.value("GREENSILK_LOG"))
      let program = DashboardProgram(
        store: store, initial: loaded, display: display.choices, readOnlyReason: readOnly ? "started with --read-only" : nil,
        environment: try data.access.environment(), access: access, user: try data.access.user(), logger: logger)
      timer.mark("derived data and state")
      TestReloadDelay.installIfAsked()
      try runOnTerminal(display.terminalOptions) { terminal in
        timer.mark("terminal")
        return Runtime(program: program, terminal: terminal).run {
          timer.mark("first frame")
          logger.log(timer.summary)
          DebugTrap.fireIfAsked()
        }
      }
    }
  }
}
