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

  /// Every held conflict in the record files of a directory.
  public static func scan(directory: String) -> [HeldConflictLocation] {
    var out: [HeldConflictLocation] = []
    let needle = Array("\"\(HeldConflict.key)\"".utf8)
    for name in SyncFiles.dataFiles(in: directory) {
      guard case .records = MergeKind.of(path: name), let bytes = try? FileSystem.read(FileSystem.join(directory, name))
      else { continue }
      guard bytes.firstRange(of: needle) != nil else { continue }
      var number = 0
      for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
        number += 1
        guard line.firstRange(of: needle) != nil else { continue }
        let text = String(decoding: line, as: UTF8.self)
        guard let held = HeldConflict.held(inLine: text), let id = JSONLines.id(of: line) else { continue }
        out.append(HeldConflictLocation(file: name, line: number, id: id, conflict: held))
      }
    }
    return out
  }
}
