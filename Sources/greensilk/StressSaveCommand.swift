import ArgumentParser
import GreenSilkCore

#if canImport(Glibc)
  import Glibc
#endif

/// `greensilk stress-save`: saves one record in a tight loop. A diagnostic
/// for the store's crash safety: the crash test kills it with SIGKILL at
/// random moments and checks that the files always hold either the old or
/// the new record (Tests/EndToEndTests/CrashSafetyTests.swift,
/// Tests/scripts/crash-soak.sh).
struct StressSaveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stress-save",
    abstract: "Save one project over and over (store crash-safety diagnostic).",
    discussion: """
      Each save sets the project's title to "stress-<revision>" (the revision being \
      written) and prints "saved <revision>" once the save is durable ("conflict \
      <revision>" when another process saved first and it starts again from \
      that one). Use it only \
      on a scratch copy of a data directory.
      """,
    shouldDisplay: false
  )

  @OptionGroup var data: DataOptions
  @Option(help: "The project to save.") var id: String
  @Option(help: "Stop after this many saves (default: until killed).") var count: Int?
  @Option(name: .customLong("pause-ms"), help: "Wait this long after each save (the SSH load script paces its editor with it).")
  var pauseMilliseconds: Int = 0

  func run() throws {
    try failing {
      try data.access.require(.admin, toRun: "stress-save")
      let store = try data.openStore()
      guard var project = try store.load().dataSet.project(id: id) else {
        throw CommandFailure(message: "greensilk: no project \(id)", status: 1)
      }
      FileHandleOutput.standardOutput.write("ready \(project.revision)\n")
      var saves = 0
      while count.map({ saves < $0 }) ?? true {
        project.title = "stress-\(project.revision + 1)"
        do {
          project = try store.save(project, expecting: project.revision)
        } catch StoreError.conflict(let conflict) {
          guard let onDisk = conflict.onDisk(as: Project.self) else { throw conflict }
          FileHandleOutput.standardOutput.write("conflict \(project.revision + 1)\n")
          project = onDisk
          continue
        }
        FileHandleOutput.standardOutput.write("saved \(project.revision)\n")
        saves += 1
        if pauseMilliseconds > 0 { usleep(useconds_t(min(pauseMilliseconds, 60_000)) * 1000) }
      }
    }
  }
}
