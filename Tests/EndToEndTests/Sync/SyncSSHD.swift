import Foundation
import Glibc

/// The sync tests' sshd (issue 14; the role tests have LoopbackSSHD): a real sshd on 127.0.0.1 at a free port, with throwaway host and client
/// keys in a temporary directory, for tests that reach a git hub over SSH
/// as offices do. Started as a child (`sshd -D -e`), stopped by `stop()`.
final class SyncSSHD: @unchecked Sendable {
  let directory: String
  let port: Int
  let clientKey: String
  /// A second client key that the server does not accept.
  let strangerKey: String
  private var pid: pid_t = 0

  static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") }

  init() throws {
    directory = try E2E.makeTemporaryDirectory()
    clientKey = directory + "/client_key"
    strangerKey = directory + "/stranger_key"
    for key in ["host_key", "client_key", "stranger_key"] {
      let made = try Spawn.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", directory + "/" + key], environment: [:])
      guard made.status == 0 else { throw E2EFailure("ssh-keygen: \(made.err)") }
    }
    try FileManager.default.copyItem(atPath: clientKey + ".pub", toPath: directory + "/authorized_keys")
    port = try Self.freePort()
    let config = """
      Port \(port)
      ListenAddress 127.0.0.1
      HostKey \(directory)/host_key
      AuthorizedKeysFile \(directory)/authorized_keys
      PidFile \(directory)/sshd.pid
      StrictModes no
      UsePAM no
      PermitRootLogin yes
      PasswordAuthentication no
      KbdInteractiveAuthentication no
      PubkeyAuthentication yes
      SetEnv PATH=/usr/local/bin:/usr/bin:/bin
      """
    try config.write(toFile: directory + "/sshd_config", atomically: true, encoding: .utf8)
    try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, directory + "/sshd.log", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, directory + "/sshd.log", O_WRONLY | O_CREAT | O_APPEND, 0o600)
    let arguments = ["/usr/sbin/sshd", "-D", "-e", "-f", directory + "/sshd_config"]
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    guard posix_spawn(&pid, arguments[0], &actions, nil, argv, environ) == 0 else { throw E2EFailure("cannot start sshd") }
    let deadline = Date().addingTimeInterval(10)
    while !Self.accepts(port: port) {
      if Date() > deadline {
        stop()
        let log = (try? String(contentsOfFile: directory + "/sshd.log", encoding: .utf8)) ?? ""
        throw E2EFailure("sshd did not listen on \(port): \(log)")
      }
      usleep(20_000)
    }
  }

  /// The login the hub is reached as: this process's user.
  var user: String { String(cString: getpwuid(geteuid())!.pointee.pw_name) }

  /// `ssh://user@127.0.0.1:PORT/path`.
  func url(_ path: String) -> String { "ssh://\(user)@127.0.0.1:\(port)\(path)" }

  /// What git runs for ssh (GIT_SSH_COMMAND), with this key.
  func sshCommand(key: String? = nil) -> String {
    "ssh -i \(key ?? clientKey) -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR"
  }

  func stop() {
    guard pid > 0 else { return }
    kill(pid, SIGTERM)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    pid = 0
  }

  deinit { stop() }

  static func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
    guard bound == 0 else { throw E2EFailure("bind: errno \(errno)") }
    _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  static func accepts(port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    return connected == 0
  }
}
