import ArgumentParser
import GreenSilkCore
import GreenSilkRuntime

#if canImport(Glibc)
  import Glibc
#endif

/// `--as NAME --role viewer|editor|admin [--corridors CPEC,BCIMEC]`: the
/// identity and role an administrator pins to an SSH key in
/// `authorized_keys` (`command="greensilk --data DIR --as alice --role
/// editor",restrict,pty …`). Under a pinned identity:
/// - the audit log, drafts and the undo journal use NAME, not the Unix account;
/// - `--data` must be given: neither `GREENSILK_DATA` nor `./data` is used,
///   and no environment variable chooses a file to write (`GREENSILK_LOG`,
///   `XDG_STATE_HOME`, `HOME` are ignored; the account's home comes from
///   the password database);
/// - Ctrl-E does not start `$EDITOR` (the in-form field editor stays);
/// - `--as` without `--role` is a viewer: a key gets only what is written.
/// sshd keeps what the client asked for in `SSH_ORIGINAL_COMMAND`; GreenSilk
/// never reads it.
struct AccessOptions: ParsableArguments {
  @Option(
    name: .customLong("as"),
    help: ArgumentHelp(
      "Pin the session to this identity (for sshd's command=\"…\"): audited under NAME; --data required; $EDITOR, GREENSILK_DATA and the like are ignored.",
      valueName: "name"))
  var name: String?

  @Option(
    help: ArgumentHelp(
      "With --as: viewer (read-only), editor (edits records), admin (also import, normalize, generate). Default: viewer.",
      valueName: "role"))
  var role: String?

  @Option(
    help: ArgumentHelp(
      "With --role editor: edit only projects in these corridors (comma-separated, e.g. CPEC,BCIMEC); the rest open read-only.",
      valueName: "codes"))
  var corridors: String?

  func validate() throws {
    if name == nil {
      if role != nil { throw ValidationError("--role needs --as NAME: a role belongs to a pinned identity") }
      if corridors != nil { throw ValidationError("--corridors needs --as NAME and --role editor") }
      return
    }
    _ = try policy()
  }

  /// The pinned policy, or `.unrestricted` without `--as`.
  func policy() throws -> AccessPolicy {
    guard let name else { return .unrestricted }
    try Self.check(name: name)
    let role: AccessRole
    if let text = self.role {
      guard let parsed = AccessRole(rawValue: text) else {
        throw ValidationError("--role \(Sanitized(text)): use viewer, editor or admin")
      }
      role = parsed
    } else {
      role = .viewer
    }
    var limited: [CorridorCode]?
    if let corridors {
      guard role == .editor else {
        throw ValidationError("--corridors limits an editor; it needs --role editor (a viewer edits nothing, an admin everything)")
      }
      var codes: [CorridorCode] = []
      for part in corridors.split(separator: ",", omittingEmptySubsequences: false) {
        let text = part.trimmingCharacters(in: " ")
        guard let code = CorridorCode(rawValue: text.uppercased()) else {
          let known = CorridorCode.allCases.map(\.rawValue).joined(separator: ", ")
          throw ValidationError("--corridors: unknown corridor \"\(Sanitized(text))\" (known: \(known))")
        }
        if !codes.contains(code) { codes.append(code) }
      }
      limited = codes
    }
    return AccessPolicy(name: name, role: role, corridors: limited)
  }

  /// A name goes into the audit log and into file names (drafts, the undo
  /// journal), so it is kept to letters, digits and `. _ @ -`, 1-64 bytes,
  /// not starting with a dot or a dash.
  static func check(name: String) throws {
    let allowed = name.utf8.allSatisfy { byte in
      (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        || byte == 0x2E || byte == 0x5F || byte == 0x40 || byte == 0x2D
    }
    guard !name.isEmpty, name.utf8.count <= 64, allowed, !name.hasPrefix("."), !name.hasPrefix("-") else {
      throw ValidationError(
        "--as \(Sanitized(name)): a name is 1-64 letters, digits, '.', '_', '@' or '-', not starting with '.' or '-'")
    }
  }

  /// Refuses (status 2) a command this session's role does not allow.
  func require(_ needed: AccessRole, toRun command: String) throws {
    let policy = try policy()
    guard policy.isPinned else { return }
    let order: [AccessRole] = [.viewer, .editor, .admin]
    if order.firstIndex(of: policy.role)! < order.firstIndex(of: needed)! {
      throw CommandFailure(
        message: "greensilk: \(command) is refused for \(policy.label): it needs --role \(needed.rawValue); nothing was written",
        status: 2)
    }
  }

  /// Who this session is, for the audit log: the pinned name (with the
  /// SSH client's address sshd sets), else the Unix account.
  func user() throws -> UserIdentity {
    let policy = try policy()
    guard let name = policy.name else { return UserIdentity.current(environment: Environment.snapshot()) }
    return UserIdentity(login: name, origin: Self.sshOrigin())
  }

  /// The environment a pinned session lets GreenSilk see: the account's
  /// home from the password database (drafts and the undo journal go
  /// under it) and the SSH client address; nothing the client or a
  /// profile could set to point elsewhere (EDITOR, VISUAL,
  /// XDG_STATE_HOME, USER).
  func environment() throws -> [String: String] {
    guard try policy().isPinned else { return Environment.snapshot() }
    var out: [String: String] = [:]
    if let entry = getpwuid(geteuid()), let dir = entry.pointee.pw_dir {
      out["HOME"] = String(cString: dir)
    }
    for name in ["SSH_CLIENT", "SSH_CONNECTION"] { out[name] = Environment.value(name) }
    return out
  }

  /// The client's address from `SSH_CONNECTION`/`SSH_CLIENT`, which sshd
  /// sets itself; only an address-like first word is kept.
  static func sshOrigin() -> String? {
    let value = Environment.value("SSH_CONNECTION") ?? Environment.value("SSH_CLIENT")
    guard let first = value?.split(separator: " ").first else { return nil }
    let text = String(first)
    let addressLike = !text.isEmpty && text.utf8.count <= 64
      && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x46) || ($0 >= 0x61 && $0 <= 0x66) || $0 == 0x2E || $0 == 0x3A }
    return addressLike ? text : nil
  }
}

/// A value from the command line quoted in a message, its control
/// characters made visible.
private func Sanitized(_ text: String) -> String { ControlCharacters.visible(text) }

extension String {
  fileprivate func trimmingCharacters(in character: Character) -> String {
    var slice = Substring(self)
    while slice.first == character { slice.removeFirst() }
    while slice.last == character { slice.removeLast() }
    return String(slice)
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in character: Character) -> String { String(self).trimmingCharacters(in: character) }
}
