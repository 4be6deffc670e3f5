import ArgumentParser
import GreenSilkCore

#if canImport(Glibc)
  import Glibc
#endif

/// The `--data DIR` option shared by every command.
struct DataOptions: ParsableArguments {
  @Option(
    name: .customLong("data"),
    help: ArgumentHelp(
      "The data directory (default: $GREENSILK_DATA, else ./data).", valueName: "dir"))
  var directory: String?

  /// The directory to use, from the flag, the environment or the default.
  var resolvedDirectory: String {
    if let directory { return directory }
    if let value = getenv("GREENSILK_DATA"), let text = String(validatingCString: value), !text.isEmpty {
      return text
    }
    return "data"
  }

  /// Opens the store, or fails with status 2 when the directory is missing.
  func openStore(readOnly: Bool = false) throws -> FileStore {
    let path = resolvedDirectory
    guard FileSystem.isDirectory(path) else {
      throw CommandFailure(
        message: "greensilk: \(path): no such data directory (use --data DIR or set GREENSILK_DATA)", status: 2)
    }
    return FileStore(directory: path, readOnly: readOnly)
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
