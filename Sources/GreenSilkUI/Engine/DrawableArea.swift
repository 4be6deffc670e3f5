/// The largest window GreenSilk draws. Every cell costs memory several
/// times over (the frame, the previous frame, the diff, ncurses' own
/// screens: ~150 bytes in all), and an SSH client may claim any window
/// size up to 65535x65535, so beyond this a small notice is drawn instead
/// and memory stays what it is at 80x24 (DECISIONS.md, "Largest drawable
/// area").
public enum DrawableArea {
  /// 500 columns by 300 rows: a 4K screen with an 8x16 font is 480x135.
  public static let largest = Size(width: 500, height: 300)
  /// What the "window too large" notice takes, at most (top-left corner).
  public static let noticeSize = Size(width: 80, height: 24)

  /// Whether a window of `size` is beyond `largest` in either direction.
  public static func isTooLarge(_ size: Size) -> Bool {
    size.width > largest.width || size.height > largest.height
  }

  /// The cells actually drawn on a window of `size`: all of them, or for
  /// a window too large, the notice's area (never more than the window).
  public static func drawn(for size: Size) -> Size {
    guard isTooLarge(size) else { return size }
    return Size(width: min(size.width, noticeSize.width), height: min(size.height, noticeSize.height))
  }
}
