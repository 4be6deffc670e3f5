import ArgumentParser
import GreenSilkCore

/// `greensilk migrate`: brings a data directory written by an older
/// GreenSilk up to the current schema now, rather than at the first save.
struct MigrateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "migrate",
    abstract: "Upgrade a data directory written by an older GreenSilk to the current schema.",
    discussion: """
      Schema 2 keeps each imported project's original source columns in sources/ \
      (parts under 40 MB) instead of inside projects.jsonl, and the audit log in \
      audit/YYYY-MM.jsonl (audit.jsonl, if any, is kept and read as the oldest part). \
      Schema 3 moves the projects of a portfolio over 2,000 projects into 64 parts, \
      projects/00.jsonl to projects/63.jsonl (a project's part follows from its id). \
      Every writing command upgrades an old directory first anyway; this does it \
      now. Each step is atomic: a crash part-way leaves a directory that loads and \
      upgrades again. Nothing is printed to change when the directory is current.
      """
  )

  @OptionGroup var data: DataOptions

  func run() throws {
    try failing {
      let store = try data.openStore()
      let report: FileStore.UpgradeReport?
      do {
        report = try store.upgrade()
      } catch {
        throw CommandFailure(message: "greensilk: \(error)", status: 1)
      }
      guard let report else {
        FileHandleOutput.standardOutput.writeLine("\(store.displayDirectory): already at schema \(DataSetMeta.currentSchema)")
        return
      }
      FileHandleOutput.standardOutput.writeLine(
        "\(store.displayDirectory): schema \(report.fromSchema) → \(report.toSchema); "
          + "\(report.rowsMoved) source rows moved to \(SourceRowStore.folderName)/; "
          + "projects.jsonl \(report.projectsBytesBefore) → \(report.projectsBytesAfter) bytes"
          + (report.splitIntoParts ? "; projects moved into \(ProjectParts.partCount) parts under \(ProjectParts.folderName)/" : ""))
    }
  }
}
