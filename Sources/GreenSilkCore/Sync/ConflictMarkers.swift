/// Finds the conflict markers a text merge leaves (`<<<<<<<`, `=======`,
/// `>>>>>>>` at the start of a line). They never land in a data file
/// through GreenSilk's merge driver; a directory merged without it gets
/// them, and `validate` and `sync` report them as FILE:LINE.
public enum ConflictMarkers {
  static let markers: [[UInt8]] = ["<<<<<<<", "=======", ">>>>>>>", "|||||||"].map { Array($0.utf8) }

  /// The 1-based numbers of the lines that start with a marker.
  public static func lines(in bytes: [UInt8]) -> [Int] {
    var out: [Int] = []
    var number = 1
    var start = 0
    while start <= bytes.count {
      var end = start
      while end < bytes.count, bytes[end] != 0x0A { end += 1 }
      let line = bytes[start..<end]
      if line.first == UInt8(ascii: "<") || line.first == UInt8(ascii: "=") || line.first == UInt8(ascii: ">")
        || line.first == UInt8(ascii: "|")
      {
        if markers.contains(where: { line.starts(with: $0) }) { out.append(number) }
      }
      number += 1
      start = end + 1
    }
    return out
  }

  /// Every marker line in the data files of a directory (`*.jsonl` and
  /// `dataset.json`, one level of subfolders), as `FILE:LINE` issues.
  public static func scan(directory: String, displayDirectory: String) -> [LoadIssue] {
    var issues: [LoadIssue] = []
    for name in SyncFiles.dataFiles(in: directory) {
      guard let bytes = try? FileSystem.read(FileSystem.join(directory, name)) else { continue }
      for line in lines(in: bytes) {
        issues.append(
          LoadIssue(
            file: FileSystem.join(displayDirectory, name), line: line,
            reason: "conflict marker from a merge without GreenSilk's merge driver: keep the right lines and delete the markers"))
      }
    }
    return issues
  }
}
