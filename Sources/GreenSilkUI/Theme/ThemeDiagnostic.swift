/// A problem found while loading a theme, printed as `FILE:LINE: reason`
/// so that editors and terminals can jump to it.
public struct ThemeDiagnostic: Hashable, Sendable, CustomStringConvertible {
  /// A warning leaves the rest of the file in use; an error means the
  /// file was not used at all (the theme fell back to the default).
  public enum Severity: Hashable, Sendable {
    case warning
    case error
  }

  public var file: String
  /// 1-based; 0 when the problem has no line (a missing file).
  public var line: Int
  public var message: String
  public var severity: Severity

  public init(file: String, line: Int, message: String, severity: Severity = .warning) {
    self.file = file
    self.line = line
    self.message = message
    self.severity = severity
  }

  public var description: String {
    line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
  }
}

/// Light or dark: lets the app (or a kiosk) pick a theme that suits the
/// terminal's background.
public enum ThemeVariant: String, Hashable, Sendable, CaseIterable {
  case dark
  case light
}

extension Emphasis {
  /// The key naming this emphasis in a theme's `[emphasis]` and `[mono]`
  /// tables; `nil` for `.none`, which has no overlay.
  public var themeKey: String? {
    switch self {
    case .none: nil
    case .selected: "selected"
    case .matched: "matched"
    case .selectedMatched: "selected_matched"
    case .focused: "focused"
    case .bold: "bold"
    }
  }

  init?(themeKey: String) {
    guard let match = Emphasis.allCases.first(where: { $0.themeKey == themeKey }) else {
      return nil
    }
    self = match
  }
}
