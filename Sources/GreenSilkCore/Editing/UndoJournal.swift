#if canImport(Glibc)
  import Glibc
#endif

/// The undo and redo stacks kept between sessions, so that `u` after a
/// restart (or after a dropped SSH link) still undoes what this user last
/// changed. One file per user and data directory in the user's state
/// directory, beside the drafts: `<state>/greensilk/undo/<user>-<hash>.jsonl`,
/// one change per line, the records before and after in their file form.
///
/// Undoing a change from an earlier session is as safe as in the same
/// session: the undo is saved through the store with the revision the
/// change left, so a record a colleague changed since is a conflict, not
/// an overwrite.
public struct UndoJournal: Sendable {
  public let path: String
  /// How many undo steps are kept; older ones are dropped.
  public static let depth = 200

  public init(dataDirectory: String, user: String, environment: [String: String]) {
    let directory = DraftStore.stateDirectory("undo", environment: environment)
    path = DraftStore.fileName(
      in: directory, user: user, dataDirectory: DraftStore.absolute(dataDirectory), ext: "jsonl")
  }

  /// Replaces the journal with `history` (atomically: a crash leaves the
  /// old journal or the new one).
  public func save(_ history: ChangeHistory) throws(FileSystemError) {
    var text = ""
    for change in history.undoStack.suffix(Self.depth) { text += Self.line(change, stack: "undo") + "\n" }
    for change in history.redoStack.suffix(Self.depth) { text += Self.line(change, stack: "redo") + "\n" }
    try FileSystem.createDirectory(FileSystem.parentDirectory(of: path))
    try FileSystem.writeAtomically(path, Array(text.utf8))
  }

  /// The kept history; empty when there is none. A line that cannot be
  /// read (a newer version's, a damaged one) is dropped with the lines
  /// before it on its stack, so that undo never skips a step.
  public func load() -> ChangeHistory {
    guard let bytes = try? FileSystem.read(path) else { return ChangeHistory() }
    var undo: [EditedRecord] = []
    var redo: [EditedRecord] = []
    for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
      let entry = try? Self.entry(String(line))
      switch entry {
      case (let change, "undo")?: undo.append(change)
      case (let change, "redo")?: redo.append(change)
      default:
        undo.removeAll()
        redo.removeAll()
      }
    }
    return ChangeHistory(undoStack: undo, redoStack: redo)
  }

  static func line(_ change: EditedRecord, stack: String) -> String {
    var w = JSONWriter()
    w.beginObject()
    w.field("stack", stack)
    change.change.writeJournal(into: &w)
    w.endObject()
    return w.text
  }

  static func entry(_ line: String) throws -> (EditedRecord, String) {
    var stack = "", kind = "", summary = ""
    var before: String?
    var after: String?
    try JSONReader.withReader(line) { r in
      try r.readObject { r, key in
        switch key {
        case "stack": stack = try r.readString()
        case "kind": kind = try r.readString()
        case "summary": summary = try r.readString()
        case "before": before = try r.readOptional { try $0.readRawValue() }
        case "after": after = try r.readOptional { try $0.readRawValue() }
        default: try r.skipValue()
        }
      }
    }
    guard let type = EditableRecords.type(ofKind: kind) else { throw JournalLineError() }
    return (try type.change(before: before, after: after, summary: summary), stack)
  }

  struct JournalLineError: Error {}
}

extension EditableRecord {
  /// A journal line's change, its records read from their file form.
  static func change(before: String?, after: String?, summary: String) throws -> EditedRecord {
    EditedRecord(
      SessionChange(before: try before.map(Self.init(jsonLine:)), after: try after.map(Self.init(jsonLine:)), summary: summary))
  }
}
