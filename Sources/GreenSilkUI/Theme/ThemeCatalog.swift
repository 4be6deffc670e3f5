/// The themes available to the app: the files in one Themes directory plus
/// the built-in default, in a fixed order for the "cycle theme" key.
///
/// The directory is chosen once (`locate`): `--themes-dir`, else
/// `$GREENSILK_THEMES`, else `./Themes`, else none (built-in default only).
/// Files are read on every `load`, so loading again picks up edits.
public struct ThemeCatalog: Hashable, Sendable {
  /// The Themes directory in use, nil for the built-in default only.
  public let directory: String?
  /// Theme names: `default` first, then the others alphabetically.
  public let names: [String]

  /// A catalog of `directory` (nil: the built-in default only).
  public init(directory: String?) {
    self.directory = directory
    let stems = directory.map(ThemeFiles.tomlStems(in:)) ?? []
    self.names = ["default"] + Set(stems).subtracting(["default"]).sorted()
  }

  /// Finds the Themes directory by the search order. An explicitly named
  /// directory (option or environment) that does not exist is reported
  /// and skipped, so a typo does not silently lose the user's themes.
  public static func locate(
    themesDirectory: String? = nil,
    environmentDirectory: String? = ThemeCatalog.environmentDirectory,
    localDirectory: String = "Themes"
  ) -> (catalog: ThemeCatalog, diagnostics: [ThemeDiagnostic]) {
    var diagnostics: [ThemeDiagnostic] = []
    for explicit in [themesDirectory, environmentDirectory] {
      guard let explicit, !explicit.isEmpty else { continue }
      if ThemeFiles.isDirectory(explicit) { return (ThemeCatalog(directory: explicit), diagnostics) }
      diagnostics.append(
        ThemeDiagnostic(file: explicit, line: 0, message: "themes directory not found"))
    }
    let local = ThemeFiles.isDirectory(localDirectory) ? localDirectory : nil
    return (ThemeCatalog(directory: local), diagnostics)
  }

  /// `$GREENSILK_THEMES`, nil when unset.
  public static var environmentDirectory: String? { ThemeFiles.environment("GREENSILK_THEMES") }

  /// The theme after `name` in `names`, wrapping around (the "cycle
  /// theme" key). An unknown name starts again at the first.
  public func next(after name: String) -> String {
    guard let index = names.firstIndex(of: name) else { return names[0] }
    return names[(index + 1) % names.count]
  }

  /// Loads a theme by name, or by path when `name` ends in `.toml`.
  /// Never fails: problems become diagnostics, and a theme that cannot be
  /// used at all gives the built-in default.
  public func load(_ name: String) -> ThemeLoadResult {
    var loader = Loader(catalog: self)
    let theme = loader.load(name)
    return ThemeLoadResult(
      theme: theme, diagnostics: loader.diagnostics, fellBack: loader.fellBack)
  }

  func path(of name: String) -> String? {
    if name.hasSuffix(".toml") { return name }
    guard let directory else { return nil }
    return directory.hasSuffix("/") ? directory + name + ".toml" : directory + "/" + name + ".toml"
  }

  /// One load: follows `extends`, guarding against cycles.
  private struct Loader {
    let catalog: ThemeCatalog
    var diagnostics: [ThemeDiagnostic] = []
    var fellBack = false

    mutating func load(_ requested: String) -> Theme {
      let name = requested.hasSuffix(".toml") ? Self.stem(requested) : requested
      guard let path = catalog.path(of: requested), let source = ThemeFiles.readText(path) else {
        if name != "default" {
          let file = catalog.path(of: requested) ?? requested
          diagnostics.append(
            ThemeDiagnostic(
              file: file, line: 0, message: "theme '\(name)' not found; using the default",
              severity: .error))
          fellBack = true
        }
        return Theme.builtin
      }
      guard let chain = layers(path: path, source: source, name: name, visited: [name]) else {
        fellBack = true
        return Theme.builtin
      }
      return Theme(name: name, layers: [ThemeLayer.builtin] + chain)
    }

    /// The layers of a file and its ancestors, root first; nil when the
    /// file itself does not parse.
    private mutating func layers(path: String, source: String, name: String, visited: Set<String>)
      -> [ThemeLayer]?
    {
      let layer: ThemeLayer
      switch ThemeParser.parse(source, file: path) {
      case .failed(let error):
        diagnostics.append(error)
        return nil
      case .parsed(let parsed, let warnings):
        diagnostics += warnings
        layer = parsed
      }
      if let metaName = layer.name, metaName != name {
        diagnostics.append(
          ThemeDiagnostic(
            file: path, line: 0,
            message: "[meta] name '\(metaName)' differs from the file name '\(name)'"))
      }
      guard let parent = layer.extends else { return [layer] }
      if visited.contains(parent) {
        diagnostics.append(
          ThemeDiagnostic(
            file: path, line: layer.extendsLine, message: "extends '\(parent)' makes a cycle"))
        return [layer]
      }
      guard let parentPath = catalog.path(of: parent), let parentSource = ThemeFiles.readText(parentPath)
      else {
        // The built-in default is always the base, so naming it needs no file.
        if parent != "default" {
          diagnostics.append(
            ThemeDiagnostic(
              file: path, line: layer.extendsLine,
              message: "extends unknown theme '\(parent)'; inheriting from the default"))
        }
        return [layer]
      }
      let ancestors =
        layers(path: parentPath, source: parentSource, name: parent, visited: visited.union([parent]))
      return (ancestors ?? []) + [layer]
    }

    private static func stem(_ path: String) -> String {
      let file = path.split(separator: "/").last.map(String.init) ?? path
      return file.hasSuffix(".toml") ? String(file.dropLast(5)) : file
    }
  }
}

/// A loaded theme and what went wrong on the way (`FILE:LINE: reason`),
/// for the status line and the log.
public struct ThemeLoadResult: Hashable, Sendable {
  public var theme: Theme
  public var diagnostics: [ThemeDiagnostic]
  /// True when the requested theme could not be used (missing, or not
  /// valid TOML) and the built-in default stands in for it.
  public var fellBack: Bool
}
