import CNcursesw
import Glibc

/// The write end of the signal self-pipe, read by the signal handler.
///
/// `nonisolated(unsafe)` is sound here: it is written only while no
/// handler is installed (before `sigaction` installs them and after they
/// are restored), and the handler only reads it. An `Int32` load is a
/// single machine word, so a handler can never see half a value.
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

/// The signal handler: writes the signal number to the pipe and returns.
/// Only `write(2)` is called, which is async-signal-safe; the pipe is
/// non-blocking, so a flood of signals cannot wedge the handler (the
/// extra bytes are dropped, and one is enough to wake the loop). errno
/// is saved because the interrupted code may be about to read it.
private func signalPipeHandler(_ signal: Int32) {
  let savedErrno = errno
  var byte = UInt8(truncatingIfNeeded: signal)
  _ = write(signalPipeWriteEnd, &byte, 1)
  errno = savedErrno
}

/// Turns signals into bytes on a pipe that `poll()` can wait on, next to
/// the terminal and any other descriptor (the self-pipe trick). Handlers
/// do nothing else, so all real work happens in the loop, on one thread
/// (the one that set the pipe up: the signals are unblocked there).
final class SignalPipe {
  let readEnd: Int32
  private let writeEnd: Int32
  private var previous: [(Int32, sigaction)] = []
  /// Signals that were blocked when the pipe was set up (and are again
  /// after `close`).
  private var wereBlocked: [Int32] = []

  /// Installs handlers for `signals`. Only one pipe may exist at a time.
  init(signals: [Int32]) throws(EventLoopError) {
    guard signalPipeWriteEnd == -1 else { throw .alreadyRunning }
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { throw .systemCall("pipe", errno) }
    for end in ends {
      _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
      _ = fcntl(end, F_SETFD, FD_CLOEXEC)
    }
    readEnd = ends[0]
    writeEnd = ends[1]
    signalPipeWriteEnd = writeEnd
    for signal in signals {
      var old = sigaction()
      if gs_install_signal_handler(signal, signalPipeHandler, &old) == 0 {
        previous.append((signal, old))
      }
      if gs_unblock_signal(signal) == 1 { wereBlocked.append(signal) }
    }
  }

  /// Signal numbers received since the last call, oldest first, each once.
  func drain() -> [Int32] {
    var received: [Int32] = []
    var bytes = [UInt8](repeating: 0, count: 64)
    while true {
      let count = bytes.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      for byte in bytes[0..<count] where !received.contains(Int32(byte)) {
        received.append(Int32(byte))
      }
    }
    return received
  }

  /// Restores the handlers that were there before, then closes the pipe.
  func close() {
    guard signalPipeWriteEnd == writeEnd else { return }
    for (signal, old) in previous.reversed() {
      var old = old
      gs_restore_signal_handler(signal, &old)
    }
    for signal in wereBlocked { gs_block_signal(signal) }
    previous = []
    wereBlocked = []
    signalPipeWriteEnd = -1
    Glibc.close(readEnd)
    Glibc.close(writeEnd)
  }

  deinit { close() }
}
