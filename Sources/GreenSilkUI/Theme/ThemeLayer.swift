import TOMLKit

/// What one theme file says, before inheritance fills the gaps: only the
/// keys the file sets. `Theme` merges layers (built-in default, then each
/// `extends` ancestor, then the file itself).
struct ThemeLayer: Hashable, Sendable {
  var name: String?
  var variant: ThemeVariant?
  var extends: String?
  var summary: String?
  var roles: [Role: StyleSpec] = [:]
  var emphasis: [Emphasis: StyleSpec] = [:]
  var monoRoles: [Role: TextAttributes] = [:]
  var monoEmphasis: [Emphasis: TextAttributes] = [:]
  /// Where `extends` was written, for warnings about the parent.
  var extendsLine = 0
}

/// The outcome of reading one theme file.
enum ThemeParseResult {
  /// The file parsed; `warnings` lists keys or values that were skipped.
  case parsed(ThemeLayer, warnings: [ThemeDiagnostic])
  /// The file is not valid TOML and was not used.
  case failed(ThemeDiagnostic)
}

/// Reads theme files with TOMLKit and checks them against the theme
/// schema. Syntax errors carry TOMLKit's line; everything else (unknown
/// tables and keys, bad values) becomes a warning located by
/// `SourceLines`, and the rest of the file is still used.
enum ThemeParser {
  static func parse(_ source: String, file: String) -> ThemeParseResult {
    let table: TOMLTable
    do {
      table = try TOMLInput.table(from: source)
    } catch {
      return .failed(ThemeDiagnostic(file: file, line: error.line, message: error.description, severity: .error))
    }
    var reader = Reader(file: file, lines: SourceLines(source))
    reader.read(table)
    return .parsed(reader.layer, warnings: reader.warnings.sorted { $0.line < $1.line })
  }

  /// Walks the parsed tables, filling a layer and collecting warnings.
  private struct Reader {
    let file: String
    let lines: SourceLines
    var layer = ThemeLayer()
    var warnings: [ThemeDiagnostic] = []

    init(file: String, lines: SourceLines) {
      self.file = file
      self.lines = lines
    }

    mutating func read(_ root: TOMLTable) {
      for key in root.keys {
        guard let section = root[key]?.table else {
          warn(table: "", key: key, "unknown key '\(key)' (expected tables [meta], [roles], [emphasis], [mono])")
          continue
        }
        switch key {
        case "meta": readMeta(section)
        case "roles": readRoles(section)
        case "emphasis": readEmphasis(section)
        case "mono": readMono(section)
        default:
          warnAtTable(key, "unknown table [\(key)] (expected [meta], [roles], [emphasis], [mono])")
        }
      }
    }

    private mutating func readMeta(_ section: TOMLTable) {
      for key in section.keys {
        guard let value = string(section, "meta", key) else { continue }
        switch key {
        case "name": layer.name = value
        case "description": layer.summary = value
        case "extends":
          layer.extends = value
          layer.extendsLine = lines.line(table: "meta", key: key)
        case "variant":
          if let variant = ThemeVariant(rawValue: value) {
            layer.variant = variant
          } else {
            warn(table: "meta", key: key, "variant '\(value)' is not 'dark' or 'light'")
          }
        default:
          warn(table: "meta", key: key, "unknown key '\(key)' in [meta] (expected name, variant, extends, description)")
        }
      }
    }

    private mutating func readRoles(_ section: TOMLTable) {
      for key in section.keys {
        guard let role = Role(rawValue: key) else {
          warn(table: "roles", key: key, "unknown role '\(key)'")
          continue
        }
        if let spec = style(section, "roles", key) { layer.roles[role] = spec }
      }
    }

    private mutating func readEmphasis(_ section: TOMLTable) {
      for key in section.keys {
        guard let emphasis = Emphasis(themeKey: key) else {
          warn(table: "emphasis", key: key, "unknown emphasis '\(key)' (expected \(Self.emphasisKeys))")
          continue
        }
        if let spec = style(section, "emphasis", key) { layer.emphasis[emphasis] = spec }
      }
    }

    private mutating func readMono(_ section: TOMLTable) {
      for key in section.keys {
        let role = Role(rawValue: key)
        let emphasis = Emphasis(themeKey: key)
        guard role != nil || emphasis != nil else {
          warn(table: "mono", key: key, "unknown role or emphasis '\(key)'")
          continue
        }
        guard let spec = style(section, "mono", key, attributesOnly: true) else { continue }
        if let role { layer.monoRoles[role] = spec.attributes }
        if let emphasis { layer.monoEmphasis[emphasis] = spec.attributes }
      }
    }

    private mutating func string(_ section: TOMLTable, _ table: String, _ key: String) -> String? {
      guard let value = section[key]?.string else {
        warn(table: table, key: key, "'\(key)' must be a string")
        return nil
      }
      return value
    }

    private mutating func style(
      _ section: TOMLTable, _ table: String, _ key: String, attributesOnly: Bool = false
    ) -> StyleSpec? {
      guard let text = string(section, table, key) else { return nil }
      do {
        return try StyleSpec.parse(text, attributesOnly: attributesOnly)
      } catch {
        warn(table: table, key: key, "bad value for '\(key)': \(error.reason)")
        return nil
      }
    }

    private mutating func warn(table: String, key: String, _ message: String) {
      warnings.append(
        ThemeDiagnostic(file: file, line: lines.line(table: table, key: key), message: message))
    }

    private mutating func warnAtTable(_ table: String, _ message: String) {
      warnings.append(ThemeDiagnostic(file: file, line: lines.line(table: table), message: message))
    }

    private static let emphasisKeys = Emphasis.allCases.compactMap(\.themeKey).joined(separator: ", ")
  }
}
