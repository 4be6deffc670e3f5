#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A wall-clock reading in the machine's time zone, for the clock in the
/// title bar and "today" (overdue milestones).
public struct LocalTime: Hashable, Sendable {
  public var secondsSinceEpoch: Int64
  public var day: Day
  public var hour: Int
  public var minute: Int
  public var second: Int

  public init(secondsSinceEpoch: Int64, day: Day, hour: Int, minute: Int, second: Int) {
    self.secondsSinceEpoch = secondsSinceEpoch
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
  }

  /// The reading for a moment (now by default).
  public static func at(_ seconds: Int64? = nil) -> LocalTime {
    var clock = time_t(seconds ?? Int64(time(nil)))
    var parts = tm()
    localtime_r(&clock, &parts)
    let day =
      Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
      ?? Day(daysSinceEpoch: Int32(Int64(clock) / 86_400))
    return LocalTime(
      secondsSinceEpoch: Int64(clock), day: day, hour: Int(parts.tm_hour), minute: Int(parts.tm_min),
      second: Int(parts.tm_sec))
  }

  /// `14:05`.
  public var hourMinute: String { Day.pad(hour, 2) + ":" + Day.pad(minute, 2) }
  /// `14:05:09`.
  public var hourMinuteSecond: String { hourMinute + ":" + Day.pad(second, 2) }
}
