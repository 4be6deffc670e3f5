import Synchronization

/// FOR TESTS ONLY: work done on a reload's thread at two points, given the
/// data directory (tests running side by side in one process act only on
/// their own): `beforeLoad`, just before the files are compared and read
/// (never before the first load at start-up), and `afterLoad`, once they
/// are read and before the loop is told. The end-to-end tests make a
/// reload slow with it, to check that keys, redraws and signals are still
/// answered while one is in flight (issue 16, item 5: "the event loop must
/// never block on file I/O"); the runtime tests hold a reload at a gate.
/// None set, the default, costs a lock per point per reload. The
/// `greensilk` binary sets one only in a DEBUG build, from
/// `GREENSILK_TEST_RELOAD_DELAY_MS` (`greensilk/TestReloadDelay.swift`); a
/// release build never reads that variable.
public enum ReloadTestHook {
  public enum Point: Hashable, Sendable {
    case beforeLoad
    case afterLoad
  }

  private static let hooks = Mutex<[Point: @Sendable (String) -> Void]>([:])

  /// Sets (or with nil, removes) the hook at `point`.
  public static func set(_ point: Point, _ hook: (@Sendable (String) -> Void)?) {
    hooks.withLock { $0[point] = hook }
  }

  /// Runs the hook at `point`, if one is set (outside the lock, so a slow
  /// hook holds nothing).
  static func run(_ point: Point, directory: String) {
    let hook = hooks.withLock { $0[point] }
    hook?(directory)
  }
}
