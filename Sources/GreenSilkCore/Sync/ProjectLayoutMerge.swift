#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A sync merge where the two offices keep projects in different layouts
/// (DECISIONS.md, "Sync across the split"): one office crossed
/// `ProjectParts.splitThreshold` and moved `projects.jsonl` into
/// `projects/NN.jsonl`, the other has not (or both split on their own
/// since they last met). Git alone gets this wrong: it sees one side
/// delete `projects.jsonl` and the other edit it (a modify/delete conflict
/// that stops the sync), or both sides add the same part with no common
/// version (the driver, given an empty base, would take every record
/// edited on one side for a new id created twice).
///
/// So the project records are merged here, part by part, with a real base:
/// each of the three versions (merge base, ours, theirs) is read from git
/// as 64 parts, a version still in one file being split exactly as the
/// store splits it (`ProjectParts.split`); each part goes through the same
/// record merge as the driver (`RecordMerge`). Everything else merges as
/// usual in `git merge --no-commit`; then the parts are written, the old
/// file removed, and the merge committed. The result is always in parts:
/// a split never goes back.
enum ProjectLayoutMerge {
  enum Layout: Equatable { case none, file, parts }

  static let fileName = DataFile.projects.rawValue + ".jsonl"

  /// How `commit` holds its projects.
  static func layout(_ repo: SyncRepository, _ commit: String) throws(SyncError) -> Layout {
    let listing = try repo.git.must(
      ["ls-tree", commit, "--", ProjectParts.folderName, fileName], doing: "read the projects' layout"
    ).text
    if listing.contains(" tree ") { return .parts }
    return listing.isEmpty ? .none : .file
  }

  /// The merge base when the layouts of base, ours and theirs are not all
  /// the same (one holds parts, another the single file); nil when git's
  /// own merge with the driver is right.
  static func baseIfLayoutsDiffer(
    _ repo: SyncRepository, ours: String, theirs: String
  ) throws(SyncError) -> (base: String, layouts: [Layout])? {
    let found = try repo.git.run(["merge-base", ours, theirs])
    guard found.succeeded, !found.text.isEmpty else { return nil }
    let base = found.text
    let layouts = [try layout(repo, base), try layout(repo, ours), try layout(repo, theirs)]
    guard layouts.contains(.parts), layouts.contains(.file) else { return nil }
    return (base, layouts)
  }

  /// The project parts of `commit`, by index.
  static func parts(_ repo: SyncRepository, _ commit: String, _ layout: Layout) throws(SyncError) -> [Int: [UInt8]] {
    switch layout {
    case .none:
      return [:]
    case .file:
      let bytes = try blobs(repo, [(0, "\(commit):\(fileName)", nil)])[0] ?? []
      return ProjectParts.split(bytes) ?? [:]
    case .parts:
      // `ls-tree -l` gives each part's blob and size; one `git cat-file`
      // per blob would be 64 processes, so they are read in one `git show`
      // (blobs printed back to back) and cut by size.
      let listing = try repo.git.must(
        ["ls-tree", "-l", commit, "--", ProjectParts.folderName + "/"], doing: "list the project parts"
      ).text
      var wanted: [(Int, String, Int?)] = []
      for line in listing.split(separator: "\n") {
        let fields = line.split(separator: "\t", maxSplits: 1)
        guard fields.count == 2 else { continue }
        let meta = fields[0].split(separator: " ", omittingEmptySubsequences: true)
        let name = String(fields[1].dropFirst(ProjectParts.folderName.count + 1))
        guard meta.count == 4, meta[1] == "blob", let size = Int(meta[3]),
          let index = ProjectParts.partIndex(fileName: name)
        else { continue }
        wanted.append((index, String(meta[2]), size))
      }
      return try blobs(repo, wanted)
    }
  }

  /// Reads objects by name; with sizes, all in one `git show`.
  private static func blobs(_ repo: SyncRepository, _ wanted: [(Int, String, Int?)]) throws(SyncError) -> [Int: [UInt8]] {
    guard !wanted.isEmpty else { return [:] }
    let result = try repo.git.must(["show", "--no-textconv"] + wanted.map(\.1), doing: "read the projects")
    let bytes = Array(result.output.utf8)
    if wanted.count == 1, wanted[0].2 == nil { return [wanted[0].0: bytes] }
    var out: [Int: [UInt8]] = [:]
    var offset = 0
    for (index, _, size) in wanted {
      let size = size ?? 0
      guard offset + size <= bytes.count else {
        throw SyncError.gitFailed(doing: "read the project parts", message: "git printed fewer bytes than the parts hold")
      }
      out[index] = Array(bytes[offset..<offset + size])
      offset += size
    }
    return out
  }

  /// Runs the whole merge of `upstream` into HEAD (under the store's lock,
  /// after HEAD holds every local change). Returns false when a part
  /// cannot be merged by id (the merge is then undone by the caller).
  static func merge(
    _ repo: SyncRepository, ours: String, upstream: String, base: String, layouts: [Layout], message: String
  ) throws(SyncError) -> Bool {
    let baseParts = try parts(repo, base, layouts[0])
    let ourParts = try parts(repo, ours, layouts[1])
    let theirParts = try parts(repo, upstream, layouts[2])
    var merged: [Int: [UInt8]] = [:]
    for index in Set(baseParts.keys).union(ourParts.keys).union(theirParts.keys) {
      guard
        let outcome = RecordMerge.merge(
          base: baseParts[index] ?? [], ours: ourParts[index] ?? [], theirs: theirParts[index] ?? [],
          leafKeys: Project.leafKeys)
      else { return false }
      if !outcome.bytes.isEmpty { merged[index] = outcome.bytes }
    }
    // Every other file: git's merge with the driver. Project paths may be
    // left unmerged (modify/delete) or merged without a base (add/add):
    // both are replaced below. Any other unmerged path fails the merge.
    let result = try repo.git.run(["merge", "-q", "--no-commit", "--no-ff", upstream])
    let unmerged = try repo.git.run(["diff", "--name-only", "--diff-filter=U"]).text
      .split(separator: "\n").map(String.init)
    let projectPaths = unmerged.filter { $0 == fileName || $0.hasPrefix(ProjectParts.folderName + "/") }
    if !result.succeeded && (unmerged.isEmpty || projectPaths.count != unmerged.count) { return false }

    let folder = FileSystem.join(repo.directory, ProjectParts.folderName)
    if !FileSystem.isDirectory(folder), mkdir(folder, 0o755) != 0 {
      throw SyncError.system("mkdir \(folder)", errno)
    }
    for name in FileSystem.entryNames(in: folder) ?? [] {
      if let index = ProjectParts.partIndex(fileName: name), merged[index] == nil {
        unlink(FileSystem.join(folder, name))
      }
    }
    for (index, bytes) in merged {
      do {
        try FileSystem.writeAtomically(FileSystem.join(repo.directory, ProjectParts.relativePath(ofPart: index)), bytes)
      } catch {
        throw SyncError.gitFailed(doing: "write the merged project parts", message: error.description)
      }
    }
    unlink(FileSystem.join(repo.directory, fileName))
    try repo.git.must(["add", "-A", "--", ProjectParts.folderName], doing: "stage the merged project parts")
    try repo.git.must(
      ["rm", "-q", "--cached", "--ignore-unmatch", "--", fileName], doing: "stage the merged project parts")
    try repo.git.must(["commit", "-q", "--no-verify", "-m", message], doing: "commit the merge")
    return true
  }
}
