import GreenSilkCore

/// Where the runtime and its programs read the time: the system's clocks
/// in the app, a clock the test moves by hand in the tests.
public struct RuntimeClock: Sendable {
  /// Seconds on a monotonic clock (never goes back; the origin is arbitrary).
  public var seconds: @Sendable () -> Double
  /// The local wall-clock time, for what the screen shows.
  public var localTime: @Sendable () -> LocalTime
  /// The current UTC time, for what is written (audit, drafts).
  public var timestamp: @Sendable () -> Timestamp

  public init(
    seconds: @escaping @Sendable () -> Double, localTime: @escaping @Sendable () -> LocalTime,
    timestamp: @escaping @Sendable () -> Timestamp
  ) {
    self.seconds = seconds
    self.localTime = localTime
    self.timestamp = timestamp
  }

  /// The system's clocks.
  public static let system: RuntimeClock = {
    let clock = ContinuousClock()
    let origin = clock.now
    return RuntimeClock(
      seconds: { Self.seconds(clock.now - origin) }, localTime: { LocalTime.at() }, timestamp: { Timestamp.now() })
  }()

  /// A duration in seconds.
  public static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }
}
