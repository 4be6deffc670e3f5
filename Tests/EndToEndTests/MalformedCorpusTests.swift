import Foundation
import Testing

/// The malformed-data corpus (Tests/Corpus/malformed, made by
/// make-malformed-corpus.py) replayed against the real binary's validate
/// and report, each under a time limit: no signal, no hang, every problem
/// as FILE:LINE. (MalformedCorpusRenderTests draws every screen over the
/// same cases.)
@Suite("Malformed corpus")
struct MalformedCorpusTests {
  static let corpus = E2E.repoRoot + "/Tests/Corpus/malformed"
  static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).sorted()

  /// A copy of data/ with the case's change made (see the generator).
  static func materialize(_ name: String) throws -> String {
    let data = try E2E.copyOfShippedData()
    for change in try FileManager.default.contentsOfDirectory(atPath: corpus + "/" + name) {
      let bytes = try Data(contentsOf: URL(fileURLWithPath: corpus + "/" + name + "/" + change))
      if let range = change.range(of: ".append") {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: data + "/" + change[..<range.lowerBound]))
        try handle.seekToEnd()
        try handle.write(contentsOf: bytes)
        try handle.close()
      } else if let range = change.range(of: ".line-"), let number = Int(change[range.upperBound...]) {
        let path = data + "/" + change[..<range.lowerBound]
        var lines = try Data(contentsOf: URL(fileURLWithPath: path)).split(separator: 0x0A, omittingEmptySubsequences: false)
        lines[number - 1] = bytes.dropLast()  // the stored line ends in a newline
        try Data(lines.joined(separator: [0x0A])).write(to: URL(fileURLWithPath: path))
      } else {
        try bytes.write(to: URL(fileURLWithPath: data + "/" + change))
      }
    }
    return data
  }

  @Test func theCorpusHasAtLeastFiftyCases() {
    #expect(Self.cases.count >= 50, "\(Self.cases.count) cases in \(Self.corpus)")
  }

  @Test(arguments: cases)
  func validateAndReportFinishWithFileAndLine(name: String) throws {
    let data = try Self.materialize(name)
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: data).deletingLastPathComponent().path) }
    let environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    let validate = try Spawn.run("/usr/bin/timeout", ["-s", "KILL", "60", E2E.binary, "validate", "--data", data], environment: environment)
    #expect(validate.status < 128, "\(name): validate ended on signal \(validate.status - 128)")
    if name.hasPrefix("ok-") {
      #expect(validate.status == 0, "\(name): \(validate.out)")
    } else {
      #expect(validate.status == 1, "\(name): status \(validate.status)\n\(validate.out)\(validate.err)")
      let problems = validate.out.split(separator: "\n")
      #expect(!problems.isEmpty)
      for problem in problems {
        // FILE:LINE: reason, LINE at least 1, FILE one of the data's.
        let located = problem.hasPrefix(data + "/") && problem.dropFirst(data.count + 1).contains(where: { $0 == ":" })
        let afterFile = problem.dropFirst(data.count + 1).split(separator: ":", maxSplits: 2)
        #expect(located && afterFile.count == 3 && (Int(afterFile[1]) ?? 0) >= 1, "\(name): not FILE:LINE: \(problem)")
      }
    }
    let report = try Spawn.run(
      "/usr/bin/timeout", ["-s", "KILL", "60", E2E.binary, "report", "--data", data, "--format", "text"], environment: environment)
    #expect(report.status == 0, "\(name): report status \(report.status)\n\(report.err.prefix(2000))")
    #expect(report.out.contains("monitoring report"), "\(name)")
  }
}
