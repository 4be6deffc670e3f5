/// A key press, decoded from the terminal (see `KeyDecoder` in
/// GreenSilkTerminal) or named in a config file (`Key(name:)`).
///
/// Control characters that have their own key (Tab is Ctrl-I, Enter is
/// Ctrl-M, Backspace is Ctrl-H, Escape is Ctrl-[) are always those keys,
/// never `.ctrl`, so one press has exactly one `Key`.
public enum Key: Hashable, Sendable {
  /// A printable character, case and all (`"n"`, `"N"`, `" "`, `"é"`).
  case character(Character)
  /// Ctrl with a letter, always lowercase (`.ctrl("r")` is Ctrl-R); also
  /// Ctrl-@ \ ] ^ _ for the remaining control codes.
  case ctrl(Character)
  case enter
  case tab
  case backTab
  case escape
  case up
  case down
  case left
  case right
  case pageUp
  case pageDown
  case home
  case end
  case backspace
  case delete
  case insert
  /// F1-F63.
  case function(Int)
  /// The terminal changed size (the new size comes with the event).
  case resize
  /// A key the decoder has no name for, with ncurses' code.
  case unknown(Int32)

  /// The key for a control code 0-31 (what the terminal sends for Ctrl
  /// plus a key); nil for other values.
  public static func control(code: UInt32) -> Key? {
    switch code {
    case 9: return .tab
    case 10, 13: return .enter
    case 8: return .backspace
    case 27: return .escape
    case 0: return .ctrl("@")
    case 1...26: return Unicode.Scalar(0x60 + code).map { .ctrl(Character($0)) }
    case 28...31: return Unicode.Scalar(0x40 + code).map { .ctrl(Character($0)) }
    default: return nil
    }
  }
}
