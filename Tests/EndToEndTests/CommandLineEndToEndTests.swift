import Foundation
import GreenSilkCore
import Testing

/// The command line as a script sees it: exit statuses and messages.
@Suite("Command line")
struct CommandLineEndToEndTests {
  static func run(_ arguments: [String]) throws -> Spawn.Result {
    try Spawn.run(E2E.binary, arguments, environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
  }

  /// An export format the exporter does not write is an unusable argument
  /// (status 2) that names the ones it does, never a silent CSV.
  @Test func anUnknownExportFormatIsStatus2() throws {
    let result = try Self.run(["export", "projects", "--data", E2E.repoRoot + "/data", "--format", "xlsx"])
    #expect(result.status == 2, "stderr: \(result.err)")
    #expect(result.out.isEmpty)
    #expect(result.err.contains("xlsx"), "stderr: \(result.err)")
    for format in ExportFormat.allCases { #expect(result.err.contains(format.rawValue), "stderr: \(result.err)") }
  }

  /// Every format the exporter writes is accepted by `--format`: the
  /// command and the exporter share one list.
  @Test(arguments: ExportFormat.allCases)
  func everyExportFormatIsAccepted(_ format: ExportFormat) throws {
    let result = try Self.run(["export", "activities", "--data", E2E.repoRoot + "/data", "--format", format.rawValue])
    #expect(result.status == 0, "stderr: \(result.err)")
    #expect(!result.out.isEmpty)
  }

  /// The kiosk takes the dashboard's display options (one declaration).
  @Test func theKioskTakesTheDisplayOptions() throws {
    let help = try Self.run(["help", "kiosk"])
    #expect(help.status == 0)
    for option in ["--theme <name>", "--themes-dir <dir>", "--ascii", "--mono"] {
      #expect(help.out.contains("[\(option)]"), "\(option) missing from the usage:\n\(help.out)")
    }
  }
}
