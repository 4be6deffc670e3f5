/// Times the phases of start-up (load, derived data, state, terminal,
/// first frame) and writes them to the log when one is set
/// (`GREENSILK_LOG`), for profiling the first-frame budget.
struct StartupTimer {
  private let clock = ContinuousClock()
  private let start: ContinuousClock.Instant
  private var last: ContinuousClock.Instant
  private(set) var phases: [(String, Double)] = []

  init() {
    start = clock.now
    last = start
  }

  mutating func mark(_ phase: String) {
    let now = clock.now
    phases.append((phase, Self.milliseconds(now - last)))
    last = now
  }

  var summary: String {
    let total = Self.milliseconds(last - start)
    return "startup: " + phases.map { "\($0.0) \(Self.format($0.1)) ms" }.joined(separator: ", ") + "; total \(Self.format(total)) ms"
  }

  static func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
  }

  static func format(_ value: Double) -> String { String(Double(Int(value * 10)) / 10) }
}
