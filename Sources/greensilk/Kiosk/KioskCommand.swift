import ArgumentParser
import GreenSilkCore
import GreenSilkRuntime
import GreenSilkUI

#if canImport(Glibc)
  import Glibc
#endif

/// `greensilk kiosk`: the rotating, locked-down wall display.
struct KioskCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kiosk",
    abstract: "Run the read-only wall display: rotating dashboards that reload when the data changes.",
    discussion: """
      Rotates through the chosen screens (corridors and corridor-maps: one page per \
      corridor; map: the six corridors on one map) with a \
      progress line, a clock and a ticker of the latest changes. Always read-only: \
      it writes nothing. Keys do nothing unless a config file enables them; Ctrl-C, \
      Ctrl-Z, Ctrl-\\ and Esc do not end it.

      Ends on SIGTERM (status 0) or on the config's unlock sequence (status 0). \
      When its terminal goes away (SIGHUP, or the tty closes) it exits with status \
      129 so that a service manager restarts it.

      Config file (TOML), all keys optional:
        screens = ["wall", "overview", "corridors", "pipeline", "envoys"]
                                  # also "map", "corridor-maps"
        rotate = "20s"            # also "2m", "500ms"
        theme = "kiosk"
        clock = "seconds"         # or "minutes"
        burn_in_shift = "5m"      # or "off"
        [keys]
        pause = "space"
        next = "n"
        previous = "p"
        unlock = ["Ctrl-X", "Ctrl-Q"]
      """
  )

  @OptionGroup var data: DataOptions
  @Option(help: ArgumentHelp("Screens to rotate through, comma-separated: wall, overview, corridors, pipeline, envoys, map, corridor-maps.", valueName: "list"))
  var screens: String?
  @Option(help: ArgumentHelp("Time on each page, e.g. 20s, 2m, 500ms.", valueName: "duration"))
  var rotate: String?
  @Option(help: ArgumentHelp("A TOML file with the kiosk settings (see below).", valueName: "file"))
  var config: String?
  @OptionGroup var display: DisplayOptions
  @Option(name: .customLong("time-scale"), help: ArgumentHelp("Run the rotation clock this many times faster (soak tests).", visibility: .hidden))
  var timeScale: Double = 1

  func run() throws {
    try failing {
      var settings = KioskConfig()
      if let config {
        guard let bytes = try? FileSystem.read(config) else {
          throw CommandFailure(message: "greensilk: \(config): cannot read the kiosk config", status: 2)
        }
        do {
          settings = try KioskConfig.parse(String(decoding: bytes, as: UTF8.self), file: config)
        } catch {
          throw CommandFailure(message: "greensilk: \(error)", status: 2)
        }
      }
      if let screens {
        let names = screens.split(separator: ",").map { String($0).filter { $0 != " " } }
        if let bad = names.first(where: { !KioskConfig.screenNames.contains($0) }) {
          throw CommandFailure(message: "greensilk: --screens: unknown screen \"\(bad)\" (expected: \(KioskConfig.screenNames.joined(separator: ", ")))", status: 2)
        }
        settings.screens = names
      }
      if let rotate {
        guard let seconds = KioskConfig.duration(rotate), seconds >= 0.01 else {
          throw CommandFailure(message: "greensilk: --rotate: expected a duration such as 20s, 2m or 500ms", status: 2)
        }
        settings.rotate = seconds
      }
      // The kiosk never writes: a read-only store creates no lock file.
      let (store, loaded) = try data.load(readOnly: true)
      let program = KioskProgram(
        store: store, initial: loaded, config: settings, display: display.choices, timeScale: timeScale,
        // A pinned session (--as) writes no file an environment variable names.
        logger: try data.access.policy().isPinned ? .disabled : Logger(path: Environment.value("GREENSILK_LOG")))
      // A stray SIGTSTP (kill -TSTP) must not freeze the wall; raw mode
      // already keeps Ctrl-Z, Ctrl-C and Ctrl-\ from becoming signals.
      signal(SIGTSTP, SIG_IGN)
      signal(SIGTTOU, SIG_IGN)
      signal(SIGTTIN, SIG_IGN)
      TestReloadDelay.installIfAsked()
      try runOnTerminal(display.terminalOptions) { Runtime(program: program, terminal: $0).run() }
    }
  }
}
