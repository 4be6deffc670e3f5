import ArgumentParser
import GreenSilkCore
import GreenSilkTerminal
import GreenSilkUI

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
      let result: LoadResult
      do { result = try store.load() } catch { throw CommandFailure(message: "greensilk: \(error)", status: 2) }
      timer.mark("load")
      let runtime = try DashboardRuntime(store: store, initial: result, display: display, explicitReadOnly: readOnly)
      timer.mark("derived data and state")
      let status = try runtime.run(timer: timer)
      if status != 0 { throw ExitCode(status) }
    }
  }
}

/// Display flags shared by the dashboard and the kiosk.
struct DisplayOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Colour theme: a name from the Themes directory or a .toml path.", valueName: "name"))
  var theme: String = "default"
  @Option(name: .customLong("themes-dir"), help: ArgumentHelp("Where theme files are (default: $GREENSILK_THEMES, else ./Themes).", valueName: "dir"))
  var themesDirectory: String?
  @Flag(help: "Draw with ASCII only (no box drawing or block glyphs).") var ascii = false
  @Flag(help: "No colour: attributes only (like NO_COLOR).") var mono = false
}
