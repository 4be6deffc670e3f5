import Foundation
import Testing

@testable import GreenSilkUI

/// Replays the inputs of the UI's libFuzzer harnesses (theme TOML, kiosk
/// config, text cells) kept under Tests/Fuzz/Seeds and
/// Tests/Fuzz/Regressions, through the same calls and the same
/// invariants (see FuzzRegressionTests in GreenSilkCoreTests).
@Suite struct FuzzRegressionUITests {
  static let root = ScreenFixture.repoRoot + "/Tests/Fuzz"

  static func inputs(_ harness: String) -> [[UInt8]] {
    ["Seeds", "Regressions"].flatMap { kind -> [[UInt8]] in
      let directory = root + "/" + kind + "/" + harness
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      return names.filter { !$0.hasPrefix(".") }.sorted().compactMap {
        (try? Data(contentsOf: URL(fileURLWithPath: directory + "/" + $0))).map(Array.init)
      }
    }
  }

  @Test func themeAndKioskInputsReplay() {
    let themes = Self.inputs("theme")
    let kiosks = Self.inputs("kiosk")
    #expect(!themes.isEmpty && !kiosks.isEmpty, "the seeds are missing")
    for bytes in themes {
      let text = String(decoding: bytes, as: UTF8.self)
      _ = ThemeParser.parse(text, file: "fuzz.toml")
      _ = try? StyleSpec.parse(text)
    }
    for bytes in kiosks { _ = try? KioskConfig.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz-kiosk.toml") }
  }

  /// Mirrors Harnesses/TextCells.swift, its preconditions as expectations.
  @Test func textInputsReplay() {
    let inputs = Self.inputs("text")
    #expect(!inputs.isEmpty, "the seeds are missing")
    for bytes in inputs where !bytes.isEmpty {
      let width = Int(bytes[0] % 40)
      let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
      let visible = Sanitizer.visible(text)
      #expect(!Sanitizer.containsControl(visible))
      let columns = TextWidth.columns(of: visible)
      #expect(TextWidth.columns(of: TextWidth.truncate(visible, toWidth: width)) <= width)
      #expect(TextWidth.columns(of: TextWidth.pad(visible, toWidth: width)) >= min(width, columns))
      if width > 0 {
        for line in TextWidth.wrap(visible, width: width) { #expect(TextWidth.columns(of: line) <= width) }
      }
      var buffer = Buffer(width: 20, height: 2)
      _ = buffer.put(text, x: 0, y: 0)
      _ = buffer.put(text, x: 19, y: 1, maxWidth: width)
    }
  }
}
