import Foundation
import Testing

/// Paths and helpers shared by the end-to-end tests, which run the real
/// `greensilk` binary (built by `swift test`, since this target depends
/// on the executable) against real files in temporary directories.
enum E2E {
  /// The repository root (this file is Tests/EndToEndTests/Support.swift).
  static let repoRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// The greensilk binary next to the test bundle, or $GREENSILK_BIN.
  static let binary: String = {
    if let override = ProcessInfo.processInfo.environment["GREENSILK_BIN"] { return override }
    let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
    // On Linux the test bundle is .build/<config>/GreenSilkPackageTests.xctest.
    if url.lastPathComponent.hasSuffix(".xctest") { url.deleteLastPathComponent() }
    return url.appendingPathComponent("greensilk").path
  }()

  /// A fresh copy of the shipped data/ in a temporary directory.
  static func copyOfShippedData() throws -> String {
    let directory = try makeTemporaryDirectory()
    let target = directory + "/data"
    try FileManager.default.copyItem(atPath: repoRoot + "/data", toPath: target)
    try? FileManager.default.removeItem(atPath: target + "/.greensilk.lock")
    return target
  }

  /// Replaces the string value of `field` (JSON text, escapes and all) in
  /// the line of record `id` of a JSON Lines file, keeping the rest of the
  /// line byte for byte.
  static func replaceField(_ field: String, of id: String, withJSON value: String, in path: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let index = lines.firstIndex(where: { $0.hasPrefix("{\"id\":\"\(id)\"") }),
      let start = lines[index].range(of: "\"\(field)\":\""),
      let end = lines[index][start.upperBound...].range(of: "\",\"")
    else { throw E2EFailure("no \(field) for \(id) in \(path)") }
    lines[index].replaceSubrange(start.upperBound..<end.lowerBound, with: value)
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
  }

  /// A fresh directory under `scratch`, gone when the test process ends.
  static func makeTemporaryDirectory() throws -> String {
    guard let scratch else { throw CocoaError(.fileWriteUnknown) }
    var template = Array((scratch + "/greensilk-e2e-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
    return String(cString: made)
  }

  /// One directory per test process holding every test's files, removed
  /// at exit: the data copies, state and sshd directories of a full run
  /// come to ~150 MB, and tests stopped half way leave theirs behind.
  static let scratch: String? = {
    var template = Array((NSTemporaryDirectory() + "greensilk-e2e-run-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { return nil }
    atexit { if let scratch = E2E.scratch { try? FileManager.default.removeItem(atPath: scratch) } }
    return String(cString: made)
  }()

  /// Runs greensilk to completion; returns status, stdout and stderr.
  @discardableResult
  static func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    if let input {
      let pipe = Pipe()
      process.standardInput = pipe
      pipe.fileHandleForWriting.write(Data(input.utf8))
      try pipe.fileHandleForWriting.close()
    }
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
  }
}
