import ArgumentParser
import GreenSilkCore

/// `greensilk generate`: a deterministic synthetic data set of any size.
struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Write a deterministic synthetic data set (for benchmarks and stress tests).",
    discussion: """
      The projects and activities are synthetic and labelled so, in dataset.json and \
      in every record's source. Countries, corridors, corridor membership and areas \
      are copied from the reference data directory (--data, default ./data).
      """
  )

  @OptionGroup var data: DataOptions
  @Option(help: "Number of projects.") var projects: Int = 1000
  @Option(help: "Number of envoy activities.") var activities: Int = 200
  @Option(help: "Random seed; the same seed gives the same data.") var seed: UInt64 = 1
  @Option(help: ArgumentHelp("Date the data is generated as of (default: today).", valueName: "YYYY-MM-DD"))
  var today: String?
  @Option(help: ArgumentHelp("The directory to write (created; must be empty or absent).", valueName: "dir"))
  var out: String

  func validate() throws {
    guard projects >= 0, activities >= 0 else { throw ValidationError("counts must not be negative") }
    if let today, Day(today) == nil { throw ValidationError("--today: expected a date as YYYY-MM-DD") }
  }

  func run() throws {
    try failing {
      try data.access.require(.admin, toRun: "generate")
      if FileSystem.exists(FileSystem.join(out, "projects.jsonl")) {
        throw CommandFailure(message: "greensilk: \(out) already holds a data set; choose an empty directory", status: 2)
      }
      let loaded = try data.load(readOnly: true).loaded
      let generator = SyntheticGenerator(
        projects: projects, activities: activities, seed: seed, today: today.flatMap { Day($0) } ?? Day.today())
      let tables = loaded.dataSet
      let synthetic = generator.dataSet(
        countries: tables.countries, corridors: tables.corridors, memberships: tables.memberships,
        areas: tables.areas, routes: tables.routes)
      do { try DataSetWriter.write(synthetic, to: out) } catch { throw CommandFailure(message: "greensilk: \(error)", status: 1) }
      FileHandleOutput.standardOutput.write(
        "wrote \(out): \(projects) synthetic projects, \(activities) synthetic activities (seed \(seed))\n")
    }
  }
}
