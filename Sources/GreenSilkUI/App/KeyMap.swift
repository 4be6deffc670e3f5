/// A key binding: the keys, how the footer and help name them, what they
/// do in words, and the command they give. The footer and the `?` help
/// overlay are generated from these, so a binding cannot exist without
/// its help text.
public struct KeyBinding: Hashable, Sendable {
  public var keys: [Key]
  public var label: String
  public var help: String
  public var command: Command
  /// Shown in the footer (the keys that matter most on this screen).
  public var inFooter: Bool
  /// The footer's word for it, when the command's usual word does not fit
  /// this screen ("corridor" rather than "move").
  public var footerHelp: String?

  public init(
    _ keys: [Key], _ label: String, _ help: String, _ command: Command, footer: Bool = false,
    footerHelp: String? = nil
  ) {
    self.keys = keys
    self.label = label
    self.help = help
    self.command = command
    self.inFooter = footer
    self.footerHelp = footerHelp
  }
}

/// Where keys are being interpreted.
public enum KeyContext: Hashable, Sendable {
  case overview, corridors, pipeline, detail, envoys, map

  public init(_ screen: Screen) {
    switch screen {
    case .overview: self = .overview
    case .corridors: self = .corridors
    case .pipeline: self = .pipeline
    case .detail: self = .detail
    case .envoys: self = .envoys
    case .map: self = .map
    }
  }

  public var title: String {
    switch self {
    case .overview: "Overview"
    case .corridors: "Corridors"
    case .pipeline: "Pipeline"
    case .detail: "Project detail"
    case .envoys: "Envoys"
    case .map: "Map"
    }
  }
}

/// The dashboard's key bindings, by context.
public enum KeyMap {
  static let navigation: [KeyBinding] = [
    KeyBinding([.up, .character("k")], "↑/k", "Move up", .moveSelection(-1)),
    KeyBinding([.down, .character("j")], "↓/j", "Move down", .moveSelection(1), footer: true),
    KeyBinding([.pageUp], "PgUp", "Page up", .page(-1)),
    KeyBinding([.pageDown, .character(" ")], "PgDn/Space", "Page down", .page(1)),
    KeyBinding([.home, .character("g")], "Home/g", "First row", .first),
    KeyBinding([.end, .character("G")], "End/G", "Last row", .last),
  ]

  static let global: [KeyBinding] = [
    KeyBinding(
      Screen.allCases.map { .character($0.key) }, "1-\(Screen.allCases.count)",
      Screen.allCases.map(\.title).joined(separator: ", "), .showScreen(.overview), footer: true),
    KeyBinding([.tab], "Tab", "Next screen", .nextScreen),
    KeyBinding([.backTab], "Shift-Tab", "Previous screen", .previousScreen),
    KeyBinding([.character("?"), .function(1)], "?", "Show or hide this help", .toggleHelp, footer: true),
    KeyBinding([.character("!")], "!", "List the data's problems (file, line, why)", .showProblems),
    KeyBinding([.character("T")], "T", "Next colour theme", .cycleTheme),
    KeyBinding([.ctrl("l")], "Ctrl-L", "Reload the data and redraw", .reload),
    KeyBinding([.character("q"), .ctrl("c")], "q", "Quit", .quit, footer: true),
  ]

  /// Editing keys: they act on the record under the cursor (or shown).
  static let editing: [KeyBinding] = [
    KeyBinding([.character("e")], "e", "Edit the selected record", .editRecord, footer: true),
    KeyBinding([.character("n")], "n", "New record", .newRecord),
    KeyBinding([.character("m")], "m", "Move the project to another stage", .moveStage),
    KeyBinding([.character("D")], "D", "Delete the selected record (asks first)", .deleteRecord),
    KeyBinding([.character("u")], "u", "Undo the last change of this session", .undo),
    KeyBinding([.ctrl("r")], "Ctrl-R", "Redo", .redo),
  ]

  /// The bindings active in a context, most specific first.
  public static func bindings(for context: KeyContext) -> [KeyBinding] {
    switch context {
    case .overview: undoRedo + global
    case .corridors:
      corridorBindings + navigation.filter { ![.moveSelection(-1), .moveSelection(1)].contains($0.command) } + editing + global
    case .pipeline: pipelineBindings + navigation + editing + global
    case .detail: detailBindings + editing + global
    case .envoys: envoyBindings + navigation + editing.filter { $0.command != .moveStage } + global
    case .map: mapBindings + undoRedo + global
    }
  }

  /// Undo and redo, for screens that edit nothing themselves.
  static var undoRedo: [KeyBinding] { editing.filter { $0.command == .undo || $0.command == .redo } }

  /// Keys inside a form, for its footer and the help overlay.
  public static let formHints: [KeyHint] = [
    KeyHint("Tab/↓", "next field"), KeyHint("Shift-Tab/↑", "previous"), KeyHint("Enter", "edit field / pick"),
    KeyHint("Ctrl-S", "save"), KeyHint("Ctrl-E", "$EDITOR"), KeyHint("Esc", "cancel field / leave"),
  ]

  /// The command a key gives in a context, if any.
  public static func command(for key: Key, in context: KeyContext) -> Command? {
    if case .character(let c) = key, let digit = c.wholeNumberValue, let screen = Screen(rawValue: digit) {
      return .showScreen(screen)
    }
    return bindings(for: context).first { $0.keys.contains(key) }?.command
  }

  /// Key labels as the glyph set can show them: arrows become words in
  /// ASCII (an ASCII `v` for ↓ would read as the `v` key).
  public static func spelled(_ hints: [KeyHint], for glyphs: GlyphSet) -> [KeyHint] {
    guard glyphs.isASCII else { return hints }
    return hints.map { hint in
      var keys = ""
      for character in hint.keys {
        switch character {
        case "↑": keys += "Up"
        case "↓": keys += "Down"
        case "←": keys += "Left"
        case "→": keys += "Right"
        default: keys.append(character)
        }
      }
      return KeyHint(keys, hint.help)
    }
  }

  /// The footer hints for a context.
  public static func footer(for context: KeyContext) -> [KeyHint] {
    bindings(for: context).filter(\.inFooter).map { KeyHint($0.label, footerText($0)) }
  }

  /// The help overlay: the current context first, then every other one.
  public static func helpSections(current: KeyContext) -> [HelpOverlay.Section] {
    let order = [current] + [KeyContext.overview, .corridors, .pipeline, .detail, .envoys, .map].filter { $0 != current }
    let shared = global + editing
    var sections: [HelpOverlay.Section] = []
    var seenGlobal = false
    for context in order {
      let own = bindings(for: context).filter { !shared.contains($0) }
      if !own.isEmpty {
        sections.append(HelpOverlay.Section(context.title, own.map { KeyHint($0.label, $0.help) }))
      }
      if !seenGlobal {
        seenGlobal = true
        sections.append(HelpOverlay.Section("Everywhere", global.map { KeyHint($0.label, $0.help) }))
        sections.append(HelpOverlay.Section("Editing", editing.map { KeyHint($0.label, $0.help) }))
        sections.append(
          HelpOverlay.Section(
            "In a form",
            formHints + [
              KeyHint("↓ (countries)", "show matching countries; Enter picks"),
              KeyHint("Ctrl-U/K/W", "delete to start / end / word"),
            ]))
      }
    }
    return sections
  }

  static func footerText(_ binding: KeyBinding) -> String {
    if let text = binding.footerHelp { return text }
    return switch binding.command {
    case .showScreen: "screens"
    case .toggleHelp: "help"
    case .quit: "quit"
    case .moveSelection: "move"
    case .open: "open"
    case .back: "back"
    case .startFilter: "filter"
    case .toggleView: "view"
    case .sortNext: "sort"
    case .cycleAreaFacet: "area"
    case .cycleCorridorFacet: "corridor"
    case .cycleLightFacet: "light"
    case .editRecord: "edit"
    default: binding.help.lowercased()
    }
  }
}
