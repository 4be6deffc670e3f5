/// What one sync did.
public struct SyncReport: Sendable, Equatable {
  public var committed: String?
  public var pulled = 0
  public var pushed = 0
  public var recovered: [String] = []
  public var hasHub = true
  /// Records holding a conflict after the sync.
  public var conflicts: [HeldConflictLocation] = []

  public var summary: String {
    var parts: [String] = []
    if let committed { parts.append("committed: \(committed)") }
    if !hasHub {
      parts.append("no hub configured: committed locally only")
    } else {
      parts.append("received \(pulled) commit\(pulled == 1 ? "" : "s"), sent \(pushed)")
    }
    if !conflicts.isEmpty {
      parts.append("\(conflicts.count) record\(conflicts.count == 1 ? "" : "s") in conflict (greensilk sync status lists them)")
    }
    return parts.joined(separator: "; ")
  }
}

/// `greensilk sync`: commit local edits, fetch the hub, merge with the
/// record-aware driver, push; a push the hub refuses (someone pushed
/// first) is fetched, merged and retried. Local work is never at risk:
/// it is committed before any network step, the working tree only
/// changes inside `git merge` under the store's lock (so no save
/// interleaves), and a merge that cannot finish is undone.
public struct SyncEngine: Sendable {
  public var repository: SyncRepository
  public var pushAttempts = 5

  public init(directory: String, displayDirectory: String? = nil) {
    repository = SyncRepository(directory: directory, displayDirectory: displayDirectory)
  }

  public func sync(progress: (String) -> Void = { _ in }) throws(SyncError) -> SyncReport {
    var repo = repository
    guard repo.isRepository else { throw SyncError.notARepository(repo.displayDirectory) }
    try repo.ensureIdentity()
    var report = SyncReport()
    let branch = try repo.branch()

    progress("committing local changes")
    try underLock { () throws(SyncError) in
      report.recovered = try repo.recover()
      // A directory set up before projects came in parts lacks the
      // staging folder's ignore line: added (and committed) here.
      _ = try SyncSetup.addMissingLines(SyncSetup.ignored, to: ".gitignore", in: repo.directory)
      report.committed = try commitPending(repo)
    }
    guard try repo.hasRemote() else {
      report.hasHub = false
      repo.recordSync(at: .now())
      report.conflicts = HeldConflictLocation.scan(directory: repo.directory)
      return report
    }
    let upstream = "\(SyncRepository.remoteName)/\(branch)"
    var attempt = 0
    while true {
      attempt += 1
      progress("fetching from the hub")
      try repo.git.must(["fetch", "-q", SyncRepository.remoteName], doing: "fetch from the hub")
      if try repo.hasCommit(upstream) {
        let behind = Int(try repo.git.must(["rev-list", "--count", "HEAD..\(upstream)"], doing: "count").text) ?? 0
        if behind > 0 {
          progress("merging \(behind) commit\(behind == 1 ? "" : "s") from the hub")
          try underLock { () throws(SyncError) in
            _ = try repo.recover()
            if let more = try commitPending(repo) {
              report.committed = report.committed.map { $0 + "; " + more } ?? more
            }
            try merge(repo, upstream: upstream)
          }
          report.pulled += behind
        }
      }
      let ahead =
        try repo.hasCommit(upstream)
        ? Int(try repo.git.must(["rev-list", "--count", "\(upstream)..HEAD"], doing: "count").text) ?? 0
        : Int(try repo.git.run(["rev-list", "--count", "HEAD"]).text) ?? 0
      if ahead == 0 { break }
      progress("sending \(ahead) commit\(ahead == 1 ? "" : "s") to the hub")
      let push = try repo.git.run(["push", "-q", SyncRepository.remoteName, "HEAD:refs/heads/\(branch)"])
      if push.succeeded {
        report.pushed += ahead
        // The hub's branch is now our HEAD: say so locally rather than
        // fetch again (one SSH connection less).
        _ = try repo.git.run(["update-ref", "refs/remotes/\(upstream)", "HEAD"])
        break
      }
      let error = SyncError.classify(push, doing: "push to the hub")
      guard case .pushRejected = error, attempt < pushAttempts else { throw error }
      progress("the hub has newer changes: merging them first")
    }
    repo.recordSync(at: .now())
    report.conflicts = HeldConflictLocation.scan(directory: repo.directory)
    return report
  }

  func underLock<T>(_ body: () throws(SyncError) -> T) throws(SyncError) -> T {
    let lock: DirectoryLock
    do {
      lock = try DirectoryLock(directory: repository.directory)
    } catch {
      throw SyncError.gitFailed(doing: "lock the data directory", message: error.description)
    }
    defer { lock.release() }
    return try body()
  }

  /// Commits every pending change of the data directory, after checking
  /// each changed file loads line by line. Returns the commit's subject,
  /// nil when nothing was pending.
  func commitPending(_ repo: SyncRepository) throws(SyncError) -> String? {
    let changed = try repo.changedFiles()
    guard !changed.isEmpty else { return nil }
    let problems = SyncPreflight.problems(
      directory: repo.directory, displayDirectory: repo.displayDirectory, files: changed)
    if !problems.isEmpty { throw SyncError.badDataFiles(problems.map(\.description)) }
    try repo.git.must(["add", "-A"], doing: "stage the changes")
    let staged = try repo.git.must(["diff", "--cached", "--name-only"], doing: "list staged files").text
    guard !staged.isEmpty else { return nil }
    let files = staged.split(separator: "\n").map(String.init)
    let auditFiles = files.filter { if case .appendOnlyLog = MergeKind.of(path: $0) { true } else { false } }
    var auditLines: [String] = []
    if !auditFiles.isEmpty {
      let diff = try repo.git.must(
        ["diff", "--cached", "--no-color", "--no-ext-diff", "-U0", "--"] + auditFiles, doing: "read the audit")
      auditLines = diff.output.split(separator: "\n").filter { $0.hasPrefix("+{") }.map { String($0.dropFirst()) }
    }
    let message = CommitMessage.make(auditLines: auditLines, files: files)
    var arguments = ["commit", "-q", "--no-verify", "-m", message.subject]
    if !message.body.isEmpty { arguments += ["-m", message.body] }
    try repo.git.must(arguments, doing: "commit")
    return message.subject
  }

  /// Merges the hub's branch with our driver; a merge that leaves any
  /// conflict (a file the driver hands to git's text merge) is undone.
  func merge(_ repo: SyncRepository, upstream: String) throws(SyncError) {
    guard let start = try repo.head() else {
      try repo.git.must(["reset", "-q", "--hard", upstream], doing: "take the hub's data")
      return
    }
    let marker = repo.gitFile(SyncRepository.mergingFile)
    do {
      try FileSystem.writeAtomically(marker, Array((start + "\n").utf8))
    } catch {
      throw SyncError.classify(GitResult(status: 1, output: "", errors: error.description), doing: "start the merge")
    }
    defer { unlinkQuietly(marker) }
    let message = "greensilk: merge from the hub"
    if let across = try ProjectLayoutMerge.baseIfLayoutsDiffer(repo, ours: start, theirs: upstream) {
      // One office keeps projects in parts, the other still in one file.
      if try ProjectLayoutMerge.merge(
        repo, ours: start, upstream: upstream, base: across.base, layouts: across.layouts, message: message)
      {
        return
      }
      let unmerged = try repo.git.run(["diff", "--name-only", "--diff-filter=U"]).text
      if !(try repo.git.run(["merge", "--abort"]).succeeded) {
        _ = try repo.git.run(["reset", "-q", "--hard", start])
      }
      throw SyncError.mergeFailed(
        unmerged.isEmpty
          ? "the projects cannot be merged by id across the split into parts (a line without an id, or an id twice)"
          : "conflicts in " + unmerged.split(separator: "\n").joined(separator: ", "))
    }
    let result = try repo.git.run(["merge", "-q", "--no-edit", "-m", message, upstream])
    if result.succeeded { return }
    let unmerged = try repo.git.run(["diff", "--name-only", "--diff-filter=U"]).text
    if !(try repo.git.run(["merge", "--abort"]).succeeded) {
      _ = try repo.git.run(["reset", "-q", "--hard", start])
    }
    let classified = SyncError.classify(result, doing: "merge")
    if case .diskFull = classified { throw classified }
    let files = unmerged.isEmpty ? SyncError.summary(result.errors + result.output) : "conflicts in " + unmerged.split(separator: "\n").joined(separator: ", ")
    throw SyncError.mergeFailed(files)
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

func unlinkQuietly(_ path: String) { unlink(path) }
