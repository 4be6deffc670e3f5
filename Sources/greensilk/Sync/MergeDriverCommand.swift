import ArgumentParser
import GreenSilkCore

#if canImport(Glibc)
  import Glibc
#endif

/// `greensilk merge-driver %O %A %B %P`: what git runs to merge a data
/// file (registered by `sync init`). Writes the result over %A. The kind
/// of merge comes from the path (`MergeKind.table`): record files by id,
/// field by field, with true conflicts held inside the record (exit 0:
/// nothing for git to mark); the audit as the union of its entries;
/// anything else through git's own text merge (`git merge-file`), whose
/// conflicts `sync` then refuses to commit.
struct MergeDriverCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge-driver",
    abstract: "Git merge driver for data files (registered by `greensilk sync init`).",
    shouldDisplay: false)

  @Argument(help: "The common ancestor's version (%O).") var base: String
  @Argument(help: "Our version, where the result is written (%A).") var ours: String
  @Argument(help: "Their version (%B).") var theirs: String
  @Argument(help: "The file's path in the repository (%P).") var path: String
  @Flag(help: "Merging two common ancestors into a virtual base (merge.greensilk.recursive).") var virtualBase = false

  func run() throws {
    let err = FileHandleOutput.standardError
    do {
      let baseBytes = try FileSystem.read(base) ?? []
      let ourBytes = try FileSystem.read(ours) ?? []
      let theirBytes = try FileSystem.read(theirs) ?? []
      switch MergeKind.of(path: path) {
      case .appendOnlyLog:
        try Self.overwrite(ours, AuditUnionMerge.merge(base: baseBytes, ours: ourBytes, theirs: theirBytes))
        return
      case .records(let leafKeys):
        if let outcome = RecordMerge.merge(
          base: baseBytes, ours: ourBytes, theirs: theirBytes, leafKeys: leafKeys, virtualBase: virtualBase)
        {
          try Self.overwrite(ours, outcome.bytes)
          for conflict in outcome.conflicts where !virtualBase {
            let what = conflict.deleted ? "deleted in one office, edited in the other" : conflict.fields.joined(separator: ", ")
            err.writeLine("greensilk merge: \(path): \(conflict.id) held in conflict (\(what))")
          }
          for rename in outcome.renamed where !virtualBase {
            err.writeLine("greensilk merge: \(path): \(rename.from) was created in two offices; one is now \(rename.to)")
          }
          return
        }
        err.writeLine("greensilk merge: \(path): a line without an id, or an id twice: merging as text")
      case .text:
        break
      }
      throw ExitCode(try textMerge())
    } catch let error as FileSystemError {
      err.writeLine("greensilk merge: \(path): \(error)")
      throw ExitCode(2)
    }
  }

  /// Writes the result over %A, a temporary file git made for this merge
  /// and reads back: no fsync or rename (git's object store makes the
  /// merged file durable when it is committed), which on a 226 MB file
  /// is most of a second.
  static func overwrite(_ path: String, _ bytes: [UInt8]) throws {
    let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
    if fd < 0 {
      FileHandleOutput.standardError.writeLine("greensilk merge: cannot open \(path) (errno \(errno))")
      throw ExitCode(2)
    }
    defer { close(fd) }
    try bytes.withUnsafeBytes { raw in try FileSystem.writeAll(fd, raw, path: path) }
  }

  /// git's own three-way text merge, in place over %A.
  func textMerge() throws -> Int32 {
    var pid: pid_t = 0
    let arguments = ["git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs", ours, base, theirs]
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    guard posix_spawnp(&pid, "git", nil, nil, argv, environ) == 0 else { return 2 }
    var raw: Int32 = 0
    while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
    return (raw & 0x7F) == 0 && (raw >> 8) & 0xFF == 0 ? 0 : 1
  }
}
