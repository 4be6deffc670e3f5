import ArgumentParser
import GreenSilkCore

#if canImport(Glibc)
  import Glibc
#endif

/// `greensilk export projects|activities`.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write projects or envoy activities as CSV, JSON or JSON Lines.",
    discussion: """
      CSV has one column per field, named as in the data files; nested fields are \
      dotted (screening.pollution, budget.amount_usd, source.url). The columns are the \
      same, in the same order, on every export, so spreadsheets stay stable. Text \
      fields are plain text; numbers, true/false, lists and objects (partners, \
      participants, the imported AidData row) are compact JSON in the cell. \
      `greensilk import csv` reads the file back: edit it in a spreadsheet and import \
      it, keeping the id and rev columns.

      A CSV cell that starts with = + - @, a tab or a carriage return (which a \
      spreadsheet may run as a formula), or with ' itself, is written with a ' in \
      front; a cell that is just a negative number is not. `greensilk import csv` \
      takes the ' off again, so the round trip is exact. --verbatim-cells writes \
      cells as they are (import such a file with `import csv --verbatim-cells`).

      JSON is an array with one record per line; JSON Lines is one record per line, \
      exactly as in the data files. `greensilk import json` reads both.

      Filters (--filter, repeatable): field=value, where field is any column name \
      (stage, area, delivery, screening.es_category, source.dataset, …) or one of \
      corridor, country, light (green, yellow, red, none) for projects, and country, \
      year for activities. Case is ignored; a list field matches when it contains \
      the value. Different fields must all match; the same field given twice matches \
      either value. Examples:
        greensilk export projects --filter corridor=CICPEC --filter stage=implementation
        greensilk export projects --format csv --filter source.dataset=aiddata-gcdf-3.0 -o aiddata.csv
        greensilk export activities --format jsonl --filter year=2024

      Every project is exported, those not in totals included: the column \
      not_in_totals says why one is left out of totals (pledge, umbrella, \
      cancelled_portion, superseded, not_recommended, by_hand), and \
      budget.amount_estimated, dates.commitment_estimated, \
      dates.actual_start_estimated and dates.actual_end_estimated say which values \
      the source estimated. The summary line on standard error adds up only the \
      records that count, unless --all-in-totals.
      """
  )

  enum Records: String, ExpressibleByArgument, CaseIterable {
    case projects, activities
  }

  @OptionGroup var data: DataOptions
  @Argument(help: "What to export: projects or activities.") var records: Records
  @Option(name: .shortAndLong, help: "Output format: \(ExportFormat.allValueStrings.joined(separator: ", ")).")
  var format: ExportFormat = .csv
  @Option(name: .customLong("filter"), help: ArgumentHelp("Keep records where field=value (repeatable; see above).", valueName: "field=value"))
  var filters: [String] = []
  @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
  var output: String?
  @Flag(help: "CSV: write every cell as it is, without the ' that keeps spreadsheets from running cells starting with = + - @ as formulas.")
  var verbatimCells = false
  @OptionGroup var totals: TotalsOptions

  func validate() throws {
    do {
      _ = try RecordFilter(filters, for: records == .projects ? .projects : .activities)
    } catch {
      throw ValidationError(error.message)
    }
  }

  func run() throws {
    try failing {
      let (store, loaded) = try data.load(readOnly: true, warn: true)
      // Written a chunk at a time (`StreamingExporter`): to a temporary
      // file renamed into place, or to standard output.
      func emit(_ body: (([UInt8]) throws -> Void) throws -> Void) throws {
        guard let output else {
          try body { FileHandleOutput.standardOutput.writeData($0) }
          return
        }
        var failure: (any Error)?
        do {
          try FileSystem.writeAtomically(output) { fd, temporary throws(FileSystemError) in
            do {
              try body { bytes throws(FileSystemError) in try FileSystem.writeAll(fd, bytes, path: temporary) }
            } catch let error as FileSystemError {
              throw error
            } catch {
              failure = error
              throw FileSystemError(path: temporary, operation: "write the export", code: EIO)
            }
          }
        } catch {
          throw failure ?? error
        }
      }
      do {
        switch records {
        case .projects:
          let filter = try RecordFilter(filters, for: .projects)
          let projects = loaded.dataSet.projects.filter(filter.matches)
          // Each project's source row is read from the sidecar as its
          // chunk is written, so the export is whole.
          let rows = try store.sourceRows.index().reader()
          try emit { write in
            try StreamingExporter.export(
              projects, format: format, verbatimCells: verbatimCells, prepare: rows.attach, write: write)
          }
          // The summary goes to standard error: standard output is the data.
          FileHandleOutput.standardError.writeLine(ExportSummary(projects, scope: totals.scope).line)
        case .activities:
          let filter = try RecordFilter(filters, for: .activities)
          let activities = loaded.dataSet.activities.filter(filter.matches)
          try emit { write in
            try StreamingExporter.export(activities, format: format, verbatimCells: verbatimCells, write: write)
          }
        }
      } catch let failure as CommandFailure {
        throw failure
      } catch {
        throw CommandFailure(message: "greensilk: \(error)", status: 1)
      }
    }
  }
}

/// `--format`: any format `RecordExporter` writes, by its name; another
/// name is an unusable argument (status 2), never a silent default.
extension ExportFormat: ExpressibleByArgument {}
