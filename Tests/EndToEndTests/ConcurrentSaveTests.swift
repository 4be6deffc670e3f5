import Foundation
import GreenSilkCore
import Testing

/// Two real processes saving into one data directory at the same time
/// (`greensilk stress-save`, which retries from the record on disk when a
/// save is refused as a conflict). Different records: every save of both
/// survives. The same record: every save is refused or lands on the
/// revision it read, so no acknowledged save is ever overwritten unseen.
@Suite struct ConcurrentSaveTests {
  static let saves = 200

  @Test func savesOfDifferentRecordsFromTwoProcessesBothSurvive() throws {
    let data = try E2E.copyOfShippedData()
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: data).deletingLastPathComponent().path) }
    let before = try FileStore(directory: data).load().dataSet
    let ids = ["P-0001", "P-0002"]
    let outputs = try Self.runTogether(ids.map { ["stress-save", "--data", data, "--id", $0, "--count", "\(Self.saves)"] })
    let after = try FileStore(directory: data).load()
    #expect(after.issues.isEmpty)
    for (id, output) in zip(ids, outputs) {
      let start = try #require(before.project(id: id)).revision
      let project = try #require(after.dataSet.project(id: id))
      #expect(Self.acknowledged(output) == Array(start + 1...start + Self.saves), "\(id): \(output)")
      #expect(project.revision == start + Self.saves)
      #expect(project.title == "stress-\(start + Self.saves)")
    }
    #expect(after.dataSet.projects.count == before.projects.count)
  }

  @Test func savesOfOneRecordFromTwoProcessesNeverOverwriteEachOther() throws {
    let data = try E2E.copyOfShippedData()
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: data).deletingLastPathComponent().path) }
    let id = "P-0001"
    let start = try #require(try FileStore(directory: data).load().dataSet.project(id: id)).revision
    let command = ["stress-save", "--data", data, "--id", id, "--count", "\(Self.saves)"]
    let outputs = try Self.runTogether([command, command])
    // Each process's acknowledged revisions are its own: none written twice.
    // (The processes overlap: on this machine one of them typically hits
    // ~50-80 conflicts, printed as "conflict N", and starts again from disk.)
    let all = outputs.flatMap(Self.acknowledged)
    #expect(all.count == 2 * Self.saves)
    #expect(Set(all).count == all.count, "a revision was acknowledged twice: an overwrite")
    #expect(Set(all) == Set(start + 1...start + 2 * Self.saves))
    let project = try #require(try FileStore(directory: data).load().dataSet.project(id: id))
    #expect(project.revision == start + 2 * Self.saves)
  }

  /// Starts every command at once, waits for all; their standard outputs.
  static func runTogether(_ commands: [[String]]) throws -> [String] {
    let running = try commands.map { arguments -> (Process, Pipe) in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: E2E.binary)
      process.arguments = arguments
      let output = Pipe()
      process.standardOutput = output
      process.standardError = FileHandle.nullDevice
      try process.run()
      return (process, output)
    }
    return running.map { process, output in
      let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "\(process.arguments ?? []): \(text)")
      return text
    }
  }

  static func acknowledged(_ output: String) -> [Int] {
    output.split(separator: "\n").compactMap { $0.hasPrefix("saved ") ? Int($0.dropFirst(6)) : nil }
  }
}
