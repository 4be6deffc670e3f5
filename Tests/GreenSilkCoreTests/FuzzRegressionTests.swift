import Foundation
import Testing

@testable import GreenSilkCore

/// Replays what the libFuzzer harnesses (Tests/Fuzz/Harnesses) run on,
/// through the same calls, for every input kept under Tests/Fuzz/Seeds
/// and Tests/Fuzz/Regressions (each crashing input found, once fixed):
/// a regression would trap and fail the run here, not only under the
/// fuzzer. The UI harnesses' inputs replay in GreenSilkUITests.
@Suite struct FuzzRegressionTests {
  static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path + "/Tests/Fuzz"
  }()

  static func inputs(_ harness: String) -> [String] {
    ["Seeds", "Regressions"].flatMap { kind -> [String] in
      let directory = root + "/" + kind + "/" + harness
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      return names.filter { !$0.hasPrefix(".") }.sorted().map { directory + "/" + $0 }
    }
  }

  /// Mirrors Harnesses/JSONRecords.swift.
  static func replayJSON(_ bytes: [UInt8]) {
    func collection<R: StoredRecord>(_ type: R.Type) {
      let parsed = CollectionParser.parse(R.self, bytes: bytes, displayPath: "fuzz.jsonl")
      for record in parsed.records {
        #expect((try? JSONReader.withReader(record.jsonLine) { try R(reading: &$0) }) == record)
      }
    }
    collection(Project.self)
    collection(EnvoyActivity.self)
    collection(ProgramTotal.self)
    collection(Country.self)
    collection(Corridor.self)
    collection(CorridorMembership.self)
    collection(AreaInfo.self)
    collection(CorridorRoute.self)
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? DataSetMeta(fileText: text)
    _ = try? AuditEntry(jsonLine: text)
    _ = try? JSONReader.withReader(text) { try $0.readRawValue() }
  }

  @Test func jsonHarnessInputsReplay() throws {
    let inputs = Self.inputs("json")
    #expect(inputs.count >= 4, "the seeds are missing")
    for path in inputs { Self.replayJSON(Array(try Data(contentsOf: URL(fileURLWithPath: path)))) }
  }

  @Test func csvHarnessInputsReplay() throws {
    let inputs = Self.inputs("csv")
    #expect(!inputs.isEmpty, "the seeds are missing")
    let header = try #require(
      try FileSystem.read(Self.root + "/../GreenSilkCoreTests/Fixtures/aiddata/malaysia_projects.csv"))
    let headerLine = Array(header[...header.firstIndex(of: 0x0A)!])
    let data = try FileStore(directory: Self.root + "/../../data", readOnly: true).load().dataSet
    for path in inputs {
      let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
      let document = CSVDocument(bytes: bytes)
      for row in document.rows.prefix(64) { _ = try? document.fields(of: row) }
      _ = try? AidDataImporter.plan(
        bytes: headerLine + bytes, displayPath: "fuzz.csv", data: data, user: UserIdentity(login: "fuzz"),
        now: Timestamp("2026-11-29T10:00:00Z")!)
    }
  }
}
