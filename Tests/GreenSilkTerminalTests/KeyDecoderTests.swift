import CNcursesw
import GreenSilkTerminal
import GreenSilkUI
import Testing

@Suite("KeyDecoder: wget_wch results to keys")
struct KeyDecoderTests {
  @Test(
    "characters and control codes",
    arguments: [
      (0x71, Key.character("q")), (0x51, .character("Q")), (0x20, .character(" ")),
      (0xE9, .character("é")), (0x4E2D, .character("中")), (0x1F30D, .character("🌍")),
      (13, .enter), (10, .enter), (9, .tab), (27, .escape), (127, .backspace), (8, .backspace),
      (1, .ctrl("a")), (3, .ctrl("c")), (18, .ctrl("r")), (26, .ctrl("z")), (0, .ctrl("@")),
      (28, .ctrl("\\")), (31, .ctrl("_")), (0x9B, .unknown(0x9B)), (0x85, .unknown(0x85)),
    ] as [(UInt32, Key)])
  func characters(value: UInt32, expected: Key) {
    #expect(KeyDecoder.decode(status: OK, value: value) == expected)
  }

  @Test(
    "ncurses key codes",
    arguments: [
      (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
      (KEY_HOME, .home), (KEY_END, .end), (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown),
      (KEY_BACKSPACE, .backspace), (KEY_DC, .delete), (KEY_IC, .insert), (KEY_BTAB, .backTab),
      (KEY_ENTER, .enter), (KEY_RESIZE, .resize), (KEY_F0 + 1, .function(1)),
      (KEY_F0 + 12, .function(12)), (KEY_A1, .home), (KEY_C3, .pageDown), (KEY_MOUSE, .unknown(KEY_MOUSE)),
      (KEY_F0, .unknown(KEY_F0)),
    ] as [(Int32, Key)])
  func keyCodes(code: Int32, expected: Key) {
    #expect(KeyDecoder.decode(status: KEY_CODE_YES, value: UInt32(code)) == expected)
  }

  @Test("ERR means no key")
  func noKey() {
    #expect(KeyDecoder.decode(status: ERR, value: 0) == nil)
  }
}
