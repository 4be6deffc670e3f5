import Foundation
import Testing

/// Editing through the real binary in tmux, on a copy of the shipped data:
/// a form saved (after an invalid date was refused), the file and the
/// audit log read back, the change undone after a restart; two sessions
/// saving the same record; a form kept as a draft over SIGHUP; and a
/// read-only session that presses every key and writes nothing.
@Suite("Editing in tmux")
struct EditingEndToEndTests {
  static let project = "P-0003"
  static let oldTitle = "Flue-gas desulphurisation and SCR retrofit of a 660 MW coal-fired unit, Sindh"

  @Test func editSaveQuitThenUndoAfterRestart() throws {
    let state = try E2E.makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: state) }
    let environment = ["XDG_STATE_HOME": state]
    let newTitle = "SCR retrofit, Sindh (edited in tmux)"
    let app = try DashboardInTmux(width: 100, height: 30, environment: environment)
    let pane = app.session
    try app.waitForStart()
    try Self.openForm(pane)

    try Self.replaceLine(pane, field: "Title", with: newTitle)
    try pane.waitFor("Title▶ \(newTitle)")
    // The second milestone's due date: first an impossible one.
    try Self.replaceMilestone(pane, with: "2024-13-45 | SCR catalyst loaded |")
    try pane.waitFor("month 13 is not 01-12")
    try pane.send("C-s")
    try pane.waitFor("1 problem marked — fix it to save")
    try pane.waitFor("Milestones▶")  // the cursor went to the error
    #expect(!(try Self.projectLine(app.data)).contains(newTitle), "a form with an error was saved")
    try Self.replaceMilestone(pane, with: "2025-01-31 | SCR catalyst loaded |")
    try pane.waitForAbsence("month 13")
    try pane.send("C-s")
    try pane.waitFor("saved \(Self.project) (title, milestones)")
    try pane.send("q")
    #expect(try app.exitStatus() == 0)

    let saved = try Self.projectLine(app.data)
    #expect(saved.contains("\"title\":\"\(newTitle)\""))
    #expect(saved.contains("\"due\":\"2025-01-31\"") && !saved.contains("\"due\":\"2024-12-31\""))
    let audit = try Self.auditLines(app.data)
    #expect(audit.count == 1, "one save, one audit entry: \(audit)")
    if let entry = audit.first {
      for text in [Self.project, Self.oldTitle, newTitle, "2024-12-31", "2025-01-31", "\"old\"", "\"new\""] {
        #expect(entry.contains(text), "audit entry lacks \(text): \(entry)")
      }
    }
    app.session.kill()

    // A new session: `u` undoes the change the last one saved.
    let again = try DashboardInTmux(width: 100, height: 30, environment: environment, data: app.data)
    try again.waitForStart()
    try again.session.send("u")
    try again.session.waitFor("undone: title and milestones of \(Self.project) restored")
    let undone = try Self.projectLine(app.data)
    #expect(undone.contains("\"title\":\"\(Self.oldTitle)\""))
    #expect(undone.contains("\"due\":\"2024-12-31\""))
    #expect(try Self.auditLines(app.data).count == 2)
    try again.session.send("q")
    #expect(try again.exitStatus() == 0)
  }

  @Test func conflictingSaveShowsBothVersions() throws {
    let data = try E2E.copyOfShippedData()
    let states = try (0..<2).map { _ in try E2E.makeTemporaryDirectory() }
    defer { for state in states { try? FileManager.default.removeItem(atPath: state) } }
    let first = try DashboardInTmux(width: 100, height: 30, environment: ["XDG_STATE_HOME": states[0]], data: data)
    let second = try DashboardInTmux(width: 100, height: 30, environment: ["XDG_STATE_HOME": states[1]], data: data)
    for (app, title) in [(first, "Title typed in the first session"), (second, "Title typed in the second session")] {
      try app.waitForStart()
      try Self.openForm(app.session)
      try Self.replaceLine(app.session, field: "Title", with: title)
      try app.session.waitFor("Title▶ \(title)")
    }
    // The second saves first; the first's save is then a conflict.
    try second.session.send("C-s")
    try second.session.waitFor("saved \(Self.project) (title)")
    try first.session.send("C-s")
    let dialog = try first.session.waitFor("Save conflict")
    for text in ["changed by someone else", "Yours", "On disk", "Title typed in the first session", "Title typed in the second session"] {
      #expect(dialog.contains(text), "the conflict view lacks \(text):\n\(dialog)")
    }
    #expect(try Self.projectLine(data).contains("Title typed in the second session"), "nothing is saved until the user chooses")
    // Take theirs for every field, then save the merge: the file keeps the
    // second session's title and records the first's save on top of it.
    try first.session.send("t")
    try first.session.send("Enter")
    try first.session.waitForAbsence("Save conflict")
    #expect(try Self.projectLine(data).contains("Title typed in the second session"))
    #expect(!(try Self.projectLine(data)).contains("Title typed in the first session"))
    try first.session.send("q")
    try second.session.send("q")
    #expect(try first.exitStatus() == 0)
    #expect(try second.exitStatus() == 0)
  }

  @Test func sighupKeepsTheFormAsADraftThatTheNextStartRestores() throws {
    let state = try E2E.makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: state) }
    let environment = ["XDG_STATE_HOME": state]
    let app = try DashboardInTmux(width: 100, height: 30, environment: environment)
    try app.waitForStart()
    try Self.openForm(app.session)
    try Self.replaceLine(app.session, field: "Title", with: "Half-typed title")
    try Self.replaceLine(app.session, field: "Summary", with: "Half-typed summary")
    try Self.replaceLine(app.session, field: "Lead agency", with: "Half-typed agency")
    try app.session.waitFor("Half-typed agency")
    #expect(kill(try app.pid(), SIGHUP) == 0)
    #expect(try app.exitStatus() == 128 + Int(SIGHUP))
    let drafts = try FileManager.default.contentsOfDirectory(atPath: state + "/greensilk/drafts")
    #expect(drafts.count == 1, "one draft kept: \(drafts)")
    #expect(!(try Self.projectLine(app.data)).contains("Half-typed"), "a draft is not a save")
    app.session.kill()

    let again = try DashboardInTmux(width: 100, height: 30, environment: environment, data: app.data)
    try again.session.waitFor("Unsaved draft")
    try again.session.send("r")
    // (The offer itself names "Edit project P-0003": wait for the form.)
    let form = try again.session.waitFor("Title  Half-typed title")
    #expect(form.contains("modified"))
    for (label, value) in [("Title", "Half-typed title"), ("Summary", "Half-typed summary"), ("Lead agency", "Half-typed agency")] {
      let row = form.split(separator: "\n").first { $0.contains(" \(label)") && $0.contains(value) }
      #expect(row != nil, "the restored form lacks \(label) = \(value):\n\(form)")
    }
    try again.session.send("C-s")
    try again.session.waitFor("saved \(Self.project)")
    let saved = try Self.projectLine(app.data)
    #expect(saved.contains("Half-typed title") && saved.contains("Half-typed summary") && saved.contains("Half-typed agency"))
    try again.session.send("q")
    #expect(try again.exitStatus() == 0)
  }

  /// Issue 16, item 4: a dashboard that is killed outright (SIGKILL, as a
  /// frozen one would be) had no chance to write anything at the end; the
  /// form is on disk anyway, written as it changed, and offered back.
  @Test func sigkillWithAFormOpenLosesNothingTyped() throws {
    let state = try E2E.makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: state) }
    let environment = ["XDG_STATE_HOME": state]
    let app = try DashboardInTmux(width: 100, height: 30, environment: environment)
    try app.waitForStart()
    try Self.openForm(app.session)
    try Self.replaceLine(app.session, field: "Title", with: "Typed before the kill")
    try Self.replaceLine(app.session, field: "Summary", with: "Summary before the kill")
    try app.session.waitFor("Summary before the kill")
    #expect(kill(try app.pid(), SIGKILL) == 0)
    #expect(try app.exitStatus() == 128 + Int(SIGKILL))
    app.session.kill()

    let again = try DashboardInTmux(width: 100, height: 30, environment: environment, data: app.data)
    try again.session.waitFor("Unsaved draft")
    try again.session.send("r")
    let form = try again.session.waitFor("Title  Typed before the kill")
    #expect(form.contains("Summary before the kill"), "the restored form:\n\(form)")
    try again.session.send("C-s")
    try again.session.waitFor("saved \(Self.project)")
    #expect(try Self.projectLine(app.data).contains("Summary before the kill"))
    try again.session.send("q")
    #expect(try again.exitStatus() == 0)
    // Saved: no draft left to offer.
    #expect((try? FileManager.default.contentsOfDirectory(atPath: state + "/greensilk/drafts")) ?? [] == [])
  }

  @Test func readOnlySessionPressingEveryKeyWritesNothing() throws {
    let data = try E2E.copyOfShippedData()
    let state = try E2E.makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: state) }
    let before = try Self.snapshot(data)
    let app = try DashboardInTmux(
      width: 100, height: 30, arguments: ["--read-only"], environment: ["XDG_STATE_HOME": state], data: data)
    try app.waitForStart()
    let letters = Array("abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPRSTUVWXYZ/?-+=.,").map(String.init)  // q and Q last
    let named = [
      "Enter", "Tab", "BTab", "Up", "Down", "Left", "Right", "PageUp", "PageDown", "Home", "End", "Space", "BSpace",
      "C-s", "C-r", "C-e", "C-u", "C-d", "C-l", "C-n", "C-p",
    ]
    // What would write in a writable session: confirm a delete, pick a
    // stage, save a form, undo, redo.
    let writing: [[String]] = [["D", "y"], ["m", "Down", "Enter"], ["e", "C-s"], ["n", "C-s"], ["u"], ["C-r"]]
    for screen in 1...5 {
      try app.session.send("\(screen)")
      for keys in (letters + named).map({ [$0] }) + writing {
        try app.session.run(["send-keys", "-t", app.session.target] + keys)
        try app.session.send("Escape")
      }
      try app.session.send("Escape", "Escape")
    }
    // Still running, still read-only, and said so when editing was tried.
    try app.session.send("1")
    try app.session.send("e")
    #expect((try? app.session.waitFor("read-only", timeout: .seconds(3))) != nil, "no read-only notice")
    try app.session.send("q")
    #expect(try app.exitStatus() == 0)
    #expect(try Self.snapshot(data) == before, "the data directory changed in a read-only session")
    #expect(((try? FileManager.default.contentsOfDirectory(atPath: state)) ?? []).isEmpty, "a read-only session wrote state")
  }

  // MARK: - Driving the form

  /// Pipeline, filter to the project, open it, `e`.
  static func openForm(_ pane: TmuxSession) throws {
    try pane.send("3")
    try pane.waitFor("of 101 projects")
    try pane.send("/")
    try pane.type(project)
    try pane.waitFor("1 of 101 projects")
    try pane.send("Enter")
    try pane.send("Enter")
    try pane.waitFor("Project \(project)")
    try pane.send("e")
    try pane.waitFor("Edit project \(project)")
  }

  /// Moves the form's focus to `field` (Tab, as a user would), one field
  /// at a time: each Tab waits for the screen to change. Should a key
  /// still overshoot on a loaded machine (a capture taken before an
  /// earlier key was drawn), the walk reaches an end of the form, where a
  /// key changes nothing, and turns back (Shift-Tab) instead of failing.
  static func focus(_ pane: TmuxSession, field: String) throws {
    var forward = true
    for _ in 0..<120 {
      let before = try pane.capture()
      if before.contains("\(field)▶") { return }
      try pane.send(forward ? "Tab" : "BTab")
      let moved = (try? pane.waitUntil("the focus to move towards \(field)", timeout: .seconds(4)) { $0 != before }) != nil
      if !moved { forward.toggle() }
    }
    try pane.waitFor("\(field)▶", timeout: .seconds(2))
  }

  /// Replaces a single-line field's text and commits it.
  static func replaceLine(_ pane: TmuxSession, field: String, with text: String) throws {
    try focus(pane, field: field)
    try pane.send("Enter")
    try pane.send("End", "C-u")
    try pane.type(text)
    try pane.send("Enter")
    // The field shows the committed text before the next key moves on.
    try pane.waitFor("\(field)▶ \(text.prefix(30))")
  }

  /// Replaces the second line of the milestones field and leaves it (Tab).
  static func replaceMilestone(_ pane: TmuxSession, with line: String) throws {
    try focus(pane, field: "Milestones")
    try pane.send("Enter")
    try pane.send("Up", "Up", "Up", "Up", "Up", "Up", "Down", "Home", "C-k")
    try pane.type(line)
    try pane.send("Tab")
  }

  // MARK: - Reading the files

  static func projectLine(_ data: String) throws -> String {
    let text = try String(contentsOfFile: data + "/projects.jsonl", encoding: .utf8)
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("{\"id\":\"\(project)\"") }) else {
      throw E2EFailure("\(project) is not in projects.jsonl")
    }
    return String(line)
  }

  /// The audit log's lines across its files (audit.jsonl of schema 1,
  /// then audit/YYYY-MM.jsonl in order).
  static func auditLines(_ data: String) throws -> [String] {
    var files = [data + "/audit.jsonl"]
    let months = (try? FileManager.default.contentsOfDirectory(atPath: data + "/audit")) ?? []
    files += months.filter { $0.hasSuffix(".jsonl") }.sorted().map { data + "/audit/" + $0 }
    return files.flatMap { file -> [String] in
      guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return [] }
      return text.split(separator: "\n").map(String.init)
    }
  }

  /// Every file in the directory (hidden ones too) with its bytes.
  static func snapshot(_ directory: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
      files[name] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
    }
    return files
  }
}
