/// What a screen shows instead of itself when the window is smaller than
/// it needs: `enlarge the window (need 80x24)`, centred, wrapped onto as
/// many lines as the window has, cut when even that is not enough. Safe at
/// any size, 0x0 included.
public enum TooSmallNotice {
  /// Whether `size` is below `minimum` in either direction.
  public static func isTooSmall(_ size: Size, minimum: Size) -> Bool {
    size.width < minimum.width || size.height < minimum.height
  }

  /// The message for a minimum size.
  public static func message(minimum: Size) -> String {
    "enlarge the window (need \(minimum.width)x\(minimum.height))"
  }

  /// Clears `area` and writes the message centred in it.
  public static func render(in area: Rect, into buffer: inout Buffer, minimum: Size, style: Style = Style(.warning)) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    var lines = TextWidth.wrap(message(minimum: minimum), width: area.width)
    if lines.count > area.height { lines = Array(lines.prefix(area.height)) }
    let top = area.y + (area.height - lines.count) / 2
    for (index, line) in lines.enumerated() {
      buffer.put(line, in: area.row(top - area.y + index), style: style, alignment: .center)
    }
  }
}
