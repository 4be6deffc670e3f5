import ArgumentParser
import GreenSilkCore

/// `greensilk history [ID]`: the audit trail, headless.
struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Print the audit trail: who changed what and when, field by field.",
    discussion: """
      Reads the append-only audit log of the data directory: audit/YYYY-MM.jsonl, one \
      file per month, after audit.jsonl if an older GreenSilk left one. With an ID, \
      only that record's changes; otherwise every change, oldest first. An AidData \
      import is one entry with its counts, then one per project it updated.
      """
  )

  @OptionGroup var data: DataOptions
  @Argument(help: "A project or activity id (e.g. P-0042).") var id: String?
  @Option(help: "Only the last N entries.") var last: Int?
  @Flag(help: "Print the log's JSON lines instead of text.") var json = false

  func run() throws {
    try failing {
      let store = try data.openStore(readOnly: true)
      let log: (entries: [AuditEntry], issues: [LoadIssue])
      do { log = try AuditLog.read(store) } catch { throw CommandFailure(message: "greensilk: \(error)", status: 2) }
      for issue in log.issues { FileHandleOutput.standardError.writeLine("warning: \(issue)") }
      var entries = log.entries
      if let id { entries = entries.filter { $0.id == id } }
      if let last { entries = Array(entries.suffix(max(0, last))) }
      if entries.isEmpty {
        FileHandleOutput.standardError.writeLine(id.map { "no recorded changes to \($0)" } ?? "the audit log is empty")
        return
      }
      for entry in entries {
        FileHandleOutput.standardOutput.write(json ? entry.jsonLine + "\n" : HistoryText.describe(entry))
      }
    }
  }
}

/// The audit log as people read it: one line per entry, then one per
/// changed field. Every recorded text (user, note, values) is shown with
/// its hidden characters as pictures, line feeds included, so that no
/// value can start a line that reads like an entry of its own.
enum HistoryText {
  static func describe(_ entry: AuditEntry) -> String {
    let shown = { (text: String) in ControlCharacters.visible(text) }
    var out = "\(entry.at)  \(shown(entry.user.description))  \(shown(entry.action))  \(shown(entry.id))"
    if let revision = entry.revision { out += " (rev \(revision))" }
    if let note = entry.note { out += " — \(shown(note))" }
    out += "\n"
    for change in entry.changes {
      out += "    \(shown(change.field)): \(shown(change.old ?? "—")) → \(shown(change.new ?? "—"))\n"
    }
    return out
  }
}
