import SnapshotTesting
import Testing

@testable import GreenSilkUI

@Suite("BarChart")
struct BarChartTests {
  static let corridors = [
    Bar("CPEC", value: 42, role: .series1), Bar("NELB", value: 10.5, role: .series2),
    Bar("CICPEC", value: 27, role: .series3), Bar("BCIMEC", value: 0, role: .series4),
    Bar("CMREC", value: 3, role: .series5, valueLabel: "3 (est.)"),
  ]

  @Test func unicodeEighths() {
    var buffer = Buffer(width: 40, height: 5)
    BarChart(Self.corridors).render(in: buffer.area, into: &buffer)
    assertSnapshot(of: buffer.snapshotText, as: .lines)
  }

  @Test func asciiWithGap() {
    var buffer = Buffer(width: 30, height: 5)
    BarChart(Self.corridors, glyphs: .ascii).gap(1).render(in: buffer.area, into: &buffer)
    assertSnapshot(of: buffer.snapshotText, as: .lines)
  }

  @Test func eighthPrecision() {
    // 10 cells of bar, max 80: each unit is one eighth of a cell.
    var buffer = Buffer(width: 10, height: 3)
    BarChart([Bar("", value: 13), Bar("", value: 80), Bar("", value: 0.01)], maxValue: 80).values(false)
      .render(in: buffer.area, into: &buffer)
    #expect(buffer.lines == ["█▋        ", "██████████", "▏         "])
  }

  @Test func valuesAboveTheMaxClamp() {
    var buffer = Buffer(width: 8, height: 1)
    BarChart([Bar("", value: 500)], maxValue: 100).values(false).render(in: buffer.area, into: &buffer)
    #expect(buffer.line(0) == "████████")
  }
}

@Suite("ColumnChart")
struct ColumnChartTests {
  @Test func activitiesPerMonth() {
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
    let counts: [Double] = [7, 3, 12, 0, 5.5, 9]
    var buffer = Buffer(width: 26, height: 8)
    ColumnChart(zip(months, counts).map { Bar($0, value: $1, role: .series2) }).render(in: buffer.area, into: &buffer)
    assertSnapshot(of: buffer.snapshotText, as: .lines)
  }

  @Test func asciiColumns() {
    var buffer = Buffer(width: 11, height: 5)
    ColumnChart([Bar("a", value: 4), Bar("b", value: 1), Bar("c", value: 2.5)], glyphs: .ascii).columnWidth(3)
      .render(in: buffer.area, into: &buffer)
    assertSnapshot(of: buffer.snapshotText, as: .lines)
  }

  @Test func columnsThatDoNotFitAreLeftOut() {
    var buffer = Buffer(width: 3, height: 2)
    ColumnChart([Bar("a", value: 1), Bar("b", value: 2), Bar("c", value: 3)]).values(false)
      .render(in: buffer.area, into: &buffer)
    #expect(buffer.lines == ["▃ ▅", "a b"])
  }
}

@Suite("Sparkline")
struct SparklineTests {
  @Test func oneRow() {
    var buffer = Buffer(width: 10, height: 1)
    Sparkline([0, 1, 2, 3, 4, 5, 6, 7, 8]).render(in: buffer.area, into: &buffer)
    #expect(buffer.line(0) == "  ▁▂▃▄▅▆▇█")
    #expect(buffer[9, 0].style == Style(.series1))
  }

  @Test func onlyTheNewestValuesThatFit() {
    var buffer = Buffer(width: 3, height: 1)
    Sparkline([100, 100, 1, 2, 4], glyphs: .ascii).render(in: buffer.area, into: &buffer)
    #expect(buffer.line(0) == "_.#")
  }

  @Test func twoRowsAndAFixedMax() {
    var buffer = Buffer(width: 4, height: 2)
    Sparkline([16, 8, 12, 40], maxValue: 16).role(.onTrack).render(in: buffer.area, into: &buffer)
    #expect(buffer.lines == ["█ ▄█", "████"])
  }
}

@Suite("Gauge")
struct GaugeTests {
  @Test func halfWay() {
    var buffer = Buffer(width: 30, height: 1)
    Gauge(ratio: 0.5, label: "Budget").render(in: buffer.area, into: &buffer)
    assertSnapshot(of: buffer.snapshotText, as: .lines)
  }

  @Test func overspendClampsTheBarButNotThePercent() {
    var buffer = Buffer(width: 20, height: 3)
    Gauge(ratio: 1.324, label: "Spent").fillRole(.offTrack).render(in: buffer.area, into: &buffer)
    #expect(buffer.lines == ["                    ", "Spent █████████ 132%", "                    "])
    #expect(buffer[6, 1].style == Style(.offTrack))
  }

  @Test func asciiAndPartialCells() {
    var buffer = Buffer(width: 16, height: 1)
    Gauge(ratio: 0.3, glyphs: .ascii).render(in: buffer.area, into: &buffer)
    // 30% of 12 cells is 3.6 cells: the 5/8 end shows as `=` in ASCII.
    #expect(buffer.line(0) == "###=........ 30%")
  }

  @Test func narrowGaugesDropTheLabelFirst() {
    var buffer = Buffer(width: 9, height: 1)
    Gauge(ratio: 1, label: "Long label").render(in: buffer.area, into: &buffer)
    #expect(buffer.line(0) == "████ 100%")
  }
}
