/// Which row of a table or list is selected and which row is at the top.
/// It lives in the app state; the reducer moves it with the methods here,
/// and the widget corrects the scroll offset when it renders, so a stale
/// offset never hides the selection.
public struct TableState: Hashable, Sendable {
  /// The selected row, or nil for none.
  public var selected: Int?
  /// The first visible row.
  public var offset: Int

  public init(selected: Int? = 0, offset: Int = 0) {
    self.selected = selected
    self.offset = max(0, offset)
  }

  /// Clamps the selection to the rows that exist and scrolls as little as
  /// possible so that it is visible, without leaving empty rows below the
  /// last one.
  public mutating func keepSelectionVisible(visibleRows: Int, rowCount: Int) {
    guard rowCount > 0 else {
      offset = 0
      return
    }
    if let row = selected { selected = min(max(0, row), rowCount - 1) }
    let visible = max(1, visibleRows)
    offset = min(max(0, offset), max(0, rowCount - visible))
    if let row = selected {
      if row < offset { offset = row }
      if row >= offset + visible { offset = row - visible + 1 }
    }
  }

  /// Selects `row` (clamped to the rows that exist).
  public mutating func select(_ row: Int?, rowCount: Int) {
    guard let row, rowCount > 0 else {
      selected = nil
      return
    }
    selected = min(max(0, row), rowCount - 1)
  }

  /// Moves the selection by `delta` rows, stopping at the ends. With no
  /// selection, the first (or last, moving up) row is selected.
  public mutating func moveSelection(by delta: Int, rowCount: Int) {
    guard rowCount > 0 else {
      selected = nil
      return
    }
    guard let row = selected else {
      selected = delta >= 0 ? 0 : rowCount - 1
      return
    }
    let (moved, overflow) = row.addingReportingOverflow(delta)
    select(overflow ? (delta > 0 ? rowCount - 1 : 0) : moved, rowCount: rowCount)
  }

  public mutating func selectFirst(rowCount: Int) { select(0, rowCount: rowCount) }
  public mutating func selectLast(rowCount: Int) { select(rowCount - 1, rowCount: rowCount) }

  /// Moves a page down (or up, for a negative count of pages).
  public mutating func page(_ pages: Int, visibleRows: Int, rowCount: Int) {
    let (delta, overflow) = pages.multipliedReportingOverflow(by: max(1, visibleRows))
    moveSelection(by: overflow ? (pages > 0 ? Int.max : Int.min) : delta, rowCount: rowCount)
  }

  /// `"123/20000"`: the selected row counted from 1, and the row count.
  public func positionText(rowCount: Int) -> String {
    guard rowCount > 0 else { return "0/0" }
    let row = min(max(0, selected ?? 0), rowCount - 1)
    return "\(row + 1)/\(rowCount)"
  }
}

/// Lists select and scroll the same way tables do.
public typealias ListState = TableState
