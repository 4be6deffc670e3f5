@testable import GreenSilkUI

/// Renders `widget` into a fresh buffer of the given size.
func rendered(_ widget: some Widget, width: Int, height: Int) -> Buffer {
  var buffer = Buffer(width: width, height: height)
  widget.render(in: buffer.area, into: &buffer)
  return buffer
}

/// Hostile text: escape sequences, C1, DEL, CJK, emoji, combining marks.
let hostileText = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m 中文字符 👩‍👩‍👧 e\u{301} \u{7F}\r\n tab\tend"

/// Whether any cell of `buffer` holds a control character.
func containsControlCell(_ buffer: Buffer) -> Bool {
  buffer.cells.contains { cell in cell.symbol.unicodeScalars.contains(where: Sanitizer.isControl) }
}

/// Checks the buffer's structural rules: every continuation cell follows
/// a wide glyph and every wide glyph is followed by its continuation.
func wideGlyphsAreWhole(_ buffer: Buffer) -> Bool {
  for y in 0..<buffer.height {
    for x in 0..<buffer.width {
      let cell = buffer[x, y]
      if cell.width == 2 && (x + 1 >= buffer.width || !buffer[x + 1, y].isContinuation) { return false }
      if cell.isContinuation && (x == 0 || buffer[x - 1, y].width != 2) { return false }
    }
  }
  return true
}
