#if canImport(Glibc)
  import Glibc
#endif

/// Tells when another process changes the data directory, without
/// polling: an inotify descriptor the event loop sleeps on (poll) next to
/// the keyboard. Atomic replaces arrive as a rename into place
/// (IN_MOVED_TO); editors that rewrite in place as IN_CLOSE_WRITE.
///
/// When inotify is unavailable (some network file systems, exhausted
/// watches), `descriptor` is nil and the caller falls back to comparing
/// `FileStore.identities()` once a second.
public final class DataWatcher {
  public let directory: String
  public private(set) var descriptor: Int32?

  public init(directory: String) {
    self.directory = directory
    let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
    guard fd >= 0 else { return }
    if inotify_add_watch(fd, directory, Self.mask) < 0 {
      close(fd)
      return
    }
    descriptor = fd
    watchProjectFolder()
  }

  private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB)

  /// Projects in parts live in `projects/`, which every write replaces
  /// whole (`ProjectFolderWriter`): the new folder is watched each time
  /// the name `projects` changes hands, so a part rewritten in place (by
  /// git, by hand) wakes the loop too.
  private func watchProjectFolder() {
    guard let descriptor else { return }
    _ = inotify_add_watch(descriptor, FileSystem.join(directory, ProjectParts.folderName), Self.mask)
  }

  /// Reads every pending event and returns the names of data files that
  /// changed (temporary files and the lock file are ignored).
  public func drain() -> Set<String> {
    guard let fd = descriptor else { return [] }
    var names = Set<String>()
    let capacity = 16 * 1024
    var buffer = [UInt8](repeating: 0, count: capacity)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, capacity) }
      if count <= 0 { break }
      var offset = 0
      let headerSize = MemoryLayout<inotify_event>.size
      while offset + headerSize <= count {
        let length = buffer.withUnsafeBytes { raw in
          Int(raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self).len)
        }
        let nameStart = offset + headerSize
        let nameBytes = buffer[nameStart..<min(nameStart + length, count)].prefix { $0 != 0 }
        let name = String(decoding: nameBytes, as: UTF8.self)
        if DataWatcher.isDataFile(name) { names.insert(name) }
        offset = nameStart + length
      }
    }
    if names.contains(ProjectParts.folderName) { watchProjectFolder() }
    return names
  }

  /// Data files are what GreenSilk reads: `*.jsonl` and `dataset.json`,
  /// not hidden files (temporaries, the lock).
  public static func isDataFile(_ name: String) -> Bool {
    !name.hasPrefix(".")
      && (name.hasSuffix(".jsonl") || name == FileStore.metaFileName || name == ProjectParts.folderName)
  }

  deinit {
    if let descriptor { close(descriptor) }
  }
}

extension FileStore {
  /// The identity of every data file now (size, mtime, inode), to tell
  /// whether a reload is needed without reading them.
  public func identities() -> [String: FileSystem.Identity] {
    var out: [String: FileSystem.Identity] = [:]
    out[Self.metaFileName] = FileSystem.identity(metaPath)
    for file in DataFile.allCases { out[file.fileName] = FileSystem.identity(path(of: file)) }
    if let folder = FileSystem.identity(projectFolder) {
      // Projects in parts: the folder (replaced whole by every write) and each part.
      out[ProjectParts.folderName] = folder
      for index in projectPartIndices() {
        out[ProjectParts.relativePath(ofPart: index)] = FileSystem.identity(path(ofPart: index))
      }
    }
    return out
  }
}
