import ArgumentParser
import GreenSilkCore
import GreenSilkRuntime

#if canImport(Glibc)
  import Glibc
#endif

/// `greensilk import`: bring records in from outside files.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import projects from AidData's GCDF 3.0, or records from our own CSV or JSON export.",
    discussion: """
      Every import plans first and then writes once: all changes go into the data \
      file in one atomic rewrite (a conflict with another session refuses the lot), \
      with one audit line per created or updated record. Rows that cannot be used are \
      printed as FILE:LINE: reason and skipped; the rest imports.

      Exit status: 0 imported cleanly; 1 rows skipped, a conflict, or a file that is \
      not what the command reads; 2 unusable arguments (such as a missing file) or \
      data directory.
      """,
    subcommands: [ImportAidDataCommand.self, ImportCSVCommand.self, ImportJSONCommand.self]
  )
}

/// `greensilk import aiddata FILE.csv`.
struct ImportAidDataCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "aiddata",
    abstract: "Import AidData's Global Chinese Development Finance Dataset 3.0 (project-level CSV, 126 columns).",
    discussion: """
      Each row becomes project AIDDATA-<AidData Record ID>: title, description, \
      status (Pipeline: Pledge → concept, Pipeline: Commitment → screening, \
      Implementation, Completion → closed, Cancelled, Suspended; the original is kept \
      in status_raw), recipient country and its corridors (China's own membership \
      ignored), sector, amounts (original currency and constant 2021 USD), dates, \
      funding, co-financing, implementing, guarantor and insurer agencies, the first \
      source URL, flow type and class, and the financial-distress flag. Every one of \
      the row's original columns is kept with the project. Environmental screening \
      stays "not assessed": AidData does not rate it.

      Re-importing the same or a newer file updates those projects instead of \
      duplicating them; a field edited here since the last import is kept, and \
      reported. The data set's metadata gains AidData's attribution (ODC-By 1.0).
      """
  )

  @OptionGroup var data: DataOptions
  @Argument(help: ArgumentHelp("The GCDF 3.0 project-level CSV export.", valueName: "file.csv")) var file: String
  @Flag(help: "Print the summary of what would change; write nothing.") var dryRun = false

  func run() throws {
    try failing {
      if !dryRun { try data.access.require(.admin, toRun: "import aiddata") }
      let store = try data.openStore(readOnly: dryRun)
      let bytes = try ImportIO.read(file)
      let loaded = try DataOptions.load(store, warn: true)
      let progress = ProgressBar(enabled: bytes.count >= ProgressBar.largeFile)
      let plan: ImportPlan<Project>
      do {
        plan = try AidDataImporter.plan(
          bytes: bytes, displayPath: file, data: loaded.dataSet, user: data.access.user(), now: Timestamp.now(),
          progress: progress.update)
      } catch {
        progress.finish()
        throw CommandFailure(message: "\(error)", status: 1)
      }
      progress.finish()
      try ImportIO.finish(plan, store: store, dryRun: dryRun)
    }
  }
}

/// `greensilk import csv FILE.csv`.
struct ImportCSVCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "csv",
    abstract: "Import projects or envoy activities from a CSV file written by `greensilk export --format csv`.",
    discussion: """
      The file's columns are our field names (as `greensilk export` writes them); the \
      record type is told by the columns (stage: projects; kind and focus: \
      activities). A row whose id is new is created; a row whose id exists updates it \
      when something changed, but only if its rev is the record's current revision: \
      a row exported before someone else's save is a conflict, reported and skipped. \
      An unchanged round trip (export, open in a spreadsheet, save, import) changes \
      nothing.
      """
  )

  @OptionGroup var data: DataOptions
  @Argument(help: ArgumentHelp("A CSV file from `greensilk export`.", valueName: "file.csv")) var file: String
  @Flag(help: "Print the summary of what would change; write nothing.") var dryRun = false
  @Flag(help: "Take every cell as it is: the file was exported with --verbatim-cells (no ' in front of formula-like cells to take off).")
  var verbatimCells = false

  func run() throws {
    try failing {
      try ImportIO.importRecords(file: file, format: .csv, data: data, dryRun: dryRun, verbatimCells: verbatimCells)
    }
  }
}

/// `greensilk import json FILE.json`.
struct ImportJSONCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "json",
    abstract: "Import projects or envoy activities from a JSON or JSON Lines file written by `greensilk export`.",
    discussion: """
      Accepts `--format json` (an array of records) and `--format jsonl` (one record \
      per line). Creates, updates and conflicts work as for `import csv`.
      """
  )

  @OptionGroup var data: DataOptions
  @Argument(help: ArgumentHelp("A JSON or JSON Lines file from `greensilk export`.", valueName: "file")) var file: String
  @Flag(help: "Print the summary of what would change; write nothing.") var dryRun = false

  func run() throws {
    try failing { try ImportIO.importRecords(file: file, format: .json, data: data, dryRun: dryRun) }
  }
}

/// The steps every import shares: read, load, report, write.
enum ImportIO {
  static func read(_ file: String) throws -> [UInt8] {
    do {
      guard let bytes = try FileSystem.read(file) else {
        throw CommandFailure(message: "greensilk: \(file): no such file", status: 2)
      }
      return bytes
    } catch let error as FileSystemError {
      throw CommandFailure(message: "greensilk: \(error)", status: 2)
    }
  }

  static func importRecords(
    file: String, format: RecordImportFormat, data: DataOptions, dryRun: Bool, verbatimCells: Bool = false
  ) throws {
    if !dryRun { try data.access.require(.admin, toRun: "import \(format == .csv ? "csv" : "json")") }
    let store = try data.openStore(readOnly: dryRun)
    let bytes = try read(file)
    let loaded = try DataOptions.load(store, warn: true)
    let planned: RecordImportPlans
    do {
      planned = try RecordImporter.plan(
        bytes: bytes, format: format, displayPath: file, data: loaded.dataSet, user: data.access.user(), now: Timestamp.now(),
        verbatimCells: verbatimCells)
    } catch {
      throw CommandFailure(message: "\(error)", status: 1)
    }
    switch planned {
    case .projects(let plan): try finish(plan, store: store, dryRun: dryRun)
    case .activities(let plan): try finish(plan, store: store, dryRun: dryRun)
    }
  }

  /// Prints the problems and notes, writes the plan (unless a dry run)
  /// and prints the summary. Exit status 1 when rows were skipped.
  static func finish<R: StoredRecord>(_ plan: ImportPlan<R>, store: FileStore, dryRun: Bool) throws {
    for problem in plan.problems { FileHandleOutput.standardError.writeLine("\(problem)") }
    for note in plan.notes { FileHandleOutput.standardError.writeLine("note: \(note)") }
    if !dryRun {
      do {
        if !plan.changes.isEmpty { try store.apply(plan.changes, audit: plan.audit) }
      } catch StoreError.conflict(let conflict) {
        throw CommandFailure(
          message: "greensilk: \(conflict)\ngreensilk: the import was refused as a whole; run it again to import against the current data",
          status: 1)
      } catch {
        throw CommandFailure(message: "greensilk: \(error)", status: 1)
      }
      if let meta = plan.meta {
        do {
          try store.saveMeta(meta)
        } catch {
          throw CommandFailure(
            message: "greensilk: the records were imported but \(FileStore.metaFileName) could not be updated: \(error); run the import again",
            status: 1)
        }
      }
    }
    FileHandleOutput.standardOutput.write(plan.summary.text(dryRun: dryRun))
    if !plan.problems.isEmpty { throw ExitCode(1) }
  }
}

/// A one-line progress bar on standard error, only when it is a terminal
/// (never in a pipe or a log file).
final class ProgressBar {
  /// Files smaller than this import too fast to need a bar.
  static let largeFile = 8 << 20

  private let enabled: Bool
  private var shown = false

  init(enabled: Bool) {
    self.enabled = enabled && FileHandleOutput.standardError.isTerminal
  }

  func update(_ done: Int, _ total: Int) {
    guard enabled, total > 0 else { return }
    let width = 30
    let filled = done * width / total
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    FileHandleOutput.standardError.writeControl("\r")
    FileHandleOutput.standardError.write(
      "[\(bar)] \(done * 100 / total)% \(NumberText.integer(done))/\(NumberText.integer(total)) rows")
    shown = true
  }

  func finish() {
    guard shown else { return }
    // Carriage return and erase the line: the summary starts clean.
    FileHandleOutput.standardError.writeControl("\r\u{1B}[K")
    shown = false
  }
}
