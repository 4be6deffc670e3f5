import Foundation
import GreenSilkCore
import Glibc

/// A hub (a bare repository reached over a real sshd on loopback) and
/// offices (data directories) in a temporary directory, driven through
/// the real `greensilk` binary and real git.
final class SyncLab: @unchecked Sendable {
  let sshd: SyncSSHD
  let root: String
  let hubPath: String
  var hubURL: String { sshd.url(hubPath) }

  init() throws {
    sshd = try SyncSSHD()
    root = try E2E.makeTemporaryDirectory()
    hubPath = root + "/hub.git"
    try check(git(["init", "-q", "--bare", "-b", "main", hubPath]), "init the hub")
  }

  deinit { sshd.stop() }

  var environment: [String: String] { ["GIT_SSH_COMMAND": sshd.sshCommand(), "USER": "tester"] }

  func path(_ office: String) -> String { root + "/" + office }

  @discardableResult
  func git(_ arguments: [String], in directory: String? = nil, environment extra: [String: String] = [:]) throws -> Spawn.Result {
    let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.merging(extra) { $1 }
    return try Spawn.run("/usr/bin/git", (directory.map { ["-C", $0] } ?? []) + arguments, environment: env)
  }

  @discardableResult
  func greensilk(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Spawn.Result {
    let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.merging(extra) { $1 }
    return try Spawn.run(E2E.binary, arguments, environment: env)
  }

  func check(_ result: Spawn.Result, _ what: String) throws {
    guard result.status == 0 else { throw E2EFailure("\(what) failed (\(result.status)): \(result.out)\(result.err)") }
  }

  /// The first office: the shipped data, `sync init --remote` (pushes).
  func firstOffice(_ name: String, data source: String? = nil) throws -> String {
    let target = path(name)
    try FileManager.default.copyItem(atPath: source ?? E2E.repoRoot + "/data", toPath: target)
    try? FileManager.default.removeItem(atPath: target + "/.greensilk.lock")
    try check(greensilk(["sync", "init", "--data", target, "--remote", hubURL]), "sync init \(name)")
    return target
  }

  /// Another office: `git clone` of the hub, then `sync init`.
  func clonedOffice(_ name: String) throws -> String {
    let target = path(name)
    try check(git(["clone", "-q", hubURL, target]), "clone \(name)")
    try check(greensilk(["sync", "init", "--data", target]), "sync init \(name)")
    return target
  }

  func sync(_ office: String) throws -> Spawn.Result {
    try greensilk(["sync", "--data", path(office)])
  }

  // MARK: - Edits through the store, as the dashboard makes them

  func store(_ office: String) -> FileStore { FileStore(directory: path(office)) }

  func project(_ office: String, _ id: String) throws -> Project? {
    try store(office).load().dataSet.project(id: id)
  }

  func edit(_ office: String, _ id: String, by user: String, _ change: (inout Project) -> Void) throws {
    let store = store(office)
    guard let before = try store.load().dataSet.project(id: id) else { throw E2EFailure("\(office): no \(id)") }
    var after = before
    change(&after)
    let audit = AuditEntry(
      at: .now(), user: UserIdentity(login: user), action: "update", file: .projects, id: id,
      revision: before.revision + 1, changes: RecordFields.changes(from: before, to: after))
    try store.apply([RecordChange.update(after, expecting: before.revision)], audit: [audit])
  }

  func create(_ office: String, _ project: Project, by user: String) throws {
    let audit = AuditEntry(
      at: .now(), user: UserIdentity(login: user), action: "create", file: .projects, id: project.id,
      revision: 1, changes: RecordFields.changes(from: nil, to: project))
    try store(office).apply([RecordChange.create(project)], audit: [audit])
  }

  func delete(_ office: String, _ id: String, by user: String) throws {
    let store = store(office)
    guard let before = try store.load().dataSet.project(id: id) else { throw E2EFailure("\(office): no \(id)") }
    let audit = AuditEntry(
      at: .now(), user: UserIdentity(login: user), action: "delete", file: .projects, id: id,
      revision: nil, changes: RecordFields.changes(from: before, to: nil))
    try store.apply([RecordChange<Project>.delete(id: id, expecting: before.revision)], audit: [audit])
  }

  /// Every data file of an office, by name (the audit included).
  func dataFiles(_ office: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for name in SyncFiles.dataFiles(in: path(office)) {
      out[name] = try Data(contentsOf: URL(fileURLWithPath: path(office) + "/" + name))
    }
    return out
  }
}
