import Foundation
import Testing

/// The headless commands under a pinned identity (`--as --role`): what a
/// role may not run is refused with status 2 (README: unusable
/// arguments) and writes nothing; the pinning options are checked before
/// anything runs; the environment chooses neither directory nor identity.
@Suite("Pinned roles on the command line")
struct PinnedRolesCommandLineTests {
  static func aiddataFile() throws -> String {
    let directory = E2E.repoRoot + "/Tests/GreenSilkCoreTests/Fixtures/aiddata"
    guard let name = try FileManager.default.contentsOfDirectory(atPath: directory).first(where: { $0.hasSuffix(".csv") }) else {
      throw E2EFailure("no AidData CSV in \(directory)")
    }
    return directory + "/" + name
  }

  @Test(arguments: ["viewer", "editor"])
  func writingCommandsAreRefusedBelowAdmin(role: String) throws {
    let data = try E2E.copyOfShippedData()
    let before = try EditingEndToEndTests.snapshot(data)
    let scratch = try E2E.makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let pin = ["--data", data, "--as", "bob", "--role", role]
    let commands: [[String]] = [
      ["import", "aiddata", try Self.aiddataFile()] + pin,
      ["normalize"] + pin,
      ["generate", "--projects", "3", "--activities", "1", "--out", scratch + "/gen"] + pin,
      ["stress-save", "--id", "P-0003", "--count", "1"] + pin,
    ]
    for arguments in commands {
      let result = try E2E.run(arguments)
      #expect(result.status == 2, "\(arguments[0]) as \(role): status \(result.status), \(result.err)")
      #expect(result.err.contains("refused for bob (\(role))") && result.err.contains("needs --role admin"), "\(result.err)")
    }
    #expect(try EditingEndToEndTests.snapshot(data) == before, "a refused command wrote into the data directory")
    #expect(!FileManager.default.fileExists(atPath: scratch + "/gen"), "generate wrote its output")
    // Reading is every role's.
    #expect(try E2E.run(["validate"] + pin).status == 0)
    #expect(try E2E.run(["report", "--format", "json"] + pin).status == 0)
  }

  /// `greensilk edit` starts `$EDITOR`, a shell: no pinned key may run it,
  /// not even an admin's. The editor here would leave a marker file.
  @Test(arguments: ["viewer", "editor", "admin"])
  func handEditingIsRefusedUnderAnyPinnedIdentity(role: String) throws {
    let data = try E2E.copyOfShippedData()
    let before = try EditingEndToEndTests.snapshot(data)
    let scratch = try E2E.makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let marker = scratch + "/editor-ran"
    let result = try E2E.run(
      ["edit", "projects", "--data", data, "--as", "bob", "--role", role],
      environment: ["EDITOR": "touch \(marker)", "VISUAL": "touch \(marker)"])
    #expect(result.status == 2, "edit as \(role): status \(result.status), \(result.err)")
    #expect(result.err.contains("pinned identity"), "\(result.err)")
    #expect(!FileManager.default.fileExists(atPath: marker), "the editor ran")
    #expect(try EditingEndToEndTests.snapshot(data) == before)
  }

  @Test func adminImportsAndIsAuditedUnderItsPinnedName() throws {
    let data = try E2E.copyOfShippedData()
    let result = try E2E.run(
      ["import", "aiddata", try Self.aiddataFile(), "--data", data, "--as", "ada", "--role", "admin"],
      environment: ["USER": "mallory", "LOGNAME": "mallory"])
    #expect(result.status == 0 || result.status == 1, "\(result.err)")
    let audit = try EditingEndToEndTests.auditLines(data)
    #expect(!audit.isEmpty)
    #expect(audit.allSatisfy { $0.contains("\"user\":\"ada\"") }, "\(audit.prefix(2))")
  }

  @Test func pinningOptionsAreCheckedFirst() throws {
    let data = try E2E.copyOfShippedData()
    let other = try E2E.copyOfShippedData()
    let cases: [([String], [String: String], String)] = [
      (["validate", "--data", data, "--role", "editor"], [:], "--role needs --as"),
      (["validate", "--as", "alice"], ["GREENSILK_DATA": other], "--as needs --data"),
      (["validate", "--data", data, "--as", "../../etc"], [:], "a name is 1-64"),
      (["validate", "--data", data, "--as", "a\u{1B}]2;x\u{07}"], [:], "a name is 1-64"),
      (["validate", "--data", data, "--as", "alice", "--role", "root"], [:], "use viewer, editor or admin"),
      (["validate", "--data", data, "--as", "alice", "--role", "viewer", "--corridors", "CPEC"], [:], "needs --role editor"),
      (["validate", "--data", data, "--as", "alice", "--role", "editor", "--corridors", "CPEC,XX"], [:], "unknown corridor"),
      (["validate", "--data", data, "--corridors", "CPEC"], [:], "--corridors needs --as"),
    ]
    for (arguments, environment, message) in cases {
      let result = try E2E.run(arguments, environment: environment)
      #expect(result.status == 2, "\(arguments): \(result.status)")
      #expect(result.err.contains(message), "\(arguments): \(result.err)")
      #expect(!result.err.contains("\u{1B}"), "an escape from the command line reached the terminal")
    }
  }

  /// `--as` without `--role` is a viewer: it may read, not write.
  @Test func asWithoutRoleIsAViewer() throws {
    let data = try E2E.copyOfShippedData()
    #expect(try E2E.run(["validate", "--data", data, "--as", "alice"]).status == 0)
    let refused = try E2E.run(["normalize", "--data", data, "--as", "alice"])
    #expect(refused.status == 2)
    #expect(refused.err.contains("refused for alice (viewer)"), "\(refused.err)")
  }
}
