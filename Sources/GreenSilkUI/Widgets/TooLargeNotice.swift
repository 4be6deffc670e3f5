/// What a window larger than `DrawableArea.largest` shows: a notice in its
/// top-left corner, in a frame of `DrawableArea.drawn(for:)` cells, so
/// that a 65535x65535 window costs what an 80x24 one does.
public enum TooLargeNotice {
  /// `window too large (10000x10000): GreenSilk draws at most 500x300 …`.
  public static func message(for size: Size) -> String {
    let largest = DrawableArea.largest
    return "window too large (\(size.width)x\(size.height)): GreenSilk draws at most "
      + "\(largest.width)x\(largest.height) cells; make the window smaller or the font larger"
  }

  /// The whole frame for a window of `size`.
  public static func frame(for size: Size) -> Buffer {
    var buffer = Buffer(size: DrawableArea.drawn(for: size))
    let area = buffer.area
    guard !area.isEmpty else { return buffer }
    var lines = TextWidth.wrap(message(for: size), width: max(1, area.width - 4))
    if lines.count > area.height { lines = Array(lines.prefix(area.height)) }
    let top = (area.height - lines.count) / 2
    for (index, line) in lines.enumerated() {
      buffer.put(line, in: area.row(top + index), style: Style(.warning), alignment: .center)
    }
    return buffer
  }
}
