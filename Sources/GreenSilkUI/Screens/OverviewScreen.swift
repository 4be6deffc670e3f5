import GreenSilkCore

/// The Overview screen (placeholder until the screen lands).
enum OverviewScreen {
  static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let inner = Panel("Overview", glyphs: state.settings.glyphs).render(in: area, into: &buffer)
    buffer.put("Overview", x: inner.x, y: inner.y, maxWidth: inner.width)
  }
}
