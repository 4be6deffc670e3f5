import GreenSilkUI
import Testing

@Suite("Key names for help, footer and config files")
struct KeyNameTests {
  @Test(
    "display names",
    arguments: [
      (Key.ctrl("r"), "Ctrl-R"), (.backTab, "Shift-Tab"), (.pageDown, "PgDn"), (.pageUp, "PgUp"),
      (.character(" "), "Space"), (.character("n"), "n"), (.character("N"), "N"), (.enter, "Enter"),
      (.escape, "Esc"), (.function(5), "F5"), (.delete, "Del"), (.backspace, "Backspace"),
      (.unknown(999), "Key-999"),
    ] as [(Key, String)])
  func displayNames(key: Key, name: String) {
    #expect(key.displayName == name)
  }

  @Test(
    "names as written in config files",
    arguments: [
      ("space", Key.character(" ")), ("SPACE", .character(" ")), ("n", .character("n")),
      ("N", .character("N")), ("Ctrl-R", .ctrl("r")), ("ctrl+r", .ctrl("r")), ("C-r", .ctrl("r")),
      ("^R", .ctrl("r")), ("Ctrl-I", .tab), ("Ctrl-M", .enter), ("Ctrl-[", .escape),
      ("shift-tab", .backTab), ("BackTab", .backTab), ("pgdn", .pageDown), ("PageUp", .pageUp),
      ("return", .enter), ("esc", .escape), ("f12", .function(12)), ("F1", .function(1)),
      ("del", .delete), ("?", .character("?")), ("\u{3}", .ctrl("c")), ("\u{7F}", .backspace),
    ] as [(String, Key)])
  func parsing(name: String, key: Key) {
    #expect(Key(name: name) == key)
  }

  @Test("nonsense is rejected", arguments: ["", "Ctrl-", "Ctrl-RR", "Ctrl-1", "F0", "F64", "Hyper-X", "pagesideways"])
  func rejects(name: String) {
    #expect(Key(name: name) == nil)
  }

  @Test("every named key survives display name → parse")
  func roundTrip() {
    var keys: [Key] = [
      .enter, .tab, .backTab, .escape, .up, .down, .left, .right, .pageUp, .pageDown, .home, .end,
      .backspace, .delete, .insert, .resize, .character(" "), .character("q"), .character("Q"),
      .character("/"), .character("é"),
    ]
    keys += "abdefgklnopqrstuvwxyz".map { Key.ctrl($0) }
    keys += (1...63).map { Key.function($0) }
    for key in keys {
      #expect(Key(name: key.displayName) == key, "\(key.displayName)")
    }
  }
}
