#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The data directory as a git repository: the questions a sync asks of
/// it, and the repairs after an interrupted sync.
public struct SyncRepository: Sendable {
  public let directory: String
  public let displayDirectory: String
  public var git: GitRunner

  public static let remoteName = "origin"
  static let driverName = "greensilk"
  /// Files in `.git` that are ours (never part of the data).
  static let lastSyncFile = "greensilk-last-sync"
  static let mergingFile = "greensilk-merging"

  public init(directory: String, displayDirectory: String? = nil) {
    self.directory = directory
    self.displayDirectory = displayDirectory ?? directory
    git = GitRunner(directory: directory)
    // A save of projects in parts hard-links every unchanged part into a
    // new folder (`ProjectFolderWriter`): content, inode and mtime stay,
    // but link() and unlink() change the ctime, so git would hash all 64
    // parts (80 MB at GCDF scale) again on each `status` and `add`.
    git.settings = ["core.trustctime=false"]
  }

  public var gitDirectory: String { FileSystem.join(directory, ".git") }
  public var isRepository: Bool { FileSystem.isDirectory(gitDirectory) }

  func gitFile(_ name: String) -> String { FileSystem.join(gitDirectory, name) }

  /// Commits need an author: the office's git identity, else the login
  /// name at this host.
  mutating func ensureIdentity() throws(SyncError) {
    let name = try git.run(["config", "user.name"]).text
    let email = try git.run(["config", "user.email"]).text
    let user = UserIdentity.current(environment: GitRunner.processEnvironment())
    var host = [CChar](repeating: 0, count: 256)
    gethostname(&host, 255)
    let hostName = host.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    if name.isEmpty { git.settings.append("user.name=\(user.login)") }
    if email.isEmpty { git.settings.append("user.email=\(user.login)@\(hostName.isEmpty ? "localhost" : hostName)") }
  }

  public func branch() throws(SyncError) -> String {
    let result = try git.run(["symbolic-ref", "--short", "-q", "HEAD"])
    return result.succeeded && !result.text.isEmpty ? result.text : "main"
  }

  public func hasRemote() throws(SyncError) -> Bool {
    try git.run(["remote", "get-url", Self.remoteName]).succeeded
  }

  public func remoteURL() throws(SyncError) -> String? {
    let result = try git.run(["remote", "get-url", Self.remoteName])
    return result.succeeded ? result.text : nil
  }

  func hasCommit(_ ref: String) throws(SyncError) -> Bool {
    try git.run(["rev-parse", "-q", "--verify", ref + "^{commit}"]).succeeded
  }

  func head() throws(SyncError) -> String? {
    let result = try git.run(["rev-parse", "-q", "--verify", "HEAD"])
    return result.succeeded ? result.text : nil
  }

  /// Paths with uncommitted changes (added, changed, deleted, untracked).
  func changedFiles() throws(SyncError) -> [String] {
    let result = try git.must(["status", "--porcelain=v1", "-z", "--untracked-files=all"], doing: "list changes")
    var paths: [String] = []
    var skipNext = false
    for entry in result.output.split(separator: "\0", omittingEmptySubsequences: true) {
      if skipNext {
        skipNext = false
        continue
      }
      guard entry.count > 3 else { continue }
      let status = entry.prefix(2)
      paths.append(String(entry.dropFirst(3)))
      if status.contains("R") || status.contains("C") { skipNext = true }
    }
    return paths
  }

  /// (ahead, behind) of the hub's branch as last fetched; nil without one.
  public func aheadBehind() throws(SyncError) -> (ahead: Int, behind: Int)? {
    let upstream = "\(Self.remoteName)/\(try branch())"
    guard try hasCommit(upstream), try hasCommit("HEAD") else {
      if try hasCommit("HEAD"), try hasRemote() {
        let count = Int(try git.run(["rev-list", "--count", "HEAD"]).text) ?? 0
        return (count, 0)
      }
      return nil
    }
    let counts = try git.must(["rev-list", "--left-right", "--count", "HEAD...\(upstream)"], doing: "count commits").text
    let parts = counts.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Int($0) }
    return parts.count == 2 ? (parts[0], parts[1]) : nil
  }

  public func lastSync() -> Timestamp? {
    guard let bytes = try? FileSystem.read(gitFile(Self.lastSyncFile)) else { return nil }
    return Int64(String(decoding: bytes, as: UTF8.self).trimmingSpaces()).map(Timestamp.init(secondsSinceEpoch:))
  }

  func recordSync(at time: Timestamp) {
    try? FileSystem.writeAtomically(gitFile(Self.lastSyncFile), Array("\(time.secondsSinceEpoch)\n".utf8))
  }

  /// Repairs what a sync killed half way leaves (called under the store's
  /// lock, which every sync holds while it changes the working tree):
  /// - a merge cut off after git recorded it (`MERGE_HEAD`) is aborted;
  /// - a merge cut off before that left our marker with the commit it
  ///   started from: everything local was committed before it began (the
  ///   lock kept saves out), so the working tree is put back to that commit;
  /// - git's own `index.lock` left by a killed git is removed once no git
  ///   has touched it for a few seconds.
  /// Returns what it did, for the progress line.
  func recover() throws(SyncError) -> [String] {
    var done: [String] = []
    let indexLock = gitFile("index.lock")
    var waited = 0
    while FileSystem.exists(indexLock) && waited < 50 {
      usleep(100_000)
      waited += 1
    }
    if FileSystem.exists(indexLock) {
      unlink(indexLock)
      done.append("removed a stale git index lock")
    }
    if FileSystem.exists(gitFile("MERGE_HEAD")) {
      if !(try git.run(["merge", "--abort"]).succeeded) { _ = try git.run(["reset", "--merge"]) }
      done.append("undid a merge left half done")
    }
    if let bytes = try? FileSystem.read(gitFile(Self.mergingFile)) {
      let started = String(decoding: bytes, as: UTF8.self).trimmingSpaces()
      if try head() == started {
        try git.must(["reset", "-q", "--hard", started], doing: "restore the files a cut-off merge changed")
        done.append("restored the files of a merge left half done")
      }
      unlink(gitFile(Self.mergingFile))
    }
    return done
  }
}

extension GitRunner {
  static func processEnvironment() -> [String: String] {
    var env: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
      let text = String(cString: entry)
      if let equals = text.firstIndex(of: "=") {
        env[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      pointer += 1
    }
    return env
  }
}
