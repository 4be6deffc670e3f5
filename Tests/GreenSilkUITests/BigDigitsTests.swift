import SnapshotTesting
import Testing

@testable import GreenSilkUI

@Suite("BigDigits")
struct BigDigitsTests {
  @Test func fiveRowsUnicode() {
    #expect(BigDigits.width(of: "3,042 -7.5%", height: .rows5) == 64)
    var buffer = Buffer(width: 64, height: 5)
    BigDigits("3,042 -7.5%").render(in: buffer.area, into: &buffer)
    assertSnapshot(of: buffer.snapshotText, as: .lines)
  }

  @Test func threeRowsUnicode() {
    var buffer = Buffer(width: 40, height: 3)
    BigDigits("0123456789", height: .rows3).render(in: buffer.area, into: &buffer)
    assertSnapshot(of: buffer.snapshotText, as: .lines)
  }

  @Test func asciiBothHeights() {
    var five = Buffer(width: 40, height: 5)
    BigDigits("12:30", glyphs: .ascii).render(in: five.area, into: &five)
    assertSnapshot(of: five.snapshotText, as: .lines, named: "rows5")
    var three = Buffer(width: 53, height: 3)
    BigDigits("0123456789,.:%-", height: .rows3, glyphs: .ascii).render(in: three.area, into: &three)
    assertSnapshot(of: three.snapshotText, as: .lines, named: "rows3")
  }

  @Test func widthsAndTheLargestThatFits() {
    #expect(BigDigits.width(of: "8", height: .rows5) == 6)
    #expect(BigDigits.width(of: "88", height: .rows5) == 13)
    #expect(BigDigits.width(of: "88", height: .rows3) == 7)
    #expect(BigDigits.width(of: "", height: .rows3) == 0)
    #expect(BigDigits.largestHeight(for: "3,000", width: 80) == .rows5)
    #expect(BigDigits.largestHeight(for: "3,000", width: 20) == .rows3)
    #expect(BigDigits.largestHeight(for: "3,000", width: 80, maxRows: 4) == .rows3)
    #expect(BigDigits.largestHeight(for: "3,000", width: 10) == nil)
    #expect(BigDigits.supports("%"))
    #expect(!BigDigits.supports("x"))
  }

  @Test func centred() {
    var buffer = Buffer(width: 9, height: 5)
    BigDigits("1", height: .rows3).alignment(.center).render(in: buffer.area, into: &buffer)
    #expect(buffer.lines == ["         ", "   ▄█    ", "    █    ", "   ▀▀▀   ", "         "])
  }
}
