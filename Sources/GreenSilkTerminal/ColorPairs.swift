import CNcursesw
import GreenSilkUI

/// Colour pairs for (foreground, background) combinations, allocated with
/// ncurses' `alloc_pair` on first use and remembered, so a frame costs one
/// dictionary lookup per cell rather than one ncurses call.
///
/// `alloc_pair` recycles the oldest pair once all are in use, which would
/// silently recolour cells already on screen; so when the table is nearly
/// full it is reset, and the caller repaints everything (`reset()` says so).
struct ColorPairs {
  private struct Key: Hashable {
    var foreground: Int32
    var background: Int32
  }

  private var pairs: [Key: Int32] = [:]
  /// COLORS and COLOR_PAIRS of the terminal, read after start_color.
  let colors: Int
  let capacity: Int
  /// Whether -1 (the terminal's own colour) is allowed (use_default_colors).
  let defaultColors: Bool

  init(colors: Int, capacity: Int, defaultColors: Bool) {
    self.colors = colors
    self.capacity = capacity
    self.defaultColors = defaultColors
  }

  /// The pair for a resolved style; nil when the table had to be reset
  /// first (every cell on screen must then be redrawn).
  mutating func pair(for style: ResolvedStyle) -> (pair: Int32, wasReset: Bool) {
    let key = Key(
      foreground: number(style.foreground, isBackground: false),
      background: number(style.background, isBackground: true))
    if key.foreground == -1 && key.background == -1 { return (0, false) }
    if let pair = pairs[key] { return (pair, false) }
    var wasReset = false
    // Pair 0 is the terminal default and is never handed out.
    if pairs.count >= capacity - 2 {
      reset_color_pairs()
      pairs.removeAll(keepingCapacity: true)
      wasReset = true
    }
    let pair = alloc_pair(key.foreground, key.background)
    guard pair > 0 else { return (0, wasReset) }
    pairs[key] = pair
    return (pair, wasReset)
  }

  /// The ncurses colour number: -1 for the terminal's own colour (or white
  /// on black when the terminal cannot keep its defaults), the index, or
  /// 0xRRGGBB on direct-colour terminals.
  private func number(_ color: TerminalColor, isBackground: Bool) -> Int32 {
    switch color {
    case .terminalDefault:
      return defaultColors ? -1 : (isBackground ? 0 : 7)
    case .indexed(let n):
      if Int(n) < colors { return Int32(n) }
      // A theme asked for more than the terminal has: fold brights down.
      return n < 16 ? Int32(n % 8) : (defaultColors ? -1 : (isBackground ? 0 : 7))
    case .rgb(let rgb):
      guard colors >= 0x100_0000 else {
        return number(.indexed(XtermPalette.nearest256(rgb)), isBackground: isBackground)
      }
      return Int32(rgb.packed)
    }
  }
}
