import Foundation
import GreenSilkCore
import Glibc
import Testing

/// Faults during a sync (issue 14), with real git, the real binary and a
/// real sshd on loopback: each gives a clear message, leaves local work as
/// it was, and the next sync recovers.
@Suite(.serialized, .enabled(if: SyncSSHD.isAvailable, "needs /usr/sbin/sshd"))
struct SyncFaultTests {
  func headOf(_ lab: SyncLab, _ office: String) throws -> String {
    try lab.git(["rev-parse", "HEAD"], in: lab.path(office)).out.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func hubHead(_ lab: SyncLab) throws -> String {
    try lab.git(["--git-dir", lab.hubPath, "rev-parse", "main"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @Test func anUnreachableHubKeepsTheEditCommittedAndTheNextSyncSendsIt() throws {
    let lab = try SyncLab()
    _ = try lab.firstOffice("A")
    let closed = "ssh://\(lab.sshd.user)@127.0.0.1:\(try SyncSSHD.freePort())\(lab.hubPath)"
    // Pointing A at a closed port: the remote is set, the sync it tries fails.
    let pointed = try lab.greensilk(["sync", "init", "--data", lab.path("A"), "--remote", closed])
    #expect(pointed.status == 1)
    #expect(pointed.err.contains("the hub cannot be reached"), "\(pointed.err)")
    try lab.edit("A", "KP-01", by: "amina") { $0.title = "Edited offline" }
    let failed = try lab.sync("A")
    #expect(failed.status == 1)
    #expect(failed.err.contains("the hub cannot be reached"), "\(failed.err)")
    #expect(failed.err.contains("committed here"))
    #expect(try lab.project("A", "KP-01")?.title == "Edited offline")
    #expect(try lab.git(["status", "--porcelain"], in: lab.path("A")).out.isEmpty, "the edit is committed locally")
    try lab.check(lab.greensilk(["sync", "init", "--data", lab.path("A"), "--remote", lab.hubURL]), "point A back at the hub")
    let synced = try lab.sync("A")
    #expect(synced.status == 0, "\(synced.err)")
    #expect(try hubHead(lab) == headOf(lab, "A"))
  }

  @Test func aRefusedKeyIsSaidAsSuchAndNothingIsLost() throws {
    let lab = try SyncLab()
    _ = try lab.firstOffice("A")
    try lab.edit("A", "KP-01", by: "amina") { $0.title = "Edited" }
    let refused = try lab.greensilk(
      ["sync", "--data", lab.path("A")], environment: ["GIT_SSH_COMMAND": lab.sshd.sshCommand(key: lab.sshd.strangerKey)])
    #expect(refused.status == 1)
    #expect(refused.err.contains("refused this office's key"), "\(refused.err)")
    #expect(try lab.project("A", "KP-01")?.title == "Edited")
    let synced = try lab.sync("A")
    #expect(synced.status == 0, "\(synced.err)")
    #expect(try hubHead(lab) == headOf(lab, "A"))
  }

  @Test func aLineWithASyntaxErrorIsNotCommitted() throws {
    let lab = try SyncLab()
    _ = try lab.firstOffice("A")
    let before = try hubHead(lab)
    let path = lab.path("A") + "/projects.jsonl"
    var text = try String(contentsOfFile: path, encoding: .utf8)
    let lineCount = text.split(separator: "\n").count
    text += "{\"id\":\"P-BAD\",\"title\": oops}\n"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let refused = try lab.sync("A")
    #expect(refused.status == 1)
    #expect(refused.err.contains("projects.jsonl:\(lineCount + 1):"), "\(refused.err)")
    #expect(try lab.git(["status", "--porcelain"], in: lab.path("A")).out.contains("projects.jsonl"), "still uncommitted")
    #expect(try hubHead(lab) == before)
  }

  @Test func conflictMarkersAreNamedByValidateAndRefusedBySync() throws {
    let lab = try SyncLab()
    _ = try lab.firstOffice("A")
    let path = lab.path("A") + "/projects.jsonl"
    var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines.insert(contentsOf: ["<<<<<<< HEAD", lines[2], "=======", lines[2], ">>>>>>> theirs"], at: 2)
    lines.remove(at: 7)
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let validate = try lab.greensilk(["validate", "--data", lab.path("A")])
    #expect(validate.status == 1)
    #expect(validate.out.contains("projects.jsonl:3: conflict marker"), "\(validate.out)")
    #expect(validate.out.contains("projects.jsonl:5: conflict marker"))
    #expect(validate.out.contains("projects.jsonl:7: conflict marker"))
    let refused = try lab.sync("A")
    #expect(refused.status == 1)
    #expect(refused.err.contains("projects.jsonl:3: conflict marker"), "\(refused.err)")
  }

  /// B's push meets a hub that A pushed to after B fetched (forced: B's
  /// ssh runs A's sync just before B's first push): B fetches, merges and
  /// pushes again.
  @Test func aRejectedPushIsMergedAndRetried() throws {
    let lab = try SyncLab()
    _ = try lab.firstOffice("A")
    _ = try lab.clonedOffice("B")
    try lab.edit("A", "KP-01", by: "amina") { $0.title = "From A" }
    try lab.edit("B", "KP-02", by: "bao") { $0.title = "From B" }
    let wrapper = lab.root + "/ssh-racing"
    let flag = lab.root + "/raced"
    let script = """
      #!/bin/sh
      case "$*" in
        *git-receive-pack*)
          if [ ! -e '\(flag)' ]; then
            touch '\(flag)'
            GIT_SSH_COMMAND='\(lab.sshd.sshCommand())' '\(E2E.binary)' sync --data '\(lab.path("A"))' >/dev/null 2>&1
          fi;;
      esac
      exec \(lab.sshd.sshCommand()) "$@"
      """
    try script.write(toFile: wrapper, atomically: true, encoding: .utf8)
    chmod(wrapper, 0o755)
    let raced = try lab.greensilk(["sync", "--data", lab.path("B")], environment: ["GIT_SSH_COMMAND": wrapper])
    #expect(raced.status == 0, "\(raced.err)")
    #expect(FileManager.default.fileExists(atPath: flag))
    #expect(raced.err.contains("the hub has newer changes"), "\(raced.err)")
    #expect(try lab.sync("A").status == 0)
    #expect(try lab.dataFiles("A") == lab.dataFiles("B"))
    #expect(try lab.project("A", "KP-01")?.title == "From A")
    #expect(try lab.project("A", "KP-02")?.title == "From B")
  }

  /// kill -9 of the sync and everything it started (git, the merge
  /// driver) in the middle of a merge: the next sync undoes the half
  /// merge and finishes it; nothing is lost.
  @Test func killedInTheMiddleOfAMergeTheNextSyncRecovers() throws {
    let lab = try SyncLab()
    _ = try lab.firstOffice("A")
    _ = try lab.clonedOffice("B")
    try lab.edit("A", "KP-01", by: "amina") { $0.title = "From A" }
    try lab.check(lab.sync("A"), "sync A")
    try lab.edit("B", "KP-01", by: "bao") { $0.summary = "From B" }
    // A driver that sleeps first, so the kill lands inside the merge.
    let slow = "sleep 30; '\(E2E.binary)' merge-driver %O %A %B %P"
    try lab.check(lab.git(["config", "merge.greensilk.driver", slow], in: lab.path("B")), "slow driver")
    let pid = try Self.spawnInOwnGroup(
      E2E.binary, ["sync", "--data", lab.path("B")], environment: ProcessInfo.processInfo.environment.merging(lab.environment) { $1 })
    let marker = lab.path("B") + "/.git/greensilk-merging"
    let deadline = Date().addingTimeInterval(30)
    while !FileManager.default.fileExists(atPath: marker) && Date() < deadline { usleep(50_000) }
    #expect(FileManager.default.fileExists(atPath: marker), "the merge started")
    usleep(500_000)
    kill(-pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    // The real driver again (sync init puts it back), then sync.
    let reinstalled = try lab.greensilk(["sync", "init", "--data", lab.path("B")])
    #expect(reinstalled.status == 0, "\(reinstalled.out)\(reinstalled.err)")
    let recovered = try lab.sync("B")
    #expect(recovered.status == 0, "\(recovered.out)\(recovered.err)")
    #expect((reinstalled.out + recovered.out).contains("recovered:"), "\(reinstalled.out)\(recovered.out)")
    let project = try #require(try lab.project("B", "KP-01"))
    #expect(project.title == "From A")
    #expect(project.summary == "From B")
    #expect(try lab.sync("A").status == 0)
    #expect(try lab.dataFiles("A") == lab.dataFiles("B"))
  }

  /// Saves in the same office while syncs run: every save ends up in the
  /// data and, after a last sync, at the hub and in the other office.
  @Test func savesDuringSyncsAreNeverLost() throws {
    let lab = try SyncLab()
    _ = try lab.firstOffice("A")
    _ = try lab.clonedOffice("B")
    let ids = try lab.store("B").load().dataSet.projects.prefix(20).map(\.id)
    let saver = Thread {
      for (n, id) in ids.enumerated() {
        try? lab.edit("B", id, by: "bao") { $0.title = "concurrent \(n)" }
        usleep(30_000)
      }
    }
    saver.start()
    var runs = 0
    while !saver.isFinished || runs < 3 {
      let result = try lab.sync("B")
      #expect(result.status == 0, "\(result.err)")
      runs += 1
    }
    #expect(try lab.sync("B").status == 0)
    #expect(try lab.sync("A").status == 0)
    let titles = try lab.store("A").load().dataSet.projects.filter { ids.contains($0.id) }.map(\.title)
    #expect(Set(titles) == Set((0..<ids.count).map { "concurrent \($0)" }))
    #expect(try lab.git(["status", "--porcelain"], in: lab.path("B")).out.isEmpty)
  }

  /// An office whose disk fills while the hub's changes arrive (a small
  /// tmpfs; skipped where mounting is not allowed).
  @Test func aFullDiskIsSaidAsSuchAndTheNextSyncRecovers() throws {
    let lab = try SyncLab()
    _ = try lab.firstOffice("A")
    let small = lab.root + "/small"
    try FileManager.default.createDirectory(atPath: small, withIntermediateDirectories: true)
    guard try Spawn.run("/bin/mount", ["-t", "tmpfs", "-o", "size=3m", "tmpfs", small], environment: [:]).status == 0 else {
      print("skipped: cannot mount a tmpfs here")
      return
    }
    defer { _ = try? Spawn.run("/bin/umount", [small], environment: [:]) }
    try lab.check(lab.git(["clone", "-q", lab.hubURL, small + "/B"]), "clone B")
    try lab.check(lab.greensilk(["sync", "init", "--data", small + "/B"]), "init B")
    // A adds ~4 MB that compresses badly.
    var rng = SystemRandomNumberGenerator()
    let ids = try lab.store("A").load().dataSet.projects.prefix(8).map(\.id)
    for id in ids {
      let noise = Data((0..<400_000).map { _ in UInt8.random(in: 0...255, using: &rng) }).base64EncodedString()
      try lab.edit("A", id, by: "amina") { $0.summary = noise }
    }
    try lab.check(lab.sync("A"), "sync A")
    let store = FileStore(directory: small + "/B")
    let before = try #require(try store.load().dataSet.project(id: "KP-20"))
    var after = before
    after.title = "Local edit on a full disk"
    try store.apply([RecordChange.update(after, expecting: before.revision)])
    let full = try lab.greensilk(["sync", "--data", small + "/B"])
    #expect(full.status == 1)
    #expect(full.err.contains("disk is full"), "\(full.err)")
    #expect(try store.load().dataSet.project(id: "KP-20")?.title == "Local edit on a full disk")
    try lab.check(try Spawn.run("/bin/mount", ["-o", "remount,size=64m", small], environment: [:]), "grow the disk")
    let synced = try lab.greensilk(["sync", "--data", small + "/B"])
    #expect(synced.status == 0, "\(synced.err)")
    #expect(try store.load().dataSet.project(id: "KP-20")?.title == "Local edit on a full disk")
    #expect(try store.load().dataSet.project(id: ids[0])?.summary.count ?? 0 > 500_000)
  }

  static func spawnInOwnGroup(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> pid_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    guard posix_spawn(&pid, executable, &actions, &attributes, argv, envp) == 0 else { throw E2EFailure("spawn failed") }
    return pid
  }
}
