import GreenSilkCore

/// The Envoys screen (placeholder until the screen lands).
enum EnvoysScreen {
  static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let inner = Panel("Envoys", glyphs: state.settings.glyphs).render(in: area, into: &buffer)
    buffer.put("Envoys", x: inner.x, y: inner.y, maxWidth: inner.width)
  }
}
