#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Replaces the folder `projects/` as a whole, atomically (see
/// `ProjectParts`). Under the store's lock:
/// 1. a fresh staging folder `.projects.next/` receives a hard link to
///    every part that does not change, and each changed part written
///    anew (fsynced); a part left with no line is left out;
/// 2. the staging folder is fsynced, then exchanged with `projects/` in
///    one `renameat2(RENAME_EXCHANGE)` (a plain rename when there was no
///    folder yet: the first split), and the data directory fsynced;
/// 3. the old folder, now under the staging name, is removed.
///
/// A crash before step 2 leaves `projects/` as it was and litter in the
/// staging folder, which the next writer removes; after it, the new
/// folder. Readers see one folder or the other: a part opened before the
/// exchange is read whole from the old one (its inode lives on).
enum ProjectFolderWriter {
  /// Writes the new contents of the parts in `changed` (by index) and
  /// keeps the rest. Returns the identity of each part written, at its
  /// final path, so the writer can check it is still there.
  @discardableResult
  static func replace(
    in store: FileStore,
    changed: [Int: SplicedCollection]
  ) throws(FileSystemError) -> [String: FileSystem.Identity] {
    let staging = FileSystem.join(store.directory, ProjectParts.stagingName)
    removeFolder(staging)
    if mkdir(staging, 0o755) != 0 { throw FileSystemError(path: staging, operation: "create directory", code: errno) }
    let existing = store.projectsAreSplit ? store.projectPartIndices() : []
    for index in existing where changed[index] == nil {
      let from = store.path(ofPart: index)
      let to = FileSystem.join(staging, ProjectParts.partFileName(index))
      if link(from, to) != 0 { throw FileSystemError(path: from, operation: "link", code: errno) }
    }
    var written: [String: FileSystem.Identity] = [:]
    for (index, contents) in changed.sorted(by: { $0.key < $1.key }) {
      let path = FileSystem.join(staging, ProjectParts.partFileName(index))
      let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      if fd < 0 { throw FileSystemError(path: path, operation: "create", code: errno) }
      var info = stat()
      defer { close(fd) }
      try contents.write(to: fd, path: path)
      if fsync(fd) != 0 { throw FileSystemError(path: path, operation: "fsync", code: errno) }
      if fstat(fd, &info) != 0 { throw FileSystemError(path: path, operation: "stat", code: errno) }
      if info.st_size == 0 {
        unlink(path)  // no project left in this part
      } else {
        written[store.path(ofPart: index)] = FileSystem.Identity(info)
      }
    }
    try FileSystem.syncDirectory(staging)
    let folder = store.projectFolder
    if FileSystem.isDirectory(folder) {
      if exchange(staging, folder) != 0 {
        throw FileSystemError(path: folder, operation: "exchange with \(ProjectParts.stagingName)", code: errno)
      }
    } else if rename(staging, folder) != 0 {
      throw FileSystemError(path: folder, operation: "rename into place", code: errno)
    }
    try FileSystem.syncDirectory(store.directory)
    removeFolder(staging)
    return written
  }

  /// `renameat2(…, RENAME_EXCHANGE)`: Glibc's Swift module leaves the
  /// GNU function out, so it is looked up in the C library (glibc 2.28+).
  private static func exchange(_ a: String, _ b: String) -> Int32 {
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    guard let symbol = dlsym(nil, "renameat2") else {
      errno = ENOSYS
      return -1
    }
    let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
    let renameExchange: UInt32 = 1 << 1  // RENAME_EXCHANGE, linux/fs.h
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange)
  }

  /// Removes a staging folder and the files in it (no subfolders).
  static func removeFolder(_ path: String) {
    for name in FileSystem.entryNames(in: path) ?? [] { unlink(FileSystem.join(path, name)) }
    rmdir(path)
  }
}
