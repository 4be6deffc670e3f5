import Benchmark
import Foundation
import GreenSilkCore
import GreenSilkUI

// In-process benchmarks of the work behind every number the dashboard is
// held to (issue 7): loading, aggregates, rendering each screen into the
// buffer, diffing frames, one filter keystroke, saving one record. Each
// reports wall time and malloc counts. Run them with
//   swift package benchmark --target GreenSilkBenchmarks
// or everything (these plus the pseudo-terminal harness) with
//   Tests/scripts/run-benchmarks.sh
// Timings live here and in BENCHMARKS.md, never in unit tests.

/// Wall time, mallocs (exact counts) and the process's peak resident memory
/// (which includes the setup's data set).
let metrics: [BenchmarkMetric] = [.wallClock, .mallocCountTotal, .peakMemoryResident]

/// Runs `body` and crashes with the error: a benchmark that cannot set up
/// must not report a figure.
func must<T>(_ what: String, _ body: () throws -> T) -> T {
  do { return try body() } catch { fatalError("\(what): \(error)") }
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: metrics, timeUnits: .microseconds, units: [.mallocCountTotal: .count, .peakMemoryResident: .mega],
    warmupIterations: 1, maxDuration: .seconds(3), maxIterations: 1_000)

  // MARK: Loading: FileStore.load of N projects (+ N/10 activities).

  for projects in [1_000, 20_000, 100_000] {
    let label = projects >= 1_000 ? "\(projects / 1_000)k" : "\(projects)"
    Benchmark(
      "Load \(label) projects",
      configuration: .init(
        warmupIterations: 1, maxDuration: .seconds(projects >= 100_000 ? 10 : 3),
        maxIterations: projects >= 100_000 ? 10 : 200)
    ) { (benchmark: Benchmark, directory: String) in
      for _ in benchmark.scaledIterations {
        let store = FileStore(directory: directory, readOnly: true)
        blackHole(must("load") { try store.load() })
      }
    } setup: {
      try Fixtures.dataDirectory(projects: projects)
    }
  }

  // MARK: Aggregates: what is computed once per data change.

  Benchmark("Aggregates Portfolio 20k") { (benchmark: Benchmark, data: DataSet) in
    for _ in benchmark.scaledIterations {
      blackHole(Portfolio(data, today: Fixtures.clock.day))
    }
  } setup: {
    try Fixtures.load(projects: 20_000).dataSet
  }

  // The filter's search index (built when the filter first opens).
  Benchmark("Aggregates search index 20k") { (benchmark: Benchmark, data: DataSet) in
    for _ in benchmark.scaledIterations {
      blackHole(ProjectSearchIndex(data.projects, countryName: data.countryName))
    }
  } setup: {
    try Fixtures.load(projects: 20_000).dataSet
  }

  // Everything derived before the first frame.
  for projects in [20_000, 100_000] {
    Benchmark(
      "Aggregates DataContext \(projects / 1_000)k",
      configuration: .init(maxIterations: projects >= 100_000 ? 20 : 200)
    ) { (benchmark: Benchmark, data: DataSet) in
      for _ in benchmark.scaledIterations {
        blackHole(DataContext(data: data, today: Fixtures.clock.day))
      }
    } setup: {
      try Fixtures.load(projects: projects).dataSet
    }
  }

  // MARK: Rendering each screen into the buffer (20k projects).

  for (width, height) in [(80, 24), (200, 60)] {
    for view in View.allCases {
      Benchmark("Render \(view.rawValue) \(width)x\(height) 20k") { (benchmark: Benchmark, state: AppState) in
        for _ in benchmark.scaledIterations {
          blackHole(AppView.render(state))
        }
      } setup: {
        var driver = try Fixtures.driver(projects: 20_000, width: width, height: height)
        for key in view.keys { driver.press(key) }
        return driver.state
      }
    }
  }

  // MARK: Diffing two frames (what the terminal layer writes).

  Benchmark("Diff screen switch 80x24 (overview to corridors)") { (benchmark: Benchmark, frames: (Buffer, Buffer)) in
    for _ in benchmark.scaledIterations {
      blackHole(frames.1.diff(from: frames.0))
    }
  } setup: {
    var driver = try Fixtures.driver(projects: 20_000, width: 80, height: 24)
    let before = driver.render()
    driver.press(.character("2"))
    return (before, driver.render())
  }

  for (width, height) in [(120, 40), (200, 60)] {
    Benchmark("Diff cursor move table \(width)x\(height)") { (benchmark: Benchmark, frames: (Buffer, Buffer)) in
      for _ in benchmark.scaledIterations {
        blackHole(frames.1.diff(from: frames.0))
      }
    } setup: {
      var driver = try Fixtures.driver(projects: 20_000, width: width, height: height)
      driver.press(.character("3"), .character("v"))
      let before = driver.render()
      driver.press(.down)
      return (before, driver.render())
    }
  }

  Benchmark("Diff identical frames 200x60") { (benchmark: Benchmark, frames: (Buffer, Buffer)) in
    for _ in benchmark.scaledIterations {
      blackHole(frames.1.diff(from: frames.0))
    }
  } setup: {
    let driver = try Fixtures.driver(projects: 20_000, width: 200, height: 60)
    return (driver.render(), driver.render())
  }

  // MARK: One filter keystroke over 20k projects (pipeline table, 120x40).
  // Each iteration starts from a copy of the same state, presses one key
  // and renders the frame the terminal would then diff and write.

  struct Keystroke {
    var name: String
    var typedBefore: String
    var key: Key
  }
  let keystrokes = [
    Keystroke(name: "first character", typedBefore: "", key: .character("g")),
    // "g" matches nearly every project, so "gw" rescans them all: the
    // slowest keystroke of the end-to-end script.
    Keystroke(name: "second character", typedBefore: "g", key: .character("w")),
    Keystroke(name: "narrowing character", typedBefore: "gwada", key: .character("r")),
    Keystroke(name: "backspace", typedBefore: "gwadar", key: .backspace),
  ]
  for keystroke in keystrokes {
    Benchmark("Filter keystroke 20k \(keystroke.name) (reduce)") { (benchmark: Benchmark, driver: AppDriver) in
      for _ in benchmark.scaledIterations {
        var copy = driver
        copy.press(keystroke.key)
        blackHole(copy.state.pipeline.visible.count)
      }
    } setup: {
      try filterDriver(typed: keystroke.typedBefore)
    }
    Benchmark("Filter keystroke 20k \(keystroke.name) (reduce+render 120x40)") { (benchmark: Benchmark, driver: AppDriver) in
      for _ in benchmark.scaledIterations {
        var copy = driver
        copy.press(keystroke.key)
        blackHole(copy.render())
      }
    } setup: {
      try filterDriver(typed: keystroke.typedBefore)
    }
  }

  // MARK: A 10,000-character field (issue 17): one key on the project
  // screen (scroll down) and in the form (typing at the start of that
  // field), with
  // the render that follows. Wrapping was quadratic in a long word: a CJK
  // text, which has no spaces, took seconds per key.

  for (label, text) in [("CJK", Fixtures.longCJK), ("ASCII", Fixtures.longASCII)] {
    Benchmark("Long field 10k \(label): project screen key (reduce+render 80x24)") { (benchmark: Benchmark, driver: AppDriver) in
      for _ in benchmark.scaledIterations {
        var copy = driver
        copy.press(.down)
        blackHole(copy.render())
      }
    } setup: {
      try Fixtures.longFieldDriver(summary: text, inForm: false)
    }
    Benchmark("Long field 10k \(label): form key (reduce+render 80x24)") { (benchmark: Benchmark, driver: AppDriver) in
      for _ in benchmark.scaledIterations {
        var copy = driver
        copy.press(.character("x"))
        blackHole(copy.render())
      }
    } setup: {
      try Fixtures.longFieldDriver(summary: text, inForm: true)
    }
  }

  // MARK: Saving one edited record in a 20k data set (atomic write + fsync
  // + audit append, through RecordEditor like the dashboard).

  Benchmark(
    "Save one edited record 20k",
    configuration: .init(maxDuration: .seconds(5), maxIterations: 200)
  ) { benchmark in
    guard let fixture = saveFixture else { fatalError("no save fixture") }
    for _ in benchmark.scaledIterations {
      var edited = fixture.current
      fixture.flip.toggle()
      edited.title = fixture.flip ? edited.title + " (edited)" : String(edited.title.dropLast(9))
      fixture.current = must("save") { try fixture.editor.update(edited, from: fixture.current) }
    }
  } setup: {
    saveFixture = try SaveFixture(directory: Fixtures.scratchCopy(projects: 20_000))
  } teardown: {
    if let fixture = saveFixture { try? FileManager.default.removeItem(atPath: fixture.directory) }
    saveFixture = nil
  }

  mapBenchmarks()  // MapBenchmarks.swift
}

/// The pipeline table at 120x40 over 20k projects with `/` pressed and
/// `typed` already in the filter.
func filterDriver(typed: String) throws -> AppDriver {
  var driver = try Fixtures.driver(projects: 20_000, width: 120, height: 40)
  driver.press(.character("3"), .character("v"), .character("/"))
  driver.type(typed)
  return driver
}

/// A scratch copy of the 20k data set and the record being edited in it.
final class SaveFixture: @unchecked Sendable {
  let directory: String
  let editor: RecordEditor
  var current: Project
  var flip = false
  init(directory: String) throws {
    self.directory = directory
    let store = FileStore(directory: directory)
    editor = RecordEditor(store: store, user: UserIdentity(login: "bench"))
    let projects = try store.load().dataSet.projects
    current = projects[projects.count / 2]
  }
}
/// Benchmarks run one after another on one thread; teardown needs this
/// to find the scratch copy again.
nonisolated(unsafe) var saveFixture: SaveFixture?
