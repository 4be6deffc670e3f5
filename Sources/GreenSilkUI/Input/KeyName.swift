// Key names for the help overlay and footer, and for config files (kiosk
// key maps, key remapping). `Key(name: key.displayName) == key` for every
// key except `.unknown`, which has no name to write in a file.

extension Key {
  /// How the key is shown in help and the footer: `Ctrl-R`, `Shift-Tab`,
  /// `PgDn`, `F5`, `Space`, `q`.
  public var displayName: String {
    switch self {
    case .character(" "): return "Space"
    case .character(let c): return String(c)
    case .ctrl(let c): return "Ctrl-" + c.uppercased()
    case .enter: return "Enter"
    case .tab: return "Tab"
    case .backTab: return "Shift-Tab"
    case .escape: return "Esc"
    case .up: return "Up"
    case .down: return "Down"
    case .left: return "Left"
    case .right: return "Right"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .home: return "Home"
    case .end: return "End"
    case .backspace: return "Backspace"
    case .delete: return "Del"
    case .insert: return "Ins"
    case .function(let n): return "F\(n)"
    case .resize: return "Resize"
    case .unknown(let code): return "Key-\(code)"
    }
  }

  /// Parses a key name as people write them in config files: the display
  /// names above, case-insensitively, plus common aliases (`space`,
  /// `return`, `esc`, `pagedown`, `C-r`, `^R`, `Ctrl+R`, `backtab`). A
  /// single character is that character, case kept (`n` and `N` differ).
  public init?(name: String) {
    if name.count == 1, let c = name.first {
      guard let key = Key.character(c).normalised else { return nil }
      self = key
      return
    }
    let lower = name.lowercased()
    if let named = Key.names[lower] {
      self = named
      return
    }
    if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...63).contains(n) {
      self = .function(n)
      return
    }
    for prefix in ["ctrl-", "ctrl+", "control-", "c-", "^"] where lower.hasPrefix(prefix) {
      let rest = lower.dropFirst(prefix.count)
      // Ctrl works on letters and @ [ \ ] ^ _ (the codes 0-31).
      guard rest.count == 1, let c = rest.first, let ascii = c.asciiValue,
        c.isLetter || "@[\\]^_".contains(c), let key = Key.control(code: UInt32(ascii & 0x1F))
      else { return nil }
      self = key
      return
    }
    return nil
  }

  /// A lone character that is really a named key (a control code typed
  /// into a config file) becomes that key; others stay characters.
  private var normalised: Key? {
    guard case .character(let c) = self, let scalar = c.unicodeScalars.first,
      c.unicodeScalars.count == 1, scalar.value < 0x20 || scalar.value == 0x7F
    else { return self }
    return scalar.value == 0x7F ? .backspace : Key.control(code: scalar.value)
  }

  private static let names: [String: Key] = [
    "space": .character(" "), "spc": .character(" "),
    "enter": .enter, "return": .enter, "ret": .enter,
    "tab": .tab,
    "shift-tab": .backTab, "shift+tab": .backTab, "backtab": .backTab, "btab": .backTab,
    "esc": .escape, "escape": .escape,
    "up": .up, "down": .down, "left": .left, "right": .right,
    "pgup": .pageUp, "pageup": .pageUp, "page-up": .pageUp, "prior": .pageUp,
    "pgdn": .pageDown, "pagedown": .pageDown, "page-down": .pageDown, "next": .pageDown,
    "home": .home, "end": .end,
    "backspace": .backspace, "bksp": .backspace, "bs": .backspace,
    "del": .delete, "delete": .delete,
    "ins": .insert, "insert": .insert,
    "resize": .resize,
  ]
}
