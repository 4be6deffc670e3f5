import CNcursesw
import GreenSilkUI

/// Turns what `wget_wch` returns into a `Key`: `OK` with a character, or
/// `KEY_CODE_YES` with one of ncurses' `KEY_*` codes. Pure, so the table
/// is tested without a terminal.
public enum KeyDecoder {
  /// The key for one `wget_wch` result; nil for `ERR` (no input).
  public static func decode(status: Int32, value: UInt32) -> Key? {
    switch status {
    case OK: return character(value)
    case KEY_CODE_YES: return keyCode(Int32(bitPattern: value))
    default: return nil
    }
  }

  static func character(_ value: UInt32) -> Key {
    if let control = Key.control(code: value) { return control }
    // DEL is what most terminals send for Backspace. C1 controls are
    // never text: reporting them as unknown keeps them out of fields.
    if value == 0x7F { return .backspace }
    if (0x80...0x9F).contains(value) { return .unknown(Int32(value)) }
    guard let scalar = Unicode.Scalar(value) else { return .unknown(Int32(bitPattern: value)) }
    return .character(Character(scalar))
  }

  static func keyCode(_ code: Int32) -> Key {
    if code > KEY_F0 && code <= KEY_F0 + 63 { return .function(Int(code - KEY_F0)) }
    return codes[code] ?? .unknown(code)
  }

  /// ncurses key codes with a `Key`. The keypad's A1/A3/C1/C3 corners
  /// are Home/PgUp/End/PgDn, as printed on the keys.
  private static let codes: [Int32: Key] = [
    KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
    KEY_HOME: .home, KEY_END: .end, KEY_A1: .home, KEY_C1: .end, KEY_BEG: .home,
    KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown, KEY_A3: .pageUp, KEY_C3: .pageDown,
    KEY_BACKSPACE: .backspace, KEY_DC: .delete, KEY_IC: .insert,
    KEY_BTAB: .backTab, KEY_ENTER: .enter, KEY_RESIZE: .resize,
  ]
}
