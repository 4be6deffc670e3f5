import ArgumentParser

#if canImport(Glibc)
  import Glibc
#endif

/// The `greensilk` command. With no subcommand it opens the dashboard.
@main
struct GreenSilk: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "greensilk",
    abstract: "A terminal dashboard for the Belt and Road Ecological and Environmental Cooperation Plan.",
    discussion: """
      Data comes from a directory of plain JSON Lines files: ./data by default, \
      or --data DIR, or the GREENSILK_DATA environment variable.

      Exit status: 0 success; 1 problems found (validate, import); 2 unusable \
      arguments or data directory.
      """,
    subcommands: [
      DashboardCommand.self, ValidateCommand.self, ReportCommand.self, GenerateCommand.self, HistoryCommand.self,
      KioskCommand.self, ImportCommand.self, ExportCommand.self, NormalizeCommand.self, EditCommand.self,
      MigrateCommand.self, SyncCommand.self, MergeDriverCommand.self, StressSaveCommand.self,
    ],
    defaultSubcommand: DashboardCommand.self
  )

  /// Parses and runs like `ParsableCommand.main()`, except that unusable
  /// arguments exit with status 2 (the Unix convention our docs promise)
  /// rather than ArgumentParser's 64.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        FileHandleOutput.standardError.write(fullMessage(for: error) + "\n")
        Glibc.exit(2)
      }
      exit(withError: error)
    }
  }
}
