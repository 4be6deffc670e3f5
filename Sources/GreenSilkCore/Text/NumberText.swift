/// Numbers as short text for screens and reports, without Foundation and
/// without the process locale (a wall display, a report and a test must
/// print the same thing). Safe for every input: `Int.min`, infinities,
/// not-a-number and doubles beyond what an `Int` holds never trap.
public enum NumberText {
  /// `12345` → `"12,345"` (or `"12345"` without grouping).
  public static func integer(_ value: Int, grouping: Bool = true) -> String {
    let digits = String(value.magnitude)
    guard grouping, digits.count > 3 else { return value < 0 ? "-" + digits : digits }
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return value < 0 ? "-" + out : out
  }

  /// `value` with exactly `places` decimals (0...6), rounded half away
  /// from zero. Not-a-number and infinities give `"?"`; magnitudes beyond
  /// what an `Int` holds give `">9e15"` or `"<-9e15"`.
  public static func decimal(_ value: Double, places: Int = 1, grouping: Bool = true) -> String {
    guard value.isFinite else { return "?" }
    let places = min(6, max(0, places))
    var scale = 1
    for _ in 0..<places { scale *= 10 }
    let scaled = (value * Double(scale)).rounded(.toNearestOrAwayFromZero)
    guard abs(scaled) < 9e15 else { return value < 0 ? "<-9e15" : ">9e15" }
    let units = Int(scaled)
    let whole = units.magnitude / UInt(scale)
    let fraction = units.magnitude % UInt(scale)
    var out = units < 0 ? "-" : ""
    out += integer(Int(whole), grouping: grouping)
    if places > 0 {
      let digits = String(fraction)
      out += "." + String(repeating: "0", count: places - digits.count) + digits
    }
    return out
  }

  /// A value as short as it can be: no decimals when it is whole, else one.
  public static func compact(_ value: Double) -> String {
    guard value.isFinite else { return "?" }
    return decimal(value, places: value == value.rounded() ? 0 : 1)
  }

  /// A ratio as a whole percentage: `0.425` → `"43%"`, `1.5` → `"150%"`.
  public static func percent(_ ratio: Double) -> String {
    guard ratio.isFinite else { return "?%" }
    return decimal(ratio * 100, places: 0, grouping: false) + "%"
  }

  /// An amount scaled to thousands, millions or billions with one decimal:
  /// `12_300_000` → `"12.3 M"`, `2_100_000_000` → `"2.1 bn"`, `950` → `"950"`.
  public static func money(_ value: Double) -> String {
    guard value.isFinite else { return "?" }
    let magnitude = abs(value)
    if magnitude >= 1e9 { return decimal(value / 1e9, places: 1, grouping: false) + " bn" }
    if magnitude >= 1e6 { return decimal(value / 1e6, places: 1, grouping: false) + " M" }
    if magnitude >= 1e3 { return decimal(value / 1e3, places: 1, grouping: false) + " k" }
    return decimal(value, places: 0, grouping: false)
  }
}
