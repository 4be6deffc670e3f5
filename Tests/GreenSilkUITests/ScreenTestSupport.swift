import Foundation
import GreenSilkCore
import SnapshotTesting
import Testing

@testable import GreenSilkUI

/// Shared fixtures for screen tests: the shipped data set (data/ at the
/// repository root), a fixed clock, and the themes from Themes/.
enum ScreenFixture {
  static let repoRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// 2026-11-29 10:30:00 local: fixed so that overdue milestones, "this
  /// year" and the clock never change a snapshot.
  static let clock = LocalTime(
    secondsSinceEpoch: 1_795_948_200, day: Day("2026-11-29")!, hour: 10, minute: 30, second: 0)

  static let shipped: LoadResult = {
    do {
      return try FileStore(directory: repoRoot + "/data", readOnly: true).load()
    } catch {
      fatalError("the shipped data/ must load: \(error)")
    }
  }()

  static func driver(width: Int = 80, height: Int = 24, settings: DisplaySettings = DisplaySettings()) -> AppDriver {
    AppDriver(
      data: shipped.dataSet, size: Size(width: width, height: height), clock: clock, settings: settings,
      issues: shipped.issues)
  }

  static let catalog = ThemeCatalog(directory: repoRoot + "/Themes")
  static let defaultTheme = catalog.load("default").theme
  static let monoTheme = catalog.load("mono").theme
}

/// Snapshots a screen as text twice: in the default theme at 256
/// colours and in the mono theme (attributes only).
func assertScreenSnapshots(
  _ driver: AppDriver, named name: String, fileID: StaticString = #fileID, file: StaticString = #filePath,
  testName: String = #function, line: UInt = #line, column: UInt = #column
) {
  let buffer = driver.render()
  assertSnapshot(
    of: buffer.snapshotText(theme: ScreenFixture.defaultTheme, depth: .indexed256), as: .lines,
    named: name + "-default", fileID: fileID, file: file, testName: testName, line: line, column: column)
  assertSnapshot(
    of: buffer.snapshotText(theme: ScreenFixture.monoTheme, depth: .mono), as: .lines,
    named: name + "-mono", fileID: fileID, file: file, testName: testName, line: line, column: column)
}
