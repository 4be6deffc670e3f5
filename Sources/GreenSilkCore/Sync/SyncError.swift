/// Why a sync stopped. Every case leaves local work as it was: edits are
/// committed locally before anything touches the network, and a merge
/// that cannot finish is undone. The message says what to do.
public enum SyncError: Error, Sendable, CustomStringConvertible, Equatable {
  case notARepository(String)
  case noRemote
  case hubUnreachable(String)
  case authenticationRefused(String)
  case pushRejected(String)
  case diskFull(String)
  /// Data files that must not be committed (syntax errors, conflict
  /// markers), as FILE:LINE lines.
  case badDataFiles([String])
  case mergeFailed(String)
  case gitFailed(doing: String, message: String)
  case gitMissing(Int32)
  case system(String, Int32)

  public var description: String {
    switch self {
    case .notARepository(let dir):
      "\(dir) is not a git repository yet: run `greensilk sync init` (with --remote URL for a hub)"
    case .noRemote: "no hub: this data directory has no remote (greensilk sync init --remote URL)"
    case .hubUnreachable(let detail):
      "the hub cannot be reached (\(detail)); your changes are committed here and will go at the next sync"
    case .authenticationRefused(let detail):
      "the hub refused this office's key (\(detail)); check that the office's SSH key is authorised on the hub; your changes are committed here"
    case .pushRejected(let detail):
      "the hub kept refusing the push after merging its changes (\(detail)); your changes are committed here; sync again"
    case .diskFull(let detail):
      "the disk is full (\(detail)); nothing was lost; free some space and sync again"
    case .badDataFiles(let lines):
      "not committed: fix these lines first (greensilk validate lists them too)\n" + lines.joined(separator: "\n")
    case .mergeFailed(let detail):
      "the merge with the hub could not finish and was undone; your data is as it was (\(detail))"
    case .gitFailed(let doing, let message): "git failed to \(doing): \(message)"
    case .gitMissing(let code): "cannot run git (error \(code)): is git installed and on PATH?"
    case .system(let call, let code): "\(call) failed (errno \(code))"
    }
  }

  /// A short reason from git's messages.
  static func classify(_ result: GitResult, doing what: String) -> SyncError {
    let text = result.errors + result.output
    let lower = text.lowercased()
    let detail = summary(text)
    if lower.contains("no space left on device") || lower.contains("disk quota exceeded") { return .diskFull(detail) }
    if lower.contains("permission denied (publickey") || lower.contains("authentication failed")
      || lower.contains("host key verification failed") || lower.contains("permission denied, please try again")
    {
      return .authenticationRefused(detail)
    }
    if lower.contains("could not resolve hostname") || lower.contains("connection refused")
      || lower.contains("connection timed out") || lower.contains("network is unreachable")
      || lower.contains("no route to host") || lower.contains("could not read from remote repository")
      || lower.contains("connection closed") || lower.contains("does not appear to be a git repository")
    {
      return .hubUnreachable(detail)
    }
    if lower.contains("[rejected]") || lower.contains("non-fast-forward") || lower.contains("fetch first") {
      return .pushRejected(detail)
    }
    return .gitFailed(doing: what, message: detail)
  }

  /// The most telling line of git's output.
  static func summary(_ text: String) -> String {
    let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    let telling = lines.first { $0.hasPrefix("fatal:") || $0.hasPrefix("error:") || $0.contains("denied") || $0.contains("ssh:") }
    return telling ?? lines.last ?? "no message"
  }
}
