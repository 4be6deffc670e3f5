import CSV
import Foundation
import Testing

@testable import GreenSilkCore

/// Issue 13: source columns in the sidecar, the audit log split by month,
/// an import as one audit entry, schema 2 and the upgrade of a directory
/// written by the version before (Fixtures/schema1).
@Suite struct FullScaleStoreTests {
  /// Import → export keeps every one of the 126 columns of every real
  /// Malaysia row, byte for byte, although projects.jsonl holds none.
  @Test func the126ColumnsRoundTripThroughTheSidecar() throws {
    let dir = try ShippedDataCopy()
    try dir.store.write(try dir.store.planAidData(try ImportFixtures.malaysiaBytes()))
    let projectsText = String(decoding: try dir.bytes("projects.jsonl"), as: UTF8.self)
    #expect(!projectsText.contains("\"columns\":"))
    #expect(projectsText.contains("\"digest\":"))
    let parts = dir.store.sourceRows.partNames()
    #expect(parts == ["rows-000001.jsonl"])

    let loaded = try dir.store.load().dataSet.projects.filter { $0.id.hasPrefix("AIDDATA-") }
    #expect(loaded.allSatisfy { $0.imported?.columnsJSON == nil && $0.imported?.columnCount == 126 })
    let attached = try dir.store.attachingSourceRows(loaded)
    let byRecordID = Dictionary(uniqueKeysWithValues: attached.map { ($0.source.recordID ?? "", $0) })

    // Exported as JSON Lines and as CSV, read back by independent readers.
    let jsonl = RecordExporter.jsonLines(attached)
    let csv = try RecordExporter.csv(attached, verbatimCells: true)
    let table = try ImportFixtures.malaysiaTable()
    let fromJSONL = try String(decoding: jsonl, as: UTF8.self).split(separator: "\n").map {
      try Project(jsonLine: String($0))
    }
    let csvReader = try CSVReader(string: String(decoding: csv, as: UTF8.self), hasHeaderRow: true)
    let importedColumn = try #require(csvReader.headerRow?.firstIndex(of: "imported"))
    var csvImported: [String: String] = [:]
    while let row = csvReader.next() { csvImported[row[0]] = row[importedColumn] }

    var checked = 0
    for row in table.rows where !row[0].isEmpty {
      let project = try #require(byRecordID[row[0]])
      let columns = try #require(project.imported).columns()
      #expect(columns.map(\.header) == table.header)
      #expect(columns.map(\.value) == row, "record \(row[0])")
      let viaJSONL = try #require(fromJSONL.first { $0.id == project.id }?.imported)
      #expect(viaJSONL.columns().map(\.value) == row)
      #expect(viaJSONL.digest == project.imported?.digest)
      let cell = try #require(csvImported[project.id])
      let viaCSV = try JSONReader.withReader(cell) { try ImportedRecord(reading: &$0) }
      #expect(viaCSV.columns().map(\.value) == row)
      checked += 1
    }
    #expect(checked == 176)
  }

  /// A re-import that changes rows finds the stored rows in the sidecar,
  /// keeps local edits, and the sidecar keeps one row per project.
  @Test func reimportReadsTheStoredRowFromTheSidecar() throws {
    let dir = try ShippedDataCopy()
    try dir.store.write(try dir.store.planAidData(try ImportFixtures.malaysiaBytes()))
    var lines = try AidDataText.lines()
    let index = try #require(lines.firstIndex { $0.hasPrefix("96203,") })
    lines[index] = try AidDataText.replacing("Title", with: "Revised by AidData", in: lines[index])
    let newer = Array(([try AidDataText.header()] + lines).joined(separator: "\n").utf8) + [0x0A]
    let plan = try dir.store.planAidData(newer)
    #expect(plan.summary.updated == 1 && plan.problems.isEmpty)
    try dir.store.write(plan)
    let index2 = try dir.store.sourceRows.index()
    #expect(index2.count == 176)
    let project = try #require(try dir.store.load().dataSet.project(id: "AIDDATA-96203"))
    #expect(project.title == "Revised by AidData")
    #expect(try dir.store.attachingSourceRows([project])[0].imported?.value("Title") == "Revised by AidData")
    // The old row is gone from the sidecar: compacted after the save.
    let total = try dir.store.sourceRows.partNames().map { name in
      String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir.store.sourceRows.folder + "/" + name)), as: UTF8.self)
        .split(separator: "\n").filter { $0.hasPrefix("[") }.count
    }.reduce(0, +)
    #expect(total == 176)
  }

  /// One audit entry for the import with its counts; the updated records'
  /// field changes after it; nothing per created record.
  @Test func anImportIsOneAuditEntryPlusItsUpdates() throws {
    let dir = try ShippedDataCopy()
    let first = try dir.store.planAidData(try ImportFixtures.malaysiaBytes())
    #expect(first.audit.count == 1)
    #expect(first.audit[0].note?.contains("176 rows read, 176 created, 0 updated") == true)
    try dir.store.write(first)
    var lines = try AidDataText.lines()
    let index = try #require(lines.firstIndex { $0.hasPrefix("96082,") })
    lines[index] = try AidDataText.replacing("Status", with: "Implementation", in: lines[index])
    let plan = try dir.store.planAidData(Array(([try AidDataText.header()] + lines).joined(separator: "\n").utf8) + [0x0A])
    #expect(plan.audit.count == 2)
    #expect(plan.audit[0].note?.contains("1 updated, 175 unchanged") == true)
    #expect(plan.audit[1].id == "AIDDATA-96082" && plan.audit[1].changes.map(\.field) == ["stage", "status_raw"])
    try dir.store.write(plan)
    let log = try AuditLog.read(dir.store)
    #expect(log.issues.isEmpty)
    #expect(log.entries.count == 3)
  }

  /// Entries go to the file of the month they are written in; readers read across the
  /// schema-1 file and the months, oldest first.
  @Test func theAuditLogIsSplitByMonthAndReadAcross() throws {
    let dir = try TempDataDirectory()
    let legacy = AuditEntry(
      at: Timestamp("2026-10-30T09:00:00Z")!, user: UserIdentity(login: "old"), action: "update", file: .projects,
      id: "P-0001", revision: 2, changes: [])
    try dir.write("audit.jsonl", [legacy.jsonLine])
    let entries = ["2026-11-29T23:59:59Z", "2026-12-01T00:00:00Z", "2026-12-02T10:00:00Z", "2027-01-01T00:00:00Z"].enumerated().map {
      AuditEntry(
        at: Timestamp($0.element)!, user: UserIdentity(login: "u\($0.offset)"), action: "update", file: .projects,
        id: "P-0001", revision: $0.offset + 3, changes: [])
    }
    // Each written in its own month (the writer's clock picks the file).
    for entry in entries { try AuditFiles(store: dir.store).append([entry], now: entry.at) }
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/audit").sorted()
    #expect(names == ["2026-11.jsonl", "2026-12.jsonl", "2027-01.jsonl"])
    #expect(try dir.read("audit/2026-12.jsonl").split(separator: "\n").count == 2)
    #expect(try dir.read("audit.jsonl") == legacy.jsonLine + "\n")
    let read = try AuditLog.read(dir.store)
    #expect(read.entries.map(\.user.login) == ["old", "u0", "u1", "u2", "u3"])
    // The ticker's tail reaches back across files.
    #expect(try AuditLog.readTail(dir.store, bytes: 1 << 20).map(\.user.login) == ["old", "u0", "u1", "u2", "u3"])
    let lastTwo = try AuditLog.readTail(dir.store, bytes: entries[3].jsonLine.utf8.count + entries[2].jsonLine.utf8.count + 2)
    #expect(lastTwo.map(\.user.login) == ["u2", "u3"])
    // Bad lines are reported with their own file's name and line.
    try (try dir.read("audit/2026-12.jsonl") + "{oops\n").write(
      toFile: dir.path + "/audit/2026-12.jsonl", atomically: false, encoding: .utf8)
    let issues = try AuditLog.read(dir.store).issues
    #expect(issues.map(\.file) == [dir.path + "/audit/2026-12.jsonl"])
    #expect(issues.map(\.line) == [3])
  }

  /// A directory written by the version before the sidecar (schema 1: the
  /// source rows inside projects.jsonl, one audit.jsonl) still loads, is
  /// upgraded by `upgrade` (what `greensilk migrate` runs) and by the
  /// first save, and keeps every column and every audit entry.
  @Test func aSchema1DirectoryIsUpgraded() throws {
    for viaSave in [false, true] {
      let dir = try Schema1Copy()
      let before = try dir.store.load()
      #expect(before.issues.isEmpty, "\(before.issues)")
      #expect(before.dataSet.meta.schema == 1)
      let imported = before.dataSet.projects.filter { $0.imported != nil }
      #expect(imported.count == 12)
      #expect(imported.allSatisfy { $0.imported?.columnsJSON != nil && $0.imported?.columnCount == 126 })
      let columnsBefore = Dictionary(uniqueKeysWithValues: imported.map { ($0.id, $0.imported!.columns()) })
      let auditBefore = try AuditLog.read(dir.store).entries
      #expect(auditBefore.count == 12)

      if viaSave {
        var project = try #require(before.dataSet.project(id: "KP-01"))
        project.title += " (saved)"
        try dir.store.save(project, expecting: project.revision)
      } else {
        let report = try #require(try dir.store.upgrade())
        #expect(report.fromSchema == 1 && report.toSchema == DataSetMeta.currentSchema && report.rowsMoved == 12)
        #expect(!report.splitIntoParts)  // 100-odd projects stay in one file
        // 12 rows of 126 columns (about 9 KB each) left the file.
        #expect(report.projectsBytesBefore - report.projectsBytesAfter > 12 * 5_000)
        #expect(try dir.store.upgrade() == nil)
      }
      let after = try dir.store.load()
      #expect(after.issues.isEmpty, "\(after.issues)")
      #expect(after.dataSet.meta.schema == DataSetMeta.currentSchema)
      #expect(!String(decoding: try dir.bytes("projects.jsonl"), as: UTF8.self).contains("\"columns\":"))
      let attached = try dir.store.attachingSourceRows(after.dataSet.projects.filter { $0.imported != nil })
      #expect(attached.count == 12)
      for project in attached {
        #expect(project.imported?.columns().map(\.header) == columnsBefore[project.id]?.map(\.header))
        #expect(project.imported?.columns().map(\.value) == columnsBefore[project.id]?.map(\.value))
      }
      // Every record but the saved one is as it was, field for field.
      for old in before.dataSet.projects where old.id != "KP-01" {
        #expect(after.dataSet.project(id: old.id) == old)
      }
      let auditAfter = try AuditLog.read(dir.store).entries
      #expect(Array(auditAfter.prefix(12)) == auditBefore)
      #expect(auditAfter.count == 12)
    }
  }
}

/// A copy of Fixtures/schema1 (see its NOTICE.md): the shipped data set
/// with 12 real Malaysia rows imported by the GreenSilk before schema 2
/// (commit 7315b7f), rows inside projects.jsonl, one audit.jsonl.
final class Schema1Copy {
  let path: String

  init() throws {
    var template = Array((NSTemporaryDirectory() + "greensilk-schema1-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
    path = String(cString: made)
    let source = ImportFixtures.directory.appendingPathComponent("schema1").path
    for name in try FileManager.default.contentsOfDirectory(atPath: source) where name.hasSuffix(".jsonl") || name == "dataset.json" {
      try FileManager.default.copyItem(atPath: source + "/" + name, toPath: path + "/" + name)
    }
  }

  var store: FileStore { FileStore(directory: path) }

  func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path + "/" + name)))
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// The block reader the streaming import reads with gives the same rows,
/// fields and line numbers as reading the file whole, however the blocks
/// cut the rows (quoted line breaks, CR LF, a BOM, no final line break).
@Suite struct CSVBlockReaderTests {
  func rowsInBlocks(_ bytes: [UInt8], blockSize: Int) throws -> [(line: Int, fields: [String])] {
    let path = NSTemporaryDirectory() + "greensilk-blocks-\(getpid())-\(blockSize).csv"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    var reader = try #require(try CSVBlockReader(path: path, blockSize: blockSize))
    defer { reader.close() }
    var out: [(line: Int, fields: [String])] = []
    while let document = try reader.next() {
      for row in document.rows { out.append((row.line, (try? document.fields(of: row)) ?? ["<bad>"])) }
    }
    return out
  }

  @Test func blocksGiveTheRowsOfTheWholeFile() throws {
    let malaysia = try ImportFixtures.malaysiaBytes()
    let crlf = Array("\u{FEFF}a,b\r\n\"x\r\ny\",2\r\n\r\n3,\"q\"\"\"\r\nlast,row".utf8)
    // Every small size on the small file; on the real one, sizes smaller
    // than most rows and larger than many (a block is scanned again while
    // a row is longer than it).
    for (bytes, sizes) in [(crlf, Array(1...12) + [64]), (malaysia, [4096, 100_000, 8 << 20])] {
      let whole = CSVDocument(bytes: bytes)
      let expected = try whole.rows.map { ($0.line, try whole.fields(of: $0)) }
      for blockSize in sizes {
        let got = try rowsInBlocks(bytes, blockSize: blockSize)
        #expect(got.map(\.line) == expected.map(\.0), "block size \(blockSize)")
        #expect(got.map(\.fields) == expected.map(\.1), "block size \(blockSize)")
      }
    }
  }
}
