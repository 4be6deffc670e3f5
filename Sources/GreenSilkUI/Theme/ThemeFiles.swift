#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The little file access theme loading needs, on plain libc so that the
/// UI module does not pull in Foundation (megabytes of memory on a wall
/// display that runs for weeks).
enum ThemeFiles {
  /// The whole file as UTF-8 text (invalid bytes repaired), or nil when it
  /// cannot be read.
  static func readText(_ path: String) -> String? {
    // Never blocks in open (a FIFO), and reads only a regular file.
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { return nil }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
      // A theme is a few kilobytes; refuse anything absurd (a device file).
      if bytes.count > 1 << 20 { return nil }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// Names (without extension) of the regular `*.toml` files in `directory`.
  static func tomlStems(in directory: String) -> [String] {
    guard let dir = opendir(directory) else { return [] }
    defer { closedir(dir) }
    var stems: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      guard name.hasSuffix(".toml"), !name.hasPrefix(".") else { continue }
      stems.append(String(name.dropLast(5)))
    }
    return stems
  }

  /// The value of an environment variable, nil when unset.
  static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }
}
