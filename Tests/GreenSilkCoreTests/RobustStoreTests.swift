import Foundation
import Synchronization
import Testing

@testable import GreenSilkCore

/// Issue 16, the store's half: a save notices any change on disk whatever
/// `rev` says (item 1); the audit is written first, as an intent, and
/// reconciled (item 2); a writer notices its file replaced under it, and
/// hand edits go through `HandEdit` (item 3).
@Suite(.serialized) struct RobustStoreTests {
  static let user = UserIdentity(login: "tester")
  static func editor(_ dir: TempDataDirectory) -> RecordEditor {
    RecordEditor(store: dir.store, user: user, now: { Timestamp(secondsSinceEpoch: 1_790_000_000) })
  }

  /// Rewrites one project's line as a text editor would: other fields
  /// changed, `rev` left as it was.
  static func handEdit(_ dir: TempDataDirectory, _ id: String, _ change: (inout Project) -> Void) throws {
    let lines = try dir.read("projects.jsonl").split(separator: "\n").map { line -> String in
      guard var project = try? Project(jsonLine: String(line)), project.id == id else { return String(line) }
      change(&project)
      return project.jsonLine
    }
    try dir.write("projects.jsonl", lines)
  }

  /// The store error a save throws, nil when it succeeds.
  static func failure(_ body: () throws(StoreError) -> Void) -> StoreError? {
    do {
      try body()
      return nil
    } catch {
      return error
    }
  }

  // MARK: item 1

  @Test func aHandEditThatKeptTheRevisionIsAConflictNotAnOverwrite() throws {
    let dir = try TempDataDirectory()
    let original = try #require(try dir.store.load().dataSet.project(id: "P-0002"))
    try Self.handEdit(dir, "P-0002") {
      $0.summary = "Edited by hand"
      $0.budget = Budget(currency: "USD", amount: 42_000_000)
    }
    var mine = original
    mine.title = "My title"
    let error = Self.failure { () throws(StoreError) in _ = try Self.editor(dir).update(mine, from: original) }
    if case .conflict(let conflict)? = error {
      #expect(conflict.kind == .changed(revision: original.revision))
      #expect(conflict.description.contains("without a new revision"))
      #expect(conflict.onDisk(as: Project.self)?.summary == "Edited by hand")
    } else {
      Issue.record("the save overwrote the hand edit: \(String(describing: error))")
    }
    let onDisk = try #require(try dir.store.load().dataSet.project(id: "P-0002"))
    #expect(onDisk.summary == "Edited by hand")
    #expect(onDisk.title == original.title)
    #expect(try AuditLog.read(dir.store).entries.isEmpty)
  }

  @Test func aDataDirectoryReplacedByAnotherWithEqualRevisionsIsAConflict() throws {
    let dir = try TempDataDirectory()
    let original = try #require(try dir.store.load().dataSet.project(id: "P-0001"))
    // Another data set, same ids and revisions, other contents, moved in
    // where the data directory was.
    let other = try TempDataDirectory()
    try Self.handEdit(other, "P-0001") {
      $0.title = "Another data set's project"
      $0.summary = "Another summary"
    }
    let aside = dir.path + ".old"
    try FileManager.default.moveItem(atPath: dir.path, toPath: aside)
    try FileManager.default.moveItem(atPath: other.path, toPath: dir.path)
    defer { try? FileManager.default.removeItem(atPath: aside) }
    var mine = original
    mine.summary = "Mine"
    #expect(throws: StoreError.self) { try Self.editor(dir).update(mine, from: original) }
    #expect(try dir.store.load().dataSet.project(id: "P-0001")?.title == "Another data set's project")
  }

  @Test func anUnchangedRecordStillSavesAndAReformattedLineIsNoConflict() throws {
    let dir = try TempDataDirectory()
    let original = try #require(try dir.store.load().dataSet.project(id: "P-0003"))
    // The same content in another layout (spaces after the separators).
    let lines = try dir.read("projects.jsonl").split(separator: "\n").map { line -> String in
      line.hasPrefix("{\"id\":\"P-0003\"") ? line.replacingOccurrences(of: "\",\"", with: "\", \"") : String(line)
    }
    try dir.write("projects.jsonl", lines)
    var mine = original
    mine.title = "Still mine"
    let saved = try Self.editor(dir).update(mine, from: original)
    #expect(saved.revision == original.revision + 1)
    // And undo (a save from what this session wrote) works on top of it.
    let undone = try Self.editor(dir).update(original, from: saved)
    #expect(undone.title == original.title)
  }

  // MARK: item 2

  @Test func theAuditIntentIsWrittenBeforeTheDataAndTaggedWithOneTransaction() throws {
    let dir = try TempDataDirectory()
    let original = try #require(try dir.store.load().dataSet.project(id: "P-0002"))
    let seenAtRename = Mutex<[AuditEntry]>([])
    // (Hooks are global: each acts only on its own directory, as suites run in parallel.)
    let store = dir.store
    FileStore.afterWriteHook.withLock {
      $0 = { path in
        if path.hasPrefix(store.directory + "/") {
          let entries = (try? AuditLog.readRaw(store)) ?? []
          seenAtRename.withLock { $0 = entries }
        }
      }
    }
    defer { FileStore.afterWriteHook.withLock { $0 = nil } }
    var mine = original
    mine.title = "Audited first"
    try Self.editor(dir).update(mine, from: original)
    // When the data file was renamed into place, its entry was already there.
    #expect(seenAtRename.withLock { $0 }.map(\.id) == ["P-0002"])
    let entries = try AuditLog.read(dir.store).entries
    #expect(entries.count == 1)
    #expect(entries[0].txn != nil)
    #expect(!FileManager.default.fileExists(atPath: dir.path + "/" + WriteAheadAudit.pendingFileName))
  }

  /// A writer that died between its intent and its data: the next writer
  /// withdraws the intent; readers drop it even before that.
  @Test func anIntentWhoseDataNeverLandedIsWithdrawnAtTheNextLock() throws {
    let dir = try TempDataDirectory()
    let store = dir.store
    let before = try dir.bytes("projects.jsonl")
    // Play the dead writer: its pending file and its tagged entry, no data.
    let line = Array(#"{"id":"P-0002","rev":4,"title":"never landed"}"#.utf8)
    let pending = WriteAheadAudit.Pending(
      txn: "dead-1", file: .projects, present: [WriteAheadAudit.digest(line)], absent: [])
    try WriteAheadAudit.begin(
      store, pending,
      entries: [
        AuditEntry(
          at: Timestamp(secondsSinceEpoch: 1), user: Self.user, action: "import", file: .projects, id: "P-0002",
          revision: 4, changes: [])
      ]
    ) { entries throws(FileSystemError) in try store.appendAuditLocked(entries) }
    #expect(WriteAheadAudit.outcome(of: pending, in: store) == .notLanded)
    // Read-only readers already leave it out.
    #expect(try AuditLog.read(store).entries.isEmpty)
    // The next writer settles it.
    let original = try #require(try store.load().dataSet.project(id: "P-0001"))
    var mine = original
    mine.title = "Next writer"
    try Self.editor(dir).update(mine, from: original)
    let raw = try AuditLog.readRaw(store)
    #expect(raw.map(\.action) == ["import", WriteAheadAudit.abandonedAction, "update"])
    #expect(raw[1].txn == "dead-1")
    #expect(try AuditLog.read(store).entries.map(\.id) == ["P-0001"])
    #expect(WriteAheadAudit.pending(store) == nil)
    #expect(before != (try dir.bytes("projects.jsonl")))
  }

  @Test func anIntentWhoseDataLandedIsKeptAtTheNextLock() throws {
    let dir = try TempDataDirectory()
    let store = dir.store
    let original = try #require(try store.load().dataSet.project(id: "P-0002"))
    var mine = original
    mine.title = "Landed"
    try Self.editor(dir).update(mine, from: original)
    // As if the writer had died after the rename, before removing the
    // pending file: the file holds the new line.
    let newLine = try dir.read("projects.jsonl").split(separator: "\n").first { $0.hasPrefix("{\"id\":\"P-0002\"") }
    let txn = try #require(try AuditLog.read(store).entries.last?.txn)
    let pending = WriteAheadAudit.Pending(
      txn: txn, file: .projects, present: [WriteAheadAudit.digest(Array(try #require(newLine).utf8))], absent: [])
    try FileSystem.writeAtomically(dir.path + "/" + WriteAheadAudit.pendingFileName, Array(pending.jsonText.utf8))
    #expect(WriteAheadAudit.outcome(of: pending, in: store) == .landed)
    try store.appendAudit([])
    #expect(try AuditLog.readRaw(store).map(\.action) == ["update"])
    #expect(WriteAheadAudit.pending(store) == nil)
  }

  // MARK: item 3

  @Test func aFileReplacedRightAfterTheWriteIsReportedAndAudited() throws {
    let dir = try TempDataDirectory()
    let original = try #require(try dir.store.load().dataSet.project(id: "P-0002"))
    let stale = try dir.bytes("projects.jsonl")
    // An editor that read the file before and writes its buffer back now.
    let directory = dir.path
    FileStore.afterWriteHook.withLock {
      $0 = { path in
        guard path.hasPrefix(directory + "/") else { return }
        try? Data(stale).write(to: URL(fileURLWithPath: path + ".editor"))
        rename(path + ".editor", path)
      }
    }
    defer { FileStore.afterWriteHook.withLock { $0 = nil } }
    var mine = original
    mine.title = "Gone?"
    let error = Self.failure { () throws(StoreError) in _ = try Self.editor(dir).update(mine, from: original) }
    if case .replaced(let replaced)? = error {
      #expect(replaced.file == .projects)
      #expect(replaced.description.contains("was replaced by another program"))
    } else {
      Issue.record("the writer did not notice: \(String(describing: error))")
    }
    #expect(try AuditLog.read(dir.store).entries.map(\.action) == ["update", ReplacedUnderWriter.auditAction])
  }

  @Test func aHandEditBumpsTheRevisionsOfChangedRecordsOnlyAndAuditsThem() throws {
    let dir = try TempDataDirectory()
    let base = try dir.bytes("projects.jsonl")
    var lines = try dir.read("projects.jsonl").split(separator: "\n").map(String.init)
    let p1 = try Project(jsonLine: lines[0])
    lines[1] = lines[1].replacingOccurrences(of: "\"title\":\"", with: "\"title\":\"Hand: ")
    lines.remove(at: 2)
    lines.append(Project(id: "P-0009", revision: 7, title: "New by hand", stage: .concept).jsonLine)
    let edited = Array(lines.map { $0 + "\n" }.joined().utf8)
    let now = Timestamp(secondsSinceEpoch: 1_790_000_000)
    let edit = HandEdit<Project>(base: base, edited: edited, displayName: "copy.jsonl", user: Self.user, now: now)
    #expect(edit.problems == [])
    #expect((edit.created, edit.updated, edit.deleted) == (1, 1, 1))
    try dir.store.replace(edit, ifStill: base)
    let data = try dir.store.load().dataSet
    #expect(data.project(id: "P-0001") == p1)  // untouched, same revision
    let changed = try #require(data.project(id: "P-0002"))
    #expect(changed.title.hasPrefix("Hand: "))
    #expect(changed.revision == Fixtures.projects[1].revision + 1)
    #expect(changed.changedBy == "tester")
    #expect(data.project(id: "P-0003") == nil)
    #expect(data.project(id: "P-0009")?.revision == 1)
    let audit = try AuditLog.read(dir.store).entries
    #expect(audit.map(\.id).sorted() == ["P-0002", "P-0003", "P-0009"])
    #expect(Set(audit.compactMap(\.txn)).count == 1)
  }

  @Test func aHandEditWithABadLineNamesItsLineAndWritesNothing() throws {
    let dir = try TempDataDirectory()
    let base = try dir.bytes("projects.jsonl")
    var lines = try dir.read("projects.jsonl").split(separator: "\n").map(String.init)
    lines[1] = String(lines[1].dropLast())  // a missing brace
    let edited = Array(lines.map { $0 + "\n" }.joined().utf8)
    let edit = HandEdit<Project>(
      base: base, edited: edited, displayName: "copy.jsonl", user: Self.user, now: Timestamp(secondsSinceEpoch: 0))
    #expect(edit.problems.map(\.line) == [2])
    #expect(edit.problems.first?.description.hasPrefix("copy.jsonl:2: ") == true)
  }

  @Test func aHandEditOfAFileSavedMeanwhileIsRefused() throws {
    let dir = try TempDataDirectory()
    let base = try dir.bytes("projects.jsonl")
    let edited = Array(
      try dir.read("projects.jsonl").replacingOccurrences(of: "\"title\":\"", with: "\"title\":\"X ").utf8)
    let edit = HandEdit<Project>(
      base: base, edited: edited, displayName: "copy.jsonl", user: Self.user, now: Timestamp(secondsSinceEpoch: 0))
    let original = try #require(try dir.store.load().dataSet.project(id: "P-0001"))
    var theirs = original
    theirs.summary = "Saved meanwhile"
    try Self.editor(dir).update(theirs, from: original)
    #expect(throws: StoreError.self) { try dir.store.replace(edit, ifStill: base) }
    #expect(try dir.store.load().dataSet.project(id: "P-0001")?.summary == "Saved meanwhile")
  }
}
