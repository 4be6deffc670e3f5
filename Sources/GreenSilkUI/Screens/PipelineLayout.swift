import GreenSilkCore

/// Where the pipeline screen puts things, from the state and the body
/// area. The reducer uses the same geometry (in `AppView.body(for:)`) to
/// page by what is on screen and to keep the cursor visible, so both
/// always agree.
struct PipelineLayout {
  /// Kanban columns are never narrower than this (a dot, an id and a few
  /// characters of title).
  static let minimumColumnWidth = 18

  /// The facet bar row, when facets are set.
  var facetBar: Rect?
  /// The row that says which kanban columns are off screen, when some are.
  var strip: Rect?
  /// The table panel, or the area the kanban columns share.
  var main: Rect
  /// The kanban stage columns on screen: stage index and panel rect.
  var columns: [(stage: Int, rect: Rect)] = []
  /// The first and one-past-last stage index on screen (kanban).
  var shownColumns: Range<Int> = 0..<0

  init(_ pipeline: PipelineState, in area: Rect) {
    var rest = area
    if !pipeline.facets.isEmpty {
      let split = rest.splitTop(1)
      facetBar = split.top
      rest = split.rest
    }
    guard pipeline.mode == .kanban else {
      main = rest
      return
    }
    let total = Stage.allCases.count
    let fitting = Self.fittingColumns(width: rest.width)
    if fitting < total {
      let split = rest.splitTop(1)
      strip = split.top
      rest = split.rest
    }
    main = rest
    let first = PipelineState.firstKanbanColumn(
      stored: pipeline.kanbanFirstColumn, focused: pipeline.kanbanColumn, fitting: fitting, total: total)
    shownColumns = first..<min(total, first + fitting)
    let rects = Layout.horizontal(Array(repeating: .fill(1), count: shownColumns.count)).split(rest)
    columns = zip(shownColumns, rects).map { ($0, $1) }
  }

  /// How many kanban columns fit side by side in `width` cells.
  static func fittingColumns(width: Int) -> Int {
    max(1, min(Stage.allCases.count, width / minimumColumnWidth))
  }

  /// Rows of projects the table shows (inside the panel, below its header).
  var tableRows: Int { Table.rows(inPanel: main) }

  /// Rows of cards a kanban column shows.
  var cardRows: Int { max(1, Panel.inner(of: columns.first?.rect ?? main).height) }
}
