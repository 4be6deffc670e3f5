import ArgumentParser
import GreenSilkCore

/// `greensilk normalize`: rewrites the data files in canonical form.
struct NormalizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "normalize",
    abstract: "Rewrite the data files in canonical form (our field order, sorted by id).",
    discussion: """
      Useful after other tools wrote the files, so that later diffs show only real \
      changes. To edit a file by hand, use `greensilk edit FILE`: it takes the \
      lock, bumps revisions and audits. A file with any line that does not load is left \
      untouched and its problems are printed; fix them (see `greensilk validate`) \
      and run again.
      """
  )

  @OptionGroup var data: DataOptions

  func run() throws {
    try failing {
      try data.access.require(.admin, toRun: "normalize")
      let store = try data.openStore()
      let outcome: Normalizer.Outcome
      do {
        // A writing command: an older directory is upgraded first.
        try store.upgrade()
        outcome = try Normalizer.normalize(store)
      } catch {
        throw CommandFailure(message: "greensilk: \(error)", status: 1)
      }
      for file in outcome.rewritten { FileHandleOutput.standardOutput.writeLine("rewrote \(file.fileName)") }
      for (file, issues) in outcome.skipped {
        FileHandleOutput.standardError.writeLine("left \(file.fileName) untouched:")
        for issue in issues { FileHandleOutput.standardError.writeLine("  \(issue)") }
      }
      if !outcome.skipped.isEmpty { throw ExitCode(1) }
    }
  }
}
