extension Rect {
  /// A rectangle of at most `width` x `height` centred in this one (the
  /// odd cell goes to the right and bottom). Never larger than `self`.
  public func centered(width: Int, height: Int) -> Rect {
    let w = min(max(0, width), self.width)
    let h = min(max(0, height), self.height)
    return Rect(x: x + (self.width - w) / 2, y: y + (self.height - h) / 2, width: w, height: h)
  }

  /// The rectangle shrunk by different margins on each axis (clamped so it
  /// never has a negative size).
  public func inset(horizontal: Int, vertical: Int) -> Rect {
    Rect(x: x + horizontal, y: y + vertical, width: width - 2 * horizontal, height: height - 2 * vertical)
  }

  /// The first `count` columns, and the rest.
  public func splitLeft(_ count: Int) -> (left: Rect, rest: Rect) {
    let taken = min(max(0, count), width)
    return (
      Rect(x: x, y: y, width: taken, height: height),
      Rect(x: x + taken, y: y, width: width - taken, height: height)
    )
  }

  /// The last `count` columns, and the rest.
  public func splitRight(_ count: Int) -> (rest: Rect, right: Rect) {
    let taken = min(max(0, count), width)
    return (
      Rect(x: x, y: y, width: width - taken, height: height),
      Rect(x: maxX - taken, y: y, width: taken, height: height)
    )
  }

  /// The first `count` rows, and the rest.
  public func splitTop(_ count: Int) -> (top: Rect, rest: Rect) {
    let taken = min(max(0, count), height)
    return (
      Rect(x: x, y: y, width: width, height: taken),
      Rect(x: x, y: y + taken, width: width, height: height - taken)
    )
  }

  /// The last `count` rows, and the rest.
  public func splitBottom(_ count: Int) -> (rest: Rect, bottom: Rect) {
    let taken = min(max(0, count), height)
    return (
      Rect(x: x, y: y, width: width, height: height - taken),
      Rect(x: x, y: maxY - taken, width: width, height: taken)
    )
  }
}
