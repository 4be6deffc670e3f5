import GreenSilkCore

/// How a field is edited.
public enum FieldKind: Hashable, Sendable {
  /// One line of text.
  case text
  /// Several lines; Enter adds a line.
  case multiline
  /// One item per line in a small syntax (milestones, indicators, …).
  case list(format: String)
  /// A pick list of labels; `""` (shown as the first option) means none
  /// when `allowsNone`.
  case choice(options: [String], allowsNone: Bool)
  /// `YYYY-MM-DD`.
  case date
  /// A money amount (currency is its own field).
  case amount
  /// ISO-3 codes or names, with type-ahead completion.
  case countries
  /// Corridor codes, with type-ahead completion.
  case corridors
  /// Shown, not editable (the id).
  case readOnly

  var isMultiline: Bool {
    switch self {
    case .multiline, .list: true
    default: false
    }
  }

  var completes: Bool { self == .countries || self == .corridors }
}

/// What a field needs to know beyond its own text (country names).
public struct FormContext: Sendable {
  public var countryNames: [CountryCode: String]
  public init(countryNames: [CountryCode: String]) { self.countryNames = countryNames }
}

/// A field of a record's form: how to show it, read it from a record and
/// write it back. `apply` throws the message shown next to the field.
public struct FieldSpec<Record: Sendable>: Sendable {
  public let key: String
  public let label: String
  public let section: String
  public let kind: FieldKind
  /// What is expected, shown while the field is focused.
  public let help: String
  public let read: @Sendable (Record, FormContext) -> String
  public let apply: @Sendable (String, inout Record, FormContext) throws(FieldError) -> Void

  public init(
    _ key: String, _ label: String, section: String, kind: FieldKind, help: String,
    read: @escaping @Sendable (Record, FormContext) -> String,
    apply: @escaping @Sendable (String, inout Record, FormContext) throws(FieldError) -> Void
  ) {
    self.key = key
    self.label = label
    self.section = section
    self.kind = kind
    self.help = help
    self.read = read
    self.apply = apply
  }
}

extension FieldSpec {
  /// The source fields every editable record has (dataset, URL, note),
  /// read and written through the record's `source`.
  static func sourceFields(_ source: WritableKeyPath<Record, SourceRef> & Sendable, datasetHelp: String) -> [FieldSpec] {
    [
      FieldSpec(
        "source.dataset", "Source", section: "Source", kind: .text, help: datasetHelp,
        read: { r, _ in r[keyPath: source].dataset },
        apply: { text, r, _ throws(FieldError) in r[keyPath: source].dataset = try FieldSyntax.requiredText(text, "a source") }),
      FieldSpec(
        "source.url", "Source URL", section: "Source", kind: .text, help: "optional",
        read: { r, _ in r[keyPath: source].url ?? "" },
        apply: { text, r, _ in r[keyPath: source].url = FieldSyntax.optionalText(text) }),
      FieldSpec(
        "source.note", "Source note", section: "Source", kind: .multiline, help: "optional",
        read: { r, _ in r[keyPath: source].note ?? "" },
        apply: { text, r, _ in r[keyPath: source].note = FieldSyntax.optionalText(text) }),
    ]
  }
}

/// One field on screen: its description and its current text. The text is
/// the truth while the form is open (even when it does not parse), so that
/// nothing typed is lost — drafts store exactly these texts.
public struct FormField: Hashable, Sendable {
  public let key: String
  public let label: String
  public let section: String
  public let kind: FieldKind
  public let help: String
  public var text: String
  /// The text when the form opened (a field is changed when they differ).
  public let original: String
  /// Why the text is not acceptable, shown next to the field.
  public var error: String?

  public var isChanged: Bool { text != original }
}

/// An option the completion offers while typing countries or corridors.
public struct Suggestion: Hashable, Sendable {
  /// What replaces the token being typed (a code).
  public let value: String
  /// What is shown ("MYS  Malaysia").
  public let label: String
}

/// The field being edited, with its cursor, pick list or suggestions.
public struct FieldEditor: Hashable, Sendable {
  public var editing: TextEditing
  /// The text before editing began (Esc puts it back).
  public let before: String
  /// For choices: the highlighted option.
  public var pick: Int?
  /// For countries/corridors: matches for the token being typed.
  public var suggestions: [Suggestion] = []
  /// The highlighted suggestion (after ↓), if any.
  public var suggestion: Int?
}
