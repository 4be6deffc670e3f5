import GreenSilkCore

/// The Corridors screen (placeholder until the screen lands).
enum CorridorsScreen {
  static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let inner = Panel("Corridors", glyphs: state.settings.glyphs).render(in: area, into: &buffer)
    buffer.put("Corridors", x: inner.x, y: inner.y, maxWidth: inner.width)
  }
}
