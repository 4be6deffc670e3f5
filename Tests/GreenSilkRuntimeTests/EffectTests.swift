import Foundation
import GreenSilkCore
import GreenSilkUI
import Testing

@testable import GreenSilkRuntime

/// Every effect the dashboard's reducer can ask for, performed by the
/// runtime the app runs (`Runtime<DashboardProgram>`) on a headless
/// terminal, against real files: the effect is asked for exactly once,
/// and what it does is there afterwards.
@Suite("Dashboard effects through the runtime")
struct EffectTests {
  @Test func quitEndsWithStatusZero() throws {
    let h = try DashboardHarness()
    h.press(.character("q"))
    #expect(h.takeEffects() == [.quit])
    #expect(h.runtime.exitStatus == 0)
    // Nothing happens after the end: no more actions, no more effects.
    h.press(.character("3"))
    #expect(h.state.screen == .overview)
    #expect(h.takeEffects().isEmpty)
  }

  @Test func cycleThemeLoadsTheNextThemeAndRepaintsEverything() throws {
    let h = try DashboardHarness()
    let before = h.program.theme.name
    let invalidations = h.terminal.invalidations
    let repaints = h.terminal.fullRepaints
    h.press(.character("T"))
    #expect(h.takeEffects() == [.cycleTheme])
    let after = h.program.theme.name
    #expect(after != before)
    #expect(after == h.program.catalog.next(after: before))
    #expect(h.state.settings.themeName == after)
    #expect(h.state.status?.text == "theme: \(after)")
    #expect(h.terminal.invalidations == invalidations + 1)
    #expect(h.terminal.fullRepaints == repaints + 1)
    #expect(h.terminal.theme?.name == after)
  }

  @Test func reloadDataReadsWhatAnotherProcessWrote() throws {
    let h = try DashboardHarness()
    let original = try h.colleagueSaves("P-0007") { $0.title = "Renamed by a colleague" }
    #expect(h.state.data.project(id: "P-0007")?.title == original.title)
    let invalidations = h.terminal.invalidations
    h.press(.ctrl("l"))
    #expect(h.takeEffects() == [.reloadData])
    #expect(h.runtime.settleReload())
    #expect(h.state.data.project(id: "P-0007")?.title == "Renamed by a colleague")
    #expect(h.terminal.invalidations == invalidations + 1)
  }

  @Test func openExternalEditorHandsTheScreenOverAndTakesTheTextBack() throws {
    let script = try EditorScript(body: "printf 'Written in the editor\\n' > \"$1\"")
    let h = try DashboardHarness(environment: ["VISUAL": script.path])
    h.edit("P-0007", field: "title")
    let title = try #require(h.text(of: "title"))
    h.press(.ctrl("e"))
    #expect(h.takeEffects() == [.openExternalEditor(title)])
    #expect(h.terminal.suspensions == 1)
    #expect(h.terminal.resumptions == 1)
    #expect(!h.terminal.isSuspended)
    #expect(h.text(of: "title") == "Written in the editor")
  }

  @Test func anEditorThatFailsChangesNothing() throws {
    let h = try DashboardHarness(environment: ["VISUAL": "false"])
    h.edit("P-0007", field: "title")
    let title = try #require(h.text(of: "title"))
    h.press(.ctrl("e"))
    #expect(h.takeEffects() == [.openExternalEditor(title)])
    #expect(h.text(of: "title") == title)
    #expect(h.state.status?.text == "the editor did not run (is $EDITOR set?); nothing changed")
    #expect(!h.terminal.isSuspended)
  }

  /// SIGHUP with a changed form keeps a draft; the next start offers it;
  /// restoring it asks for `discardDraft`, which removes the file.
  @Test func discardDraftRemovesTheDraftKeptWhenTheLinkDropped() throws {
    let first = try DashboardHarness()
    first.edit("P-0007", field: "title")
    first.retype("Half-typed before the link dropped")
    first.runtime.step(.signal(SIGHUP))
    #expect(first.runtime.exitStatus == 128 + SIGHUP)
    let drafts = first.program.drafts
    #expect(FileManager.default.fileExists(atPath: drafts.path))

    let second = try DashboardHarness(data: (first.root, first.directory))
    guard case .restoreDraft(let draft, _)? = second.state.dialog else {
      Issue.record("no draft offered: \(String(describing: second.state.dialog))")
      return
    }
    #expect(draft.recordID == "P-0007")
    second.press(.character("r"))
    #expect(second.takeEffects() == [.discardDraft])
    #expect(second.text(of: "title") == "Half-typed before the link dropped")
    // The old draft is gone; the restored form is this session's draft now
    // (kept current on every change), until it is saved or left.
    #expect(drafts.load()?.payload == second.state.form?.draftPayload)
    second.press(.escape, .character("y"))
    #expect(!FileManager.default.fileExists(atPath: drafts.path))
  }

  @Test func saveDeleteAndRevertAreAskedForOnceEachAndKeepTheHistory() throws {
    let h = try DashboardHarness()
    let original = try #require(try h.onDisk("P-0007"))
    h.edit("P-0007", field: "title")
    h.retype("Gwadar water reuse plant")
    _ = h.takeEffects()
    h.press(.ctrl("s"))
    var expected = original
    expected.title = "Gwadar water reuse plant"
    #expect(h.takeEffects() == [.save(RecordEdit(expected, original: original), verb: "saved"), .persistHistory])
    let saved = try #require(try h.onDisk("P-0007"))
    #expect(saved.title == "Gwadar water reuse plant")
    #expect(UndoJournal(dataDirectory: h.directory, user: "tester", environment: ["XDG_STATE_HOME": h.root + "/state"]).load() == h.state.history)

    let change = try #require(h.state.history.undoStack.last)
    guard let recorded = change.typed(Project.self) else {
      Issue.record("the save recorded \(change)")
      return
    }
    #expect(recorded.before == original)
    #expect(recorded.after == saved)
    h.press(.character("u"))
    #expect(h.takeEffects() == [.revert(change, undo: true), .persistHistory])
    #expect(try h.onDisk("P-0007")?.title == original.title)

    h.selectProject("P-0012")
    let doomed = try #require(try h.onDisk("P-0012"))
    _ = h.takeEffects()
    h.press(.character("D"), .character("y"))
    #expect(h.takeEffects() == [.delete(AnyEditableRecord(doomed)), .persistHistory])
    #expect(try h.onDisk("P-0012") == nil)
  }

  @Test func deleteActivityOnTheEnvoysScreen() throws {
    let h = try DashboardHarness()
    h.press(.character("5"))
    let activity = try #require(h.state.envoys.selectedActivity(h.state.data))
    h.press(.character("D"), .character("y"))
    #expect(h.takeEffects() == [.delete(AnyEditableRecord(activity)), .persistHistory])
    #expect(try h.store.load().dataSet.activities.contains { $0.id == activity.id } == false)
  }

  @Test func aConflictAsksForNoHistory() throws {
    let h = try DashboardHarness()
    h.edit("P-0007", field: "title")
    try h.colleagueSaves("P-0007") { $0.delivery = .offTrack }
    h.retype("Mine")
    _ = h.takeEffects()
    h.press(.ctrl("s"))
    let effects = h.takeEffects()
    #expect(effects.count == 1)
    guard case .save? = effects.first else {
      Issue.record("expected one save, got \(effects)")
      return
    }
    guard case .conflict? = h.state.dialog else {
      Issue.record("no conflict view")
      return
    }
  }
}

/// A shell script standing in for `$VISUAL`, deleted with the value.
final class EditorScript {
  let path: String

  init(body: String) throws {
    path = NSTemporaryDirectory() + "greensilk-editor-" + UUID().uuidString + ".sh"
    try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}
