import GreenSilkCore

/// The figures a room should read from across it, in large block digits:
/// projects in implementation, red-light projects, envoy participants this
/// year, and key projects on track.
enum WallPage {
  struct Figure {
    let value: Int
    let label: String
    let detail: String
    let role: Role
  }

  static func figures(_ state: KioskState) -> [Figure] {
    let portfolio = state.app.context.portfolio
    let year = state.app.clock.day.year
    return [
      Figure(
        value: portfolio.count(.implementation), label: "Projects in implementation",
        detail: trackedDetail(portfolio), role: .stageImplementation),
      Figure(
        value: portfolio.byLight.red, label: "Red-light projects",
        detail: "significant, irreversible impact", role: .lightRed),
      Figure(
        value: portfolio.envoys.participantsThisYear, label: "Envoy participants \(year)",
        detail: "from event records", role: .series2),
      Figure(
        value: portfolio.keyProjectsOnTrack, label: "Key projects on track",
        detail: portfolio.keyProjectsIllustrativeDelivery > 0
          ? "of \(portfolio.keyProjectsTracked) tracked (illustrative)" : "of \(portfolio.keyProjectsTracked) tracked (plan: 25)",
        role: .onTrack),
    ]
  }

  /// `of 162 tracked`, saying what the count leaves out or takes in.
  static func trackedDetail(_ portfolio: Portfolio) -> String {
    let count = Presentation.count(portfolio.projectCount)
    let excluded = Presentation.count(portfolio.notInTotalsCount)
    guard portfolio.notInTotalsCount > 0 else { return "of \(count) tracked" }
    return portfolio.scope == .eligible
      ? "of \(count) counted (\(excluded) not in totals)"
      : "of \(count), ALL records incl. \(excluded) not in totals"
  }

  static func render(_ state: KioskState, in area: Rect, into buffer: inout Buffer) {
    let glyphs = state.app.settings.glyphs
    let items = figures(state)
    let rows = Layout.vertical([.fill(1), .fill(1)]).split(area)
    for (rowIndex, row) in rows.enumerated() {
      let cells = Layout.horizontal([.fill(1), .fill(1)], spacing: 1).split(row)
      for (column, cell) in cells.enumerated() {
        let figure = items[rowIndex * 2 + column]
        let inner = Panel(figure.label, glyphs: glyphs).titleStyle(Style(figure.role, emphasis: .bold)).render(in: cell, into: &buffer)
        guard inner.height > 0 else { continue }
        let text = NumberText.integer(figure.value)
        let digitRows = inner.height - 1
        if let height = BigDigits.largestHeight(for: text, width: inner.width, maxRows: digitRows) {
          // On a big wall, magnify the largest font while it still fits
          // with a margin, so the figures read from across the room.
          let width = BigDigits.width(of: text, height: height, glyphs: glyphs)
          var scale = 1
          while height == .rows5, (scale + 1) * height.rawValue <= digitRows - 2, (scale + 1) * width <= inner.width - 4 {
            scale += 1
          }
          let rows = height.rawValue * scale
          let top = inner.y + max(0, (digitRows - rows) / 2)
          BigDigits(text, height: height, glyphs: glyphs).role(figure.role).alignment(.center).scaled(scale)
            .render(in: Rect(x: inner.x, y: top, width: inner.width, height: rows), into: &buffer)
        } else {
          buffer.put(text, in: Rect(x: inner.x, y: inner.y + inner.height / 2 - 1, width: inner.width, height: 1), style: Style(figure.role, emphasis: .bold), alignment: .center)
        }
        buffer.put(figure.detail, in: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1), style: Style(.muted), alignment: .center)
      }
    }
  }
}
