import Synchronization

/// FOR TESTS ONLY: work done just before each reload reads the data files
/// (never before the first load at start-up). The end-to-end tests make a
/// reload slow on purpose with it, to check that keys, redraws and
/// signals are still answered while one is in flight (issue 16, item 5:
/// "the event loop must never block on file I/O"). Nil, the default,
/// costs one lock per reload. The `greensilk` binary sets it only in a
/// DEBUG build, from `GREENSILK_TEST_RELOAD_DELAY_MS`
/// (`greensilk/TestReloadDelay.swift`); a release build never reads that
/// variable.
public enum ReloadTestHook {
  public static let beforeLoad = Mutex<(@Sendable () -> Void)?>(nil)

  /// Runs the hook, if one is set (outside the lock, so a slow hook does
  /// not hold it).
  static func run() {
    let hook = beforeLoad.withLock { $0 }
    hook?()
  }
}
