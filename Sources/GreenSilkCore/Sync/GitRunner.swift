#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a git command printed and how it ended.
public struct GitResult: Sendable {
  public var status: Int32
  public var output: String
  public var errors: String
  public var succeeded: Bool { status == 0 }
  /// Output without its trailing newline.
  public var text: String {
    var text = output
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }
}

/// Runs git as a child process with `posix_spawnp`: arguments are passed
/// as an array, never through a shell, so no path or message is ever
/// interpreted. Git's prompts are switched off (`GIT_TERMINAL_PROMPT=0`,
/// ssh in batch mode unless the caller chose its own `GIT_SSH_COMMAND`):
/// a sync never waits for a password nobody will type; it fails with
/// git's message instead.
public struct GitRunner: Sendable {
  public let directory: String
  /// Extra `-c name=value` settings for every command (an identity).
  public var settings: [String] = []

  public init(directory: String) {
    self.directory = directory
  }

  public func run(_ arguments: [String]) throws(SyncError) -> GitResult {
    var args = ["git", "-C", directory]
    for setting in settings { args += ["-c", setting] }
    args += arguments
    return try Self.spawn(args, environment: Self.environment())
  }

  /// Runs and requires success; a failure is classified (`SyncError.git`).
  @discardableResult
  public func must(_ arguments: [String], doing what: String) throws(SyncError) -> GitResult {
    let result = try run(arguments)
    guard result.succeeded else { throw SyncError.classify(result, doing: what) }
    return result
  }

  static func environment() -> [String] {
    var env = processEnvironment()
    env["GIT_TERMINAL_PROMPT"] = "0"
    env["LC_ALL"] = "C"
    env["GIT_MERGE_AUTOEDIT"] = "no"
    if env["GIT_SSH_COMMAND"] == nil {
      env["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes -o ConnectTimeout=20"
    }
    return env.map { "\($0.key)=\($0.value)" }
  }

  static func spawn(_ arguments: [String], environment: [String]) throws(SyncError) -> GitResult {
    var outPipe: [Int32] = [0, 0]
    var errPipe: [Int32] = [0, 0]
    guard pipe(&outPipe) == 0 else { throw SyncError.system("pipe", errno) }
    guard pipe(&errPipe) == 0 else {
      close(outPipe[0]); close(outPipe[1])
      throw SyncError.system("pipe", errno)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    posix_spawn_file_actions_addclose(&actions, outPipe[0])
    posix_spawn_file_actions_addclose(&actions, errPipe[0])
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
    close(outPipe[1])
    close(errPipe[1])
    guard spawned == 0 else {
      close(outPipe[0]); close(errPipe[0])
      throw SyncError.gitMissing(spawned)
    }
    // Read both pipes until both close, so neither can fill and block git.
    var out: [UInt8] = []
    var err: [UInt8] = []
    var fds = [pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0), pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0)]
    var open = 2
    var buffer = [UInt8](repeating: 0, count: 65536)
    while open > 0 {
      let ready = poll(&fds, nfds_t(fds.count), -1)
      if ready < 0 {
        if errno == EINTR { continue }
        break
      }
      for index in fds.indices where fds[index].fd >= 0 && fds[index].revents != 0 {
        let got = buffer.withUnsafeMutableBytes { read(fds[index].fd, $0.baseAddress, $0.count) }
        if got > 0 {
          if index == 0 { out += buffer[0..<got] } else { err += buffer[0..<got] }
        } else if got == 0 || (errno != EINTR && errno != EAGAIN) {
          close(fds[index].fd)
          fds[index].fd = -1
          open -= 1
        }
      }
    }
    var raw: Int32 = 0
    while waitpid(pid, &raw, 0) < 0 {
      guard errno == EINTR else { break }
    }
    let signal = raw & 0x7F
    let status = signal == 0 ? (raw >> 8) & 0xFF : 128 + signal
    return GitResult(
      status: status, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
  }
}
