import Foundation
import Glibc

/// A real OpenSSH server on 127.0.0.1, started by a test on a free port
/// with throwaway keys in a temporary directory, and stopped with it.
///
///     let sshd = try LoopbackSSHD()
///     let key = try sshd.addKey(command: "/path/greensilk --data D --as alice --role viewer", options: "restrict,pty")
///     let session = try TmuxSession(width: 100, height: 30, command: sshd.sshCommand(key: key))
///
/// `addKey` makes a client key and appends its `authorized_keys` line
/// (with `command="…"` and options when given); `sshCommand` is the client
/// command line for a pty session (`ssh -tt …`), `ssh(key:…)` runs one to
/// completion. sshd runs in the foreground (`-D -e`) as a child of the
/// test, its log in `logPath`; `stop()` (or deinit) terminates it (the
/// sessions it already started end when their clients do).
///
/// The server is configured for tests as root here and in CI: root login
/// by key only, no PAM, no strict modes (the temporary directory is not
/// root-owned all the way up). `acceptEnv` lists the variables a client
/// may send (`-o SetEnv=NAME=value`), to play a client that tries to set
/// `EDITOR` or `GREENSILK_DATA`.
final class LoopbackSSHD {
  static let sshdPath = "/usr/sbin/sshd"

  let directory: String
  let port: Int
  let logPath: String
  private var pid: pid_t = 0
  private var keyCount = 0

  init(acceptEnv: [String] = [], extraConfig: [String] = []) throws {
    guard FileManager.default.isExecutableFile(atPath: Self.sshdPath) else {
      throw E2EFailure("\(Self.sshdPath) is missing: the SSH tests need a real sshd (apt-get install openssh-server; .ci/run does)")
    }
    guard let ssh = Self.which("ssh"), let keygen = Self.which("ssh-keygen") else {
      throw E2EFailure("ssh or ssh-keygen is missing (apt-get install openssh-client)")
    }
    _ = ssh
    // sshd wants its privilege-separation directory.
    mkdir("/run/sshd", 0o755)
    directory = try E2E.makeTemporaryDirectory()
    logPath = directory + "/sshd.log"
    let hostKey = directory + "/host_key"
    let made = try Spawn.run(keygen, ["-q", "-t", "ed25519", "-N", "", "-f", hostKey], environment: [:])
    guard made.status == 0 else { throw E2EFailure("ssh-keygen (host key) failed: \(made.err)") }
    _ = FileManager.default.createFile(atPath: directory + "/authorized_keys", contents: Data())
    chmod(directory + "/authorized_keys", 0o600)

    var lastError = ""
    // A free port can be taken between our probe and sshd's bind: retry.
    for _ in 0..<5 {
      let port = try Self.freePort()
      var lines = [
        "Port \(port)", "ListenAddress 127.0.0.1", "HostKey \(hostKey)",
        "AuthorizedKeysFile \(directory)/authorized_keys", "PidFile \(directory)/sshd.pid",
        "StrictModes no", "UsePAM no", "PermitRootLogin yes", "PasswordAuthentication no",
        "KbdInteractiveAuthentication no", "PubkeyAuthentication yes", "PrintMotd no", "PrintLastLog no",
        "LogLevel VERBOSE", "MaxStartups 100:30:200", "MaxSessions 100",
      ]
      if !acceptEnv.isEmpty { lines.append("AcceptEnv " + acceptEnv.joined(separator: " ")) }
      lines += extraConfig
      let config = directory + "/sshd_config"
      try (lines.joined(separator: "\n") + "\n").write(toFile: config, atomically: true, encoding: .utf8)
      let check = try Spawn.run(Self.sshdPath, ["-t", "-f", config], environment: [:])
      guard check.status == 0 else { throw E2EFailure("sshd -t rejected the config: \(check.err)") }
      let child = try Self.spawn(Self.sshdPath, ["-D", "-e", "-f", config], log: logPath)
      if Self.waitForPort(port, process: child, timeout: 10) {
        self.port = port
        self.pid = child
        return
      }
      kill(child, SIGTERM)
      var status: Int32 = 0
      waitpid(child, &status, 0)
      lastError = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }
    throw E2EFailure("sshd did not start listening on 127.0.0.1; its log:\n\(lastError)")
  }

  deinit {
    stop()
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// Terminates sshd (its sessions end with it: sshd -D signals them).
  func stop() {
    guard pid > 0 else { return }
    kill(pid, SIGTERM)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    pid = 0
  }

  /// A new client key; its `authorized_keys` line gets `command="…"` when
  /// `command` is given (quotes and backslashes escaped as sshd reads
  /// them) and `options` (e.g. `restrict,pty`). Returns the private key's path.
  func addKey(command: String? = nil, options: String? = nil) throws -> String {
    keyCount += 1
    let key = directory + "/client_key_\(keyCount)"
    let made = try Spawn.run(Self.which("ssh-keygen")!, ["-q", "-t", "ed25519", "-N", "", "-f", key], environment: [:])
    guard made.status == 0 else { throw E2EFailure("ssh-keygen (client key) failed: \(made.err)") }
    let publicKey = try String(contentsOfFile: key + ".pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    var parts: [String] = []
    if let command {
      let escaped = command.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      parts.append("command=\"\(escaped)\"")
    }
    if let options { parts.append(options) }
    let line = (parts.isEmpty ? "" : parts.joined(separator: ",") + " ") + publicKey + "\n"
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/authorized_keys"))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(line.utf8))
    try handle.close()
    return key
  }

  /// The client's arguments (after `ssh`) for `key`, asking for a pty with
  /// `tty`, sending `setEnv` (only what `acceptEnv` allows arrives), then
  /// the remote command (which a forced `command="…"` replaces).
  func sshArguments(key: String, tty: Bool = true, setEnv: [String: String] = [:], remote: [String] = []) -> [String] {
    var arguments = [
      "-i", key, "-p", "\(port)", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
      "-o", "BatchMode=yes", "-o", "LogLevel=ERROR", "-o", "IdentitiesOnly=yes", "-F", "/dev/null",
    ]
    // One SetEnv with every pair: ssh keeps only the first value of an option given twice.
    if !setEnv.isEmpty {
      arguments += ["-o", "SetEnv=" + setEnv.sorted(by: { $0.key < $1.key }).map { "\($0.key)=\($0.value)" }.joined(separator: " ")]
    }
    if tty { arguments.append("-tt") }
    arguments.append("root@127.0.0.1")
    return arguments + remote
  }

  /// The client command line as one `sh` string (for a tmux pane).
  func sshCommand(key: String, setEnv: [String: String] = [:], remote: [String] = []) -> String {
    let ssh = Self.which("ssh") ?? "ssh"
    return ([ssh] + sshArguments(key: key, tty: true, setEnv: setEnv, remote: remote)).map(Shell.quote).joined(separator: " ")
  }

  /// Runs one non-interactive session to completion (no pty).
  func ssh(key: String, setEnv: [String: String] = [:], remote: [String] = []) throws -> Spawn.Result {
    try Spawn.run(Self.which("ssh")!, sshArguments(key: key, tty: false, setEnv: setEnv, remote: remote), environment: ProcessInfo.processInfo.environment)
  }

  /// sshd's log so far (for failure messages).
  var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

  // MARK: - Helpers

  static func which(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") + ["/usr/bin", "/usr/sbin"] {
      let candidate = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// A port the kernel calls free: bind 127.0.0.1:0 and read it back.
  static func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw E2EFailure("socket: errno \(errno)") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    guard bound == 0 else { throw E2EFailure("bind: errno \(errno)") }
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard named == 0 else { throw E2EFailure("getsockname: errno \(errno)") }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// Waits until something accepts connections on the port (or the child died).
  static func waitForPort(_ port: Int, process: pid_t, timeout: Double) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      var status: Int32 = 0
      if waitpid(process, &status, WNOHANG) == process { return false }
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      address.sin_port = UInt16(port).bigEndian
      let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
      }
      close(fd)
      if connected == 0 { return true }
      usleep(50_000)
    }
    return false
  }

  /// Starts a long-running child with its output in `log`.
  static func spawn(_ executable: String, _ arguments: [String], log: String) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else { throw E2EFailure("cannot start \(executable): error \(spawned)") }
    return pid
  }
}
