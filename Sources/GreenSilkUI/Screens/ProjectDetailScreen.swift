import GreenSilkCore

/// The ProjectDetail screen (placeholder until the screen lands).
enum ProjectDetailScreen {
  static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let inner = Panel("ProjectDetail", glyphs: state.settings.glyphs).render(in: area, into: &buffer)
    buffer.put("ProjectDetail", x: inner.x, y: inner.y, maxWidth: inner.width)
  }
}
