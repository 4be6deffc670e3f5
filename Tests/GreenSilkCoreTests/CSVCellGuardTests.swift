import Testing

@testable import GreenSilkCore

@Suite("CSV formula guard")
struct CSVCellGuardTests {
  @Test func formulaStartsGetThePrefix() {
    for cell in ["=1+1", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "-", "--x", "-0x10", "-1 tonne", "'quoted", "''"] {
      #expect(CSVCellGuard.neutralized(cell) == "'" + cell, "\(cell.debugDescription)")
    }
    for cell in ["", "plain", "1+1", " =1", "2024-01-01", "\"=x\"", "中=", "x'"] {
      #expect(CSVCellGuard.neutralized(cell) == cell, "\(cell.debugDescription)")
    }
  }

  @Test("A negative number stays a number")
  func negativeNumbers() {
    for cell in ["-1", "-0", "-12.5", "-1e6", "-2.5E-3", "-0.25"] {
      #expect(CSVCellGuard.neutralized(cell) == cell, "\(cell)")
    }
    for cell in ["-01", "-1.", "-.5", "-1e", "-1e+", "-1,5", "- 1", "-1 "] {
      #expect(CSVCellGuard.neutralized(cell) == "'" + cell, "\(cell)")
    }
  }

  @Test("restored(neutralized(x)) == x for every x")
  func roundTrip() {
    let pieces = ["=", "+", "-", "@", "\t", "\r", "'", "1", "e", ".", "a", " ", "\"", "中"]
    var generator = SplitMix(seed: 1)
    for _ in 0..<20_000 {
      let count = Int(generator.next() % 6)
      let cell = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
      let written = CSVCellGuard.neutralized(cell)
      #expect(CSVCellGuard.restored(written) == cell, "\(cell.debugDescription)")
      if let first = written.unicodeScalars.first, ["=", "+", "@", "\t", "\r"].contains(first) {
        Issue.record("\(written.debugDescription) would run as a formula")
      }
      if written.hasPrefix("-") { #expect(CSVCellGuard.isNumber(written), "\(written.debugDescription)") }
    }
  }
}
