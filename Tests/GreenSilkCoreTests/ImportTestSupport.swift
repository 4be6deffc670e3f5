import CSV
import Foundation
import Testing

@testable import GreenSilkCore

/// Files and helpers shared by the import, export and report tests.
enum ImportFixtures {
  /// This file, symbolic links resolved (the test tree may be linked in).
  static let sourceFile = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
  /// Tests/GreenSilkCoreTests/Fixtures
  static let directory = sourceFile.deletingLastPathComponent().appendingPathComponent("Fixtures")
  /// The repository's root (for the shipped data set in data/).
  static let repositoryRoot = sourceFile.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static var malaysiaPath: String { directory.appendingPathComponent("aiddata/malaysia_projects.csv").path }

  static func malaysiaBytes() throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: malaysiaPath))) }

  /// The Malaysia file parsed by CSV.swift in one go (not row by row as
  /// the importer does), as an independent view to check it against.
  static func malaysiaTable() throws -> (header: [String], rows: [[String]]) {
    let text = try String(contentsOfFile: malaysiaPath, encoding: .utf8)
    let reader = try CSVReader(string: text, hasHeaderRow: true)
    var rows: [[String]] = []
    while let row = reader.next() { rows.append(row) }
    #expect(rows.count == 176, "NOTICE.md: 176 projects")
    return (try #require(reader.headerRow), rows)
  }

  static let user = UserIdentity(login: "tester")
  static let now = Timestamp("2026-11-29T10:00:00Z")!
}

/// A throwaway copy of the shipped data set (data/), optionally without
/// its projects and activities (reference tables only).
final class ShippedDataCopy {
  let path: String

  init(withRecords: Bool = true) throws {
    var template = Array((NSTemporaryDirectory() + "greensilk-io-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
    path = String(cString: made)
    let source = ImportFixtures.repositoryRoot.appendingPathComponent("data").path
    for name in try FileManager.default.contentsOfDirectory(atPath: source) where name.hasSuffix(".jsonl") || name == "dataset.json" {
      if !withRecords && (name == "projects.jsonl" || name == "activities.jsonl") { continue }
      try FileManager.default.copyItem(atPath: source + "/" + name, toPath: path + "/" + name)
    }
  }

  var store: FileStore { FileStore(directory: path) }

  func bytes(_ name: String) throws -> [UInt8] {
    Array((try? Data(contentsOf: URL(fileURLWithPath: path + "/" + name))) ?? Data())
  }

  func write(_ name: String, _ bytes: [UInt8]) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path + "/" + name))
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}

extension FileStore {
  /// Plans an AidData import of `bytes` against the store's current data.
  func planAidData(_ bytes: [UInt8], path: String = "malaysia_projects.csv") throws -> ImportPlan<Project> {
    let loaded = try load()
    return try AidDataImporter.plan(
      bytes: bytes, displayPath: path, data: loaded.dataSet, user: ImportFixtures.user, now: ImportFixtures.now,
      sourceRows: try sourceRows.index())
  }

  /// Writes a plan as `greensilk import` does.
  func write<R: StoredRecord>(_ plan: ImportPlan<R>) throws {
    if !plan.changes.isEmpty { try apply(plan.changes, audit: plan.audit) }
    if let meta = plan.meta { try saveMeta(meta) }
  }
}

/// A small AidData file: the Malaysia header and the given rows (already
/// CSV text), for the malformed-input tests.
enum AidDataText {
  static func header() throws -> String {
    let text = String(decoding: try ImportFixtures.malaysiaBytes(), as: UTF8.self)
    return String(text[..<(text.firstIndex(of: "\n") ?? text.endIndex)])
  }

  /// The Malaysia file's data lines (one physical line each: the file has
  /// no quoted newlines).
  static func lines() throws -> [String] {
    let text = String(decoding: try ImportFixtures.malaysiaBytes(), as: UTF8.self)
    return text.split(separator: "\n").dropFirst().map(String.init)
  }

  /// Replaces one column's value in a data line (re-quoting as needed).
  static func replacing(_ column: String, with value: String, in line: String) throws -> String {
    let header = try ImportFixtures.malaysiaTable().header
    let reader = try CSVReader(string: line)
    var fields = try #require(reader.next())
    let index = try #require(header.firstIndex(of: column))
    fields[index] = value
    return fields.map(quote).joined(separator: ",")
  }

  static func quote(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
