import ArgumentParser
import GreenSilkCore

/// `greensilk validate`: checks every file and rule of a data directory.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check every data file and rule; print each problem as FILE:LINE: reason.",
    discussion: """
      Reads every collection of the data directory, reporting lines that are not \
      valid UTF-8 or JSON, have a wrong type, an unknown value, a dangling reference \
      or a duplicate id; then checks the record rules (reasons for cancelled and \
      suspended projects, mitigation notes for red lights, date order, the plan's \
      key-project counts, sourced program totals, a reason for every record left out \
      of totals by hand). Warns, without failing, where sourced event records add up \
      to more participants or countries than an official total of the same date.

      Exit status: 0 clean, 1 problems found, 2 unusable arguments or missing directory.
      """
  )

  @OptionGroup var data: DataOptions
  @Flag(name: .shortAndLong, help: "Print nothing when clean; only problems.") var quiet = false

  func run() throws {
    try failing {
      let (store, result) = try data.load(readOnly: true)
      var problems = result.issues.map(\.description)
      for problem in RecordRules.check(result.dataSet) {
        let (file, line) = result.location(of: problem.file, id: problem.id, displayDirectory: store.displayDirectory)
        problems.append(LoadIssue(file: file, line: line, reason: problem.message + " [\(problem.rule)]").description)
      }
      for problem in problems { FileHandleOutput.standardOutput.writeLine(problem) }
      // Contradictions between sourced records and sourced totals: warned
      // about, not failed on (either side may be wrong).
      let warnings = ConsistencyRules.check(result.dataSet).map { warning in
        let (file, line) = result.location(of: warning.file, id: warning.id, displayDirectory: store.displayDirectory)
        return LoadIssue(file: file, line: line, reason: "warning: " + warning.message + " [\(warning.rule)]").description
      }
      for warning in warnings { FileHandleOutput.standardOutput.writeLine(warning) }
      let data = result.dataSet
      if problems.isEmpty {
        if !quiet {
          FileHandleOutput.standardOutput.write(
            "\(store.displayDirectory): OK — \(data.projects.count) projects, \(data.activities.count) envoy activities, \(data.countries.count) countries, \(data.meta.label.rawValue) data\n")
        }
      } else {
        FileHandleOutput.standardError.writeLine("\(store.displayDirectory): \(problems.count) problem(s)")
        throw ExitCode(1)
      }
    }
  }
}
