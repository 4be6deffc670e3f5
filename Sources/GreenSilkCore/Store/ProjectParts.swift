#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where projects live (DECISIONS.md, "Projects in parts"). A small data
/// set keeps them in `projects.jsonl`. Past `splitThreshold` projects they
/// move, once, into the folder `projects/`: 64 part files `00.jsonl` …
/// `63.jsonl`, each an ordinary collection file (one record per line,
/// sorted by id). A project's part is a function of its id alone, so every
/// office and every process agrees where a record lives, and a save
/// rewrites one part of about 1/64 of the data instead of the whole
/// portfolio (issue 13: 50 ms saves; issue 14: small git objects; issue
/// 17: a follower re-reads only the part that changed).
///
/// The folder is replaced as a whole and atomically (`ProjectFolderWriter`):
/// new parts are written into a staging folder beside hard links to the
/// unchanged ones, then the two folders are exchanged in one
/// `renameat2(RENAME_EXCHANGE)`. A write touching many parts (an import)
/// is therefore as atomic as one touching one file.
public enum ProjectParts {
  /// The folder, relative to the data directory.
  public static let folderName = "projects"
  /// Where the next folder is assembled; hidden, so watchers and git skip it.
  static let stagingName = ".projects.next"
  public static let partCount = 64
  /// A write that leaves more projects than this in `projects.jsonl`
  /// splits it (about 1.5 MB of GCDF-shaped lines).
  public static let splitThreshold = 2_000

  /// The part a project id lives in: FNV-1a (64 bits) of its UTF-8 bytes.
  public static func partIndex(of id: String) -> Int {
    Int(FNV1a.hash(id) % UInt64(partCount))
  }

  /// `NN.jsonl`, the part's name inside the folder.
  public static func partFileName(_ index: Int) -> String {
    (index < 10 ? "0" : "") + String(index) + ".jsonl"
  }

  /// `projects/NN.jsonl`, relative to the data directory.
  public static func relativePath(ofPart index: Int) -> String {
    folderName + "/" + partFileName(index)
  }

  /// The lines of a `projects.jsonl` sorted into parts, byte for byte and
  /// in their order (a line without an id goes to part 00); nil when it
  /// has `threshold` lines or fewer. The store's split and sync's merge
  /// across layouts (`ProjectLayoutMerge`) both use it, so an office that
  /// splits and a merge that splits produce the same bytes.
  public static func split(_ bytes: [UInt8], ifMoreThan threshold: Int = -1) -> [Int: [UInt8]]? {
    splitInPlace(bytes, ifMoreThan: threshold)?.mapValues(\.bytes)
  }

  /// The same split as runs of `bytes` itself: every part a
  /// `SplicedCollection` over the one buffer, so that the store's split
  /// writes the parts without a second copy of the file in memory (the
  /// 64 part buffers were 71-102 MB at the peak of a GCDF import; issue
  /// 13). Ranges include each line's newline; a last line without one
  /// gets it added.
  static func splitInPlace(_ bytes: [UInt8], ifMoreThan threshold: Int = -1) -> [Int: SplicedCollection]? {
    var parts: [Int: SplicedCollection] = [:]
    var count = 0
    bytes.withUnsafeBufferPointer { buffer in
      let lines = CollectionFileEditor.lines(of: buffer)
      count = lines.count
      guard count > threshold else { return }
      for line in lines {
        let index = CollectionFileEditor.id(of: line, in: buffer).map(partIndex(of:)) ?? 0
        if line.range.upperBound < buffer.count {
          parts[index, default: SplicedCollection(original: bytes)].keepExtending(
            line.range.lowerBound..<(line.range.upperBound + 1))
        } else {
          parts[index, default: SplicedCollection(original: bytes)].keepExtending(line.range)
          parts[index]?.insert([0x0A])
        }
      }
    }
    return count > threshold ? parts : nil
  }

  /// The part index a file name inside the folder stands for (nil for
  /// anything else there, which is ignored).
  static func partIndex(fileName: String) -> Int? {
    guard fileName.count == 8, fileName.hasSuffix(".jsonl"), let index = Int(fileName.prefix(2)),
      (0..<partCount).contains(index), fileName == partFileName(index)
    else { return nil }
    return index
  }
}

extension FileStore {
  /// `projects/` in the data directory.
  public var projectFolder: String { FileSystem.join(directory, ProjectParts.folderName) }

  /// Whether the projects live in parts (the folder exists).
  public var projectsAreSplit: Bool { FileSystem.isDirectory(projectFolder) }

  /// The parts present on disk, by index, in order.
  public func projectPartIndices() -> [Int] {
    let indices = (FileSystem.entryNames(in: projectFolder) ?? []).compactMap { ProjectParts.partIndex(fileName: $0) }
    return indices.sorted()
  }

  public func path(ofPart index: Int) -> String {
    FileSystem.join(directory, ProjectParts.relativePath(ofPart: index))
  }

  /// The file that holds (or will hold) project `id` as the directory is now.
  public func projectFilePath(of id: String, split: Bool) -> String {
    split ? path(ofPart: ProjectParts.partIndex(of: id)) : path(of: .projects)
  }

  /// Every line of the project collection, whichever layout: the one
  /// file, or the parts one after another (for digests and for the
  /// sidecar's compaction, where order does not matter).
  func readProjectCollection() throws(FileSystemError) -> [UInt8]? {
    guard projectsAreSplit else { return try FileSystem.read(path(of: .projects), within: directory) }
    var all: [UInt8] = []
    for index in projectPartIndices() {
      guard var bytes = try FileSystem.read(path(ofPart: index), within: directory) else { continue }
      if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
      all += bytes
    }
    return all
  }
}

extension FileStore {
  /// When only project parts (and the folder) differ between two sets of
  /// file identities (`identities()`): the parts that changed, appeared or
  /// went. Nil when any other file changed (a whole load is due).
  public static func changedParts(
    from old: [String: FileSystem.Identity], to new: [String: FileSystem.Identity]
  ) -> Set<Int>? {
    var parts = Set<Int>()
    let prefix = ProjectParts.folderName + "/"
    for key in Set(old.keys).union(new.keys) where old[key] != new[key] {
      if key == ProjectParts.folderName { continue }
      guard key.hasPrefix(prefix), let index = ProjectParts.partIndex(fileName: String(key.dropFirst(prefix.count)))
      else { return nil }
      parts.insert(index)
    }
    return parts
  }

  /// `previous` with only the project parts in `parts` read again: what a
  /// screen following saves to a portfolio in parts does instead of a
  /// whole load. `previous` must come from this directory's `load`.
  public func reload(_ previous: LoadResult, parts: Set<Int>) -> LoadResult {
    ProjectPartsReader.reload(
      previous: previous, changed: parts, directory: directory, displayDirectory: displayDirectory)
  }
}
