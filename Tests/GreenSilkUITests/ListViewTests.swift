import SnapshotTesting
import Testing

@testable import GreenSilkUI

@Suite("ListView")
struct ListViewTests {
  static let corridors: [ListItem] = [
    "New Eurasian Land Bridge", "China–Mongolia–Russia", ListItem("China–Central Asia–West Asia", matches: [6..<13]),
    "China–Indochina Peninsula", "China–Pakistan 中巴", "Bangladesh–China–India–Myanmar",
  ]

  @Test func selectionMarkerScrollbarAndMatches() {
    var buffer = Buffer(width: 24, height: 4)
    var state = ListState(selected: 3)
    ListView(items: Self.corridors, state: state).render(in: buffer.area, into: &buffer, state: &state)
    #expect(state.offset == 0)
    assertSnapshot(of: buffer.snapshotText, as: .lines)
  }

  @Test func asciiScrolledToTheEnd() {
    var buffer = Buffer(width: 20, height: 3)
    ListView(items: Self.corridors, state: ListState(selected: 5), glyphs: .ascii).render(in: buffer.area, into: &buffer)
    #expect(
      buffer.lines == [
        "  China–Indochin...|",
        "  China–Pakistan...|",
        "> Bangladesh–Chi...#",
      ])
    #expect(buffer[3, 2].style == Style(.text, emphasis: .selected))
  }

  @Test func lazyItems() {
    let counter = CallCounter()
    var buffer = Buffer(width: 10, height: 5)
    ListView(itemCount: 100_000, state: ListState(selected: 70_000)) { index in
      counter.calls += 1
      return ListItem("item \(index)")
    }
    .render(in: buffer.area, into: &buffer)
    #expect(counter.calls == 5)
  }

  @Test func withoutMarkerOrItems() {
    var buffer = Buffer(width: 12, height: 2)
    ListView(items: ["one", "two"], state: ListState(selected: 0)).marker(false).render(in: buffer.area, into: &buffer)
    #expect(buffer.lines == ["one         ", "two         "])
    buffer.clear()
    ListView(items: []).emptyMessage("nothing").render(in: buffer.area, into: &buffer)
    #expect(buffer.lines == ["  nothing   ", "            "])
  }
}
