import Foundation
import Testing

/// Roles pinned by OpenSSH (issue 17, part 1), through a real sshd on
/// loopback (`LoopbackSSHD`): each key's `authorized_keys` line forces
/// `greensilk --data D --as NAME --role ROLE`, the client is the real
/// `ssh -tt` in a tmux pane, and the checks read the real files after.
/// The client also tries what a hostile user would: a remote command of
/// its own (`SSH_ORIGINAL_COMMAND`) naming another directory and identity,
/// and `EDITOR`, `GREENSILK_DATA`, `USER` sent with `SetEnv` (this sshd
/// accepts them, as a careless server might).
@Suite("Roles pinned by sshd", .serialized)
struct PinnedRolesOverSSHTests {
  static let hostileEnvironment = ["EDITOR", "VISUAL", "GREENSILK_DATA", "GREENSILK_LOG", "USER", "LOGNAME", "XDG_STATE_HOME", "LANG"]

  /// `greensilk --data D --as NAME --role ROLE …` as a forced command.
  static func forced(_ data: String, _ pinning: [String]) -> String {
    ([E2E.binary, "--data", data] + pinning + ["--themes-dir", E2E.repoRoot + "/Themes"]).map(Shell.quote).joined(separator: " ")
  }

  /// A dashboard over SSH in a 100x30 tmux pane.
  static func session(_ sshd: LoopbackSSHD, key: String, setEnv: [String: String] = [:], remote: [String] = []) throws -> TmuxSession {
    var environment = ["LANG": "C.UTF-8"]
    environment.merge(setEnv) { $1 }
    let pane = try TmuxSession(width: 100, height: 30, command: sshd.sshCommand(key: key, setEnv: environment, remote: remote) + "; sleep 600")
    do {
      try pane.waitFor(" GreenSilk ", timeout: .seconds(20))
    } catch {
      throw E2EFailure("\(error)\nsshd log:\n\(sshd.log)")
    }
    return pane
  }

  @Test func viewerKeyPressingEveryEditingKeyChangesNothing() throws {
    let sshd = try LoopbackSSHD(acceptEnv: Self.hostileEnvironment)
    let data = try E2E.copyOfShippedData()
    let before = try EditingEndToEndTests.snapshot(data)
    let key = try sshd.addKey(command: Self.forced(data, ["--as", "vera", "--role", "viewer"]), options: "restrict,pty")
    let pane = try Self.session(sshd, key: key)
    let letters = Array("abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPRSTUVWXYZ/?-+=.,").map(String.init)  // q and Q last
    let named = [
      "Enter", "Tab", "BTab", "Up", "Down", "Left", "Right", "PageUp", "PageDown", "Home", "End", "Space", "BSpace",
      "C-s", "C-r", "C-e", "C-u", "C-d", "C-l", "C-n", "C-p",
    ]
    // What writes in an editor's session: confirm a delete, pick a stage,
    // save a form, undo, redo.
    let writing: [[String]] = [["D", "y"], ["m", "Down", "Enter"], ["e", "C-s"], ["n", "C-s"], ["u"], ["C-r"]]
    for screen in 1...6 {
      try pane.send("\(screen)")
      for keys in (letters + named).map({ [$0] }) + writing {
        try pane.run(["send-keys", "-t", pane.target] + keys)
        try pane.send("Escape")
      }
      try pane.send("Escape", "Escape")
    }
    try pane.send("3")
    try pane.send("e")
    try pane.waitFor("vera is a viewer", timeout: .seconds(5))
    try pane.send("q")
    try pane.waitForAbsence(" GreenSilk ", timeout: .seconds(10))
    #expect(try EditingEndToEndTests.snapshot(data) == before, "the data directory changed under a viewer key")
    #expect(!FileManager.default.fileExists(atPath: data + "/.greensilk.lock"), "a viewer created the lock file")
    #expect(Self.stateFiles(named: "vera").isEmpty, "a viewer wrote state: \(Self.stateFiles(named: "vera"))")
  }

  @Test func editorKeySaveIsAuditedUnderItsPinnedName() throws {
    defer { Self.removeStateFiles(named: "alice") }
    let sshd = try LoopbackSSHD(acceptEnv: Self.hostileEnvironment)
    let data = try E2E.copyOfShippedData()
    let other = try E2E.copyOfShippedData()
    let otherBefore = try EditingEndToEndTests.snapshot(other)
    let key = try sshd.addKey(command: Self.forced(data, ["--as", "alice", "--role", "editor"]), options: "restrict,pty")
    // The client asks for another directory and identity both ways.
    let pane = try Self.session(
      sshd, key: key, setEnv: ["GREENSILK_DATA": other, "USER": "mallory", "LOGNAME": "mallory"],
      remote: [E2E.binary, "--data", other, "--as", "mallory", "--role", "admin"])
    try EditingEndToEndTests.openForm(pane)
    let title = "Saved over SSH by a pinned key"
    try EditingEndToEndTests.replaceLine(pane, field: "Title", with: title)
    try pane.waitFor("Title▶ \(title)")
    try pane.send("C-s")
    try pane.waitFor("saved \(EditingEndToEndTests.project) (title)")
    try pane.send("q")
    try pane.waitForAbsence(" GreenSilk ", timeout: .seconds(10))

    #expect(try EditingEndToEndTests.projectLine(data).contains("\"title\":\"\(title)\""))
    let audit = try EditingEndToEndTests.auditLines(data)
    #expect(audit.count == 1, "one save, one audit line: \(audit)")
    let entry = audit.last ?? ""
    #expect(entry.contains("\"user\":\"alice\""), "the audit names the pinned identity: \(entry)")
    #expect(!entry.contains("root") && !entry.contains("mallory"), "the audit names the Unix account or the client's pick: \(entry)")
    #expect(entry.contains("127.0.0.1"), "the audit keeps where the key came from: \(entry)")
    #expect(try EditingEndToEndTests.snapshot(other) == otherBefore, "the client's directory was touched")
    #expect(try EditingEndToEndTests.projectLine(data).contains("\"changed_by\":\"alice\""))
  }

  @Test func ctrlEUnderAPinnedKeyStartsNoProcess() throws {
    defer { Self.removeStateFiles(named: "alice") }
    let sshd = try LoopbackSSHD(acceptEnv: Self.hostileEnvironment)
    let scratch = try E2E.makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let marker = scratch + "/editor-ran"
    let script = scratch + "/editor.sh"
    try "#!/bin/sh\necho ran >> \(Shell.quote(marker))\nexit 0\n".write(toFile: script, atomically: true, encoding: .utf8)
    chmod(script, 0o755)
    let hostile = ["EDITOR": script, "VISUAL": script]

    // The control: an unpinned key on the same server, same client
    // environment: Ctrl-E does start the script, so the check below can fail.
    let unpinnedData = try E2E.copyOfShippedData()
    let unpinned = try sshd.addKey(command: Self.forced(unpinnedData, []), options: "restrict,pty")
    let control = try Self.session(sshd, key: unpinned, setEnv: hostile)
    try EditingEndToEndTests.openForm(control)
    try EditingEndToEndTests.focus(control, field: "Title")
    try control.send("C-e")
    try control.waitUntil("the editor script to run", timeout: .seconds(10)) { _ in FileManager.default.fileExists(atPath: marker) }
    control.kill()
    try FileManager.default.removeItem(atPath: marker)

    let data = try E2E.copyOfShippedData()
    let key = try sshd.addKey(command: Self.forced(data, ["--as", "alice", "--role", "editor"]), options: "restrict,pty")
    let pane = try Self.session(sshd, key: key, setEnv: hostile)
    try EditingEndToEndTests.openForm(pane)
    try EditingEndToEndTests.focus(pane, field: "Title")
    try pane.send("C-e")
    try pane.waitFor("Ctrl-E is off for alice")
    // And while a field is being edited.
    try pane.send("Enter")
    try pane.send("C-e")
    usleep(1_000_000)
    try pane.send("Escape", "Escape")
    try pane.send("q")
    try pane.waitForAbsence(" GreenSilk ", timeout: .seconds(10))
    #expect(!FileManager.default.fileExists(atPath: marker), "Ctrl-E under a pinned key ran $EDITOR")
  }

  @Test func corridorLimitedEditorCannotSaveAnotherCorridorsProject() throws {
    defer { Self.removeStateFiles(named: "carol") }
    let sshd = try LoopbackSSHD(acceptEnv: Self.hostileEnvironment)
    let data = try E2E.copyOfShippedData()
    let before = try EditingEndToEndTests.snapshot(data)
    let key = try sshd.addKey(
      command: Self.forced(data, ["--as", "carol", "--role", "editor", "--corridors", "CPEC"]), options: "restrict,pty")
    // P-0010 is a CICPEC project: it opens read-only, and the refusal says why.
    let first = try Self.session(sshd, key: key)
    try Self.openProject(first, "P-0010")
    for keys in [["e"], ["D"], ["m"]] {
      try first.run(["send-keys", "-t", first.target] + keys)
      try first.waitFor("P-0010 is read-only for carol: this key edits projects in CPEC only; P-0010 is in CICPEC")
      #expect(!(try first.capture()).contains("Edit project"), "the form opened on another corridor's project")
      try first.send("Escape")
      try first.send("4")
    }
    try first.send("q")
    try first.waitForAbsence(" GreenSilk ", timeout: .seconds(10))

    // P-0003 is hers (CPEC) and opens; moving it to CICPEC is refused
    // where the save is made, not only by the keys.
    let second = try Self.session(sshd, key: key)
    try EditingEndToEndTests.openForm(second)
    try EditingEndToEndTests.replaceLine(second, field: "Corridors", with: "CICPEC")
    try second.waitFor("Corridors▶ CICPEC")
    try second.send("C-s")
    try second.waitFor("not saved: P-0003 is read-only for carol: this key edits projects in CPEC only")
    try second.send("Escape", "d")
    try second.send("q")
    try second.waitForAbsence(" GreenSilk ", timeout: .seconds(10))
    var after = try EditingEndToEndTests.snapshot(data)
    after.removeValue(forKey: ".greensilk.lock")  // an editor's store takes the lock to save
    #expect(after == before, "a corridor-limited editor changed the data")
  }

  /// Pipeline as a table (the kanban's cursor may sit on another
  /// stage), filter to the project, open its detail screen.
  static func openProject(_ pane: TmuxSession, _ id: String) throws {
    try pane.send("3")
    try pane.waitFor("of 101 projects")
    try pane.send("v")
    try pane.send("/")
    try pane.type(id)
    try pane.waitFor("1 of 101 projects")
    try pane.send("Enter", "Enter")
    try pane.waitFor("Project \(id)")
  }

  static func removeStateFiles(named name: String) {
    for file in stateFiles(named: name) { try? FileManager.default.removeItem(atPath: file) }
  }

  /// Files an identity left in the Unix account's state directory
  /// (drafts, the undo journal), where a pinned session keeps them.
  static func stateFiles(named name: String) -> [String] {
    let home = String(cString: getpwuid(geteuid()).pointee.pw_dir)
    var found: [String] = []
    for sub in ["drafts", "undo"] {
      let directory = home + "/.local/state/greensilk/" + sub
      for file in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where file.hasPrefix(name + "-") {
        found.append(directory + "/" + file)
      }
    }
    return found
  }
}
