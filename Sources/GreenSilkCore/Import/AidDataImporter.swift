#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Dispatch

/// `greensilk import aiddata`: plans the import of an AidData GCDF 3.0
/// project-level CSV export into a data set (DECISIONS.md, "AidData
/// import"). Rows are read and mapped on all cores; the data set is
/// consulted, never reloaded, per row; the result is one plan that the
/// store applies in a single atomic rewrite.
public enum AidDataImporter {
  /// The attribution ODC-By 1.0 asks for, with the citation AidData's
  /// repository gives (data/aiddata/NOTICE.md).
  public static let attribution =
    "AidData's Global Chinese Development Finance Dataset, Version 3.0 (AidData at William & Mary, 2023), licensed under the Open Data Commons Attribution License (ODC-By) 1.0, https://opendatacommons.org/licenses/by/1-0/. Cite: Custer, S., Dreher, A., Elston, T.B., Escobar, B., Fedorochko, R., Fuchs, A., Ghose, S., Lin, J., Malik, A., Parks, B.C., Solomon, K., Strange, A., Tierney, M.J., Vlasto, L., Walsh, K., Wang, F., Zaleski, L., and Zhang, S. 2023. Tracking Chinese Development Finance: An Application of AidData’s TUFF 3.0 Methodology. Williamsburg, VA: AidData at William & Mary. Dreher, A., Fuchs, A., Parks, B. C., Strange, A., & Tierney, M.J. 2022. Banking on Beijing: The Aims and Impacts of China’s Overseas Development Program. Cambridge, UK: Cambridge University Press."

  /// Rows mapped between two progress reports.
  static let batchSize = 2048

  /// Plans the import of `bytes` (the file named `displayPath` in
  /// messages) into `data`. `progress` is called on this thread with
  /// (rows done, rows in all) between batches.
  public static func plan(
    bytes: [UInt8], displayPath: String, data: DataSet, user: UserIdentity, now: Timestamp,
    sourceRows: SourceRowIndex? = nil, progress: ((Int, Int) -> Void)? = nil
  ) throws(ImportFailure) -> ImportPlan<Project> {
    let document = CSVDocument(bytes: bytes)
    guard let headerRow = document.rows.first else {
      throw ImportFailure(LoadIssue(file: displayPath, line: 0, reason: "empty file; expected AidData's header row"))
    }
    let header: [String]
    do {
      header = try document.fields(of: headerRow)
    } catch {
      throw ImportFailure(LoadIssue(file: displayPath, line: error.line, reason: "header row: \(error.reason)"))
    }
    let positions = try columnPositions(header, displayPath: displayPath, line: headerRow.line)

    let mapper = AidDataMapper(data: data)
    let rows = Array(document.rows.dropFirst())
    var outcomes: [RowOutcome] = []
    outcomes.reserveCapacity(rows.count)
    var done = 0
    progress?(0, rows.count)
    while done < rows.count {
      let batch = Array(rows[done..<min(rows.count, done + batchSize)])
      outcomes += mapInParallel(batch) { row in
        outcome(
          of: row, document: document, header: header, positions: positions, mapper: mapper, data: data,
          user: user, now: now, displayPath: displayPath, sourceRows: sourceRows)
      }
      done += batch.count
      progress?(done, rows.count)
    }
    return assemble(outcomes, data: data, displayPath: displayPath, user: user, now: now)
  }

  /// Plans the import of the file at `path`, read a block at a time
  /// (`CSVBlockReader`): what is held is one block, the planned records
  /// and `data`, never the whole file. With `staging`, every row that
  /// goes to the sidecar is written there as it is mapped (staged until
  /// the store commits the plan, see `SourceRowWriter`), and the planned
  /// records carry only digests. `progress` gets (bytes read, file size).
  public static func plan(
    file path: String, displayPath: String, data: DataSet, user: UserIdentity, now: Timestamp,
    sourceRows: SourceRowIndex? = nil, staging: SourceRowWriter? = nil, progress: ((Int, Int) -> Void)? = nil
  ) throws(ImportFailure) -> ImportPlan<Project> {
    func failure(_ error: FileSystemError) -> ImportFailure {
      ImportFailure(LoadIssue(file: displayPath, line: 0, reason: "\(error)"))
    }
    let opened: CSVBlockReader?
    do {
      opened = try CSVBlockReader(path: path)
    } catch {
      throw failure(error)
    }
    guard var reader = opened else {
      throw ImportFailure(LoadIssue(file: displayPath, line: 0, reason: "no such file"))
    }
    defer { reader.close() }
    let mapper = AidDataMapper(data: data)
    var header: [String]?
    var positions: [Int?] = []
    var outcomes: [RowOutcome] = []
    progress?(0, reader.size)
    while true {
      let next: CSVDocument?
      do {
        next = try reader.next()
      } catch {
        throw failure(error)
      }
      guard let document = next else { break }
      var rows = document.rows[...]
      if header == nil {
        guard let headerRow = rows.first else { continue }
        do {
          header = try document.fields(of: headerRow)
        } catch {
          throw ImportFailure(LoadIssue(file: displayPath, line: error.line, reason: "header row: \(error.reason)"))
        }
        positions = try columnPositions(header!, displayPath: displayPath, line: headerRow.line)
        do {
          try staging?.setHeader(header!)
        } catch {
          throw failure(error)
        }
        rows = rows.dropFirst()
      }
      let names = header!
      let known = positions
      let stages = staging != nil
      var batch = mapInParallel(Array(rows)) { row in
        outcome(
          of: row, document: document, header: names, positions: known, mapper: mapper, data: data,
          user: user, now: now, displayPath: displayPath, sourceRows: sourceRows, staging: stages)
      }
      if let staging {
        for index in batch.indices {
          guard case .imported(var row) = batch[index], let line = row.sidecarLine else { continue }
          do {
            try staging.append(line)
          } catch {
            throw failure(error)
          }
          row.sidecarLine = nil
          batch[index] = .imported(row)
        }
      }
      outcomes += batch
      progress?(reader.bytesRead, reader.size)
    }
    guard header != nil else {
      throw ImportFailure(LoadIssue(file: displayPath, line: 0, reason: "empty file; expected AidData's header row"))
    }
    do {
      try staging?.finish()
    } catch {
      throw failure(error)
    }
    return assemble(outcomes, data: data, displayPath: displayPath, user: user, now: now)
  }

  // MARK: - Header

  static func columnPositions(_ header: [String], displayPath: String, line: Int) throws(ImportFailure) -> [Int?] {
    var firstPosition: [String: Int] = [:]
    for (index, name) in header.enumerated() {
      if firstPosition[name] != nil {
        throw ImportFailure(
          LoadIssue(file: displayPath, line: line, reason: "column \"\(name)\" appears twice in the header row"))
      }
      firstPosition[name] = index
    }
    let trimmed = Dictionary(header.enumerated().map { ($1.trimmingSpaces(), $0) }, uniquingKeysWith: { a, _ in a })
    let positions = AidDataColumn.allCases.map { firstPosition[$0.rawValue] ?? trimmed[$0.rawValue] }
    let missing = AidDataColumn.allCases.filter { positions[$0.ordinal] == nil && !$0.isOptional }
    if !missing.isEmpty {
      let names = missing.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
      throw ImportFailure(
        LoadIssue(
          file: displayPath, line: line,
          reason: "not an AidData GCDF 3.0 project-level export: missing column\(missing.count == 1 ? "" : "s") \(names)"))
    }
    return positions
  }

  // MARK: - Rows

  /// What became of one data row.
  enum RowOutcome: Sendable {
    case skipped(LoadIssue)
    case imported(ImportedRow)
  }

  struct ImportedRow: Sendable {
    enum Action: Sendable {
      case create(Project)
      case update(Project, expecting: Int, previous: Project)
      case unchanged
    }
    var line: Int
    var id: String
    var recordID: String
    var status: String
    var stage: Stage
    var corridors: [CorridorCode]
    var action: Action
    var notes: [String]
    /// The row for the sidecar, when the import stages rows as it goes
    /// (`SourceRowWriter.rowLine`); the action's project then carries
    /// only the digest.
    var sidecarLine: [UInt8]? = nil
  }

  static func outcome(
    of row: CSVRowScanner.Row, document: CSVDocument, header: [String], positions: [Int?], mapper: AidDataMapper,
    data: DataSet, user: UserIdentity, now: Timestamp, displayPath: String, sourceRows: SourceRowIndex? = nil,
    staging: Bool = false
  ) -> RowOutcome {
    func skip(_ reason: String) -> RowOutcome { .skipped(LoadIssue(file: displayPath, line: row.line, reason: reason)) }
    let fields: [String]
    do {
      fields = try document.fields(of: row)
    } catch {
      return skip(error.reason)
    }
    guard fields.count == header.count else {
      return skip("\(fields.count) column\(fields.count == 1 ? "" : "s"), the header has \(header.count)")
    }
    let values = AidDataValues(row: fields, positions: positions)
    let incoming: Project
    do {
      incoming = try mapper.project(values, columns: (header, fields), importedAt: now)
    } catch {
      return skip(error.message)
    }
    var imported = ImportedRow(
      line: row.line, id: incoming.id, recordID: incoming.source.recordID ?? "", status: incoming.statusRaw ?? "",
      stage: incoming.stage, corridors: incoming.corridors, action: .unchanged, notes: [])
    // With staging, a row that goes to the sidecar leaves as one line of
    // bytes and its record keeps only the digest.
    func staged(_ project: Project) -> Project {
      guard staging, let row = project.imported, row.columnsJSON != nil else { return project }
      var line: [UInt8] = []
      SourceRowWriter.rowLine(id: project.id, digest: row.digest, values: fields, into: &line)
      imported.sidecarLine = line
      var detached = project
      detached.imported = row.detached
      return detached
    }
    guard let existing = data.project(id: incoming.id) else {
      var created = incoming
      created.changedBy = user.login
      created.changedAt = now
      imported.action = .create(staged(created))
      return .imported(imported)
    }
    do {
      let storedRow = { (project: Project) -> String? in
        project.imported?.columnsJSON
          ?? project.imported.flatMap { sourceRows?.columnsJSON(id: project.id, digest: $0.digest) }
      }
      switch try AidDataMerge.merge(
        existing: existing, incoming: incoming, description: values[.description], mapper: mapper, user: user,
        now: now, storedRow: storedRow)
      {
      case .unchanged(let notes):
        imported.notes = notes
      case .updated(let merged, let notes):
        imported.notes = notes
        imported.action = .update(staged(merged), expecting: existing.revision, previous: existing)
      }
    } catch {
      return skip(error.message)
    }
    // What the summary counts is what the data set now holds.
    if let current = data.project(id: incoming.id), case .unchanged = imported.action {
      imported.stage = current.stage
      imported.corridors = current.corridors
    } else if case .update(let merged, _, _) = imported.action {
      imported.stage = merged.stage
      imported.corridors = merged.corridors
    }
    return .imported(imported)
  }

  /// Maps `rows` on all cores, results in row order.
  static func mapInParallel(
    _ rows: [CSVRowScanner.Row], _ body: @escaping @Sendable (CSVRowScanner.Row) -> RowOutcome
  ) -> [RowOutcome] {
    let cores = max(1, min(16, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
    let parts = min(cores, max(1, rows.count / 16))
    guard parts > 1 else { return rows.map(body) }
    let results = UnsafeMutableBufferPointer<[RowOutcome]>.allocate(capacity: parts)
    results.initialize(repeating: [])
    defer { results.deinitialize().deallocate() }
    // Each iteration writes only its own slot.
    nonisolated(unsafe) let slots = results
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let range = (rows.count * part / parts)..<(rows.count * (part + 1) / parts)
      slots[part] = rows[range].map(body)
    }
    return results.flatMap { $0 }
  }

  // MARK: - Plan

  static func assemble(
    _ outcomes: [RowOutcome], data: DataSet, displayPath: String, user: UserIdentity, now: Timestamp
  ) -> ImportPlan<Project> {
    var plan = ImportPlan<Project>(summary: ImportSummary(file: displayPath, source: "AidData GCDF 3.0", tracksLocalEdits: true))
    plan.summary.rowsRead = outcomes.count
    var firstLine: [String: Int] = [:]
    var statusCounts: [String: (Stage, Int)] = [:]
    var corridorCounts: [CorridorCode?: Int] = [:]
    for outcome in outcomes {
      switch outcome {
      case .skipped(let issue):
        plan.problems.append(issue)
      case .imported(let row):
        if let first = firstLine[row.id] {
          plan.problems.append(
            LoadIssue(
              file: displayPath, line: row.line,
              reason: "duplicate AidData Record ID \(row.recordID) (first on line \(first)); row skipped"))
          continue
        }
        firstLine[row.id] = row.line
        plan.notes += row.notes
        let note = "AidData GCDF 3.0 record \(row.recordID), \(displayPath):\(row.line)"
        switch row.action {
        case .create(let project):
          // A created record is all in the data file (and its row in the
          // sidecar): the import's one summary entry counts it.
          plan.changes.append(.create(project))
          plan.summary.created += 1
        case .update(let project, let expecting, let previous):
          plan.changes.append(previous.revision == expecting ? .replace(project, original: previous) : .update(project, expecting: expecting))
          let changes = RecordFields.changes(from: previous, to: project).filter { $0.field != "imported" }
          plan.audit.append(
            AuditEntry(
              at: now, user: user, action: "import", file: .projects, id: project.id, revision: expecting + 1,
              changes: changes,
              note: note + (changes.isEmpty ? "; only unmapped source columns changed" : "")))
          plan.summary.updated += 1
        case .unchanged:
          plan.summary.unchanged += 1
        }
        statusCounts[row.status, default: (row.stage, 0)].1 += 1
        if row.corridors.isEmpty { corridorCounts[nil, default: 0] += 1 }
        for corridor in row.corridors { corridorCounts[corridor, default: 0] += 1 }
      }
    }
    plan.summary.skipped = plan.problems.count
    plan.summary.localEditsKept = plan.notes.count
    if !plan.changes.isEmpty {
      plan.audit.insert(summaryEntry(plan.summary, displayPath: displayPath, user: user, now: now), at: 0)
    }
    plan.problems.sort()
    let order = AidDataMapper.statuses
    plan.summary.byStatus = statusCounts.map { ImportSummary.StatusCount(status: $0.key, stage: $0.value.0, count: $0.value.1) }
      .sorted { (order.firstIndex(of: $0.status) ?? order.count, $0.status) < (order.firstIndex(of: $1.status) ?? order.count, $1.status) }
    plan.summary.byCorridor = (CorridorCode.allCases.map { Optional($0) } + [nil]).compactMap { code in
      corridorCounts[code].map { ImportSummary.CorridorCount(corridor: code, count: $0) }
    }
    if plan.summary.created + plan.summary.updated + plan.summary.unchanged > 0 {
      plan.meta = updatedMeta(data.meta, dataSetWasEmpty: data.projects.isEmpty && data.activities.isEmpty)
    }
    return plan
  }

  /// The import's one audit entry (DECISIONS.md, "An import in the audit
  /// log"): the file and the counts. Updated records have an entry each
  /// with their field changes after it; created ones only this.
  static func summaryEntry(_ summary: ImportSummary, displayPath: String, user: UserIdentity, now: Timestamp)
    -> AuditEntry
  {
    let note =
      "AidData GCDF 3.0 import of \(displayPath): \(summary.rowsRead) rows read, \(summary.created) created, "
      + "\(summary.updated) updated, \(summary.unchanged) unchanged, \(summary.skipped) skipped, "
      + "\(summary.localEditsKept) local edits kept"
    return AuditEntry(
      at: now, user: user, action: "import", file: .projects, id: "", revision: nil, changes: [], note: note)
  }

  /// The metadata with AidData's attribution (once) and a label that says
  /// real records are now in the data set; nil when nothing changes.
  static func updatedMeta(_ meta: DataSetMeta, dataSetWasEmpty: Bool) -> DataSetMeta? {
    var updated = meta
    if !meta.attributions.contains(where: { $0.contains("Global Chinese Development Finance Dataset, Version 3.0") }) {
      updated.attributions.append(attribution)
    }
    if dataSetWasEmpty {
      updated.label = .real
    } else if meta.label == .illustrative || meta.label == .synthetic {
      updated.label = .mixed
    }
    return updated == meta ? nil : updated
  }
}
