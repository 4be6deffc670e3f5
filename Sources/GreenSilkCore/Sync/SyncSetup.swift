/// `greensilk sync init`: makes the data directory a git repository if it
/// is not one, writes `.gitattributes` (every file through our merge
/// driver, which dispatches by file kind) and `.gitignore` (the store's
/// lock and temporary files), registers the driver in the local git
/// config, makes the first commit and pushes when a hub is given. In a
/// directory made by `git clone` it only installs the driver. Idempotent.
public struct SyncSetup: Sendable {
  public static let attributes = "# GreenSilk: data files merge by record id (greensilk merge-driver)\n* merge=greensilk\n"
  /// The store's lock, its write-ahead intent (left by a save that was
  /// killed, until the next write recovers it), unfinished atomic writes
  /// and the staging folder of projects in parts: never data to commit.
  public static let ignored =
    "# GreenSilk: the store's lock and unfinished atomic writes\n.greensilk.lock\n.greensilk.pending\n.*.tmp-*\n.projects.next/\n"

  public var repository: SyncRepository
  /// The command git runs to merge, up to the arguments (the greensilk
  /// binary's absolute path).
  public var executable: String

  public init(directory: String, displayDirectory: String? = nil, executable: String) {
    repository = SyncRepository(directory: directory, displayDirectory: displayDirectory)
    self.executable = executable
  }

  /// Returns the lines to print: what it did.
  public func run(remote: String?) throws(SyncError) -> [String] {
    var repo = repository
    var done: [String] = []
    if !repo.isRepository {
      try repo.git.must(["init", "-q", "-b", "main"], doing: "create the repository")
      done.append("made \(repo.displayDirectory) a git repository (branch main)")
    }
    try repo.ensureIdentity()
    // git runs the driver through the shell: the path is single-quoted.
    let quoted = "'" + executable.replacingAll("'", with: "'\\''") + "'"
    let driver = "\(quoted) merge-driver %O %A %B %P"
    let baseDriver = "\(quoted) merge-driver --virtual-base %O %A %B %P"
    let settings = [
      ("merge.greensilk.name", "GreenSilk records by id"), ("merge.greensilk.driver", driver),
      // Criss-cross merges first merge their common ancestors into a
      // virtual base: a driver that keeps disagreements open there.
      ("merge.greensilk.recursive", "greensilk-base"),
      ("merge.greensilk-base.name", "GreenSilk records by id, for a virtual merge base"),
      ("merge.greensilk-base.driver", baseDriver),
    ]
    var changed = false
    for (name, value) in settings where try repo.git.run(["config", "--local", name]).text != value {
      try repo.git.must(["config", "--local", name, value], doing: "configure the merge driver")
      changed = true
    }
    if changed { done.append("registered the merge driver: \(driver)") }
    for (name, text) in [(".gitattributes", Self.attributes), (".gitignore", Self.ignored)] {
      if try Self.addMissingLines(text, to: name, in: repo.directory) { done.append("wrote \(name)") }
    }
    if let remote {
      if let existing = try repo.remoteURL() {
        if existing != remote {
          try repo.git.must(["remote", "set-url", SyncRepository.remoteName, remote], doing: "set the hub")
          done.append("hub is now \(remote)")
        }
      } else {
        try repo.git.must(["remote", "add", SyncRepository.remoteName, remote], doing: "add the hub")
        done.append("hub: \(remote)")
      }
    }
    let engine = SyncEngine(directory: repo.directory, displayDirectory: repo.displayDirectory)
    let hadCommit = try repo.hasCommit("HEAD")
    let commit = { () throws(SyncError) -> String? in
      for line in try repo.recover() { done.append("recovered: \(line)") }
      return try engine.commitPending(repo)
    }
    if let subject = try engine.underLock(commit) {
      done.append(hadCommit ? "committed: \(subject)" : "first commit: \(subject)")
    }
    if remote != nil {
      let report = try engine.sync()
      done.append("synced with the hub: \(report.summary)")
    }
    if done.isEmpty { done.append("already set up: nothing to do") }
    return done
  }
}

extension SyncSetup {
  /// Appends to `name` the lines of `text` it lacks (comments aside), so
  /// a directory set up by an older GreenSilk gains new ignore lines (the
  /// parts' staging folder) and a user's own lines stay. Whether it wrote.
  static func addMissingLines(_ text: String, to name: String, in directory: String) throws(SyncError) -> Bool {
    let path = FileSystem.join(directory, name)
    let current = (try? FileSystem.read(path)).flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) } ?? ""
    let have = Set(current.split(separator: "\n").map { String($0).trimmingSpaces() })
    let lines = text.split(separator: "\n").map(String.init)
    let missing = lines.filter { !$0.hasPrefix("#") && !have.contains($0) }
    guard !missing.isEmpty else { return false }
    // A file that has none of our lines gets the whole text, its comment too.
    let added = missing.count == lines.filter { !$0.hasPrefix("#") }.count ? text : missing.joined(separator: "\n") + "\n"
    let separator = current.isEmpty || current.hasSuffix("\n") ? "" : "\n"
    do {
      try FileSystem.writeAtomically(path, Array((current + separator + added).utf8))
    } catch {
      throw SyncError.gitFailed(doing: "write \(name)", message: error.description)
    }
    return true
  }
}

extension String {
  func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
  }
}

/// `greensilk sync status`: where this office stands.
public struct SyncStatus: Hashable, Sendable {
  public var remote: String?
  public var ahead: Int?
  public var behind: Int?
  public var pendingFiles: [String]
  public var lastSync: Timestamp?
  public var conflicts: [HeldConflictLocation]

  public init(
    remote: String?, ahead: Int?, behind: Int?, pendingFiles: [String], lastSync: Timestamp?,
    conflicts: [HeldConflictLocation]
  ) {
    self.remote = remote
    self.ahead = ahead
    self.behind = behind
    self.pendingFiles = pendingFiles
    self.lastSync = lastSync
    self.conflicts = conflicts
  }

  public static func read(directory: String, displayDirectory: String? = nil) throws(SyncError) -> SyncStatus {
    let repo = SyncRepository(directory: directory, displayDirectory: displayDirectory)
    guard repo.isRepository else { throw SyncError.notARepository(repo.displayDirectory) }
    let counts = try repo.aheadBehind()
    return SyncStatus(
      remote: try repo.remoteURL(), ahead: counts?.ahead, behind: counts?.behind,
      pendingFiles: try repo.changedFiles(), lastSync: repo.lastSync(),
      conflicts: HeldConflictLocation.scan(directory: directory))
  }

  /// "↑2 ↓0 · synced 10:42 · 1 conflict" (times in UTC, as the audit).
  public var line: String {
    var parts: [String] = []
    if remote == nil { parts.append("no hub") } else { parts.append("↑\(ahead ?? 0) ↓\(behind ?? 0)") }
    if !pendingFiles.isEmpty { parts.append("\(pendingFiles.count) unsynced file\(pendingFiles.count == 1 ? "" : "s")") }
    if let lastSync {
      let text = lastSync.description  // 2026-12-02T10:42:00Z
      parts.append("synced " + String(text.dropFirst(11).prefix(5)))
    } else {
      parts.append("never synced")
    }
    if !conflicts.isEmpty { parts.append("\(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s")") }
    return parts.joined(separator: " · ")
  }
}
