import GreenSilkCore

/// How the screen should look, as chosen on the command line.
public struct DisplayChoices: Hashable, Sendable {
  /// A theme name or `.toml` path; nil: the program's default.
  public var theme: String?
  public var themesDirectory: String?
  public var ascii: Bool
  public var mono: Bool
  /// `--all-in-totals`: totals over every record.
  public var totals: TotalsScope

  public init(
    theme: String? = nil, themesDirectory: String? = nil, ascii: Bool = false, mono: Bool = false,
    totals: TotalsScope = .eligible
  ) {
    self.totals = totals
    self.theme = theme
    self.themesDirectory = themesDirectory
    self.ascii = ascii
    self.mono = mono
  }
}
