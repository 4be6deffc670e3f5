#if canImport(Glibc)
  import Glibc
#endif

/// A form that was open with unsaved changes when the program was told to
/// end (SIGHUP when an SSH link drops, SIGTERM), kept so that the next
/// start can offer it back. The payload is the form's own serialisation
/// (every field's text, even invalid ones), opaque to the store.
public struct Draft: Hashable, Sendable {
  public var dataDirectory: String
  public var savedAt: Timestamp
  /// "project" or "activity".
  public var kind: String
  /// The record's id (a new record's provisional id).
  public var recordID: String
  /// The revision the edit started from; nil for a new record.
  public var baseRevision: Int?
  /// JSON text written and read by the form.
  public var payload: String

  public init(dataDirectory: String, savedAt: Timestamp, kind: String, recordID: String, baseRevision: Int?, payload: String) {
    self.dataDirectory = dataDirectory
    self.savedAt = savedAt
    self.kind = kind
    self.recordID = recordID
    self.baseRevision = baseRevision
    self.payload = payload
  }
}

/// Where drafts live: one file per user and data directory, in the user's
/// state directory (`$XDG_STATE_HOME/greensilk/drafts`, by default
/// `~/.local/state/greensilk/drafts`) — not in the data directory, so that
/// a draft never shows up in the shared data or its git history.
public struct DraftStore: Sendable {
  public let directory: String
  public let dataDirectory: String
  public let user: String

  public init(dataDirectory: String, user: String, environment: [String: String]) {
    self.dataDirectory = DraftStore.absolute(dataDirectory)
    self.user = user
    directory = DraftStore.stateDirectory("drafts", environment: environment)
  }

  /// One draft per user and data directory.
  public var path: String { DraftStore.fileName(in: directory, user: user, dataDirectory: dataDirectory, ext: "json") }

  /// `$XDG_STATE_HOME/greensilk/<name>`, by default
  /// `~/.local/state/greensilk/<name>`: where a user's own files about a
  /// data directory live (drafts, the undo journal), never in the shared
  /// data directory.
  static func stateDirectory(_ name: String, environment: [String: String]) -> String {
    if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/greensilk/" + name }
    return (environment["HOME"] ?? "/tmp") + "/.local/state/greensilk/" + name
  }

  /// `<state directory>/<name>/<user>-<hash of the data directory>.<ext>`:
  /// a user's own file about a data directory (the dashboard's first frame).
  public static func stateFile(
    _ name: String, user: String, dataDirectory: String, ext: String, environment: [String: String]
  ) -> String {
    fileName(
      in: stateDirectory(name, environment: environment), user: user, dataDirectory: absolute(dataDirectory), ext: ext)
  }

  /// One file per user and (absolute) data directory.
  static func fileName(in directory: String, user: String, dataDirectory: String, ext: String) -> String {
    directory + "/" + safe(user) + "-" + hash(dataDirectory) + "." + ext
  }

  /// Writes the draft atomically. `durable: false` skips the fsyncs: the
  /// dashboard keeps its draft current on every key, against a crash of
  /// the process, which a rename survives without them.
  public func save(_ draft: Draft, durable: Bool = true) throws(FileSystemError) {
    try FileSystem.createDirectory(directory)
    var w = JSONWriter()
    w.beginObject()
    w.field("data_directory", draft.dataDirectory)
    w.field("saved_at", draft.savedAt.description)
    w.field("kind", draft.kind)
    w.field("record_id", draft.recordID)
    if let base = draft.baseRevision { w.field("base_revision", base) }
    w.key("payload")
    w.raw(draft.payload)
    w.endObject()
    try FileSystem.writeAtomically(path, Array((w.text + "\n").utf8), durable: durable)
  }

  /// The saved draft, if any (an unreadable one is treated as none).
  public func load() -> Draft? {
    guard let bytes = try? FileSystem.read(path) else { return nil }
    var draft = Draft(dataDirectory: "", savedAt: Timestamp(secondsSinceEpoch: 0), kind: "", recordID: "", baseRevision: nil, payload: "{}")
    do {
      try JSONReader.withReader(String(decoding: bytes, as: UTF8.self)) { r in
        try r.readObject { r, key in
          switch key {
          case "data_directory": draft.dataDirectory = try r.readString()
          case "saved_at": draft.savedAt = try r.readTimestamp()
          case "kind": draft.kind = try r.readString()
          case "record_id": draft.recordID = try r.readString()
          case "base_revision": draft.baseRevision = try r.readOptional { try $0.readInt() }
          case "payload": draft.payload = try r.readRawValue()
          default: try r.skipValue()
          }
        }
      }
    } catch {
      return nil
    }
    return draft.dataDirectory == dataDirectory ? draft : nil
  }

  public func discard() { unlink(path) }

  static func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    if let resolved = realpath(path, &buffer) { return String(cString: resolved) }
    return path
  }

  static func safe(_ text: String) -> String {
    String(text.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
  }

  /// FNV-1a of the path, as hex: short, stable, file-name safe.
  static func hash(_ text: String) -> String {
    FNV1a.hex(FNV1a.hash(text))
  }
}
