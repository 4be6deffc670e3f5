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

  func validate() throws {
    do {
      _ = try RecordFilter(filters, for: records == .projects ? .projects : .activities)
    } catch {
      throw ValidationError(error.message)
    }
  }

  func run() throws {
    try failing {
      let loaded = try data.load(readOnly: true, warn: true).loaded
      let bytes: [UInt8]
      do {
        switch records {
        case .projects:
          let filter = try RecordFilter(filters, for: .projects)
          bytes = try RecordExporter.export(loaded.dataSet.projects.filter(filter.matches), format: format)
        case .activities:
          let filter = try RecordFilter(filters, for: .activities)
          bytes = try RecordExporter.export(loaded.dataSet.activities.filter(filter.matches), format: format)
        }
      } catch {
        throw CommandFailure(message: "greensilk: \(error)", status: 1)
      }
      if let output {
        do {
          try FileSystem.writeAtomically(output, bytes)
        } catch {
          throw CommandFailure(message: "greensilk: \(error)", status: 1)
        }
      } else {
        FileHandleOutput.standardOutput.write(bytes)
      }
    }
  }
}

/// `--format`: any format `RecordExporter` writes, by its name; another
/// name is an unusable argument (status 2), never a silent default.
extension ExportFormat: ExpressibleByArgument {}

extension FileHandleOutput {
  /// Writes bytes as they are (an export may be large: no String copy).
  func write(_ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let wrote = bytes.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset) }
      if wrote <= 0 {
        if wrote < 0 && errno == EINTR { continue }
        return
      }
      offset += wrote
    }
  }
}
