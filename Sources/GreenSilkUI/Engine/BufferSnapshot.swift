extension Buffer {
  /// The buffer as reviewable text, for snapshot tests: every row quoted
  /// (`"…"`) so trailing blanks stay visible, then a `-- styles --` legend
  /// with one line per run of cells whose style is not plain `.text`:
  /// `(x0,y)-(x1,y) role[+emphasis]`, both ends inclusive, role by its
  /// theme-file name. Runs never cross rows. A wide glyph's continuation
  /// cell belongs to the run of its glyph.
  public var snapshotText: String {
    var out = ""
    for y in 0..<height {
      out += "\""
      out += line(y)
      out += "\"\n"
    }
    out += "-- styles --\n"
    for y in 0..<height {
      var x = 0
      while x < width {
        let style = self[x, y].style
        var end = x
        while end + 1 < width, self[end + 1, y].style == style { end += 1 }
        if style != .text { out += "(\(x),\(y))-(\(end),\(y)) \(Buffer.describe(style))\n" }
        x = end + 1
      }
    }
    return out
  }

  static func describe(_ style: Style) -> String {
    style.emphasis == .none ? style.role.rawValue : "\(style.role.rawValue)+\(style.emphasis)"
  }
}
