import Foundation
import GreenSilkCore
import Testing

/// Sync from the dashboard, in tmux (issue 14): the state in the status
/// line, Y syncs with a progress line while the screen answers keys (the
/// hub is made slow), C lists the open conflicts, Enter opens the
/// conflict view, the resolution is saved and the next sync shares it.
@Suite(.serialized, .enabled(if: SyncSSHD.isAvailable, "needs /usr/sbin/sshd"))
struct SyncDashboardTests {
  @Test func syncAndResolveAConflictFromTheDashboard() throws {
    let lab = try SyncLab()
    _ = try lab.firstOffice("A")
    _ = try lab.clonedOffice("B")
    try lab.edit("A", "KP-04", by: "amina") { $0.title = "KP-04 as A wrote it" }
    try lab.check(lab.sync("A"), "sync A")
    try lab.edit("B", "KP-04", by: "bao") { $0.title = "KP-04 as B wrote it" }

    // Each ssh connection waits a second: a sync takes seconds.
    let slow = lab.root + "/slow-ssh"
    try "#!/bin/sh\nsleep 1\nexec \(lab.sshd.sshCommand()) \"$@\"\n".write(toFile: slow, atomically: true, encoding: .utf8)
    chmod(slow, 0o755)
    let app = try DashboardInTmux(
      width: 130, height: 32, environment: ["GIT_SSH_COMMAND": slow, "USER": "bao"], data: lab.path("B"))
    let pane = app.session
    try app.waitForStart()
    try pane.waitFor("never synced")

    try pane.send("Y")
    try pane.waitFor("syncing: fetching from the hub…")
    // The screen stays live during the sync: the help opens and closes.
    try pane.send("?")
    let during = try pane.waitFor("Sync with the hub now")
    #expect(during.contains("syncing:"), "the help opened while the sync ran")
    try pane.send("Escape")
    try pane.waitForAbsence("Sync with the hub now")
    let done = try pane.waitFor("synced: ", timeout: .seconds(60))
    #expect(done.contains("1 conflict"), "\(done)")

    try pane.send("C")
    try pane.waitFor("Open conflicts from syncs (1)")
    try pane.waitFor("KP-04")
    try pane.send("Enter")
    let view = try pane.waitFor("Sync conflict")
    #expect(view.contains("KP-04 as B wrote it") && view.contains("KP-04 as A wrote it"), "\(view)")
    try pane.send("Right")
    try pane.send("Enter")
    try pane.waitFor("resolved KP-04")
    try pane.waitForAbsence("1 conflict")
    #expect(HeldConflictLocation.scan(directory: lab.path("B")).isEmpty)

    try pane.send("Y")
    try pane.waitFor("synced: ", timeout: .seconds(60))
    try pane.send("q")
    #expect(try app.exitStatus() == 0)

    try lab.check(lab.sync("A"), "sync A again")
    #expect(try lab.dataFiles("A") == lab.dataFiles("B"))
    #expect(try lab.project("A", "KP-04")?.title == "KP-04 as A wrote it")
    #expect(HeldConflictLocation.scan(directory: lab.path("A")).isEmpty)
    // The tmux helper removes the data's parent folder (the lab) when it goes.
    withExtendedLifetime(app) {}
  }
}
