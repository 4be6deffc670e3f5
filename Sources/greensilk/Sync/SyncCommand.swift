import ArgumentParser
import GreenSilkCore

#if canImport(Glibc)
  import Glibc
#endif

/// `greensilk sync`: the data directory travels between offices through
/// git (issue 14). `sync` alone syncs now; `sync init`, `sync status`.
struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Sync the data directory with the hub through git: commit, fetch, merge by record, push.",
    discussion: """
      Commits pending edits (the message names who changed which records, from the \
      audit), fetches the hub, merges with GreenSilk's record-aware merge driver, and \
      pushes; a push the hub refuses is fetched, merged and retried. A changed data file \
      with a bad line is not committed (FILE:LINE). Same-field edits in two offices are \
      held in the record as a conflict for the dashboard's conflict view (C lists them).

      Exit status: 0 synced, 1 the sync stopped (the message says why; local work is kept), \
      2 unusable arguments or missing directory.
      """,
    subcommands: [SyncNowCommand.self, SyncInitCommand.self, SyncStatusCommand.self],
    defaultSubcommand: SyncNowCommand.self
  )
}

struct SyncNowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "now", abstract: "Sync now (the default).")

  @OptionGroup var data: DataOptions
  @Flag(name: .shortAndLong, help: "Print only problems.") var quiet = false

  func run() throws {
    try failing {
      let store = try data.openStore()
      let engine = SyncEngine(directory: store.directory, displayDirectory: store.displayDirectory)
      do {
        let report = try engine.sync { step in
          if !quiet { FileHandleOutput.standardError.writeLine("sync: \(step)…") }
        }
        for line in report.recovered { FileHandleOutput.standardOutput.writeLine("recovered: \(line)") }
        if !quiet { FileHandleOutput.standardOutput.writeLine(report.summary) }
        for conflict in report.conflicts where !quiet {
          FileHandleOutput.standardOutput.writeLine("conflict: \(conflict.summary)")
        }
      } catch {
        throw CommandFailure(message: "greensilk sync: \(error)", status: 1)
      }
    }
  }
}

struct SyncInitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Make the data directory a git repository with GreenSilk's merge driver (idempotent).")

  @OptionGroup var data: DataOptions
  @Option(help: ArgumentHelp("The hub: any git URL (ssh://host/path/data.git, host:path).", valueName: "url"))
  var remote: String?

  func run() throws {
    try failing {
      let store = try data.openStore()
      let setup = SyncSetup(
        directory: store.directory, displayDirectory: store.displayDirectory, executable: Self.executablePath())
      do {
        for line in try setup.run(remote: remote) { FileHandleOutput.standardOutput.writeLine(line) }
      } catch {
        throw CommandFailure(message: "greensilk sync init: \(error)", status: 1)
      }
    }
  }

  /// This binary's absolute path, for git to run as the merge driver.
  static func executablePath() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    if count > 0 { return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
    return CommandLine.arguments[0]
  }
}

struct SyncStatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status", abstract: "Ahead/behind the hub (as last fetched), last sync, every open conflict.")

  @OptionGroup var data: DataOptions

  func run() throws {
    try failing {
      let store = try data.openStore(readOnly: true)
      let status: SyncStatus
      do {
        status = try SyncStatus.read(directory: store.directory, displayDirectory: store.displayDirectory)
      } catch {
        throw CommandFailure(message: "greensilk sync status: \(error)", status: 1)
      }
      let out = FileHandleOutput.standardOutput
      out.writeLine("hub: \(status.remote ?? "none")")
      out.writeLine("status: \(status.line)")
      if let ahead = status.ahead, let behind = status.behind {
        out.writeLine("ahead: \(ahead) commit(s) to send; behind: \(behind) commit(s) to receive (as of the last fetch)")
      }
      out.writeLine("last sync: \(status.lastSync?.description ?? "never")")
      for file in status.pendingFiles { out.writeLine("unsynced: \(file)") }
      out.writeLine("conflicts: \(status.conflicts.count)")
      for conflict in status.conflicts {
        out.writeLine("  \(FileSystem.join(store.displayDirectory, conflict.file)):\(conflict.line): \(conflict.summary)")
      }
    }
  }
}
