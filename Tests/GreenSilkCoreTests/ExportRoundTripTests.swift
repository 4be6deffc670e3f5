import CSV
import Foundation
import Testing

@testable import GreenSilkCore

/// `greensilk export` and `greensilk import csv|json`: the spreadsheet
/// round trip.
@Suite struct ExportRoundTripTests {
  func plan(_ bytes: [UInt8], _ format: RecordImportFormat, into store: FileStore) throws -> RecordImportPlans {
    try RecordImporter.plan(
      bytes: bytes, format: format, displayPath: "in.\(format == .csv ? "csv" : "json")", data: try store.load().dataSet,
      user: ImportFixtures.user, now: ImportFixtures.now)
  }

  func projectPlan(_ bytes: [UInt8], _ format: RecordImportFormat, into store: FileStore) throws -> ImportPlan<Project> {
    guard case .projects(let plan) = try plan(bytes, format, into: store) else {
      Issue.record("expected projects")
      return ImportPlan(summary: ImportSummary(file: "", source: ""))
    }
    return plan
  }

  /// The shipped data plus the Malaysia import: long texts, quotes, tabs,
  /// 126 source columns per record.
  func richData() throws -> ShippedDataCopy {
    let dir = try ShippedDataCopy()
    try dir.store.write(try dir.store.planAidData(try ImportFixtures.malaysiaBytes()))
    return dir
  }

  @Test(arguments: [ExportFormat.csv, .json, .jsonl])
  func unchangedRoundTripWritesNothing(format: ExportFormat) throws {
    let dir = try richData()
    let data = try dir.store.load().dataSet
    let before = try dir.bytes("projects.jsonl")
    let activitiesBefore = try dir.bytes("activities.jsonl")
    let importFormat: RecordImportFormat = format == .csv ? .csv : .json

    let projects = try projectPlan(try RecordExporter.export(data.projects, format: format), importFormat, into: dir.store)
    #expect(projects.problems.isEmpty, "\(projects.problems.prefix(3))")
    #expect(projects.changes.isEmpty)
    #expect(projects.summary.unchanged == data.projects.count)
    try dir.store.write(projects)

    guard case .activities(let activities) = try plan(try RecordExporter.export(data.activities, format: format), importFormat, into: dir.store)
    else {
      Issue.record("expected activities")
      return
    }
    #expect(activities.problems.isEmpty)
    #expect(activities.changes.isEmpty && activities.summary.unchanged == data.activities.count)
    try dir.store.write(activities)

    #expect(try dir.bytes("projects.jsonl") == before)
    #expect(try dir.bytes("activities.jsonl") == activitiesBefore)
  }

  @Test(arguments: [ExportFormat.csv, .json, .jsonl])
  func importIntoAnEmptyDataSetGivesEqualData(format: ExportFormat) throws {
    let source = try richData()
    let original = try source.store.load().dataSet
    let target = try ShippedDataCopy(withRecords: false)
    let bytes = try RecordExporter.export(original.projects, format: format)
    let plan = try projectPlan(bytes, format == .csv ? .csv : .json, into: target.store)
    #expect(plan.summary.created == original.projects.count && plan.problems.isEmpty)
    try target.store.write(plan)
    let copied = try target.store.load()
    #expect(copied.issues.isEmpty)
    #expect(copied.dataSet.projects.count == original.projects.count)
    for (mine, theirs) in zip(original.projects, copied.dataSet.projects) {
      #expect(RecordFields.changes(from: mine, to: theirs).isEmpty, "\(mine.id)")
      #expect(theirs.imported == mine.imported)
    }
  }

  @Test func spreadsheetEditIsAnUpdateCheckedByRevision() throws {
    let dir = try ShippedDataCopy()
    let data = try dir.store.load().dataSet
    let exported = try RecordExporter.csv(data.projects)
    var table = try CSVTable(exported)
    table.set("title", of: "P-0003", to: "Mangrove restoration, phase 2 — \"Ream\"")
    table.set("budget.amount", of: "P-0003", to: "1250000")
    let plan = try projectPlan(table.bytes(), .csv, into: dir.store)
    #expect(plan.problems.isEmpty)
    #expect(plan.summary.updated == 1 && plan.summary.unchanged == data.projects.count - 1)
    #expect(plan.audit.first?.changes.map(\.field) == ["title", "budget.amount"])
    try dir.store.write(plan)
    let saved = try #require(try dir.store.load().dataSet.project(id: "P-0003"))
    let before = try #require(data.project(id: "P-0003"))
    #expect(saved.title == "Mangrove restoration, phase 2 — \"Ream\"")
    #expect(saved.budget?.amount == 1_250_000)
    #expect(saved.revision == before.revision + 1)
    #expect(saved.changedBy == "tester")

    // The same sheet, edited again without exporting anew: its rev is
    // stale now, so the row is a conflict and nothing of it is applied.
    table.set("title", of: "P-0003", to: "Another title")
    let stale = try projectPlan(table.bytes(), .csv, into: dir.store)
    #expect(stale.changes.isEmpty)
    #expect(stale.problems.count == 1)
    #expect(stale.problems.first?.reason.hasPrefix("conflict: project P-0003 was changed since this row was exported") == true)
    #expect(stale.problems.first?.line == table.line(of: "P-0003"))
  }

  @Test func aColumnDeletedInTheSpreadsheetLosesNothing() throws {
    let dir = try ShippedDataCopy()
    let data = try dir.store.load().dataSet
    var table = try CSVTable(try RecordExporter.csv(data.projects))
    table.remove(column: "summary")
    table.remove(column: "milestones")
    table.set("delivery", of: "P-0001", to: "off_track")
    let plan = try projectPlan(table.bytes(), .csv, into: dir.store)
    #expect(plan.summary.updated == 1)
    try dir.store.write(plan)
    let after = try dir.store.load().dataSet
    for (mine, theirs) in zip(data.projects, after.projects) {
      #expect(theirs.summary == mine.summary && theirs.milestones == mine.milestones)
    }
    #expect(after.project(id: "P-0001")?.delivery == .offTrack)
  }

  @Test func badCellsAreReportedWithTheirLine() throws {
    let dir = try ShippedDataCopy()
    let data = try dir.store.load().dataSet
    var table = try CSVTable(try RecordExporter.csv(data.projects))
    table.set("partners", of: "P-0001", to: "[{\"name\":")
    table.set("stage", of: "P-0002", to: "started")
    table.set("countries", of: "P-0004", to: "[\"ZZZ\"]")
    table.set("key_project", of: "P-0005", to: "TRUE")
    let plan = try projectPlan(table.bytes(), .csv, into: dir.store)
    let problems = plan.problems.map(\.description)
    #expect(problems.count == 3)
    #expect(problems.first?.hasPrefix("in.csv:\(table.line(of: "P-0001")): column \"partners\": not valid JSON (") == true)
    #expect(
      problems.dropFirst() == [
        "in.csv:\(table.line(of: "P-0002")): field \"stage\": unknown stage \"started\" (expected one of: concept, screening, approved, implementation, finalisation, closed, cancelled, suspended)",
        "in.csv:\(table.line(of: "P-0004")): unknown country \"ZZZ\" (not in countries.jsonl)",
      ])
    // TRUE (as spreadsheets write it) reads as true: one update.
    #expect(data.project(id: "P-0005")?.isKeyProject == false)
    #expect(plan.summary.updated == 1)
    #expect(plan.audit.first?.changes == [FieldChange(field: "key_project", old: "false", new: "true")])
  }

  /// Rows are written in parallel chunks; the result must be what one
  /// CSV.swift writer writes for the whole table.
  @Test func csvIsWhatOneWriterWrites() throws {
    let dir = try richData()
    let projects = try dir.store.load().dataSet.projects
    #expect(projects.count > 256)
    let bytes = try RecordExporter.csv(projects)
    let table = try CSVTable(bytes)
    let stream = OutputStream(toMemory: ())
    let writer = try CSVWriter(stream: stream)
    try writer.write(row: table.header)
    for row in table.rows { try writer.write(row: row) }
    stream.close()
    let serial = try #require(stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data)
    #expect(bytes == Array(serial) + [0x0A])
    #expect(table.rows.count == projects.count)
  }

  @Test func csvShape() throws {
    var project = Fixtures.projects[2]
    project.title = "Line one,\n\"two\"\u{1B}"
    let bytes = try RecordExporter.csv([project])
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.hasPrefix("id,rev,title,summary,area,key_project,corridors,countries,location,lead_agency,partners,stage,stage_reason,status_raw,screening.pollution,screening.climate,"))
    #expect(text.hasSuffix("\n"))
    let reader = try CSVReader(string: text, hasHeaderRow: true)
    let row = try #require(reader.next())
    let header = try #require(reader.headerRow)
    func cell(_ name: String) -> String? { header.firstIndex(of: name).map { row[$0] } }
    #expect(cell("title") == project.title)
    #expect(cell("countries") == "[\"THA\"]")
    #expect(cell("screening.climate") == "positive")
    #expect(cell("budget.amount") == "1000000")
    #expect(cell("milestones") == "[{\"title\":\"Nursery\",\"due\":\"2025-01-01\"}]")
    #expect(cell("budget.amount_usd") == "")
    #expect(RecordColumns.projects.known.count == header.count)
  }

  @Test func filters() throws {
    let dir = try ShippedDataCopy()
    let data = try dir.store.load().dataSet
    func ids(_ terms: [String]) throws -> [String] {
      let filter = try RecordFilter(terms, for: .projects)
      return data.projects.filter(filter.matches).map(\.id)
    }
    let cicpecImplementing = data.projects.filter { $0.corridors.contains(.cicpec) && $0.stage == .implementation }.map(\.id)
    #expect(!cicpecImplementing.isEmpty)
    #expect(try ids(["corridor=CICPEC", "stage=implementation"]) == cicpecImplementing)
    #expect(try ids(["corridor=cicpec", "stage=IMPLEMENTATION"]) == cicpecImplementing)
    #expect(try ids(["stage=closed", "stage=cancelled"]) == data.projects.filter { $0.stage == .closed || $0.stage == .cancelled }.map(\.id))
    #expect(try ids(["light=red"]) == data.projects.filter { $0.light == .red }.map(\.id))
    #expect(try ids(["light=none"]) == data.projects.filter { $0.light == nil }.map(\.id))
    #expect(try ids(["screening.es_category=A"]) == data.projects.filter { $0.screening.esCategory == .a }.map(\.id))
    #expect(try ids(["lead_agency="]) == data.projects.filter { $0.leadAgency == nil }.map(\.id))
    #expect(throws: FieldError.self) { try RecordFilter(["colour=red"], for: .projects) }
    #expect(throws: FieldError.self) { try RecordFilter(["stage"], for: .projects) }
    let pakistan = try RecordFilter(["country=PAK"], for: .activities)
    #expect(data.activities.filter(pakistan.matches).map(\.id) == data.activities.filter { $0.participants.contains { $0.country == CountryCode("PAK") } }.map(\.id))
    let year = try RecordFilter(["year=2019"], for: .activities)
    #expect(data.activities.filter(year.matches).map(\.id) == data.activities.filter { $0.start.year == 2019 }.map(\.id))
  }
}

/// A CSV file as rows of cells, edited the way a spreadsheet would.
struct CSVTable {
  var header: [String]
  var rows: [[String]]

  init(_ bytes: [UInt8]) throws {
    let reader = try CSVReader(string: String(decoding: bytes, as: UTF8.self), hasHeaderRow: true)
    header = reader.headerRow ?? []
    rows = []
    while let row = reader.next() { rows.append(row) }
  }

  mutating func set(_ column: String, of id: String, to value: String) {
    guard let c = header.firstIndex(of: column), let r = rows.firstIndex(where: { $0.first == id }) else {
      Issue.record("no cell \(column) of \(id)")
      return
    }
    rows[r][c] = value
  }

  mutating func remove(column: String) {
    guard let c = header.firstIndex(of: column) else { return }
    header.remove(at: c)
    for index in rows.indices { rows[index].remove(at: c) }
  }

  /// The physical line of a record's row (cells may hold line breaks).
  func line(of id: String) -> Int {
    var line = 2
    for row in rows {
      if row.first == id { return line }
      line += 1 + row.reduce(0) { $0 + $1.filter(\.isNewline).count }
    }
    return 0
  }

  func bytes() -> [UInt8] {
    Array(([header] + rows).map { $0.map(AidDataText.quote).joined(separator: ",") }.joined(separator: "\n").utf8) + [0x0A]
  }
}
