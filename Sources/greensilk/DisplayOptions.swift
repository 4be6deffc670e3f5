import ArgumentParser
import GreenSilkRuntime
import GreenSilkTerminal

/// Display flags shared by the dashboard and the kiosk.
struct DisplayOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Colour theme: a name from the Themes directory or a .toml path (default: default; the kiosk's: kiosk, or its config's).",
      valueName: "name"))
  var theme: String?
  @Option(name: .customLong("themes-dir"), help: ArgumentHelp("Where theme files are (default: $GREENSILK_THEMES, else ./Themes).", valueName: "dir"))
  var themesDirectory: String?
  @Flag(help: "Draw with ASCII only (no box drawing or block glyphs).") var ascii = false
  @Flag(help: "No colour: attributes only (like NO_COLOR).") var mono = false
  @OptionGroup var totals: TotalsOptions

  var choices: DisplayChoices {
    DisplayChoices(theme: theme, themesDirectory: themesDirectory, ascii: ascii, mono: mono, totals: totals.scope)
  }

  var terminalOptions: TerminalOptions { TerminalOptions(maximumColorDepth: mono ? .mono : nil, forceASCII: ascii) }
}

/// Runs a full-screen program on the user's terminal and ends the command
/// with the program's exit status. A terminal that cannot show it (not a
/// terminal at all, an unknown type, `dumb`, a hard-copy terminal) is an
/// unusable setup: its message, status 2.
func runOnTerminal(_ options: TerminalOptions, _ body: (LiveTerminal) -> Int32) throws {
  let status: Int32
  do {
    status = try withLiveTerminal(options, body)
  } catch let error as TerminalError {
    throw CommandFailure(message: "greensilk: \(error)", status: 2)
  } catch let error as EventLoopError {
    throw CommandFailure(message: "greensilk: cannot wait for input: \(error)", status: 1)
  }
  if status != 0 { throw ExitCode(status) }
}
