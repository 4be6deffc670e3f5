import Foundation
import Glibc

/// A program run on a pseudo-terminal of its own, with every byte it
/// writes to the terminal kept: the test types keys into the master side
/// and reads the screen output from it.
///
/// The child is spawned (`posix_spawn`) as a session leader whose
/// controlling terminal is the new pty's slave side, as a terminal
/// emulator would start it. Glibc's module does not export
/// `posix_openpt`/`forkpty`, so the pty is opened through `/dev/ptmx`
/// with the Linux ioctls, and `fork` is avoided in a threaded process.
final class PseudoTerminalProcess {
  // Linux ioctl requests and spawn flag (the same on x86-64 and arm64).
  private static let setLock: UInt = 0x4004_5431  // TIOCSPTLCK
  private static let getNumber: UInt = 0x8004_5430  // TIOCGPTN
  private static let spawnSetSID: Int16 = 0x80  // POSIX_SPAWN_SETSID

  let master: Int32
  let pid: pid_t
  /// Everything the program wrote so far.
  private(set) var output: [UInt8] = []
  private var status: Int32?

  init(_ executable: String, arguments: [String], environment: [String: String], rows: UInt16 = 24, columns: UInt16 = 80) throws {
    master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    guard master >= 0 else { throw E2EFailure("cannot open /dev/ptmx: errno \(errno)") }
    var unlock: Int32 = 0
    var number: UInt32 = 0
    guard ioctl(master, Self.setLock, &unlock) == 0, ioctl(master, Self.getNumber, &number) == 0 else {
      close(master)
      throw E2EFailure("cannot set up the pty: errno \(errno)")
    }
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    let slave = "/dev/pts/\(number)"

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // A new session first; opening the slave then makes it the controlling terminal.
    posix_spawnattr_setflags(&attributes, Self.spawnSetSID)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    posix_spawn_file_actions_addclose(&actions, master)

    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var child: pid_t = 0
    let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
    guard result == 0 else {
      close(master)
      throw E2EFailure("cannot start \(executable): error \(result)")
    }
    pid = child
  }

  deinit {
    if status == nil {
      kill(pid, SIGKILL)
      var ignored: Int32 = 0
      waitpid(pid, &ignored, 0)
    }
    close(master)
  }

  /// Changes the terminal's size, as a terminal emulator does when its
  /// window is resized: the kernel sends SIGWINCH to the program.
  func resize(rows: UInt16, columns: UInt16) {
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
  }

  /// The program's resident memory in kilobytes (`VmRSS`), nil once it
  /// is gone. Reads what it wrote first, so that a full pty buffer does
  /// not hold it still.
  func residentKilobytes() -> Int? {
    drain(wait: 0)
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
    else { return nil }
    return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
  }

  /// Types `text` (keys as the terminal would send them).
  func send(_ text: String) {
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let n = bytes[written...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
      if n > 0 { written += n } else if errno != EAGAIN && errno != EINTR { return } else { usleep(1_000) }
    }
  }

  /// Reads until `condition` holds on the output (or fails after `timeout`).
  func read(until what: String, timeout: Duration = .seconds(10), _ condition: ([UInt8]) -> Bool) throws {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while !condition(output) {
      guard clock.now < deadline else {
        throw E2EFailure("timed out after \(timeout) waiting for \(what); output so far:\n\(String(decoding: output, as: UTF8.self).debugDescription)")
      }
      drain(wait: 50)
    }
  }

  /// Reads until `text` (as UTF-8) appears in the output.
  func read(untilContains text: String, timeout: Duration = .seconds(10)) throws {
    let needle = Array(text.utf8)
    try read(until: "\"\(text)\"", timeout: timeout) { !$0.byteRanges(of: needle).isEmpty }
  }

  /// Reads until the program has written nothing for `quiet` (it has
  /// drawn its answer to the last key and sleeps), at most `timeout`.
  func readUntilQuiet(_ quiet: Duration = .milliseconds(300), timeout: Duration = .seconds(10)) {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    var lastOutput = clock.now
    var seen = output.count
    while clock.now < deadline, clock.now - lastOutput < quiet {
      drain(wait: 20)
      if output.count != seen {
        seen = output.count
        lastOutput = clock.now
      }
    }
  }

  /// Waits for the program to exit, reading its output meanwhile (a full
  /// pty buffer would block it); returns the exit code, or 128 + the
  /// signal that killed it.
  func waitForExit(timeout: Duration = .seconds(10)) throws -> Int32 {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while status == nil {
      drain(wait: 20)
      var raw: Int32 = 0
      if waitpid(pid, &raw, WNOHANG) == pid {
        let signal = raw & 0x7F
        status = signal == 0 ? (raw >> 8) & 0xFF : 128 + signal
        break
      }
      if clock.now >= deadline { throw E2EFailure("the program did not exit within \(timeout)") }
    }
    drain(wait: 0)
    return status ?? -1
  }

  /// Reads what is there, waiting up to `wait` ms for the first bytes.
  private func drain(wait: Int32) {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, wait) > 0 else { return }
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let n = Glibc.read(master, &buffer, buffer.count)
      guard n > 0 else { return }  // EAGAIN: nothing more; EIO: the child closed the slave
      output += buffer[0..<n]
    }
  }
}

extension Array where Element == UInt8 {
  /// Where `needle` occurs as a contiguous run of bytes.
  func byteRanges(of needle: [UInt8]) -> [Range<Int>] {
    guard !needle.isEmpty, needle.count <= count else { return [] }
    var found: [Range<Int>] = []
    for start in 0...(count - needle.count) where self[start] == needle[0] {
      if self[start..<(start + needle.count)].elementsEqual(needle) { found.append(start..<(start + needle.count)) }
    }
    return found
  }

  func containsBytes(_ needle: [UInt8]) -> Bool { !byteRanges(of: needle).isEmpty }
}
