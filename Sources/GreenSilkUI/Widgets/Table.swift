/// A table with a sticky header, lazily built rows, a selection and a
/// scroll bar. Rows come from a closure called only for the rows on
/// screen, so a table of 100,000 projects costs as much as one of 20.
///
///     Table(columns: columns, rowCount: projects.count, state: state.projectTable) { index in
///       let project = projects[index]
///       return [TableCell(project.id), TableCell(project.name, matches: hits[index])]
///     }
///     .sorted(by: 1, ascending: true)
///     .render(in: inner, into: &buffer)
///
/// The selected row carries `.selected` emphasis across its full width;
/// matched characters carry `.matched` (`.selectedMatched` on the selected
/// row). The position as text (`123/20000`) is `state.positionText`, for
/// a panel's right title.
public struct Table: Widget {
  public var columns: [TableColumn]
  public var rowCount: Int
  public var row: (Int) -> [TableCell]
  public var state: TableState
  /// The sorted column and direction, shown as an arrow in its header.
  public var sort: (column: Int, ascending: Bool)?
  public var glyphs: GlyphSet
  public var columnSpacing: Int
  public var showsHeader: Bool
  public var showsScrollbar: Bool
  /// How the selected row is marked (see `TableCursor`).
  public var cursor: TableCursor
  /// Shown (muted) in place of rows when there are none.
  public var emptyMessage: String

  public init(
    columns: [TableColumn], rowCount: Int, state: TableState = TableState(),
    glyphs: GlyphSet = .unicode, row: @escaping (Int) -> [TableCell]
  ) {
    self.columns = columns
    self.rowCount = max(0, rowCount)
    self.row = row
    self.state = state
    self.sort = nil
    self.glyphs = glyphs
    self.columnSpacing = 1
    self.showsHeader = true
    self.showsScrollbar = true
    self.cursor = .leadingColumn
    self.emptyMessage = ""
  }

  public func sorted(by column: Int?, ascending: Bool = true) -> Table {
    with { $0.sort = column.map { ($0, ascending) } }
  }
  public func state(_ state: TableState) -> Table { with { $0.state = state } }
  public func glyphs(_ set: GlyphSet) -> Table { with { $0.glyphs = set } }
  public func columnSpacing(_ cells: Int) -> Table { with { $0.columnSpacing = max(0, cells) } }
  public func header(_ shown: Bool) -> Table { with { $0.showsHeader = shown } }
  public func scrollbar(_ shown: Bool) -> Table { with { $0.showsScrollbar = shown } }
  public func emptyMessage(_ text: String) -> Table { with { $0.emptyMessage = text } }
  public func cursor(_ cursor: TableCursor) -> Table { with { $0.cursor = cursor } }

  private func with(_ change: (inout Table) -> Void) -> Table {
    var copy = self
    change(&copy)
    return copy
  }

  /// Rows of data a table with a header shows inside a `Panel` drawn in
  /// `area` (what a page up or down moves by; at least 1).
  public static func rows(inPanel area: Rect) -> Int {
    max(1, Panel.inner(of: area).height - 1)
  }

  /// Column widths for a table `width` columns wide, the scroll bar column
  /// not included. Columns that do not fit get width 0 and are hidden.
  public func columnWidths(for width: Int) -> [Int] {
    columnLayout(for: width).widths
  }

  /// The widths and the spacing actually used (it shrinks before columns do).
  func columnLayout(for width: Int) -> (widths: [Int], gap: Int) {
    let constraints: [Constraint] = columns.map { column in
      switch column.width {
      case .fixed(let n): .length(n)
      case .min(let n): .min(n)
      case .flex(let weight): .fill(weight)
      }
    }
    let layout = Layout.sizes(for: constraints, total: width, spacing: columnSpacing)
    return (layout.sizes, layout.spacing)
  }

  public func render(in area: Rect, into buffer: inout Buffer) {
    var state = self.state
    render(in: area, into: &buffer, state: &state)
  }

  /// Renders and writes back the state with its scroll offset corrected,
  /// like ratatui's stateful widgets.
  public func render(in area: Rect, into buffer: inout Buffer, state: inout TableState) {
    guard !area.isEmpty else { return }
    let (headerRow, body) = area.splitTop(showsHeader ? 1 : 0)
    state.keepSelectionVisible(visibleRows: body.height, rowCount: rowCount)
    let scrollbar = Scrollbar(total: rowCount, visible: body.height, offset: state.offset, glyphs: glyphs)
    let reserveBar = showsScrollbar && scrollbar.isNeeded && area.width >= 2
    let content = reserveBar ? area.splitRight(1).rest : area
    let (widths, gap) = columnLayout(for: content.width)

    if !headerRow.isEmpty {
      renderHeader(on: Rect(x: area.x, y: headerRow.y, width: area.width, height: 1), widths: widths, gap: gap, into: &buffer)
    }
    guard !body.isEmpty else { return }
    if rowCount == 0 {
      if !emptyMessage.isEmpty {
        buffer.put(emptyMessage, in: body.row(0), style: Style(.muted), alignment: .center, ellipsis: glyphs.ellipsis)
      }
      return
    }
    for line in 0..<body.height {
      let index = state.offset + line
      guard index < rowCount else { break }
      let rowRect = Rect(x: content.x, y: body.y + line, width: content.width, height: 1)
      renderRow(index, on: rowRect, widths: widths, gap: gap, selected: index == state.selected, into: &buffer)
    }
    if reserveBar {
      scrollbar.render(in: Rect(x: area.maxX - 1, y: body.y, width: 1, height: body.height), into: &buffer)
    }
  }

  private func renderHeader(on rect: Rect, widths: [Int], gap: Int, into buffer: inout Buffer) {
    let style = Style(.header)
    buffer.fill(rect, with: Cell(" ", style: style))
    var x = rect.x
    for (index, column) in columns.enumerated() where index < widths.count {
      let width = widths[index]
      defer { x += width + (width > 0 ? gap : 0) }
      guard width > 0 else { continue }
      var title = column.title
      if let sort, sort.column == index {
        title += " " + (sort.ascending ? glyphs.sortAscending : glyphs.sortDescending)
      }
      let (spans, offset) = Span.fitted(
        title, matches: [], width: width, alignment: column.alignment, style: style, matchStyle: style,
        ellipsis: glyphs.ellipsis)
      buffer.put(spans, x: x + offset, y: rect.y, maxWidth: width - offset)
    }
  }

  private func renderRow(
    _ index: Int, on rect: Rect, widths: [Int], gap: Int, selected: Bool, into buffer: inout Buffer
  ) {
    let cells = row(index)
    if selected && cursor == .fullRow { buffer.fill(rect, with: Cell(" ", style: Style(.text, emphasis: .selected))) }
    var x = rect.x
    for (column, width) in widths.enumerated() where column < columns.count {
      defer { x += width + (width > 0 ? gap : 0) }
      guard width > 0, column < cells.count else { continue }
      let cell = cells[column]
      let base = cell.style ?? Style(columns[column].role ?? .text)
      let marked = selected && (cursor == .fullRow || column == 0)
      if marked && cursor == .leadingColumn {
        buffer.fill(Rect(x: x, y: rect.y, width: width, height: 1), with: Cell(" ", style: Style(.text, emphasis: .selected)))
      }
      let style = marked ? base.with(.selected) : base
      let matchStyle = base.with(marked ? .selectedMatched : .matched)
      let (spans, offset) = Span.fitted(
        cell.text, matches: cell.matches, width: width, alignment: columns[column].alignment,
        style: style, matchStyle: matchStyle, ellipsis: glyphs.ellipsis)
      buffer.put(spans, x: x + offset, y: rect.y, maxWidth: width - offset)
    }
  }
}

/// How a table marks its selected row.
public enum TableCursor: Hashable, Sendable {
  /// The first column's cell (the record's id) in the selection style. A
  /// cursor move then rewrites a dozen cells, not two whole rows: over SSH
  /// that is ~100 bytes instead of ~600 at 120 columns (DECISIONS.md).
  case leadingColumn
  /// The whole row in the selection style.
  case fullRow
}
