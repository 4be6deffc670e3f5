import Glibc
import GreenSilkRuntime
import GreenSilkTerminal
import GreenSilkUI
import Testing

extension OnPseudoTerminal {
/// The event loop on a pseudo-terminal: keys typed on the master side,
/// signals sent to this process.
@Suite("EventLoop")
struct EventLoopTests {
  /// Runs `body` with a terminal on a fresh pty and a loop on it, both
  /// closed afterwards.
  private func withLoop(
    _ body: (PseudoTerminal, NcursesTerminal, EventLoop) throws -> Void
  ) throws {
    let pty = try PseudoTerminal()
    let terminal = try NcursesTerminal(options: pty.options())
    defer { terminal.shutdown() }
    let loop = try EventLoop(terminal: terminal)
    defer { loop.close() }
    try body(pty, terminal, loop)
  }

  /// Waits until the loop reports something other than a timeout.
  private func next(_ loop: EventLoop) -> [TerminalEvent] {
    // The timeout only stops a broken test from hanging.
    loop.wait(timeout: .seconds(10))
  }

  @Test("keys typed on the terminal arrive decoded, all of them")
  func keys() throws {
    try withLoop { pty, terminal, loop in
      pty.type("q\u{1B}OA\u{1B}[A\u{1B}[Z\u{12}é中\r\u{7F}\u{1B}[6~")
      var keys: [Key] = []
      while keys.count < 10 {
        let events = next(loop)
        #expect(!events.contains(.timeout))
        if events.contains(.timeout) { break }
        for case .key(let key) in events { keys.append(key) }
      }
      #expect(
        keys == [
          .character("q"), .up, .up, .backTab, .ctrl("r"), .character("é"), .character("中"), .enter,
          .backspace, .pageDown,
        ])
    }
  }

  @Test("a lone Esc is reported after the short escape delay")
  func escape() throws {
    try withLoop { pty, terminal, loop in
      pty.type("\u{1B}")
      #expect(next(loop) == [.key(.escape)])
    }
  }

  @Test("SIGWINCH becomes one resize with the new size")
  func resize() throws {
    try withLoop { pty, terminal, loop in
      #expect(terminal.size == Size(width: 40, height: 8))

      pty.resize(rows: 10, columns: 50)
      kill(getpid(), SIGWINCH)
      kill(getpid(), SIGWINCH)
      #expect(next(loop) == [.resize(Size(width: 50, height: 10))])
      #expect(terminal.size == Size(width: 50, height: 10))

      // A tiny window is reported, never a crash; drawing a frame bigger
      // than the screen is clipped.
      pty.resize(rows: 2, columns: 3)
      kill(getpid(), SIGWINCH)
      #expect(next(loop) == [.resize(Size(width: 3, height: 2))])
      var frame = Buffer(width: 80, height: 24)
      frame.put("too big for the window", x: 0, y: 0)
      terminal.present(frame, theme: .builtin)
    }
  }

  @Test("quit signals are reported, not fatal", arguments: [SIGINT, SIGTERM, SIGHUP, SIGQUIT])
  func quitSignals(signal: Int32) throws {
    try withLoop { pty, terminal, loop in
      kill(getpid(), signal)
      #expect(next(loop) == [.signal(signal)])
    }
  }

  @Test("SIGCONT repaints: it is reported and the next frame is drawn whole")
  func continued() throws {
    try withLoop { pty, terminal, loop in
      var frame = Buffer(width: 40, height: 8)
      frame.put("still here", x: 0, y: 0)
      terminal.present(frame, theme: .builtin)
      _ = pty.output()
      kill(getpid(), SIGCONT)
      let events = next(loop)
      #expect(events.contains(.signal(SIGCONT)))
      _ = pty.output()
      terminal.present(frame, theme: .builtin)
      #expect(pty.output().contains("still here"))
    }
  }

  @Test("timeouts, extra descriptors, and a second loop refused")
  func timeoutsAndDescriptors() throws {
    try withLoop { pty, terminal, loop in
      #expect(loop.wait(timeout: .milliseconds(1)) == [.timeout])
      #expect(loop.wait(timeout: .zero) == [.timeout])
      #expect(throws: EventLoopError.alreadyRunning) { try EventLoop(terminal: terminal) }

      var ends: [Int32] = [-1, -1]
      #expect(pipe(&ends) == 0)
      defer {
        close(ends[0])
        close(ends[1])
      }
      loop.watch(ends[0])
      var byte: UInt8 = 1
      _ = write(ends[1], &byte, 1)
      #expect(next(loop) == [.readable(ends[0])])
      _ = read(ends[0], &byte, 1)
      loop.unwatch(ends[0])
      _ = write(ends[1], &byte, 1)
      #expect(loop.wait(timeout: .milliseconds(1)) == [.timeout])
    }
  }

  @Test("a closed terminal is reported once, then the loop still waits quietly")
  func inputClosed() throws {
    var pty: PseudoTerminal? = try PseudoTerminal()
    guard let options = pty?.options() else { return }
    let terminal = try NcursesTerminal(options: options)
    defer { terminal.shutdown() }
    let loop = try EventLoop(terminal: terminal)
    defer { loop.close() }
    pty = nil  // closes both ends; our duplicate of the slave hangs up
    #expect(next(loop).contains(.inputClosed))
    #expect(loop.wait(timeout: .milliseconds(1)) == [.timeout])
  }

  @Test("closing the loop restores the previous signal handlers")
  func restoresHandlers() throws {
    let pty = try PseudoTerminal()
    let terminal = try NcursesTerminal(options: pty.options())
    defer { terminal.shutdown() }
    var before = sigaction()
    sigaction(SIGHUP, nil, &before)
    let loop = try EventLoop(terminal: terminal)
    var during = sigaction()
    sigaction(SIGHUP, nil, &during)
    loop.close()
    var after = sigaction()
    sigaction(SIGHUP, nil, &after)
    #expect(handlerAddress(during) != handlerAddress(before))
    #expect(handlerAddress(after) == handlerAddress(before))
    // A new loop can start once the old one is closed.
    let second = try EventLoop(terminal: terminal)
    second.close()
  }

  private func handlerAddress(_ action: sigaction) -> Int {
    unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
  }
}
}
