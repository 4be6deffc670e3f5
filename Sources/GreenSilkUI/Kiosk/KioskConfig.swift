import TOMLKit

/// A page of the wall display.
public enum KioskPage: Hashable, Sendable {
  case wall
  case overview
  case corridor(CorridorCodeName)
  case pipeline
  case envoys
  /// The map with every corridor.
  case map
  /// The map zoomed to one corridor, its route and countries highlighted.
  case corridorMap(CorridorCodeName)

  /// Corridor codes without importing the model into every signature.
  public typealias CorridorCodeName = String

  public var title: String {
    switch self {
    case .wall: "At a glance"
    case .overview: "Overview"
    case .corridor(let code): "Corridor \(code)"
    case .pipeline: "Pipeline"
    case .envoys: "Green Silk Road Envoys"
    case .map: "The six corridors"
    case .corridorMap(let code): "Corridor \(code) on the map"
    }
  }
}

/// How a kiosk runs: which screens, how fast it rotates, which keys an
/// office enables, and how it unlocks. From a TOML file (`--config`) and
/// flags (flags win).
public struct KioskConfig: Hashable, Sendable {
  /// Screen names: wall, overview, corridors (one page per corridor),
  /// pipeline, envoys, map, corridor-maps (one map page per corridor).
  public var screens: [String] = ["wall", "overview", "corridors", "pipeline", "envoys"]
  /// Seconds per page.
  public var rotate: Double = 20
  public var theme: String = "kiosk"
  /// Show seconds on the clock (redraw once a second) or minutes only.
  public var clockSeconds = true
  /// Shift the layout by a cell this often (seconds); nil to never.
  public var burnInShift: Double? = 300
  /// Keys the office enables (everything else does nothing).
  public var pauseKey: Key?
  public var nextKey: Key?
  public var previousKey: Key?
  /// Typing these keys in order ends the kiosk; empty: only SIGTERM does.
  public var unlock: [Key] = []

  public init() {}

  public static let screenNames = ["wall", "overview", "corridors", "pipeline", "envoys", "map", "corridor-maps"]

  /// The pages the screens expand to (corridors and corridor-maps → one
  /// per corridor).
  public func pages(corridors: [String]) -> [KioskPage] {
    screens.flatMap { name -> [KioskPage] in
      switch name {
      case "wall": [.wall]
      case "overview": [.overview]
      case "corridors": corridors.map { .corridor($0) }
      case "pipeline": [.pipeline]
      case "envoys": [.envoys]
      case "map": [.map]
      case "corridor-maps": corridors.map { .corridorMap($0) }
      default: []
      }
    }
  }

  /// Reads a config file. Problems are `FILE:LINE: reason`; any problem
  /// makes the file unusable (a wall display must not start half-set).
  public static func parse(_ source: String, file: String) throws(KioskConfigError) -> KioskConfig {
    let table: TOMLTable
    do {
      table = try TOMLInput.table(from: source)
    } catch {
      throw KioskConfigError(error.line > 0 ? "\(file):\(error.line): \(error.description)" : "\(file): \(error.description)")
    }
    let lines = SourceLines(source)
    var config = KioskConfig()
    func fail(_ table: String, _ key: String, _ message: String) -> KioskConfigError {
      KioskConfigError("\(file):\(lines.line(table: table, key: key)): \(message)")
    }
    let root = table["kiosk"]?.table ?? table
    let rootName = table["kiosk"] != nil ? "kiosk" : ""
    for key in root.keys {
      let value = root[key]
      switch key {
      case "screens":
        guard let array = value?.array else { throw fail(rootName, key, "screens must be a list of names") }
        var names: [String] = []
        for item in array {
          guard let name = item.string, screenNames.contains(name) else {
            throw fail(rootName, key, "unknown screen \(item) (expected: \(screenNames.joined(separator: ", ")))")
          }
          names.append(name)
        }
        if names.isEmpty { throw fail(rootName, key, "screens must not be empty") }
        config.screens = names
      case "rotate":
        guard let text = value?.string, let seconds = duration(text), seconds >= 0.01 else {
          throw fail(rootName, key, "rotate must be a duration such as \"20s\", \"2m\" or \"500ms\"")
        }
        config.rotate = seconds
      case "theme":
        guard let name = value?.string else { throw fail(rootName, key, "theme must be a name") }
        config.theme = name
      case "clock":
        switch value?.string {
        case "seconds": config.clockSeconds = true
        case "minutes": config.clockSeconds = false
        default: throw fail(rootName, key, "clock must be \"seconds\" or \"minutes\"")
        }
      case "burn_in_shift":
        if value?.string == "off" || value?.bool == false {
          config.burnInShift = nil
        } else if let text = value?.string, let seconds = duration(text), seconds > 0 {
          config.burnInShift = seconds
        } else {
          throw fail(rootName, key, "burn_in_shift must be a duration such as \"5m\", or \"off\"")
        }
      case "keys":
        guard let keys = value?.table else { throw fail(rootName, key, "[keys] must be a table") }
        for name in keys.keys {
          let section = rootName.isEmpty ? "keys" : "kiosk.keys"
          if name == "unlock" {
            // A list of key names, or one string of names separated by spaces.
            var texts: [String?] = []
            if let array = keys[name]?.array {
              texts = array.map { $0.string }
            } else if let text = keys[name]?.string {
              texts = text.split(separator: " ").map { String($0) }
            }
            var sequence: [Key] = []
            for item in texts {
              guard let text = item, let parsed = Key(name: text) else {
                throw fail(section, name, "unlock must list key names such as [\"Ctrl-X\", \"Ctrl-Q\"]")
              }
              sequence.append(parsed)
            }
            if sequence.count < 2 { throw fail(section, name, "unlock needs at least two keys, so a passer-by cannot hit it") }
            config.unlock = sequence
            continue
          }
          guard let text = keys[name]?.string, let parsed = Key(name: text) else {
            throw fail(section, name, "'\(name)' must be a key name such as \"space\", \"n\" or \"Ctrl-R\"")
          }
          switch name {
          case "pause": config.pauseKey = parsed
          case "next": config.nextKey = parsed
          case "previous": config.previousKey = parsed
          default: throw fail(section, name, "unknown key '\(name)' (expected pause, next, previous, unlock)")
          }
        }
      default:
        throw fail(rootName, key, "unknown setting '\(key)' (expected screens, rotate, theme, clock, burn_in_shift, [keys])")
      }
    }
    return config
  }

  /// `20s`, `2m`, `500ms`, `1h`, or a plain number of seconds.
  public static func duration(_ text: String) -> Double? {
    let trimmed = text.filter { $0 != " " }
    let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
    for (suffix, scale) in units where trimmed.hasSuffix(suffix) {
      guard let number = Double(trimmed.dropLast(suffix.count)), number >= 0 else { return nil }
      return number * scale
    }
    return Double(trimmed)
  }
}

/// Why a kiosk configuration cannot be used.
public struct KioskConfigError: Error, Equatable, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
