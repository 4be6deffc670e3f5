/// What an import will write, decided before anything is written: the
/// record changes (applied in one atomic rewrite), their audit lines, the
/// rows skipped with why, local edits that were kept, the metadata to save
/// and a summary. A dry run prints the summary and writes nothing.
public struct ImportPlan<Record: StoredRecord>: Sendable {
  public var changes: [RecordChange<Record>] = []
  public var audit: [AuditEntry] = []
  /// Rows that were not imported (`FILE:LINE: reason`).
  public var problems: [LoadIssue] = []
  /// Fields kept because they were edited locally since the last import.
  public var notes: [String] = []
  /// The data set's metadata after the import, when it must change.
  public var meta: DataSetMeta?
  public var summary: ImportSummary

  public init(summary: ImportSummary) { self.summary = summary }
}

/// The counts an import reports at the end.
public struct ImportSummary: Sendable, Equatable {
  public var file: String
  public var source: String
  /// What the records are called in the summary ("projects").
  public var records: String
  /// Whether the import protects local edits (AidData re-imports).
  public var tracksLocalEdits: Bool
  public var rowsRead = 0
  public var created = 0
  public var updated = 0
  public var unchanged = 0
  public var skipped = 0
  public var localEditsKept = 0
  /// Imported rows by the source's status and the stage it maps to.
  public var byStatus: [StatusCount] = []
  /// Imported rows by corridor (nil: on no corridor). A project on two
  /// corridors counts in both.
  public var byCorridor: [CorridorCount] = []

  public struct StatusCount: Sendable, Equatable {
    public var status: String
    public var stage: Stage
    public var count: Int
  }

  public struct CorridorCount: Sendable, Equatable {
    public var corridor: CorridorCode?
    public var count: Int
  }

  public init(file: String, source: String, records: String = "projects", tracksLocalEdits: Bool = false) {
    self.file = file
    self.source = source
    self.records = records
    self.tracksLocalEdits = tracksLocalEdits
  }

  /// The summary as printed at the end of an import.
  public func text(dryRun: Bool) -> String {
    var out = (dryRun ? "Dry run (nothing written): " : "Imported ") + "\(file) (\(source))\n"
    var rows: [(String, Int)] = [
      ("rows read", rowsRead), (dryRun ? "\(records) to create" : "\(records) created", created),
      (dryRun ? "\(records) to update" : "\(records) updated", updated), ("unchanged", unchanged),
      ("skipped (bad rows)", skipped),
    ]
    if tracksLocalEdits { rows.append(("local edits kept", localEditsKept)) }
    out += Self.lines(rows)
    if !byStatus.isEmpty {
      out += "By status:\n"
      out += Self.lines(byStatus.map { ("\($0.status) → \($0.stage.rawValue)", $0.count) })
    }
    if !byCorridor.isEmpty {
      out += "By corridor:\n"
      out += Self.lines(byCorridor.map { ($0.corridor?.rawValue ?? "(no corridor)", $0.count) })
    }
    return out
  }

  static func lines(_ rows: [(String, Int)]) -> String {
    let width = rows.map(\.0.count).max() ?? 0
    let numbers = rows.map { NumberText.integer($0.1) }
    let numberWidth = numbers.map(\.count).max() ?? 0
    var out = ""
    for (index, row) in rows.enumerated() {
      let label = row.0 + String(repeating: " ", count: width - row.0.count)
      let number = String(repeating: " ", count: numberWidth - numbers[index].count) + numbers[index]
      out += "  \(label)  \(number)\n"
    }
    return out
  }
}

/// The whole file cannot be imported (no header, not the expected
/// columns); nothing is written.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
  public var issue: LoadIssue
  public init(_ issue: LoadIssue) { self.issue = issue }
  public var description: String { issue.description }
}
