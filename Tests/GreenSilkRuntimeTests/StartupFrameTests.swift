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
    let keeper =
      harness.keeper
      ?? StartFrameKeeper(
        dataDirectory: harness.directory, user: "tester", environment: ["XDG_STATE_HOME": harness.root + "/state"],
        display: DisplayChoices(), readOnly: false)
    return keeper.key(
      sources: keeper.sources(identities: harness.store.identities()), size: size, asciiOnly: false,
      today: day ?? harness.state.clock.day)
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

  /// The frame a start on `harness`'s files draws first, as the kept file
  /// holds it for that start's key (nil: none kept for it).
  static func keptFrame(for harness: DashboardHarness) throws -> Buffer? {
    let keeper = try #require(harness.keeper)
    return keeper.file.load(key: key(harness), clock: harness.state.clock.hourMinute)
  }

  @Test func aSessionThatFollowedAColleaguesSaveKeepsTheNextStartsFrame() throws {
    let session = try DashboardHarness(keepsStartFrame: true)
    let before = session.runtime.frame()
    try session.colleagueSaves("P-0007") { $0.stage = .suspended }
    session.press(.ctrl("l"))
    #expect(session.runtime.settleReload())
    // Elsewhere when it ends: what is kept is the next start's frame,
    // not the screen on view.
    session.press(.character("3"))
    session.press(.character("q"))
    let next = try DashboardHarness(data: (session.root, session.directory), keepsStartFrame: true)
    let kept = try #require(try Self.keptFrame(for: next))
    #expect(kept == next.runtime.frame())
    #expect(kept.lines != before.lines, "the colleague's save shows on the overview")
  }

  @Test func aSessionThatSavedKeepsTheNextStartsFrameWithItsUndo() throws {
    let session = try DashboardHarness(keepsStartFrame: true)
    session.edit("P-0007", field: "title")
    session.retype("Renamed here")
    session.press(.ctrl("s"))
    #expect(session.state.data.project(id: "P-0007")?.title == "Renamed here")
    session.press(.escape, .character("1"), .character("q"))
    let next = try DashboardHarness(data: (session.root, session.directory), keepsStartFrame: true)
    #expect(next.state.history.canUndo, "the save is undoable at the next start")
    #expect(try Self.keptFrame(for: next) == next.runtime.frame())
  }

  @Test func aChangeTheSessionHasNotShownKeepsNothingForIt() throws {
    let session = try DashboardHarness(keepsStartFrame: true)
    try session.colleagueSaves("P-0007") { $0.delivery = .offTrack }
    session.press(.character("q"))
    let next = try DashboardHarness(data: (session.root, session.directory), keepsStartFrame: true)
    #expect(try Self.keptFrame(for: next) == nil)
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
