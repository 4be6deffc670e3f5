import ArgumentParser
import GreenSilkCore

#if canImport(Glibc)
  import Glibc
#endif

/// The `--data DIR` option shared by every command, with the pinned
/// identity (`--as`, `--role`, `--corridors`; `AccessOptions`) that decides
/// what the session may write.
struct DataOptions: ParsableArguments {
  @Option(
    name: .customLong("data"),
    help: ArgumentHelp(
      "The data directory (default: $GREENSILK_DATA, else ./data).", valueName: "dir"))
  var directory: String?

  @OptionGroup var access: AccessOptions

  func validate() throws {
    if access.name != nil && directory == nil {
      throw ValidationError("--as needs --data DIR: a pinned identity names its data directory (GREENSILK_DATA is not used)")
    }
  }

  /// The directory to use, from the flag, the environment or the default.
  /// A pinned session (`--as`) has `--data` (checked in `validate`); the
  /// environment never chooses its directory.
  var resolvedDirectory: String {
    if let directory { return directory }
    if access.name != nil { return "/nonexistent-greensilk-pinned-without-data" }
    if let value = getenv("GREENSILK_DATA"), let text = String(validatingCString: value), !text.isEmpty {
      return text
    }
    return "data"
  }

  /// Opens the store, or fails with status 2 when the directory is missing.
  /// A pinned viewer's store is always read-only (it writes nothing at
  /// all, not even the lock file).
  func openStore(readOnly: Bool = false) throws -> FileStore {
    let readOnly = try readOnly || access.policy().role == .viewer
    let path = resolvedDirectory
    guard FileSystem.isDirectory(path) else {
      throw CommandFailure(
        message: "greensilk: \(path): no such data directory (use --data DIR or set GREENSILK_DATA)", status: 2)
    }
    return FileStore(directory: path, readOnly: readOnly)
  }

  /// Opens the store and loads it (see `load(_:warn:)`).
  func load(readOnly: Bool = false, warn: Bool = false) throws -> (store: FileStore, loaded: LoadResult) {
    let store = try openStore(readOnly: readOnly)
    return (store, try Self.load(store, warn: warn))
  }

  /// Loads the data; a directory that cannot be used at all fails with
  /// status 2. With `warn`, each line that did not load is printed on
  /// standard error as `warning: FILE:LINE: reason` (commands that carry
  /// on with the rest; `validate` prints them as its result instead).
  static func load(_ store: FileStore, warn: Bool) throws -> LoadResult {
    let loaded: LoadResult
    do { loaded = try store.load() } catch { throw CommandFailure(message: "greensilk: \(error)", status: 2) }
    if warn {
      for issue in loaded.issues { FileHandleOutput.standardError.writeLine("warning: \(issue)") }
    }
    return loaded
  }
}

extension ParsableCommand {
  /// Runs `body`, turning a `CommandFailure` into its message and status.
  func failing(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let failure as CommandFailure {
      FileHandleOutput.standardError.write(failure.message + "\n")
      throw ExitCode(failure.status)
    }
  }
}
