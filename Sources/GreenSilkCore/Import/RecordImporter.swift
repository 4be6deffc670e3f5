/// The files `greensilk import csv|json` read: our own exports.
public enum RecordImportFormat: Sendable {
  case csv
  /// A JSON array (`export --format json`) or JSON Lines (`jsonl`).
  case json
}

/// An import plan for whichever record type the file holds.
public enum RecordImportPlans: Sendable {
  case projects(ImportPlan<Project>)
  case activities(ImportPlan<EnvoyActivity>)
}

/// Reads our own CSV or JSON export back (the spreadsheet round trip).
/// Each row or line becomes a record through the same reader the data
/// files use, so every rule of the file format applies; then:
/// - a new id is created;
/// - an existing id with no content change is left alone, so an unchanged
///   round trip writes nothing at all;
/// - an existing id with changes is an update, but only when the row's
///   `rev` is the record's current revision: otherwise someone saved
///   since the export, and the row is reported as a conflict and skipped.
/// CSV updates touch only the fields the file has columns for: a column
/// deleted in the spreadsheet loses nothing.
public enum RecordImporter {
  /// `verbatimCells`: the CSV was exported with `--verbatim-cells`, so its
  /// cells are taken as they are (see `CSVCellGuard`).
  public static func plan(
    bytes: [UInt8], format: RecordImportFormat, displayPath: String, data: DataSet, user: UserIdentity,
    now: Timestamp, verbatimCells: Bool = false
  ) throws(ImportFailure) -> RecordImportPlans {
    let rows: [SourceRow]
    let file: DataFile
    switch format {
    case .csv: (file, rows) = try csvRows(bytes, displayPath: displayPath, verbatimCells: verbatimCells)
    case .json: (file, rows) = try jsonRows(bytes, displayPath: displayPath)
    }
    let source = format == .csv ? "GreenSilk CSV export" : "GreenSilk JSON export"
    if file == .activities {
      return .activities(
        plan(EnvoyActivity.self, rows, source: source, data: data, displayPath: displayPath, user: user, now: now))
    }
    return .projects(plan(Project.self, rows, source: source, data: data, displayPath: displayPath, user: user, now: now))
  }

  /// One record's text as read from the file, or why it could not be.
  struct SourceRow {
    var line: Int
    var json: Result<String, CSVRowProblem>
    /// The fields the row speaks for (nil: all of them).
    var covered: Set<String>?
  }

  // MARK: - CSV

  static func csvRows(
    _ bytes: [UInt8], displayPath: String, verbatimCells: Bool = false
  ) throws(ImportFailure) -> (DataFile, [SourceRow]) {
    let document = CSVDocument(bytes: bytes)
    guard let headerRow = document.rows.first else {
      throw ImportFailure(LoadIssue(file: displayPath, line: 0, reason: "empty file; expected a header row"))
    }
    let header: [String]
    do {
      header = try document.cells(of: headerRow, verbatim: verbatimCells)
    } catch {
      throw ImportFailure(LoadIssue(file: displayPath, line: error.line, reason: "header row: \(error.reason)"))
    }
    let file: DataFile
    if header.contains("stage") {
      file = .projects
    } else if header.contains("kind") && header.contains("focus") {
      file = .activities
    } else {
      throw ImportFailure(
        LoadIssue(
          file: displayPath, line: headerRow.line,
          reason: "not a GreenSilk export: expected a \"stage\" column (projects) or \"kind\" and \"focus\" (activities)"))
    }
    guard let layout = RecordColumns.of(file) else { return (file, []) }
    if let duplicate = header.enumerated().first(where: { header[..<$0.offset].contains($0.element) })?.element {
      throw ImportFailure(
        LoadIssue(file: displayPath, line: headerRow.line, reason: "column \"\(duplicate)\" appears twice in the header row"))
    }
    let covered = Set(header)
    var rows: [SourceRow] = []
    for row in document.rows.dropFirst() {
      do throws(CSVRowProblem) {
        let cells = try document.cells(of: row, verbatim: verbatimCells)
        guard cells.count == header.count else {
          throw CSVRowProblem(line: row.line, reason: "\(cells.count) columns, the header has \(header.count)")
        }
        var fields: [FieldValue] = []
        for (column, cell) in zip(header, cells) {
          do {
            if let json = try layout.json(column, cell: cell) { fields.append(FieldValue(name: column, json: json)) }
          } catch {
            throw CSVRowProblem(line: row.line, reason: error.message)
          }
        }
        rows.append(SourceRow(line: row.line, json: .success(RecordFields.assemble(fields)), covered: covered))
      } catch {
        rows.append(SourceRow(line: row.line, json: .failure(error), covered: covered))
      }
    }
    return (file, rows)
  }

  // MARK: - JSON

  static func jsonRows(_ bytes: [UInt8], displayPath: String) throws(ImportFailure) -> (DataFile, [SourceRow]) {
    var lines: [(number: Int, bytes: ArraySlice<UInt8>)] = []
    var number = 0
    var start = 0
    for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
      number += 1
      var line = bytes[start..<index]
      if line.last == 0x0D { line = line.dropLast() }
      if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { lines.append((number, line)) }
      start = index + 1
    }
    // Our array form has "[" and "]" on lines of their own and one record
    // per line between them, each but the last followed by a comma.
    if let first = lines.first, first.bytes.trimmingSpaces() == Array("[".utf8) {
      guard let last = lines.last, lines.count >= 2, last.bytes.trimmingSpaces() == Array("]".utf8) else {
        throw ImportFailure(
          LoadIssue(
            file: displayPath, line: first.number,
            reason: "a JSON array must be written as `greensilk export --format json` writes it: \"[\" and \"]\" on lines of their own, one record per line"
          ))
      }
      lines = lines.dropFirst().dropLast().map { line in
        var body = line.bytes.trimmingSpaces()
        if body.last == UInt8(ascii: ",") { body.removeLast() }
        return (line.number, ArraySlice(body))
      }
    }
    var rows: [SourceRow] = []
    var file: DataFile?
    for line in lines {
      let slice = Array(line.bytes)
      guard slice.withUnsafeBufferPointer({ isValidUTF8($0) }) else {
        rows.append(SourceRow(line: line.number, json: .failure(CSVRowProblem(line: line.number, reason: "invalid UTF-8"))))
        continue
      }
      let text = String(decoding: slice, as: UTF8.self)
      if file == nil { file = recordFile(ofJSON: text) }
      rows.append(SourceRow(line: line.number, json: .success(text), covered: nil))
    }
    return (file ?? .projects, rows)
  }

  /// Projects have a stage; activities a kind.
  static func recordFile(ofJSON text: String) -> DataFile? {
    var keys = Set<String>()
    _ = try? JSONReader.withReader(text) { reader in
      try reader.readObject { reader, key in
        keys.insert(key)
        try reader.skipValue()
      }
    }
    if keys.contains("stage") { return .projects }
    if keys.contains("kind") { return .activities }
    return nil
  }

  // MARK: - Plan

  static func plan<R: StampedRecord>(
    _ type: R.Type, _ rows: [SourceRow], source: String, data: DataSet, displayPath: String, user: UserIdentity,
    now: Timestamp
  ) -> ImportPlan<R> {
    var plan = ImportPlan<R>(
      summary: ImportSummary(
        file: displayPath, source: "\(source), \(R.file.fileName)", records: R.file == .projects ? "projects" : "activities"))
    plan.summary.rowsRead = rows.count
    let countries = Set(data.countries.map(\.code))
    let corridors = Set(data.corridors.map(\.code))
    var firstLine: [String: Int] = [:]
    var corridorCounts: [CorridorCode?: Int] = [:]
    for row in rows {
      func skip(_ reason: String) { plan.problems.append(LoadIssue(file: displayPath, line: row.line, reason: reason)) }
      let record: R
      switch row.json {
      case .failure(let problem):
        skip(problem.reason)
        continue
      case .success(let text):
        do {
          record = try R(jsonLine: text)
        } catch {
          skip(CollectionParser.describe(error))
          continue
        }
      }
      if let problem = RecordID.problem(with: record.id) {
        skip(problem)
        continue
      }
      if let problem = danglingReference(record, countries: countries, corridors: corridors) {
        skip(problem)
        continue
      }
      if let first = firstLine[record.id] {
        skip("duplicate id \(record.id) (first on line \(first)); row skipped")
        continue
      }
      firstLine[record.id] = row.line
      let note = "\(source), \(displayPath):\(row.line)"
      guard let existing: R = lookUp(record.id, in: data) else {
        var created = record
        created.changedBy = user.login
        created.changedAt = now
        plan.changes.append(.create(created))
        plan.audit.append(
          AuditEntry(
            at: now, user: user, action: "import", file: R.file, id: record.id, revision: 1,
            changes: RecordFields.changes(from: nil, to: created), note: note))
        plan.summary.created += 1
        count(created, into: &corridorCounts)
        continue
      }
      var changes = RecordFields.changes(from: existing, to: record)
      if let covered = row.covered { changes = changes.filter { covered.contains($0.field) } }
      if changes.isEmpty {
        plan.summary.unchanged += 1
        count(existing, into: &corridorCounts)
        continue
      }
      guard record.revision == existing.revision else {
        skip(
          "conflict: \(R.file.recordName) \(record.id) was changed since this row was exported (revision \(existing.revision) in the data, \(record.revision) in the row); row skipped, export again and redo the edit"
        )
        firstLine[record.id] = nil
        continue
      }
      var merged: R
      do {
        merged = try RecordFields.merge(existing, taking: Set(changes.map(\.field)), from: record)
      } catch {
        skip("cannot apply the row to \(record.id): \(CollectionParser.describe(error))")
        continue
      }
      merged.changedBy = user.login
      merged.changedAt = now
      plan.changes.append(.replace(merged, original: existing))
      plan.audit.append(
        AuditEntry(
          at: now, user: user, action: "import", file: R.file, id: record.id, revision: existing.revision + 1,
          changes: RecordFields.changes(from: existing, to: merged), note: note))
      plan.summary.updated += 1
      count(merged, into: &corridorCounts)
    }
    plan.summary.skipped = plan.problems.count
    plan.problems.sort()
    if R.file == .projects {
      plan.summary.byCorridor = (CorridorCode.allCases.map { Optional($0) } + [nil]).compactMap { code in
        corridorCounts[code].map { ImportSummary.CorridorCount(corridor: code, count: $0) }
      }
    }
    return plan
  }

  static func lookUp<R: StoredRecord>(_ id: String, in data: DataSet) -> R? {
    if R.self == Project.self { return data.project(id: id) as? R }
    if R.self == EnvoyActivity.self { return data.activity(id: id) as? R }
    return nil
  }

  /// The loader drops records that name unknown countries or corridors;
  /// importing one would make it vanish on the next load.
  static func danglingReference<R: StoredRecord>(
    _ record: R, countries: Set<CountryCode>, corridors: Set<CorridorCode>
  ) -> String? {
    if let project = record as? Project {
      if let missing = project.countries.first(where: { !countries.contains($0) }) {
        return "unknown country \"\(missing)\" (not in countries.jsonl)"
      }
      if let missing = project.corridors.first(where: { !corridors.contains($0) }) {
        return "unknown corridor \"\(missing.rawValue)\" (not in corridors.jsonl)"
      }
    }
    if let activity = record as? EnvoyActivity,
      let missing = activity.participants.map(\.country).first(where: { !countries.contains($0) })
    {
      return "unknown country \"\(missing)\" (not in countries.jsonl)"
    }
    return nil
  }

  static func count<R: StoredRecord>(_ record: R, into counts: inout [CorridorCode?: Int]) {
    guard let project = record as? Project else { return }
    if project.corridors.isEmpty { counts[nil, default: 0] += 1 }
    for corridor in project.corridors { counts[corridor, default: 0] += 1 }
  }
}
