import Foundation
import Testing

@testable import GreenSilkCore

/// A throwaway data directory with a small valid data set.
final class TempDataDirectory {
  let path: String

  init() throws {
    var template = Array((NSTemporaryDirectory() + "greensilk-test-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
    path = String(cString: made)
    try write("dataset.json", DataSetMeta(label: .illustrative, title: "Test data", asOf: Day("2026-11-20")).fileText)
    try write(
      "countries.jsonl",
      ["CHN China", "KAZ Kazakhstan", "MYS Malaysia", "PAK Pakistan", "THA Thailand"].map {
        let parts = $0.split(separator: " ", maxSplits: 1)
        return Country(code: CountryCode(parts[0])!, revision: 1, name: String(parts[1])).jsonLine
      })
    try write(
      "corridors.jsonl",
      CorridorCode.allCases.map {
        Corridor(code: $0, revision: 1, name: "\($0.rawValue) corridor", source: SourceRef(dataset: "test", url: "https://example.org"))
          .jsonLine
      })
    try write(
      "corridor-countries.jsonl",
      [("CPEC", "PAK"), ("CICPEC", "MYS"), ("CICPEC", "THA"), ("NELB", "KAZ")].map {
        CorridorMembership(
          corridor: CorridorCode(rawValue: $0.0)!, country: CountryCode($0.1)!, revision: 1,
          source: SourceRef(dataset: "test")
        ).jsonLine
      })
    try write(
      "areas.jsonl",
      CooperationArea.allCases.map {
        AreaInfo(
          area: $0, revision: 1, name: $0.label, planSection: "IX", keyProjects: $0.planKeyProjects,
          source: SourceRef(dataset: "plan-2017")
        ).jsonLine
      })
    try write("projects.jsonl", Fixtures.projects.map(\.jsonLine))
    try write("activities.jsonl", [Fixtures.activity.jsonLine])
  }

  func write(_ name: String, _ text: String) throws {
    try text.write(toFile: path + "/" + name, atomically: false, encoding: .utf8)
  }

  func write(_ name: String, _ lines: [String]) throws {
    try write(name, lines.map { $0 + "\n" }.joined())
  }

  func read(_ name: String) throws -> String {
    try String(contentsOfFile: path + "/" + name, encoding: .utf8)
  }

  func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path + "/" + name)))
  }

  var store: FileStore { FileStore(directory: path) }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}

enum Fixtures {
  static let screened = Screening(
    pollution: .neutralMitigable, climate: .positive, biodiversity: .neutralMitigable, esCategory: .b)

  static var projects: [Project] {
    [
      Project(
        id: "P-0001", revision: 1, title: "Solar park", area: .facilitiesConnectivity, corridors: [.cpec],
        countries: [CountryCode("PAK")!], stage: .concept, source: SourceRef(dataset: "illustrative")),
      Project(
        id: "P-0002", revision: 3, title: "Grid link", area: .facilitiesConnectivity, corridors: [.cicpec],
        countries: [CountryCode("MYS")!, CountryCode("THA")!], stage: .screening, screening: screened,
        source: SourceRef(dataset: "illustrative")),
      Project(
        id: "P-0003", revision: 1, title: "Mangroves", area: .peopleToPeople, corridors: [.cicpec],
        countries: [CountryCode("THA")!], stage: .implementation, screening: screened,
        budget: Budget(currency: "USD", amount: 1_000_000),
        dates: ProjectDates(plannedStart: Day("2024-01-01"), actualStart: Day("2024-02-01"), plannedEnd: Day("2027-01-01")),
        milestones: [Milestone(title: "Nursery", due: Day("2025-01-01")!)],
        source: SourceRef(dataset: "illustrative")),
    ]
  }

  static var activity: EnvoyActivity {
    EnvoyActivity(
      id: "E-0001", revision: 1, title: "Training", kind: .training, focus: .capacityBuilding, host: "FECO",
      location: "Beijing", start: Day("2025-05-01")!, end: Day("2025-05-10")!,
      participants: [CountryCount(country: CountryCode("PAK")!, count: 5)], source: SourceRef(dataset: "illustrative"))
  }
}
