import GreenSilkCore

/// Draws the wall display: a header (page, data label, as-of, clock), the
/// page, a warning line when newer data could not be used, a ticker of
/// the latest changes, and a thin progress line for the time left.
public enum KioskView {
  public static let minimumSize = Size(width: 60, height: 16)

  public static func render(_ state: KioskState, size: Size) -> Buffer {
    var buffer = Buffer(size: size)
    let area = buffer.area
    if TooSmallNotice.isTooSmall(size, minimum: minimumSize) {
      TooSmallNotice.render(in: area, into: &buffer, minimum: minimumSize)
      return buffer
    }
    let parts = rows(state, in: area)
    header(state, in: parts[0], into: &buffer)
    page(state, in: parts[1], into: &buffer)
    var next = 2
    if let warning = state.warning {
      buffer.fill(parts[next], with: Cell(" ", style: Style(.warning, emphasis: .selected)))
      buffer.put(" ⚠ " + warning, x: parts[next].x, y: parts[next].y, style: Style(.warning, emphasis: .selected), maxWidth: parts[next].width)
      next += 1
    }
    ticker(state, in: parts[next], into: &buffer)
    progress(state, in: parts[next + 1], into: &buffer)
    return buffer
  }

  /// The rows of the display: header, page, the warning when there is
  /// one, ticker, progress. Burn-in protection: everything sits one cell
  /// in and walks a square.
  static func rows(_ state: KioskState, in area: Rect) -> [Rect] {
    let offset = state.burnInOffset
    let frame = Rect(x: area.x + offset.x, y: area.y + offset.y, width: area.width - 1, height: area.height - 1)
    var rows: [Constraint] = [.length(1), .fill(1)]
    if state.warning != nil { rows.append(.length(1)) }
    rows += [.length(1), .length(1)]
    return Layout.vertical(rows).split(frame)
  }

  /// Where the page is drawn on a display of `size` (the map's canvas is
  /// rasterised for it ahead of the frame).
  static func pageArea(_ state: KioskState, size: Size) -> Rect { rows(state, in: Rect(size: size))[1] }

  /// The title row: the page's title, and the clock in bold (read from
  /// across the room), to the second when the config asks.
  static func header(_ state: KioskState, in area: Rect, into buffer: inout Buffer) {
    let clock = state.config.clockSeconds ? state.app.clock.hourMinuteSecond : state.app.clock.hourMinute
    var left = [TitleBar.product, Span(" " + state.page.title + " ", style: Style(.title, emphasis: .selected))]
    // What the page's totals count, when some records are left out
    // (with every record counted, the right side's badge says so).
    let portfolio = state.app.context.portfolio
    if portfolio.scope == .eligible && portfolio.notInTotalsCount > 0 {
      left.append(Span(" totals: counted records only (\(Presentation.count(portfolio.notInTotalsCount)) left out)", role: .titleBar))
    }
    let right = TitleBar.right(
      meta: state.app.data.meta, clock: clock, clockStyle: Style(.titleBar, emphasis: .bold), totals: state.app.context.scope)
    TitleBar.render(left: left, right: right, in: area, into: &buffer)
  }

  static func page(_ state: KioskState, in area: Rect, into buffer: inout Buffer) {
    switch state.page {
    case .wall: WallPage.render(state, in: area, into: &buffer)
    case .overview: OverviewScreen.render(state.app, in: area, into: &buffer)
    case .corridor: CorridorsScreen.render(state.app, in: area, into: &buffer)
    case .pipeline: PipelineScreen.render(state.app, in: area, into: &buffer)
    case .envoys: EnvoysScreen.render(state.app, in: area, into: &buffer)
    case .map, .corridorMap: MapScreen.render(state.app, in: area, into: &buffer)
    }
  }

  static func ticker(_ state: KioskState, in area: Rect, into buffer: inout Buffer) {
    let glyphs = state.app.settings.glyphs
    let label = Span(" Latest ", style: Style(.ticker, emphasis: .bold))
    let body: Span =
      state.ticker.isEmpty
      ? Span(" no recorded changes yet", role: .muted)
      : Span(" " + state.ticker.joined(separator: "  \(glyphs.separator)  "), role: .ticker)
    buffer.put([label, body], x: area.x, y: area.y, maxWidth: area.width)
  }

  /// Page dots and the seconds left, then a line that shrinks as the
  /// page's time runs out.
  static func progress(_ state: KioskState, in area: Rect, into buffer: inout Buffer) {
    let glyphs = state.app.settings.glyphs
    let dots = state.pages.indices.map { $0 == state.index ? glyphs.dot : (glyphs.isASCII ? "." : "·") }.joined()
    let label = state.paused ? " paused " : " \(state.secondsLeft)s "
    let left = " " + dots + label
    let used = buffer.put(left, x: area.x, y: area.y, style: Style(.muted), maxWidth: area.width)
    let barWidth = max(0, area.width - used - 1)
    guard barWidth > 0 else { return }
    let fraction = state.paused ? 1 : Double(state.secondsLeft) / max(1, state.config.rotate.rounded(.up))
    let filled = Int((Double(barWidth) * min(1, fraction)).rounded())
    let line = glyphs.isASCII ? "-" : "━"
    buffer.put(String(repeating: line, count: filled), x: area.x + used, y: area.y, style: Style(.gaugeFill), maxWidth: barWidth)
  }
}
