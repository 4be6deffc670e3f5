#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which files of a data directory are data, for the checks before a
/// commit: `dataset.json`, every `*.jsonl`, and the `*.jsonl` in one level
/// of subfolders (an audit split by period), `.git` left out.
public enum SyncFiles {
  public static func dataFiles(in directory: String) -> [String] {
    var out: [String] = []
    for name in entries(of: directory) where !name.hasPrefix(".") {
      let path = FileSystem.join(directory, name)
      if FileSystem.isDirectory(path) {
        for inner in entries(of: path) where inner.hasSuffix(".jsonl") && !inner.hasPrefix(".") {
          out.append(name + "/" + inner)
        }
      } else if name.hasSuffix(".jsonl") || name == FileStore.metaFileName {
        out.append(name)
      }
    }
    return out.sorted()
  }

  static func entries(of directory: String) -> [String] { FileSystem.entryNames(in: directory) ?? [] }
}
