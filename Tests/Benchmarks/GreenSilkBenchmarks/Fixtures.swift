import Foundation
import GreenSilkCore
import GreenSilkUI

/// The data sets and states the benchmarks run on. Synthetic data sets are
/// generated once (deterministically: fixed seed and date) into a directory
/// that later runs reuse, so only the first run pays for writing 100,000
/// projects. `GREENSILK_BENCH_DATA` names that directory; by default it is
/// `$TMPDIR/greensilk-bench`. `Tests/scripts/run-benchmarks.sh` points it at
/// the same data sets the pseudo-terminal harness uses.
enum Fixtures {
  /// 2026-11-29 10:30 local, as in the screen tests: "today" for the
  /// generated dates and the dashboard's clock.
  static let clock = LocalTime(
    secondsSinceEpoch: 1_795_948_200, day: Day("2026-11-29")!, hour: 10, minute: 30, second: 0)
  static let seed: UInt64 = 1

  /// The repository root, found from this file's path
  /// (Tests/Benchmarks/GreenSilkBenchmarks/Fixtures.swift).
  static let repoRoot: String = {
    if let root = ProcessInfo.processInfo.environment["GREENSILK_REPO"], !root.isEmpty { return root }
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
  }()

  static let baseDirectory: String = {
    let environment = ProcessInfo.processInfo.environment
    if let dir = environment["GREENSILK_BENCH_DATA"], !dir.isEmpty { return dir }
    let tmp = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    return tmp + "/greensilk-bench"
  }()

  /// Activities generated beside N projects: one per ten projects.
  static func activities(for projects: Int) -> Int { projects / 10 }

  /// The directory holding the synthetic data set of `projects` projects,
  /// generated with `SyntheticGenerator` + `DataSetWriter` the first time.
  /// The same files as `greensilk generate --projects N --activities N/10
  /// --seed 1 --today 2026-11-29 --out DIR`.
  static func dataDirectory(projects: Int) throws -> String {
    let directory = "\(baseDirectory)/p\(projects)"
    let projectsFile = directory + "/projects.jsonl"
    if FileManager.default.fileExists(atPath: projectsFile) { return directory }
    let reference = try FileStore(directory: repoRoot + "/data", readOnly: true).load().dataSet
    let generator = SyntheticGenerator(
      projects: projects, activities: activities(for: projects), seed: seed, today: clock.day)
    let data = generator.dataSet(
      countries: reference.countries, corridors: reference.corridors, memberships: reference.memberships,
      areas: reference.areas, routes: reference.routes)
    // Written beside the final place and renamed, so that an interrupted
    // run never leaves a half-written data set that later runs would reuse.
    try FileManager.default.createDirectory(atPath: baseDirectory, withIntermediateDirectories: true)
    let staging = "\(baseDirectory)/.p\(projects)-\(getpid())"
    try? FileManager.default.removeItem(atPath: staging)
    try DataSetWriter.write(data, to: staging)
    if rename(staging, directory) != 0 {
      try? FileManager.default.removeItem(atPath: staging)
      guard FileManager.default.fileExists(atPath: projectsFile) else {
        throw CocoaError(.fileWriteUnknown)
      }
    }
    return directory
  }

  static func load(projects: Int) throws -> LoadResult {
    try FileStore(directory: dataDirectory(projects: projects), readOnly: true).load()
  }

  /// A driver on the loaded data set at `size`, on screen 1.
  static func driver(projects: Int, width: Int, height: Int) throws -> AppDriver {
    let loaded = try load(projects: projects)
    return AppDriver(
      data: loaded.dataSet, size: Size(width: width, height: height), clock: clock, issues: loaded.issues)
  }

  /// A fresh copy of the data set of `projects` projects in a new temporary
  /// directory (for benchmarks that write).
  static func scratchCopy(projects: Int) throws -> String {
    let source = try dataDirectory(projects: projects)
    let target = "\(baseDirectory)/scratch-\(getpid())-\(projects)"
    try? FileManager.default.removeItem(atPath: target)
    try FileManager.default.copyItem(atPath: source, toPath: target)
    return target
  }

  // MARK: A 10,000-character field

  /// 10,000 CJK ideographs (U+4E00-U+9FA5, a fixed pseudo-random choice):
  /// one word to the wrapper, two columns each.
  static let longCJK: String = {
    var state: UInt32 = 17
    return String(String.UnicodeScalarView((0..<10_000).compactMap { _ in
      state = state &* 1_664_525 &+ 1_013_904_223
      return Unicode.Scalar(0x4E00 + (state >> 8) % 0x51A6)
    }))
  }()

  /// 10,000 ASCII characters in words, for comparison.
  static let longASCII = String(String(repeating: "ecological corridor ", count: 500).prefix(10_000))

  /// The shipped data with project P-0003's summary replaced by `summary`,
  /// at 80x24, on the project screen for P-0003; with `inForm`, in its
  /// edit form, editing the summary with the cursor at its start (so that
  /// each key typed moves the whole visible line).
  static func longFieldDriver(summary: String, inForm: Bool) throws -> AppDriver {
    var data = try FileStore(directory: repoRoot + "/data", readOnly: true).load().dataSet
    guard var project = data.project(id: "P-0003") else { throw CocoaError(.fileReadUnknown) }
    project.summary = summary
    data.upsert(project)
    var driver = AppDriver(data: data, size: Size(width: 80, height: 24), clock: clock, issues: [])
    driver.press(.character("3"), .character("/"))
    driver.type("0003")
    driver.press(.enter, .enter)
    guard driver.state.screen == .detail else { throw CocoaError(.fileReadUnknown) }
    if inForm {
      driver.press(.character("e"), .tab, .enter, .home)
      guard driver.render().lines.contains(where: { $0.contains("Summary▶") }) else { throw CocoaError(.fileReadUnknown) }
    }
    return driver
  }
}

/// The views the render benchmarks draw: screens 1-6, the pipeline in both
/// of its modes.
enum View: String, CaseIterable {
  case overview, corridors, pipelineKanban = "pipeline-kanban", pipelineTable = "pipeline-table", project, envoys, map

  /// The keys that lead there from screen 1.
  var keys: [Key] {
    switch self {
    case .overview: [.character("1")]
    case .corridors: [.character("2")]
    case .pipelineKanban: [.character("3")]
    case .pipelineTable: [.character("3"), .character("v")]
    case .project: [.character("3"), .character("4")]
    case .envoys: [.character("5")]
    case .map: [.character("6")]
    }
  }
}
