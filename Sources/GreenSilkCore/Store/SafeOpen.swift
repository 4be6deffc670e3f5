#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The limits every file we read is held to (issue 16, item 5; DECISIONS.md,
/// "Bounds on what we read"). Generous: the 21,000-project GCDF-shaped
/// set imported by `import aiddata` has a 236 MB projects.jsonl whose
/// longest line is 101 KB (measured 2026-12-02).
public enum ReadLimits {
  /// The largest file read at all (1 GiB): past it the file is refused,
  /// not read into memory a block at a time for ever.
  public static let maxFileBytes = 1 << 30
  /// The longest line of a `.jsonl` file that is decoded (4 MiB); a longer
  /// line is reported as FILE:LINE and skipped without being held whole.
  public static let maxLineBytes = 4 << 20
  /// How deep objects and lists may nest in one JSON value (64). Our
  /// records nest four levels; the reader keeps its own stack for skipped
  /// values, so this is about meaning, not about the machine stack.
  public static let maxJSONDepth = 64
  /// The largest number read, either way (10^15: a budget of a thousand
  /// trillion dollars). Below 2^53, so every whole number in range is
  /// exact in a Double and converts to Int without a trap, and 9,000 of
  /// them add up inside Int64; sums over more use Double (issue 16, item 7).
  public static let maxMagnitude = 1e15
  static let maxMagnitudeText = "10^15"
}

extension FileSystemError {
  /// A file that exists but was not read: not a regular file, a symbolic
  /// link that leaves the data directory, or too large. The message names
  /// only our own file (the one the user's directory lists), never where a
  /// link points, and never a byte of what it points to (issue 17, part 4).
  static func refused(_ path: String, _ reason: String) -> FileSystemError {
    FileSystemError(path: path, operation: "read", code: 0, refusal: reason)
  }
}

extension FileSystem {
  /// What kind of thing an `st_mode` is, in words.
  static func kindName(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: "a directory"
    case S_IFIFO: "a FIFO (named pipe)"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    case S_IFLNK: "a symbolic link"
    default: "not a regular file"
    }
  }

  /// Opens `path` for reading without ever blocking in `open` (O_NONBLOCK:
  /// a FIFO with no writer opens at once) and without following a link
  /// blindly (O_NOFOLLOW), then checks with `fstat` on the descriptor
  /// itself (no race with a swap) that it is a regular file no larger than
  /// `maxBytes`. Nil when nothing exists at `path`.
  ///
  /// With `directory`, `path` is a data file of that directory: a symbolic
  /// link is followed only when it resolves to a regular file inside the
  /// same directory (or below it). Without it (a file the user named on
  /// the command line), a link is followed wherever it goes, but the
  /// target must still be a regular file.
  static func openRegularFile(
    _ path: String, within directory: String?, maxBytes: Int = ReadLimits.maxFileBytes
  ) throws(FileSystemError) -> (fd: Int32, size: Int)? {
    var target = path
    var linkInfo = stat()
    if lstat(path, &linkInfo) != 0 {
      if errno == ENOENT { return nil }
      throw FileSystemError(path: path, operation: "open", code: errno)
    }
    if (linkInfo.st_mode & S_IFMT) == S_IFLNK {
      guard let resolved = realPath(path) else {
        throw FileSystemError.refused(path, "a symbolic link that leads nowhere; not read")
      }
      if let directory {
        guard let root = realPath(directory), resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
          throw FileSystemError.refused(
            path, "a symbolic link to a file outside the data directory; not read (copy the file in instead)")
        }
      }
      target = resolved
    }
    let fd = open(target, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY)
    if fd < 0 {
      let code = errno
      if code == ENOENT { return nil }
      if code == ELOOP { throw FileSystemError.refused(path, "a symbolic link that changed while it was opened; not read") }
      throw FileSystemError(path: path, operation: "open", code: code)
    }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let code = errno
      close(fd)
      throw FileSystemError(path: path, operation: "stat", code: code)
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      close(fd)
      let via = target == path ? "" : "a symbolic link to "
      throw FileSystemError.refused(path, "\(via)\(kindName(info.st_mode)), not a regular file; not read")
    }
    let size = max(0, Int(info.st_size))
    guard size <= maxBytes else {
      close(fd)
      throw FileSystemError.refused(
        path, "\(size) bytes, more than the \(maxBytes >> 20) MiB a file may have; not read")
    }
    // Regular files never block; reads stay ordinary.
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    return (fd, size)
  }

  /// The canonical absolute path (links resolved), or nil.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
