/// Reading what a tmux pane shows: rows, the title bar's tabs, and the
/// attributes of each cell from `capture-pane -e` output.
enum PaneText {
  /// The dashboard's screens as the title bar names them.
  static let screens = ["1 Overview", "2 Corridors", "3 Pipeline", "4 Project", "5 Envoys", "6 Map"]

  /// The screen the title bar marks as current (row 0 of a
  /// `capture-pane -e`), or nil: the current tab is drawn in brackets,
  /// `[3 Pipeline]`, so that it shows without colour too.
  static func currentScreen(escapedFirstRow row: String) -> String? {
    let text = String(styledCells(row).map(\.character))
    return screens.first { text.contains("[\($0)]") }
  }

  /// Each visible character of an SGR-coloured line with the attributes
  /// it is drawn with (`fg/bg/attributes`).
  static func styledCells(_ line: String) -> [(character: Character, style: String)] {
    var cells: [(Character, String)] = []
    var foreground = "default"
    var background = "default"
    var attributes = Set<Int>()
    var scalars = Array(line.unicodeScalars)[...]
    while let scalar = scalars.first {
      scalars = scalars.dropFirst()
      guard scalar == "\u{1B}" else {
        let style = "\(foreground)/\(background)/\(attributes.sorted())"
        cells.append((Character(scalar), style))
        continue
      }
      // ESC [ params m
      guard scalars.first == "[" else { continue }
      scalars = scalars.dropFirst()
      var parameters = ""
      while let next = scalars.first, next != "m", next.value >= 0x20, next.value < 0x40 {
        parameters.unicodeScalars.append(next)
        scalars = scalars.dropFirst()
      }
      guard scalars.first == "m" else { continue }
      scalars = scalars.dropFirst()
      var codes = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }[...]
      if codes.isEmpty { codes = [0] }
      while let code = codes.first {
        codes = codes.dropFirst()
        switch code {
        case 0:
          foreground = "default"
          background = "default"
          attributes = []
        case 38, 48:
          var colour = ""
          if codes.first == 5, codes.count >= 2 {
            colour = "\(codes.dropFirst().first ?? 0)"
            codes = codes.dropFirst(2)
          } else if codes.first == 2, codes.count >= 4 {
            colour = codes.dropFirst().prefix(3).map(String.init).joined(separator: ",")
            codes = codes.dropFirst(4)
          }
          if code == 38 { foreground = colour } else { background = colour }
        case 39: foreground = "default"
        case 49: background = "default"
        case 30...37, 90...97: foreground = "c\(code)"
        case 40...47, 100...107: background = "c\(code)"
        case 22: attributes.subtract([1, 2])
        case 23, 24, 25, 27, 28, 29: attributes.remove(code - 20)
        default: attributes.insert(code)
        }
      }
    }
    return cells
  }

  /// Every foreground and background colour used in a `capture-pane -e`
  /// text: `c31`, `c44` for the 8/16 basic colours, `208` for a 256-colour
  /// index, `r,g,b` for true colour. Default colours are left out.
  static func colours(_ capture: String) -> Set<String> {
    var found: Set<String> = []
    for line in capture.split(separator: "\n") {
      for cell in styledCells(String(line)) {
        let parts = cell.style.split(separator: "/").map(String.init)
        for colour in parts.prefix(2) where colour != "default" { found.insert(colour) }
      }
    }
    return found
  }

  /// Whether every character is printable ASCII (or a line break).
  static func isASCII(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { $0 == "\n" || ($0.value >= 0x20 && $0.value < 0x7F) }
  }

  /// The characters outside printable ASCII, for a failure message.
  static func nonASCII(_ text: String) -> String {
    String(text.unicodeScalars.filter { $0 != "\n" && !($0.value >= 0x20 && $0.value < 0x7F) }.map(Character.init))
  }
}
