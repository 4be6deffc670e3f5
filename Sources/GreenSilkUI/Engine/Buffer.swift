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

  /// The cell at (x, y), which must be inside the buffer. Setting through
  /// the subscript does no wide-glyph repair; prefer `setCell` or `put`.
  public subscript(x: Int, y: Int) -> Cell {
    get { cells[y * width + x] }
    set { cells[y * width + x] = newValue }
  }

  /// The cell at (x, y), or nil outside the buffer.
  public func cell(x: Int, y: Int) -> Cell? {
    guard x >= 0, x < width, y >= 0, y < height else { return nil }
    return cells[y * width + x]
  }

  /// Writes `text` starting at (x, y), never past `maxWidth` columns nor
  /// the right edge, and returns the number of columns used. A wide glyph
  /// that would be cut in half is replaced by a space; so is the visible
  /// half of one that starts left of column 0. Control and bidi characters
  /// become pictures (`Sanitizer`), a grapheme cluster takes the cells
  /// `GraphemeCells` gives it (one per spacing scalar, or a placeholder for
  /// an emoji sequence), zero-width graphemes are skipped, and a wide glyph
  /// partly overwritten at either end is repaired.
  ///
  /// This is the single way text enters the grid, so it is kept fast:
  /// printable ASCII is copied byte by byte into the cells, and the rest
  /// goes through `Sanitizer.forEachVisibleGrapheme`, which walks the UTF-8
  /// bytes and rarely needs full grapheme breaking. Neither allocates for
  /// ASCII.
  @discardableResult
  public mutating func put(
    _ text: some StringProtocol, x: Int, y: Int, style: Style = .text, maxWidth: Int = .max
  ) -> Int {
    guard y >= 0, y < height, x < width, maxWidth > 0 else { return 0 }
    let (sum, overflow) = x.addingReportingOverflow(maxWidth)
    let limit = overflow ? width : min(width, sum)
    guard limit > 0 else { return 0 }
    let row = y * width
    let whole = Substring(text)
    var column = x
    cells.withUnsafeMutableBufferPointer { cells in
      // Printable ASCII first, straight into the cells: most text is.
      let asciiEnd = whole.utf8.withContiguousStorageIfAvailable { bytes -> Int in
        Sanitizer.asciiSymbols.withUnsafeBufferPointer { symbols in
          var index = 0
          while index < bytes.count, column < limit {
            let byte = bytes[index]
            guard byte >= 0x20, byte < 0x7F else {
              // A non-ASCII scalar may combine with the character before
              // it ("e" + U+0301), so the general walk redoes that one.
              if byte >= 0x80, index > 0 {
                index -= 1
                column -= 1
              }
              return index
            }
            if column >= 0 { cells[row + column] = Cell(symbols[Int(byte)], width: 1, style: style) }
            column += 1
            index += 1
          }
          return bytes.count
        }
      }
      let start = asciiEnd ?? 0
      guard column < limit, start < whole.utf8.count else { return }
      let rest = whole[whole.utf8.index(whole.startIndex, offsetBy: start)...]
      Sanitizer.forEachVisibleGrapheme(rest) { symbol, glyphWidth in
        if glyphWidth == 0 { return true }
        if column + glyphWidth > limit {
          // Half a wide glyph would show: a space stands in for it.
          if column >= 0, column < limit {
            cells[row + column] = Cell(" ", style: style)
            column += 1
          }
          return false
        }
        if column >= 0 {
          cells[row + column] = Cell(symbol, width: UInt8(glyphWidth), style: style)
          if glyphWidth == 2 { cells[row + column + 1] = .continuation(style) }
        } else if column + glyphWidth > 0 {
          cells[row] = Cell(" ", style: style)  // a wide glyph cut by the left edge
        }
        column += glyphWidth
        return column < limit
      }
    }
    repairEdges(row: y, from: max(x, 0), to: min(column, width))
    return max(0, column - x)
  }

  /// After cells `start..<end` of row `y` were overwritten: a wide glyph
  /// that lost its continuation on the left, or a continuation that lost
  /// its glyph on the right, becomes a space in its own style.
  mutating func repairEdges(row y: Int, from start: Int, to end: Int) {
    guard end > start else { return }
    let row = y * width
    if start > 0, cells[row + start - 1].width == 2, !cells[row + start].isContinuation {
      cells[row + start - 1] = Cell(" ", style: cells[row + start - 1].style)
    }
    if end < width, cells[row + end].isContinuation {
      cells[row + end] = Cell(" ", style: cells[row + end].style)
    }
  }

  /// Writes styled spans one after the other from (x, y), within
  /// `maxWidth` columns, and returns the columns used.
  @discardableResult
  public mutating func put(_ spans: [Span], x: Int, y: Int, maxWidth: Int = .max) -> Int {
    var used = 0
    for span in spans {
      guard used < maxWidth else { break }
      used += put(span.text, x: x + used, y: y, style: span.style, maxWidth: maxWidth - used)
    }
    return used
  }

  /// Writes `text` on the first row of `area`, cut with `ellipsis` when too
  /// wide and placed by `alignment`. Cells of the row that the text does not
  /// cover are left as they are.
  @discardableResult
  public mutating func put(
    _ text: some StringProtocol, in area: Rect, style: Style = .text,
    alignment: TextAlignment = .left, ellipsis: String = "…"
  ) -> Int {
    guard !area.isEmpty else { return 0 }
    let shown = TextWidth.truncate(text, toWidth: area.width, ellipsis: ellipsis)
    let shownWidth = TextWidth.columns(of: shown)
    let offset: Int
    switch alignment {
    case .left: offset = 0
    case .center: offset = (area.width - shownWidth) / 2
    case .right: offset = area.width - shownWidth
    }
    return put(shown, x: area.x + offset, y: area.y, style: style, maxWidth: area.width - offset)
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
    guard cell.width == 1 else {
      for y in clipped.y..<clipped.maxY {
        for x in clipped.x..<clipped.maxX { setCell(cell, x: x, y: y) }
      }
      return
    }
    for y in clipped.y..<clipped.maxY {
      let row = y * width
      for x in clipped.x..<clipped.maxX { cells[row + x] = cell }
      repairEdges(row: y, from: clipped.x, to: clipped.maxX)
    }
  }

  /// Resets every cell to a blank.
  public mutating func clear() {
    for index in cells.indices { cells[index] = .blank }
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
    guard y >= 0, y < height else { return "" }
    var out = ""
    for x in 0..<width where !self[x, y].isContinuation { out += self[x, y].symbol }
    return out
  }

  /// Every row as text (for tests and snapshots).
  public var lines: [String] { (0..<height).map(line) }
}
