/// The characters a box or a chart is drawn with.
public struct BorderGlyphs: Hashable, Sendable {
  public var topLeft: String
  public var topRight: String
  public var bottomLeft: String
  public var bottomRight: String
  public var horizontal: String
  public var vertical: String
  /// Where an inner horizontal rule meets the left and right sides.
  public var teeLeft: String
  public var teeRight: String

  public init(
    topLeft: String, topRight: String, bottomLeft: String, bottomRight: String,
    horizontal: String, vertical: String, teeLeft: String, teeRight: String
  ) {
    self.topLeft = topLeft
    self.topRight = topRight
    self.bottomLeft = bottomLeft
    self.bottomRight = bottomRight
    self.horizontal = horizontal
    self.vertical = vertical
    self.teeLeft = teeLeft
    self.teeRight = teeRight
  }

  public static let light = BorderGlyphs(
    topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
    horizontal: "─", vertical: "│", teeLeft: "├", teeRight: "┤")
  public static let rounded = BorderGlyphs(
    topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯",
    horizontal: "─", vertical: "│", teeLeft: "├", teeRight: "┤")
  public static let heavy = BorderGlyphs(
    topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛",
    horizontal: "━", vertical: "┃", teeLeft: "┣", teeRight: "┫")
  public static let ascii = BorderGlyphs(
    topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
    horizontal: "-", vertical: "|", teeLeft: "+", teeRight: "+")
  /// ASCII focus: `=` rules tell the focused box apart on a monochrome
  /// console, where the border role may have no colour.
  public static let asciiHeavy = BorderGlyphs(
    topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
    horizontal: "=", vertical: "|", teeLeft: "+", teeRight: "+")
}

/// Every glyph the widgets draw with, in two sets: `.unicode` for UTF-8
/// terminals and `.ascii` (printable ASCII only) for a console or locale
/// without UTF-8. Widgets take the set to use, so the choice is made once,
/// where the terminal is known, and snapshot tests can cover both.
///
/// Every glyph is one column wide in both sets.
public struct GlyphSet: Hashable, Sendable {
  /// Border of an unfocused box.
  public var border: BorderGlyphs
  /// Border of the focused box: shape, not only colour, shows focus.
  public var focusBorder: BorderGlyphs
  /// Horizontal bar ends by eighths of a cell: index 0 is 1/8, index 7 the
  /// full cell.
  public var horizontalEighths: [String]
  /// Vertical blocks by eighths for sparklines and columns: index 0 is 1/8,
  /// index 7 the full cell.
  public var verticalEighths: [String]
  /// A full cell of a bar (the same as the last eighth).
  public var barFull: String
  public var gaugeFill: String
  public var gaugeEmpty: String
  public var ellipsis: String
  public var arrowUp: String
  public var arrowDown: String
  public var arrowLeft: String
  public var arrowRight: String
  /// Sort indicators for table headers.
  public var sortAscending: String
  public var sortDescending: String
  /// The traffic-light dot (its colour comes from the role).
  public var dot: String
  /// Marks an overdue milestone.
  public var overdue: String
  /// Marks the selected row of a list for terminals without colour.
  public var selectionMarker: String
  /// Scroll bar track and thumb, and the "more above / below" markers.
  public var scrollTrack: String
  public var scrollThumb: String
  public var moreAbove: String
  public var moreBelow: String
  /// A horizontal rule inside a panel.
  public var rule: String
  /// Separates items on a status line.
  public var separator: String

  public init(
    border: BorderGlyphs, focusBorder: BorderGlyphs, horizontalEighths: [String],
    verticalEighths: [String], gaugeFill: String, gaugeEmpty: String, ellipsis: String,
    arrowUp: String, arrowDown: String, arrowLeft: String, arrowRight: String,
    sortAscending: String, sortDescending: String, dot: String, overdue: String,
    selectionMarker: String, scrollTrack: String, scrollThumb: String, moreAbove: String,
    moreBelow: String, rule: String, separator: String
  ) {
    self.border = border
    self.focusBorder = focusBorder
    self.horizontalEighths = horizontalEighths
    self.verticalEighths = verticalEighths
    self.barFull = horizontalEighths.last ?? "#"
    self.gaugeFill = gaugeFill
    self.gaugeEmpty = gaugeEmpty
    self.ellipsis = ellipsis
    self.arrowUp = arrowUp
    self.arrowDown = arrowDown
    self.arrowLeft = arrowLeft
    self.arrowRight = arrowRight
    self.sortAscending = sortAscending
    self.sortDescending = sortDescending
    self.dot = dot
    self.overdue = overdue
    self.selectionMarker = selectionMarker
    self.scrollTrack = scrollTrack
    self.scrollThumb = scrollThumb
    self.moreAbove = moreAbove
    self.moreBelow = moreBelow
    self.rule = rule
    self.separator = separator
  }

  /// Box drawing, block elements and geometric shapes.
  public static let unicode = GlyphSet(
    border: .light, focusBorder: .heavy,
    horizontalEighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
    verticalEighths: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
    gaugeFill: "█", gaugeEmpty: "░", ellipsis: "…",
    arrowUp: "▲", arrowDown: "▼", arrowLeft: "◀", arrowRight: "▶",
    sortAscending: "▲", sortDescending: "▼", dot: "●", overdue: "!",
    selectionMarker: "▶", scrollTrack: "│", scrollThumb: "█", moreAbove: "▲", moreBelow: "▼",
    rule: "─", separator: "│")

  /// Printable ASCII only. Bars round to half cells (`-` below half, `#`
  /// from half up would overstate), so a partial end shows as `-` or `=`.
  public static let ascii = GlyphSet(
    border: .ascii, focusBorder: .asciiHeavy,
    horizontalEighths: [" ", " ", "-", "-", "=", "=", "=", "#"],
    verticalEighths: ["_", "_", ".", ".", "-", "-", "=", "#"],
    gaugeFill: "#", gaugeEmpty: ".", ellipsis: "...",
    arrowUp: "^", arrowDown: "v", arrowLeft: "<", arrowRight: ">",
    sortAscending: "^", sortDescending: "v", dot: "*", overdue: "!",
    selectionMarker: ">", scrollTrack: "|", scrollThumb: "#", moreAbove: "^", moreBelow: "v",
    rule: "-", separator: "|")

  /// Whether every glyph is printable ASCII.
  public var isASCII: Bool {
    allGlyphs.allSatisfy { glyph in glyph.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F } }
  }

  /// Every glyph in the set (for tests).
  public var allGlyphs: [String] {
    let boxes = [border, focusBorder].flatMap {
      [$0.topLeft, $0.topRight, $0.bottomLeft, $0.bottomRight, $0.horizontal, $0.vertical, $0.teeLeft, $0.teeRight]
    }
    return boxes + horizontalEighths + verticalEighths + [
      barFull, gaugeFill, gaugeEmpty, ellipsis, arrowUp, arrowDown, arrowLeft, arrowRight,
      sortAscending, sortDescending, dot, overdue, selectionMarker, scrollTrack, scrollThumb,
      moreAbove, moreBelow, rule, separator,
    ]
  }

  /// The glyph for a partial horizontal bar end of `eighths` (1...7), or
  /// nil for none.
  func horizontalPart(_ eighths: Int) -> String? {
    guard eighths > 0 else { return nil }
    return horizontalEighths[Swift.min(eighths, 8) - 1]
  }
}
