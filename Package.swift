// swift-tools-version: 6.1
// GreenSilk: a terminal dashboard for the Belt and Road Ecological and
// Environmental Cooperation Plan. See ARCHITECTURE.md for the map.
import PackageDescription

let package = Package(
  name: "GreenSilk",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "greensilk", targets: ["greensilk"]),
    .library(name: "GreenSilkCore", targets: ["GreenSilkCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    // The only C: ncursesw with the wide-character API switched on, plus
    // inline wrappers for the macros Swift cannot import.
    .systemLibrary(
      name: "CNcursesw",
      providers: [.apt(["libncurses-dev"])]
    ),
    // The model, its rules, the file store, import/export. No terminal code.
    .target(
      name: "GreenSilkCore"
    ),
    // Cells, buffer + diff, layout, widgets, themes, screens, state/reduce.
    // Pure: renders into memory, never touches the tty.
    .target(
      name: "GreenSilkUI",
      dependencies: ["GreenSilkCore", .product(name: "TOMLKit", package: "TOMLKit")],
      exclude: ["Map/NaturalEarth-NOTICE.md"]
    ),
    // The one runtime loop the dashboard, the kiosk and the tests share:
    // events in, actions reduced, effects run, frames presented, over the
    // `Terminal` protocol (ncurses in the app, in memory in the tests).
    .target(
      name: "GreenSilkRuntime",
      dependencies: ["GreenSilkCore", "GreenSilkUI"]
    ),
    // The ncurses backend and the event loop: the only code touching the tty.
    .target(
      name: "GreenSilkTerminal",
      dependencies: ["GreenSilkUI", "GreenSilkRuntime", "CNcursesw"]
    ),
    .executableTarget(
      name: "greensilk",
      dependencies: [
        "GreenSilkCore", "GreenSilkUI", "GreenSilkRuntime", "GreenSilkTerminal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // Release builds carry the Swift runtime and Foundation inside the
      // binary: no dynamic linking of ~15 libraries at every start (20k
      // projects: first screen ~140 -> ~110 ms) and ~5 MB less resident
      // (DECISIONS.md, "Static Swift runtime in release builds"). Debug
      // builds, and so the tests, stay dynamic.
      linkerSettings: [.unsafeFlags(["-static-stdlib", "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections", "-lFoundationInternationalization", "-lFoundationEssentials", "-lswiftSynchronization"], .when(configuration: .release))]
    ),
    .testTarget(
      name: "GreenSilkCoreTests",
      // CSV.swift is the oracle our CSV reading and writing is tested against.
      dependencies: ["GreenSilkCore", .product(name: "CSV", package: "CSV.swift")],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "GreenSilkUITests",
      dependencies: [
        "GreenSilkUI",
        .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
      ],
      exclude: ["__Snapshots__"]
    ),
    .testTarget(
      name: "GreenSilkRuntimeTests",
      dependencies: ["GreenSilkRuntime"]
    ),
    .testTarget(
      name: "GreenSilkTerminalTests",
      dependencies: ["GreenSilkTerminal", "GreenSilkRuntime", "CNcursesw"]
    ),
    // Drives the real binary in tmux and pseudo-terminals. Depends on the
    // executable so that `swift test` always builds it first.
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["greensilk", "GreenSilkCore"]
    ),
    // In-process benchmarks (time and mallocs): `swift package benchmark`.
    // The benchmark plugin finds targets whose folder sits in a folder named
    // Benchmarks. Everything, with the pseudo-terminal harness and VisiData
    // beside it: Tests/scripts/run-benchmarks.sh (see BENCHMARKS.md).
    .executableTarget(
      name: "GreenSilkBenchmarks",
      dependencies: [
        "GreenSilkCore", "GreenSilkUI",
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Tests/Benchmarks/GreenSilkBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
  ],
  swiftLanguageModes: [.v6]
)
