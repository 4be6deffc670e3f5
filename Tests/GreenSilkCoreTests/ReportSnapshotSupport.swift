import Foundation
import Testing

/// Text snapshots for the report tests, kept in
/// Fixtures/__Snapshots__/<suite>/<name> (Fixtures is excluded from the
/// test target's resources). A missing snapshot is written and the test
/// fails, so that a new snapshot is always looked at before it is
/// committed; to re-record, delete the file and run the test twice.
enum ReportSnapshot {
  static let directory = ImportFixtures.directory.appendingPathComponent("__Snapshots__")

  static func assertMatches(
    _ text: String, suite: String, name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = directory.appendingPathComponent(suite).appendingPathComponent(name)
    guard let recorded = try? String(contentsOf: url, encoding: .utf8) else {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
      Issue.record("recorded a new snapshot at \(url.path); check it and run the test again", sourceLocation: sourceLocation)
      return
    }
    if recorded != text {
      let old = recorded.split(separator: "\n", omittingEmptySubsequences: false)
      let new = text.split(separator: "\n", omittingEmptySubsequences: false)
      let first = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
      let shown = first < new.count ? String(new[first]) : "(end of text)"
      let expected = first < old.count ? String(old[first]) : "(end of text)"
      Issue.record(
        "\(name) differs from its snapshot at line \(first + 1):\n  snapshot: \(expected)\n  now:      \(shown)\n(\(url.path))",
        sourceLocation: sourceLocation)
    }
  }
}
