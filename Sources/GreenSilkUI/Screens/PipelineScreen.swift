import GreenSilkCore

/// The Pipeline screen (placeholder until the screen lands).
enum PipelineScreen {
  static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let inner = Panel("Pipeline", glyphs: state.settings.glyphs).render(in: area, into: &buffer)
    buffer.put("Pipeline", x: inner.x, y: inner.y, maxWidth: inner.width)
  }
}
