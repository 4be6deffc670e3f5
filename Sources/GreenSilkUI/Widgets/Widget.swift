/// Anything that draws itself into a rectangle of a `Buffer`. Widgets are
/// values built fresh for every frame from the state; they do no I/O, read
/// no clock and never draw outside `area`. Every widget must survive any
/// area, including 0x0 and 1x1.
public protocol Widget {
  func render(in area: Rect, into buffer: inout Buffer)
}

extension Buffer {
  /// Draws `widget` into `area` (clipped to the buffer).
  public mutating func render(_ widget: some Widget, in area: Rect) {
    widget.render(in: area.intersection(self.area), into: &self)
  }
}
