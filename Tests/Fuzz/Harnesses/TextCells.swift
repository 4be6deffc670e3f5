// libFuzzer harness: arbitrary Unicode through the sanitizer, the width
// tables, truncating, padding, wrapping, and drawing into a buffer (the
// grapheme-to-cells mapping), with the invariants the screens rely on.
import GreenSilkUI

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextCells(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let width = Int(data[0] % 40)
  let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
  let visible = Sanitizer.visible(text)
  precondition(!Sanitizer.containsControl(visible), "a control survived the sanitizer")
  _ = Sanitizer.visibleGraphemes(text)
  let columns = TextWidth.columns(of: visible)
  precondition(columns >= 0)
  let truncated = TextWidth.truncate(visible, toWidth: width)
  precondition(TextWidth.columns(of: truncated) <= max(width, 0), "truncate overflowed its width")
  let padded = TextWidth.pad(visible, toWidth: width)
  precondition(TextWidth.columns(of: padded) >= min(width, columns))
  if width > 0 {
    for line in TextWidth.wrap(visible, width: width) {
      precondition(TextWidth.columns(of: line) <= width, "a wrapped line is wider than the width")
    }
  }
  var buffer = Buffer(width: 20, height: 2)
  _ = buffer.put(text, x: 0, y: 0)
  _ = buffer.put(text, x: 19, y: 1, maxWidth: width)
  return 0
}
