import Foundation
import GreenSilkCore
import Testing

/// A child process saving one record in a loop is killed with SIGKILL at
/// random moments. After every kill the files must load cleanly and hold
/// either the old or the new record — never a mix, never a truncation —
/// and every other line must be untouched.
///
/// 200 kills here; `Tests/scripts/crash-soak.sh` runs thousands by setting
/// GREENSILK_CRASH_ITERATIONS.
@Suite(.serialized) struct CrashSafetyTests {
  @Test func killedMidSaveLeavesOldOrNewRecord() throws {
    let iterations = Int(ProcessInfo.processInfo.environment["GREENSILK_CRASH_ITERATIONS"] ?? "") ?? 200
    let data = try E2E.copyOfShippedData()
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: data).deletingLastPathComponent().path) }
    let id = "P-0001"
    let originalLines = try String(contentsOfFile: data + "/projects.jsonl", encoding: .utf8)
      .split(separator: "\n").map(String.init)
    let otherLines = originalLines.filter { !$0.hasPrefix("{\"id\":\"\(id)\"") }
    var generator = SystemRandomNumberGenerator()
    let initial = try FileStore(directory: data).load().dataSet.project(id: id)
    var lastAcknowledged = try #require(initial).revision
    var killsDuringSaves = 0

    for iteration in 0..<iterations {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: E2E.binary)
      process.arguments = ["stress-save", "--data", data, "--id", id]
      let output = Pipe()
      process.standardOutput = output
      process.standardError = FileHandle.nullDevice
      try process.run()
      // Wait until its first save is durable (so the kill lands in the
      // save loop, not in start-up), then kill at a random moment.
      let reader = output.fileHandleForReading
      var seen = ""
      while !seen.contains("saved ") {
        let chunk = reader.availableData
        if chunk.isEmpty { break }
        seen += String(decoding: chunk, as: UTF8.self)
      }
      usleep(UInt32.random(in: 0...15_000, using: &generator))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      seen += String(decoding: reader.readDataToEndOfFile(), as: UTF8.self)
      let acknowledged = seen.split(separator: "\n").compactMap { line -> Int? in
        line.hasPrefix("saved ") ? Int(line.dropFirst(6)) : nil
      }
      if !acknowledged.isEmpty { killsDuringSaves += 1 }
      lastAcknowledged = acknowledged.last ?? lastAcknowledged

      // Every file loads with no problem at all.
      let result = try FileStore(directory: data).load()
      let issues = result.issues.map(\.description)
      #expect(issues == [], "iteration \(iteration)")
      // (Bound first so that a failure prints the record, not the data set.)
      let loaded = result.dataSet.project(id: id)
      let project = try #require(loaded, "iteration \(iteration): record lost")
      // Old or new, never a mix: the title was written with the revision.
      #expect(project.revision == lastAcknowledged || project.revision == lastAcknowledged + 1, "iteration \(iteration)")
      #expect(project.title == "stress-\(project.revision)", "iteration \(iteration): title/revision mix")
      lastAcknowledged = project.revision
      // Every other line is byte-for-byte what it was.
      let lines = try String(contentsOfFile: data + "/projects.jsonl", encoding: .utf8).split(separator: "\n").map(String.init)
      #expect(lines.filter { !$0.hasPrefix("{\"id\":\"\(id)\"") } == otherLines, "iteration \(iteration): other lines changed")
      if !issues.isEmpty { break }
    }
    // Every kill landed after at least one save, inside the save loop.
    #expect(killsDuringSaves == iterations, "only \(killsDuringSaves) of \(iterations) kills landed during saves")
    // No temporary files pile up: the next save clears those of dead writers.
    let final = try FileStore(directory: data).load().dataSet.project(id: id)
    try FileStore(directory: data).save(try #require(final), expecting: lastAcknowledged)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: data).filter { $0.contains(".tmp-") }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }
}
