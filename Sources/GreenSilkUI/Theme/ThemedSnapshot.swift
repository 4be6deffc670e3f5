extension Buffer {
  /// The buffer as reviewable text with styles as a given theme draws them
  /// at a given depth: rows quoted as in `snapshotText`, then a legend of
  /// runs of the same resolved style, `(x0,y)-(x1,y) fg=… bg=… attrs`,
  /// plain terminal-default runs left out. Snapshotting a screen in the
  /// default theme and in mono shows what each theme really draws: in
  /// mono, for instance, that the selection and the red light stay
  /// distinguishable by attributes alone.
  public func snapshotText(theme: Theme, depth: ColorDepth) -> String {
    let palette = theme.palette(for: depth)
    var out = ""
    for y in 0..<height { out += "\"" + line(y) + "\"\n" }
    out += "-- \(theme.name) @ \(depth) --\n"
    for y in 0..<height {
      var x = 0
      while x < width {
        let resolved = palette[self[x, y].style]
        var end = x
        while end + 1 < width, palette[self[end + 1, y].style] == resolved { end += 1 }
        if resolved != .plain { out += "(\(x),\(y))-(\(end),\(y)) \(Buffer.describe(resolved))\n" }
        x = end + 1
      }
    }
    return out
  }

  static func describe(_ style: ResolvedStyle) -> String {
    func color(_ c: TerminalColor) -> String {
      switch c {
      case .terminalDefault: "default"
      case .indexed(let index): String(index)
      case .rgb(let rgb): rgb.description
      }
    }
    var parts: [String] = []
    if style.foreground != .terminalDefault { parts.append("fg=" + color(style.foreground)) }
    if style.background != .terminalDefault { parts.append("bg=" + color(style.background)) }
    if !style.attributes.isEmpty { parts.append(style.attributes.themeText) }
    return parts.joined(separator: " ")
  }
}
