import Foundation
import Testing

/// `corridor-routes.jsonl` through the real binary: `validate` reports its
/// bad lines as FILE:LINE, `generate` writes it, `normalize` keeps it (and
/// sorts it).
@Suite("Corridor routes on the command line")
struct RoutesCommandLineTests {
  static let fileName = "corridor-routes.jsonl"

  static func lines(_ directory: String) throws -> [String] {
    try String(contentsOfFile: directory + "/" + fileName, encoding: .utf8).split(separator: "\n").map(String.init)
  }

  static func write(_ lines: [String], to directory: String) throws {
    try lines.map { $0 + "\n" }.joined().write(toFile: directory + "/" + fileName, atomically: true, encoding: .utf8)
  }

  @Test func validateReportsBadRouteLinesAsFileAndLine() throws {
    let data = try E2E.copyOfShippedData()
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: data).deletingLastPathComponent().path) }
    var lines = try Self.lines(data)
    lines[2] = lines[2].replacingOccurrences(of: #""lat":24.71"#, with: #""lat":124.71"#)
    lines.swapAt(5, 6)
    try Self.write(lines, to: data)
    let result = try E2E.run(["validate", "--data", data])
    #expect(result.status == 1, "\(result.out)\(result.err)")
    let file = data + "/" + Self.fileName
    #expect(result.out.contains("\(file):3: field \"nodes[1]\": Riyadh: latitude 124.71 is outside -90...90"), "\(result.out)")
    #expect(
      result.out.contains("\(file):7: \"CMREC-beijing\" comes after \"CMREC-dalian\"; keep the lines sorted by id"),
      "\(result.out)")
    #expect(result.err.contains("2 problem(s)"), "\(result.err)")

    // normalize leaves a file with a bad line alone and says so; fixed,
    // it sorts the lines.
    let refused = try E2E.run(["normalize", "--data", data])
    #expect(try Self.lines(data) == lines, "\(refused.out)\(refused.err)")
    lines[2] = lines[2].replacingOccurrences(of: #""lat":124.71"#, with: #""lat":24.71"#)
    try Self.write(lines, to: data)
    let normalized = try E2E.run(["normalize", "--data", data])
    #expect(normalized.status == 0, "\(normalized.out)\(normalized.err)")
    #expect(try Self.lines(data) == Self.lines(E2E.repoRoot + "/data"))
    let clean = try E2E.run(["validate", "--data", data])
    #expect(clean.status == 0, "\(clean.out)")
  }

  @Test func generateWritesTheRoutes() throws {
    let directory = try E2E.makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let result = try E2E.run([
      "generate", "--data", E2E.repoRoot + "/data", "--projects", "30", "--activities", "3", "--seed", "1",
      "--today", "2026-11-29", "--out", directory + "/synthetic",
    ])
    #expect(result.status == 0, "\(result.err)")
    #expect(try Self.lines(directory + "/synthetic") == Self.lines(E2E.repoRoot + "/data"))
  }
}
