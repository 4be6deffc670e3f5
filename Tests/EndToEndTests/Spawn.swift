import Foundation
import Glibc

/// Runs a program to completion with `posix_spawn` and `waitpid`.
///
/// Foundation's `Process.waitUntilExit` was seen to hang for good when
/// several tests start short-lived programs at once (the child exited, a
/// zombie, and was never reaped), so the end-to-end helpers wait for
/// their own children directly. Output goes to files, not pipes: a
/// program that leaves a daemon behind (tmux starting its server) would
/// otherwise hold the pipe open and the reader would never see its end.
enum Spawn {
  struct Result {
    var status: Int32
    var out: String
    var err: String
  }

  static func run(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> Result {
    let base = NSTemporaryDirectory() + "gs-spawn-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    defer {
      unlink(base + ".out")
      unlink(base + ".err")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, base + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, base + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard spawned == 0 else { throw E2EFailure("cannot start \(executable): error \(spawned)") }
    var raw: Int32 = 0
    while waitpid(pid, &raw, 0) < 0 {
      guard errno == EINTR else { throw E2EFailure("waitpid(\(pid)): errno \(errno)") }
    }
    let signal = raw & 0x7F
    let status = signal == 0 ? (raw >> 8) & 0xFF : 128 + signal
    let out = (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? ""
    let err = (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? ""
    return Result(status: status, out: out, err: err)
  }
}
