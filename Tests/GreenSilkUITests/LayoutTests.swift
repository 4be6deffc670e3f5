import Testing

@testable import GreenSilkUI

@Suite("Layout")
struct LayoutTests {
  func sizes(_ constraints: [Constraint], _ total: Int, spacing: Int = 0) -> [Int] {
    Layout.sizes(for: constraints, total: total, spacing: spacing).sizes
  }

  @Test func headerBodyFooter() {
    let area = Rect(x: 0, y: 0, width: 80, height: 24)
    let rows = Layout.vertical([.length(1), .fill(1), .length(1)]).split(area)
    #expect(rows == [
      Rect(x: 0, y: 0, width: 80, height: 1),
      Rect(x: 0, y: 1, width: 80, height: 22),
      Rect(x: 0, y: 23, width: 80, height: 1),
    ])
  }

  @Test func horizontalWithSpacingAndOffset() {
    let area = Rect(x: 5, y: 2, width: 21, height: 3)
    let columns = Layout.horizontal([.length(5), .fill(1), .fill(1)], spacing: 1).split(area)
    #expect(columns == [
      Rect(x: 5, y: 2, width: 5, height: 3),
      Rect(x: 11, y: 2, width: 7, height: 3),
      Rect(x: 19, y: 2, width: 7, height: 3),
    ])
  }

  @Test func percentagesAndRatiosFillExactly() {
    #expect(sizes([.percentage(50), .percentage(50)], 11) == [6, 5])
    #expect(sizes([.percentage(33), .percentage(33), .percentage(34)], 10) == [3, 3, 4])
    #expect(sizes([.ratio(1, 3), .ratio(1, 3), .ratio(1, 3)], 10) == [4, 3, 3])
    #expect(sizes([.percentage(25)], 10) == [2])
    #expect(sizes([.percentage(150), .ratio(3, 0)], 10) == [10, 0])
  }

  @Test func fillWeightsShareLeftover() {
    #expect(sizes([.fill(1), .fill(2)], 9) == [3, 6])
    #expect(sizes([.fill(1), .fill(1), .fill(1)], 10) == [4, 3, 3])
    #expect(sizes([.length(4), .fill(0), .fill(1)], 10) == [4, 0, 6])
  }

  @Test func minGrowsOnlyWithoutFill() {
    #expect(sizes([.min(3), .length(2)], 10) == [8, 2])
    #expect(sizes([.min(3), .fill(1)], 10) == [3, 7])
    #expect(sizes([.min(2), .min(2)], 9) == [5, 4])
  }

  @Test func maxYieldsWhenShort() {
    #expect(sizes([.max(5), .fill(1)], 10) == [5, 5])
    #expect(sizes([.max(30), .length(8)], 20) == [12, 8])
  }

  @Test func unusedSpaceStaysAtTheEnd() {
    #expect(sizes([.length(3), .length(2)], 10) == [3, 2])
  }

  @Test func tooSmallShrinksLaterSegmentsThenSpacing() {
    #expect(Layout.sizes(for: [.length(3), .length(3)], total: 7, spacing: 2) == ([3, 2], 2))
    #expect(Layout.sizes(for: [.length(3), .length(3), .fill(1)], total: 3, spacing: 2) == ([1, 0, 0], 1))
    #expect(sizes([.length(1), .fill(1), .length(1)], 1) == [1, 0, 0])
    #expect(sizes([.length(1), .fill(1), .length(1)], 2) == [1, 0, 1])
    #expect(sizes([.length(5), .length(5)], 7) == [5, 2])
  }

  @Test("Never negative, never past the area", arguments: [0, 1, 2, 3, 7, 80])
  func degenerate(total: Int) {
    let constraints: [Constraint] = [
      .length(-3), .percentage(-10), .ratio(-1, 2), .min(4), .max(6), .fill(-2), .fill(3), .length(10),
    ]
    for spacing in [0, 1, 5] {
      let (sizes, gap) = Layout.sizes(for: constraints, total: total, spacing: spacing)
      #expect(sizes.allSatisfy { $0 >= 0 })
      #expect(sizes.reduce(0, +) + gap * (constraints.count - 1) <= total)
      let area = Rect(x: 2, y: 1, width: total, height: total)
      for rect in Layout.vertical(constraints, spacing: spacing).split(area) {
        #expect(rect.y >= area.y && rect.maxY <= area.maxY)
      }
    }
    #expect(Layout.vertical([]).split(Rect(x: 0, y: 0, width: total, height: total)) == [])
  }

  @Test func rectHelpers() {
    let area = Rect(x: 0, y: 0, width: 10, height: 5)
    #expect(area.centered(width: 4, height: 3) == Rect(x: 3, y: 1, width: 4, height: 3))
    #expect(area.centered(width: 40, height: 30) == area)
    #expect(area.splitLeft(3) == (Rect(x: 0, y: 0, width: 3, height: 5), Rect(x: 3, y: 0, width: 7, height: 5)))
    #expect(area.splitRight(20).rest.isEmpty)
    #expect(area.splitTop(2).rest == Rect(x: 0, y: 2, width: 10, height: 3))
    #expect(area.splitBottom(1).bottom == Rect(x: 0, y: 4, width: 10, height: 1))
    #expect(area.inset(horizontal: 6, vertical: 1).isEmpty)
  }
}
