/// Places text labels on the map without covering markers or each other:
/// each label tries its candidate positions in order and takes the first
/// where its cells are free, inside the map, with a blank column between
/// it and any other label; a label that asks to spare the routes tries
/// the positions that would cover one only after all the others. A label
/// that fits nowhere is left out.
struct MapLabeler {
  let area: Rect
  /// Cells taken by markers or labels.
  private var taken: [Bool]
  /// Cells taken by labels only (they keep a gap between them).
  private var labelled: [Bool]
  /// Cells a label should rather not cover (routes).
  private var avoided: [Bool]

  init(area: Rect) {
    self.area = area
    taken = Array(repeating: false, count: area.width * area.height)
    labelled = taken
    avoided = taken
  }

  /// Marks a cell (screen coordinates) that labels should rather leave
  /// visible.
  mutating func avoid(x: Int, y: Int) {
    guard area.contains(Point(x: x, y: y)) else { return }
    avoided[(y - area.y) * area.width + x - area.x] = true
  }

  /// Marks a cell (screen coordinates) as taken by a marker.
  mutating func take(x: Int, y: Int) {
    guard area.contains(Point(x: x, y: y)) else { return }
    taken[(y - area.y) * area.width + x - area.x] = true
  }

  /// A label given a place, to be written once every label has one.
  struct Placed {
    let text: String
    let style: Style
    let x: Int
    let y: Int
  }

  /// Labels placed so far, in order.
  private(set) var placed: [Placed] = []

  /// Places `text` at the first free candidate (screen column of its
  /// first character, row), when `sparingRoutes` at one that leaves the
  /// routes visible if there is one. Returns whether it was placed. The
  /// text is written by `write(into:)`, so that a caller can try another
  /// order on a copy of the labeler first.
  @discardableResult
  mutating func place(
    _ text: String, style: Style, at candidates: [(x: Int, y: Int)], sparingRoutes: Bool = false
  ) -> Bool {
    let width = TextWidth.columns(of: text)
    guard width > 0 else { return false }
    let spared = sparingRoutes ? candidates.first(where: { fits(x: $0.x, y: $0.y, width: width, strictly: true) }) : nil
    guard let (x, y) = spared ?? candidates.first(where: { fits(x: $0.x, y: $0.y, width: width, strictly: false) })
    else { return false }
    placed.append(Placed(text: text, style: style, x: x, y: y))
    for column in x..<(x + width) {
      let index = (y - area.y) * area.width + column - area.x
      taken[index] = true
      labelled[index] = true
    }
    return true
  }

  /// Writes every placed label.
  func write(into buffer: inout Buffer) {
    for label in placed {
      buffer.put(label.text, x: label.x, y: label.y, style: label.style, maxWidth: TextWidth.columns(of: label.text))
    }
  }

  private func fits(x: Int, y: Int, width: Int, strictly: Bool) -> Bool {
    guard y >= area.y, y < area.maxY, x >= area.x, x + width <= area.maxX else { return false }
    let row = (y - area.y) * area.width - area.x
    for column in x..<(x + width) where taken[row + column] || (strictly && avoided[row + column]) { return false }
    if x > area.x, labelled[row + x - 1] { return false }
    if x + width < area.maxX, labelled[row + x + width] { return false }
    return true
  }
}
