#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A calendar date with no time zone (`YYYY-MM-DD` in files). Stored as
/// days since 1970-01-01 so that comparisons and sorting are integer
/// operations: 20,000 projects carry ~100,000 dates.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let daysSinceEpoch: Int32

  public init(daysSinceEpoch: Int32) { self.daysSinceEpoch = daysSinceEpoch }

  /// A validated date; nil for impossible dates such as 2025-02-30.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Day.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    daysSinceEpoch = Int32(Day.civilToDays(year: year, month: month, day: day))
  }

  /// Parses exactly `YYYY-MM-DD`.
  public init?(_ text: some StringProtocol) {
    guard let parsed = try? Day.parse(text) else { return nil }
    self = parsed
  }

  /// Parses exactly `YYYY-MM-DD`, or says what is wrong with the text.
  public static func parse(_ text: some StringProtocol) throws(DateFormatError) -> Day {
    if let day = text.utf8.withContiguousStorageIfAvailable({ Day(utf8: $0) }) ?? Day(utf8Array: Array(text.utf8)) {
      return day
    }
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      throw DateFormatError(text: String(text), reason: "expected a date as YYYY-MM-DD")
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let digit = Int(bytes[index]) - 48
        guard (0...9).contains(digit) else { return nil }
        value = value * 10 + digit
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
      throw DateFormatError(text: String(text), reason: "expected a date as YYYY-MM-DD")
    }
    guard (1...12).contains(month) else {
      throw DateFormatError(text: String(text), reason: "month \(month) is not 01-12")
    }
    guard let valid = Day(year: year, month: month, day: day) else {
      throw DateFormatError(
        text: String(text), reason: "day \(day) does not exist in \(String(text).prefix(7))")
    }
    return valid
  }

  /// Parses `YYYY-MM-DD` from raw bytes (the hot path of loading: no
  /// String is made); nil when malformed.
  public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
    @inline(__always) func digit(_ index: Int) -> Int? {
      let value = Int(bytes[index]) &- 48
      return value >= 0 && value <= 9 ? value : nil
    }
    guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3), let m0 = digit(5),
      let m1 = digit(6), let d0 = digit(8), let d1 = digit(9)
    else { return nil }
    self.init(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
  }

  init?(utf8Array bytes: [UInt8]) {
    guard let day = bytes.withUnsafeBufferPointer({ Day(utf8: $0) }) else { return nil }
    self = day
  }

  public var components: (year: Int, month: Int, day: Int) {
    Day.daysToCivil(Int(daysSinceEpoch))
  }

  public var year: Int { components.year }
  public var month: Int { components.month }

  public var description: String {
    let (y, m, d) = components
    return Day.pad(y, 4) + "-" + Day.pad(m, 2) + "-" + Day.pad(d, 2)
  }

  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

  public func adding(days: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + Int32(days)) }

  /// Days from `self` to `other` (positive when `other` is later).
  public func days(until other: Day) -> Int { Int(other.daysSinceEpoch - daysSinceEpoch) }

  /// Today in the machine's local time zone.
  public static func today() -> Day {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
      ?? Day(daysSinceEpoch: Int32(now / 86_400))
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  // Howard Hinnant's days_from_civil / civil_from_days: exact for the
  // proleptic Gregorian calendar, no Foundation calendar needed.
  static func civilToDays(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func daysToCivil(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}

/// Why a text is not a `YYYY-MM-DD` date.
public struct DateFormatError: Error, Equatable, Sendable, CustomStringConvertible {
  public let text: String
  public let reason: String
  public var description: String { "\"\(text)\": \(reason)" }
}

/// A moment in UTC, written `YYYY-MM-DDTHH:MM:SSZ`. Used for "last changed"
/// stamps and the audit log.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let secondsSinceEpoch: Int64

  public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

  public static func now() -> Timestamp { Timestamp(secondsSinceEpoch: Int64(time(nil))) }

  public init?(_ text: some StringProtocol) {
    let s = String(text)
    guard s.utf8.count == 20, s.hasSuffix("Z"), let day = Day(s.prefix(10)) else { return nil }
    let bytes = Array(s.utf8)
    guard bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
    else { return nil }
    func two(_ i: Int) -> Int? {
      let a = Int(bytes[i]) - 48
      let b = Int(bytes[i + 1]) - 48
      guard (0...9).contains(a), (0...9).contains(b) else { return nil }
      return a * 10 + b
    }
    guard let h = two(11), let m = two(14), let sec = two(17), h < 24, m < 60, sec < 61 else { return nil }
    secondsSinceEpoch = Int64(day.daysSinceEpoch) * 86_400 + Int64(h * 3600 + m * 60 + sec)
  }

  public var day: Day { Day(daysSinceEpoch: Int32(floorDiv(secondsSinceEpoch, 86_400))) }

  public var description: String {
    let secondsOfDay = Int(secondsSinceEpoch - Int64(day.daysSinceEpoch) * 86_400)
    return day.description + "T" + Day.pad(secondsOfDay / 3600, 2) + ":"
      + Day.pad(secondsOfDay / 60 % 60, 2) + ":" + Day.pad(secondsOfDay % 60, 2) + "Z"
  }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
  }

  private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
