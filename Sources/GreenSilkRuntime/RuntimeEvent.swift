import GreenSilkUI

/// What `Runtime.step` reacts to: the terminal's events as the runtime
/// understands them (a readable inotify descriptor becomes
/// `dataChanged`; a wake-up becomes `timer`).
public enum RuntimeEvent: Hashable, Sendable {
  /// The terminal is open: its size, and whether it shows ASCII only.
  case started(Size, asciiOnly: Bool)
  case key(Key)
  case resize(Size)
  /// A signal the terminal reports (`TerminalEvent.reportedSignals`).
  case signal(Int32)
  /// Files in the data directory changed; a reload follows shortly
  /// (`Runtime.reloadDelay`), so that a burst of writes loads once.
  case dataChanged
  /// The reload running off the loop has finished (its descriptor,
  /// `DataFollower.reloadDescriptor`, became readable): its outcome is
  /// applied now, on the loop's thread.
  case reloadFinished
  /// Time passed: whatever is due now (the clock, a rotation, a pending
  /// reload) happens.
  case timer
  /// The terminal went away: no more keys will come.
  case inputClosed
}
