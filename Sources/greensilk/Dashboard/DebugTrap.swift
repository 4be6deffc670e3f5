import GreenSilkRuntime

#if canImport(Glibc)
  import Glibc
#endif

/// For the end-to-end test of the fatal-signal handler (issue 16, item 8)
/// only: with `GREENSILK_DEBUG_TRAP` set, the dashboard dies of a real
/// trap right after its first frame, with the terminal in its raw,
/// alternate-screen state. Not documented for users; unset, it costs one
/// environment lookup at start-up.
enum DebugTrap {
  static func fireIfAsked() {
    guard let kind = Environment.value("GREENSILK_DEBUG_TRAP"), !kind.isEmpty else { return }
    switch kind {
    case "segv":
      // A real invalid access, not raise(): the handler must cope with a fault.
      let pointer = UnsafeMutablePointer<Int>(bitPattern: 8)
      pointer?.pointee = 1
    case "abort":
      abort()
    case "stack-overflow":
      print(overflow(1))
    default:
      // A Swift runtime trap (ud2 on x86-64: SIGILL; brk on arm64: SIGTRAP).
      fatalError("GREENSILK_DEBUG_TRAP")
    }
  }

  /// Recursion that the optimiser cannot turn into a loop.
  @inline(never)
  static func overflow(_ depth: Int) -> Int {
    var frame = [Int](repeating: depth, count: 1)
    frame.withUnsafeMutableBufferPointer { $0[0] = overflow(depth + 1) + $0[0] }
    return frame[0]
  }
}
