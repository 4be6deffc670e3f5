import Foundation
import GreenSilkCore
import GreenSilkUI
import Testing

@testable import GreenSilkRuntime

/// The first frame kept from the last start (`StartupFrame`): what it
/// keeps, when it is used, and that the file cannot put anything but
/// sanitized text on a terminal.
@Suite struct StartupFrameTests {
  static func kept(_ harness: DashboardHarness) -> StartupFrame {
    StartupFrame(dataDirectory: harness.directory, user: "tester", environment: ["XDG_STATE_HOME": harness.root + "/state"])
  }

  static func key(_ harness: DashboardHarness, size: Size = Size(width: 100, height: 30), day: Day? = nil) -> String {
    StartupFrame.key(
      sources: StartupFrame.sources(store: harness.store, files: []), size: size, asciiOnly: false,
      display: DisplayChoices(), readOnly: false, user: "tester", today: day ?? harness.state.clock.day)
  }

  @Test func theDashboardsFirstFrameComesBackCellForCell() throws {
    let harness = try DashboardHarness()
    let frame = harness.runtime.frame()
    let kept = Self.kept(harness)
    let key = Self.key(harness)
    kept.save(frame, key: key, clock: harness.state.clock.hourMinute)
    #expect(kept.load(key: key, clock: harness.state.clock.hourMinute) == frame)
    // Saving the same frame again leaves the file alone.
    let before = try FileManager.default.attributesOfItem(atPath: kept.path)[.modificationDate] as? Date
    usleep(20_000)
    kept.save(frame, key: key, clock: harness.state.clock.hourMinute)
    #expect(try FileManager.default.attributesOfItem(atPath: kept.path)[.modificationDate] as? Date == before)
  }

  @Test func theClockIsSetToNow() throws {
    let harness = try DashboardHarness()
    let kept = Self.kept(harness)
    let key = Self.key(harness)
    kept.save(harness.runtime.frame(), key: key, clock: harness.state.clock.hourMinute)
    harness.clock.advance(by: 3 * 60)
    harness.runtime.step(.timer)
    let now = harness.state.clock.hourMinute
    #expect(kept.load(key: key, clock: now) == harness.runtime.frame())
  }

  @Test func anotherKeyFindsNothing() throws {
    let harness = try DashboardHarness()
    let kept = Self.kept(harness)
    let key = Self.key(harness)
    kept.save(harness.runtime.frame(), key: key, clock: "10:00")
    #expect(kept.load(key: Self.key(harness, size: Size(width: 101, height: 30)), clock: "10:00") == nil)
    #expect(kept.load(key: Self.key(harness, day: Day("2031-01-01")), clock: "10:00") == nil)
    // Any data file written since: another key.
    let project = try #require(harness.state.data.projects.first)
    var renamed = project
    renamed.title = "Renamed"
    try harness.store.save(renamed, expecting: project.revision)
    #expect(Self.key(harness) != key)
  }

  @Test func aDamagedOrHostileFileShowsNothingRaw() throws {
    let harness = try DashboardHarness()
    let kept = Self.kept(harness)
    let key = Self.key(harness)
    let header = "greensilk-first-frame 1\nkey \(key)\nclock 10:00\nsize 20 3\n"
    try FileSystem.createDirectory(FileSystem.parentDirectory(of: kept.path))
    for broken in ["0 0 nosuchrole 0 x\n", "5 0 text 0 below the frame\n", "0 0 text 9 bad emphasis\n", "zero\n"] {
      try FileSystem.writeAtomically(kept.path, Array((header + broken).utf8))
      #expect(kept.load(key: key, clock: "10:00") == nil, "\(broken)")
    }
    try FileSystem.writeAtomically(kept.path, Array((header + "1 0 text 0 a\u{1B}]52;c;aGk=\u{07}b\n").utf8))
    let frame = try #require(kept.load(key: key, clock: "10:00"))
    #expect(frame.cells.allSatisfy { cell in cell.symbol.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F } })
    #expect(frame[0, 1].symbol == "a")
    try FileSystem.writeAtomically(kept.path, Array("greensilk-first-frame 1\nkey \(key)\nclock 10:00\nsize 9000 3\n".utf8))
    #expect(kept.load(key: key, clock: "10:00") == nil)
  }
}
