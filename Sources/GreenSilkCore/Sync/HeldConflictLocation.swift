#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A record holding a conflict, where it is: for `sync status` and the
/// dashboard's list of open conflicts.
public struct HeldConflictLocation: Sendable, Hashable {
  public var file: String
  public var line: Int
  public var id: String
  public var conflict: HeldConflict

  /// "P-0102: title, stage" or "P-0102: deleted in another office".
  public var summary: String {
    var parts = conflict.fieldNames
    if conflict.deleted { parts.insert("deleted in one office, edited in another", at: 0) }
    return "\(id): " + parts.joined(separator: ", ")
  }

  /// The first occurrence of `needle` at or after `from`, by glibc's
  /// memmem (two-way search): the needle starts with `"`, which JSON lines
  /// are full of, so memchr for its first byte stopped at every field.
  static func find(_ needle: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    guard let base = buffer.baseAddress, !needle.isEmpty, from + needle.count <= buffer.count else { return nil }
    let hit = needle.withUnsafeBufferPointer {
      Self.memmem(UnsafeRawPointer(base + from), buffer.count - from, UnsafeRawPointer($0.baseAddress!), needle.count)
    }
    return hit.map { UnsafeRawPointer(base).distance(to: $0) }
  }

  /// glibc's `memmem`: a GNU extension the Swift Glibc module leaves out,
  /// so looked up in the C library (as `renameat2` is).
  private static let memmem: @convention(c) (UnsafeRawPointer?, Int, UnsafeRawPointer?, Int) -> UnsafeRawPointer? = {
    typealias MemMem = @convention(c) (UnsafeRawPointer?, Int, UnsafeRawPointer?, Int) -> UnsafeRawPointer?
    guard let symbol = dlsym(nil, "memmem") else { fatalError("memmem missing from the C library") }
    return unsafeBitCast(symbol, to: MemMem.self)
  }()

  /// Every held conflict in the record files of a directory. Found with
  /// memchr and memcmp over the whole file (a 226 MB file has none, usually), line
  /// numbers counted only up to each hit.
  public static func scan(directory: String) -> [HeldConflictLocation] {
    var out: [HeldConflictLocation] = []
    let needle = Array("\"\(HeldConflict.key)\"".utf8)
    for name in SyncFiles.dataFiles(in: directory) {
      guard case .records = MergeKind.of(path: name), let bytes = try? FileSystem.read(FileSystem.join(directory, name))
      else { continue }
      bytes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        var from = 0
        var line = 1
        var counted = 0
        while from < buffer.count,
          let at = find(needle, in: buffer, from: from)
        {
          var start = at
          while start > 0 && base[start - 1] != 0x0A { start -= 1 }
          var end = at
          while end < buffer.count && base[end] != 0x0A { end += 1 }
          for index in counted..<start where base[index] == 0x0A { line += 1 }
          counted = start
          let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
          if let held = HeldConflict.held(inLine: text), let id = JSONLines.id(of: ArraySlice(buffer[start..<end])) {
            out.append(HeldConflictLocation(file: name, line: line, id: id, conflict: held))
          }
          from = end + 1
        }
      }
    }
    return out
  }
}
