#if canImport(Glibc)
  import Glibc
#endif

/// The process environment, read without Foundation.
public enum Environment {
  /// A variable's value; nil when unset or empty.
  public static func value(_ name: String) -> String? {
    guard let raw = getenv(name), let text = String(validatingCString: raw) else { return nil }
    return text.isEmpty ? nil : text
  }

  /// The variables GreenSilk consults (who the user is, where their state
  /// directory is, which editor they use), as a dictionary.
  public static func snapshot() -> [String: String] {
    var out: [String: String] = [:]
    for name in ["USER", "LOGNAME", "HOME", "XDG_STATE_HOME", "SSH_CLIENT", "SSH_CONNECTION", "EDITOR", "VISUAL"] {
      if let value = value(name) { out[name] = value }
    }
    return out
  }
}
