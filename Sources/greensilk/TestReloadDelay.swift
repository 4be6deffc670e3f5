import GreenSilkRuntime

#if canImport(Glibc)
  import Glibc
#endif

/// FOR TESTS ONLY, and only in a DEBUG build (what `swift build` and
/// `swift test` make): `GREENSILK_TEST_RELOAD_DELAY_MS=N` makes every
/// reload of the dashboard and the kiosk wait N milliseconds before it
/// reads the files, as a slow or hung file system would. The end-to-end
/// tests (`BackgroundReloadEndToEndTests`) use it to show that keys,
/// redraws and signals are answered while a reload is in flight. A
/// release build compiles this to nothing and never reads the variable.
enum TestReloadDelay {
  static func installIfAsked() {
    #if DEBUG
      guard let text = Environment.value("GREENSILK_TEST_RELOAD_DELAY_MS"), let asked = UInt32(text), asked > 0 else { return }
      let milliseconds = min(asked, 600_000)
      // The whole delay even when a signal interrupts the sleep, as a
      // hung read() would (SIGHUP must not end the wait early).
      ReloadTestHook.set(.beforeLoad) { _ in
        var remaining = timespec(tv_sec: Int(milliseconds / 1000), tv_nsec: Int(milliseconds % 1000) * 1_000_000)
        var left = timespec()
        while nanosleep(&remaining, &left) != 0 && errno == EINTR { remaining = left }
      }
    #endif
  }

  /// `GREENSILK_TEST_START_DELAY_MS=N`: the dashboard's first load waits
  /// N milliseconds, so that a test sees what is on screen before the
  /// data is read (the kept first frame, `StartupFrame`).
  static func waitBeforeFirstLoadIfAsked() {
    #if DEBUG
      guard let text = Environment.value("GREENSILK_TEST_START_DELAY_MS"), let asked = UInt32(text), asked > 0 else { return }
      usleep(min(asked, 60_000) * 1000)
    #endif
  }
}
