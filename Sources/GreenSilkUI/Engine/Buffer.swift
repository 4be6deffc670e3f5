/// A grid of cells the size of the screen (or of a test). Every screen
/// renders into a `Buffer`; the terminal backend writes only the cells
/// that differ from the previous frame (`diff(from:)`).
///
/// `Buffer` is the only way text reaches the terminal, and `put` makes
/// every string safe on the way in: control characters and escape
/// sequences from the data become visible placeholders (`Sanitizer`).
public struct Buffer: Equatable, Sendable {
  public private(set) var width: Int
  public private(set) var height: Int
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int, fill: Cell = .blank) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.cells = Array(repeating: fill, count: self.width * self.height)
  }

  public init(size: Size) { self.init(width: size.width, height: size.height) }

  public var size: Size { Size(width: width, height: height) }
  public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  public subscript(x: Int, y: Int) -> Cell {
    get { cells[y * width + x] }
    set { cells[y * width + x] = newValue }
  }

  /// Writes `text` starting at (x, y), never past `maxWidth` columns nor
  /// the right edge, and returns the number of columns used. A wide glyph
  /// that would be cut in half is replaced by a space.
  @discardableResult
  public mutating func put(
    _ text: some StringProtocol, x: Int, y: Int, style: Style = .text, maxWidth: Int = .max
  ) -> Int {
    guard y >= 0, y < height, x < width else { return 0 }
    let limit = min(width, x + max(0, maxWidth))
    var column = x
    for grapheme in Sanitizer.visibleGraphemes(text) {
      let glyphWidth = TextWidth.columns(of: grapheme)
      if glyphWidth == 0 { continue }
      if column + glyphWidth > limit {
        if glyphWidth == 2, column < limit, column >= 0 { setCell(Cell(" ", style: style), x: column, y: y) }
        break
      }
      if column >= 0 {
        setCell(Cell(grapheme, width: UInt8(glyphWidth), style: style), x: column, y: y)
        if glyphWidth == 2, column + 1 < width { setCell(.continuation(style), x: column + 1, y: y) }
      }
      column += glyphWidth
    }
    return max(0, column - x)
  }

  /// Sets one cell, repairing any wide glyph it overwrites half of.
  public mutating func setCell(_ cell: Cell, x: Int, y: Int) {
    guard x >= 0, x < width, y >= 0, y < height else { return }
    let index = y * width + x
    let old = cells[index]
    if old.isContinuation, x > 0, cells[index - 1].width == 2 {
      cells[index - 1] = Cell(" ", style: cells[index - 1].style)
    }
    if old.width == 2, x + 1 < width, cell.width != 2 {
      cells[index + 1] = Cell(" ", style: cells[index + 1].style)
    }
    cells[index] = cell
  }

  /// Fills a rectangle with one cell (a space in a style, by default).
  public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
    let clipped = rect.intersection(area)
    guard !clipped.isEmpty else { return }
    for y in clipped.y..<clipped.maxY {
      for x in clipped.x..<clipped.maxX { setCell(cell, x: x, y: y) }
    }
  }

  /// Changes the style of every cell in `rect`, keeping the symbols.
  public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
    let clipped = rect.intersection(area)
    guard !clipped.isEmpty else { return }
    for y in clipped.y..<clipped.maxY {
      for x in clipped.x..<clipped.maxX {
        cells[y * width + x].style = transform(cells[y * width + x].style)
      }
    }
  }

  /// The text of one row, continuation cells skipped.
  public func line(_ y: Int) -> String {
    var out = ""
    for x in 0..<width where !self[x, y].isContinuation { out += self[x, y].symbol }
    return out
  }

  /// Every row as text (for tests and snapshots).
  public var lines: [String] { (0..<height).map(line) }
}
