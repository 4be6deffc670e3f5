import Foundation
import Testing

@testable import GreenSilkTerminal

/// Replays the key decoder harness's inputs (Tests/Fuzz/Seeds/keys and
/// Tests/Fuzz/Regressions/keys): five bytes per wget_wch result.
@Suite struct FuzzRegressionKeyTests {
  @Test func keyInputsReplay() throws {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<2 { url.deleteLastPathComponent() }
    var inputs: [[UInt8]] = []
    for kind in ["Seeds", "Regressions"] {
      let directory = url.path + "/Fuzz/" + kind + "/keys"
      for name in ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []) where !name.hasPrefix(".") {
        inputs.append(Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))))
      }
    }
    #expect(!inputs.isEmpty, "the seeds are missing")
    for bytes in inputs {
      var index = 0
      while index + 5 <= bytes.count {
        let status = Int32(Int8(bitPattern: bytes[index]))
        var value: UInt32 = 0
        for offset in 1...4 { value = value << 8 | UInt32(bytes[index + offset]) }
        if let key = KeyDecoder.decode(status: status, value: value) { _ = "\(key)" }
        index += 5
      }
    }
  }
}
