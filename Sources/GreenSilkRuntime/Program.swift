import GreenSilkUI

/// A full-screen program the runtime drives: the dashboard
/// (`DashboardProgram`) or the wall display (`KioskProgram`). The program
/// owns its state and says what an event means (`actions(for:)`); its
/// pure reducer changes the state and asks for effects; `perform` does
/// what an effect asks (I/O, the terminal) and hands back the actions its
/// outcome brings. `Runtime` is the only caller of `reduce` and
/// `perform`, and runs every effect a reduce returns.
public protocol Program: AnyObject {
  associatedtype Action
  associatedtype Effect

  /// The data directory the program shows: the runtime wakes on its
  /// changes, asks it for a reload when one is due, and hands the
  /// finished reload to `reloaded`.
  var data: DataFollower { get }
  /// The colours frames are drawn in.
  var theme: Theme { get }
  /// Set once the program has ended itself (the quit key, the unlock
  /// sequence); the runtime stops and returns it.
  var exitStatus: Int32? { get }

  /// The frame for the current state, at the size the last `.resize`
  /// (or `.started`) gave.
  func render() -> Buffer
  /// What `event` means to the program, as actions to reduce in order:
  /// keys, resizes, the start, and whatever is due at a `.timer`.
  /// (Signals, the end of input and data changes go to the runtime.)
  func actions(for event: RuntimeEvent) -> [Action]
  /// Changes the state (pure); returns what must be done.
  func reduce(_ action: Action) -> [Effect]
  /// Does what `effect` asks; returns the actions its outcome brings.
  func perform(_ effect: Effect, on terminal: any Terminal) -> [Action]
  /// A reload finished (on `DataFollower`'s worker): the actions that
  /// bring the new data (or the failure) in, reduced on the loop's thread.
  func reloaded(_ outcome: ReloadOutcome) -> [Action]
  /// A signal (not SIGCONT) or the loss of the terminal: the program's
  /// last words (keeping a draft), and its exit status; nil to carry on.
  func interrupted(by event: RuntimeEvent) -> Int32?
  /// Seconds until the screen must change without input (the clock, a
  /// rotation); the runtime sleeps at most this long.
  func secondsUntilNextChange() -> Double
}
