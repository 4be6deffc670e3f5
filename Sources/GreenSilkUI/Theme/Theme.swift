/// A complete colour theme: for every `Role` a style, for every
/// `Emphasis` an overlay, and for both a monochrome fallback. Built by
/// merging layers (built-in default, `extends` ancestors, the file), so
/// every role is always defined.
///
/// `resolve(_:depth:)` turns a cell's `Style` into concrete colours for
/// one terminal; `palette(for:)` precomputes that for every style, which
/// is what the backend keeps while the theme and depth stay the same.
public struct Theme: Hashable, Sendable {
  /// The catalog name (the file name without `.toml`).
  public var name: String
  public var variant: ThemeVariant
  /// One line for the theme picker (`[meta] description`).
  public var summary: String

  var roles: [Role: StyleSpec] = [:]
  var emphasis: [Emphasis: StyleSpec] = [:]
  var monoRoles: [Role: TextAttributes] = [:]
  var monoEmphasis: [Emphasis: TextAttributes] = [:]

  /// Merges `layers`, later layers winning key by key.
  init(name: String, layers: [ThemeLayer]) {
    self.name = name
    self.variant = layers.last(where: { $0.variant != nil })?.variant ?? .dark
    self.summary = layers.last(where: { $0.summary != nil })?.summary ?? ""
    for layer in layers {
      roles.merge(layer.roles) { _, new in new }
      emphasis.merge(layer.emphasis) { _, new in new }
      monoRoles.merge(layer.monoRoles) { _, new in new }
      monoEmphasis.merge(layer.monoEmphasis) { _, new in new }
    }
  }

  /// The theme compiled into the binary (the text of `Themes/default.toml`),
  /// so the app has colours with no Themes directory at all.
  public static let builtin = Theme(name: "default", layers: [ThemeLayer.builtin])

  /// The style of `style` at `depth`.
  ///
  /// A role without a foreground or background takes the `text` role's,
  /// so a theme can set the screen's background once. An emphasis overlay
  /// adds its attributes and replaces only the colours it names (a
  /// selected red light stays red on the selection background); if that
  /// leaves the foreground equal to the background, the foreground falls
  /// back to the terminal's, so selected text never disappears.
  public func resolve(_ style: Style, depth: ColorDepth) -> ResolvedStyle {
    let spec = roles[style.role] ?? StyleSpec()
    let overlay = emphasis[style.emphasis]
    if depth == .mono {
      var attributes = monoRoles[style.role] ?? spec.attributes
      if style.emphasis != .none {
        attributes.formUnion(monoEmphasis[style.emphasis] ?? overlay?.attributes ?? [])
      }
      return ResolvedStyle(attributes: attributes)
    }
    let text = roles[.text]
    var (foreground, bright) =
      (spec.foreground ?? text?.foreground ?? .terminalDefault).resolve(depth)
    var background = (spec.background ?? text?.background ?? .terminalDefault).resolve(depth).color
    var attributes = spec.attributes
    if let overlay {
      attributes.formUnion(overlay.attributes)
      if let color = overlay.foreground { (foreground, bright) = color.resolve(depth) }
      if let color = overlay.background { background = color.resolve(depth).color }
      if foreground == background && foreground != .terminalDefault && !bright {
        foreground = .terminalDefault
      }
    }
    if bright { attributes.insert(.bold) }
    return ResolvedStyle(foreground: foreground, background: background, attributes: attributes)
  }

  /// Every style resolved for `depth`: the cache the backend draws from.
  public func palette(for depth: ColorDepth) -> ThemePalette {
    ThemePalette(theme: self, depth: depth)
  }
}

/// A theme resolved for one colour depth: a lookup table from every
/// `Style` (each role with each emphasis) to its `ResolvedStyle`, built
/// once when the theme or depth changes instead of once per cell.
public struct ThemePalette: Sendable {
  public let themeName: String
  public let depth: ColorDepth
  private let styles: [Style: ResolvedStyle]

  init(theme: Theme, depth: ColorDepth) {
    self.themeName = theme.name
    self.depth = depth
    var styles: [Style: ResolvedStyle] = [:]
    styles.reserveCapacity(Role.allCases.count * Emphasis.allCases.count)
    for role in Role.allCases {
      for emphasis in Emphasis.allCases {
        let style = Style(role, emphasis: emphasis)
        styles[style] = theme.resolve(style, depth: depth)
      }
    }
    self.styles = styles
  }

  public subscript(style: Style) -> ResolvedStyle { styles[style] ?? .plain }
}
