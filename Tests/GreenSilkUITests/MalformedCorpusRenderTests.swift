import Foundation
import GreenSilkCore
import Testing

@testable import GreenSilkUI

/// Every screen and the `!` list drawn headless (80x24 and 200x50) over
/// each case of the malformed-data corpus (Tests/Corpus/malformed): no
/// trap, and the status line names a FILE:LINE for every case that is not
/// ok-*. The binary's validate and report replay the same cases in
/// MalformedCorpusTests.
@Suite struct MalformedCorpusRenderTests {
  static let corpus = ScreenFixture.repoRoot + "/Tests/Corpus/malformed"
  static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).sorted()

  /// The shipped data with the case's change made, loaded.
  static func load(_ name: String) throws -> LoadResult {
    let directory = NSTemporaryDirectory() + "gs-corpus-\(getpid())-\(name)"
    try? FileManager.default.removeItem(atPath: directory)
    try FileManager.default.copyItem(atPath: ScreenFixture.repoRoot + "/data", toPath: directory)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    for change in try FileManager.default.contentsOfDirectory(atPath: corpus + "/" + name) {
      let bytes = try Data(contentsOf: URL(fileURLWithPath: corpus + "/" + name + "/" + change))
      if let range = change.range(of: ".append") {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/" + change[..<range.lowerBound]))
        try handle.seekToEnd()
        try handle.write(contentsOf: bytes)
        try handle.close()
      } else if let range = change.range(of: ".line-"), let number = Int(change[range.upperBound...]) {
        let path = directory + "/" + change[..<range.lowerBound]
        var lines = try Data(contentsOf: URL(fileURLWithPath: path)).split(separator: 0x0A, omittingEmptySubsequences: false)
        lines[number - 1] = bytes.dropLast()
        try Data(lines.joined(separator: [0x0A])).write(to: URL(fileURLWithPath: path))
      } else {
        try bytes.write(to: URL(fileURLWithPath: directory + "/" + change))
      }
    }
    return try FileStore(directory: directory, displayDirectory: "data", readOnly: true).load()
  }

  @Test(arguments: cases)
  func everyScreenDrawsAndTheStatusLineNamesTheLine(name: String) throws {
    let result = try Self.load(name)
    for size in [Size(width: 80, height: 24), Size(width: 200, height: 50)] {
      var driver = AppDriver(data: ScreenFixture.shipped.dataSet, size: size, clock: ScreenFixture.clock)
      driver.send(.dataLoaded(result))
      for key in ["1", "2", "3", "4", "5", "6", "3", "v", "4"] {
        driver.press(.character(Character(key)))
        _ = driver.render()
      }
      driver.press(.character("!"))
      let list = driver.render()
      if !result.issues.isEmpty { #expect((0..<size.height).contains { list.line($0).contains("Data problems") }) }
    }
    if name.hasPrefix("ok-") {
      #expect(result.issues.isEmpty, "\(name): \(result.issues)")
    } else if !result.issues.isEmpty {
      #expect(result.issues.allSatisfy { $0.line >= 1 }, "\(name): \(result.issues)")
      let text = try #require(DataProblems.statusText(result.issues))
      #expect(text.hasPrefix("data problem: data/"), "\(text)")
    }
  }
}
