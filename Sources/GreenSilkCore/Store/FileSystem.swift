#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failure of the operating system, with the path and the reason.
public struct FileSystemError: Error, Equatable, Sendable, CustomStringConvertible {
  public let path: String
  public let operation: String
  public let code: Int32
  /// Set when the file exists but was refused (`FileSystem.openRegularFile`):
  /// why, in words; `code` is 0 then.
  public var refusal: String? = nil

  public init(path: String, operation: String, code: Int32, refusal: String? = nil) {
    self.path = path
    self.operation = operation
    self.code = code
    self.refusal = refusal
  }

  public var description: String {
    if let refusal { return "\(path): \(refusal)" }
    return "\(path): cannot \(operation): \(String(cString: strerror(code)))"
  }
}

/// Thin, explicit wrappers over the system calls the store's guarantees
/// rest on (open/read/fsync/rename/flock). Written by hand because the
/// guarantees are ours: Foundation's `.atomic` write does not fsync.
public enum FileSystem {
  /// The file opened for reading and its size as `fstat` saw it, or nil
  /// when it does not exist. The caller closes it. Only a regular file is
  /// opened, never blocking (`openRegularFile`); with `directory`, a link
  /// must stay inside it.
  static func openForReading(_ path: String, within directory: String? = nil) throws(FileSystemError) -> (
    fd: Int32, size: Int
  )? {
    try openRegularFile(path, within: directory)
  }

  /// The whole file, or nil when it does not exist. Only a regular file of
  /// at most `ReadLimits.maxFileBytes` is read; with `directory`, a data
  /// file whose link leaves that directory is refused.
  public static func read(_ path: String, within directory: String? = nil) throws(FileSystemError) -> [UInt8]? {
    guard let (fd, size) = try openForReading(path, within: directory) else { return nil }
    defer { close(fd) }
    let capacity = size > 0 ? size + 1 : 64 * 1024
    var bytes: [UInt8] = []
    // The size from fstat is a hint; a file that grows meanwhile takes
    // more rounds.
    while true {
      let (chunk, ended) = try readChunk(fd, capacity: capacity, path: path)
      if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
      if bytes.count > ReadLimits.maxFileBytes {
        throw FileSystemError.refused(path, "grew past the \(ReadLimits.maxFileBytes >> 20) MiB a file may have while it was read; not read")
      }
      if ended { return bytes }
    }
  }

  /// Up to `capacity` bytes from `fd`, fewer only at the end of the file
  /// (`ended`); EINTR is retried. The buffer is left uninitialised:
  /// zero-filling 20 MB only to overwrite it would cost every save several
  /// milliseconds.
  static func readChunk(_ fd: Int32, capacity: Int, path: String) throws(FileSystemError) -> (
    bytes: [UInt8], ended: Bool
  ) {
    var failure: Int32 = 0
    var ended = false
    let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
      initialized = 0
      while initialized < buffer.count {
        let got = Glibc.read(fd, buffer.baseAddress! + initialized, buffer.count - initialized)
        if got < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        if got == 0 {
          ended = true
          return
        }
        initialized += got
      }
    }
    if failure != 0 { throw FileSystemError(path: path, operation: "read", code: failure) }
    return (chunk, ended)
  }

  /// Replaces `path` with `bytes` so that a crash at any moment leaves
  /// either the old file or the new one, never a mix: write a temporary
  /// file in the same directory, fsync it, rename it over the target,
  /// fsync the directory so the rename itself is durable.
  @discardableResult
  public static func writeAtomically(
    _ path: String, _ bytes: some Collection<UInt8>, durable: Bool = true
  ) throws(FileSystemError) -> Identity {
    try writeAtomically(path, durable: durable) { fd, temporary throws(FileSystemError) in try writeAll(fd, bytes, path: temporary) }
  }

  /// `writeAtomically` for contents written in pieces by `writeContents`
  /// (given the temporary file's descriptor and path), so a spliced file
  /// need not be assembled in memory first. Returns the identity of the
  /// file written, so that the writer can check, before it releases its
  /// lock, that the path still names it (`ReplacedUnderWriter`).
  @discardableResult
  /// `durable: false` leaves out both fsyncs: the result survives the
  /// writer's death but not the machine's (drafts kept on every key).
  public static func writeAtomically(
    _ path: String, durable: Bool = true,
    writeContents: (_ fd: Int32, _ temporaryPath: String) throws(FileSystemError) -> Void
  ) throws(FileSystemError) -> Identity {
    let directory = parentDirectory(of: path)
    let name = lastComponent(of: path)
    let temporary = directory + "/." + name + ".tmp-" + String(getpid())
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if fd < 0 { throw FileSystemError(path: temporary, operation: "create", code: errno) }
    var closed = false
    defer {
      if !closed { close(fd) }
    }
    let written: Identity
    do throws(FileSystemError) {
      try writeContents(fd, temporary)
      if durable && fsync(fd) != 0 { throw FileSystemError(path: temporary, operation: "fsync", code: errno) }
      var info = stat()
      if fstat(fd, &info) != 0 { throw FileSystemError(path: temporary, operation: "stat", code: errno) }
      written = Identity(info)
      closed = true
      if close(fd) != 0 { throw FileSystemError(path: temporary, operation: "close", code: errno) }
      if rename(temporary, path) != 0 { throw FileSystemError(path: path, operation: "rename into place", code: errno) }
    } catch let failure {
      unlink(temporary)
      throw failure
    }
    if durable { try syncDirectory(directory) }
    return written
  }

  /// Removes temporary files left in `directory` by writers that died
  /// mid-save (`.NAME.tmp-PID` whose process no longer exists). Harmless
  /// litter otherwise, but it should not pile up over weeks.
  public static func removeStaleTemporaries(in directory: String) {
    for name in entryNames(in: directory) ?? [] {
      let parts = name.split(separator: "-")
      guard name.hasPrefix("."), parts.count >= 2, parts[parts.count - 2].hasSuffix(".tmp"),
        let pid = Int32(parts[parts.count - 1]), pid > 0
      else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH { unlink(join(directory, name)) }
    }
  }

  /// The names in a directory, `.` and `..` left out; nil when it cannot
  /// be opened.
  public static func entryNames(in directory: String) -> [String]? {
    guard let handle = opendir(directory) else { return nil }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// Appends `bytes` and fsyncs (the audit log).
  public static func append(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    if fd < 0 { throw FileSystemError(path: path, operation: "open for append", code: errno) }
    defer { close(fd) }
    try writeAll(fd, bytes, path: path)
    if fsync(fd) != 0 { throw FileSystemError(path: path, operation: "fsync", code: errno) }
  }

  public static func syncDirectory(_ directory: String) throws(FileSystemError) {
    let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if fd < 0 { throw FileSystemError(path: directory, operation: "open", code: errno) }
    defer { close(fd) }
    if fsync(fd) != 0 && errno != EINVAL { throw FileSystemError(path: directory, operation: "fsync", code: errno) }
  }

  public static func writeAll(_ fd: Int32, _ bytes: some Collection<UInt8>, path: String) throws(FileSystemError) {
    let array = Array(bytes)
    let failure: FileSystemError? = array.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> FileSystemError? in
      do throws(FileSystemError) {
        try writeAll(fd, raw, path: path)
        return nil
      } catch {
        return error
      }
    }
    if let failure { throw failure }
  }

  public static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer, path: String) throws(FileSystemError) {
    guard let base = raw.baseAddress else { return }
    var offset = 0
    while offset < raw.count {
      let wrote = write(fd, base + offset, raw.count - offset)
      if wrote < 0 {
        if errno == EINTR { continue }
        throw FileSystemError(path: path, operation: "write", code: errno)
      }
      offset += wrote
    }
  }

  public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  public static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// Whether this user may create and replace files in `directory`.
  public static func isWritableDirectory(_ directory: String) -> Bool {
    access(directory, W_OK | X_OK) == 0
  }

  public static func createDirectory(_ path: String) throws(FileSystemError) {
    if isDirectory(path) { return }
    let parent = parentDirectory(of: path)
    if parent != path && !isDirectory(parent) { try createDirectory(parent) }
    if mkdir(path, 0o755) != 0 && errno != EEXIST {
      throw FileSystemError(path: path, operation: "create directory", code: errno)
    }
  }

  /// What identifies a version of a file without reading it: when any of
  /// these change, the file was replaced or written.
  public struct Identity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64
    public let size: Int64
    public let modifiedNanoseconds: Int64

    init(_ info: stat) {
      device = UInt64(info.st_dev)
      inode = UInt64(info.st_ino)
      size = Int64(info.st_size)
      modifiedNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }
  }

  public static func identity(_ path: String) -> Identity? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Identity(info)
  }

  public static func parentDirectory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    if slash == path.startIndex { return "/" }
    return String(path[..<slash])
  }

  public static func lastComponent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  public static func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }
}

/// An exclusive advisory lock (flock) on the data directory's lock file,
/// held while a save reads, checks and replaces a collection file, so two
/// processes never interleave their read-check-write.
public final class DirectoryLock {
  private var fd: Int32

  /// Blocks until the lock is held.
  public init(directory: String) throws(FileSystemError) {
    let path = FileSystem.join(directory, ".greensilk.lock")
    fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    if fd < 0 { throw FileSystemError(path: path, operation: "open the lock file", code: errno) }
    while flock(fd, LOCK_EX) != 0 {
      if errno == EINTR { continue }
      let code = errno
      close(fd)
      fd = -1
      throw FileSystemError(path: path, operation: "lock", code: code)
    }
  }

  public func release() {
    guard fd >= 0 else { return }
    flock(fd, LOCK_UN)
    close(fd)
    fd = -1
  }

  deinit { release() }
}
