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

  public var isMultiline: Bool {
    switch self {
    case .multiline, .list: true
    default: false
    }
  }

  public var completes: Bool { self == .countries || self == .corridors }
}

/// What a field needs to know beyond its own text (country names).
public struct FormContext: Sendable {
  public var countryNames: [CountryCode: String]
  public init(countryNames: [CountryCode: String]) { self.countryNames = countryNames }
}

/// The sections of the record forms, in the order they appear.
public enum FormSection: String, CaseIterable, Sendable {
  case identity = "Identity"
  case activity = "Activity"
  case stage = "Stage"
  case screening = "Environmental screening"
  case delivery = "Delivery"
  case finance = "Finance"
  case dates = "Dates"
  case participants = "Participants"
  case monitoring = "Monitoring"
  case source = "Source"
}

/// How a value is typed into a form field and shown there: the field's
/// kind, the value as text, and the text parsed back (throwing the message
/// shown under the field). No parser: shown, not editable.
public struct FormSyntax<Value>: Sendable {
  public let kind: FieldKind
  let format: @Sendable (Value, FormContext) -> String
  let parse: (@Sendable (String, FormContext) throws(FieldError) -> Value)?

  public init(
    _ kind: FieldKind, format: @escaping @Sendable (Value, FormContext) -> String,
    parse: (@Sendable (String, FormContext) throws(FieldError) -> Value)?
  ) {
    self.kind = kind
    self.format = format
    self.parse = parse
  }

  init(
    _ kind: FieldKind, format: @escaping @Sendable (Value) -> String,
    parse: @escaping @Sendable (String) throws(FieldError) -> Value
  ) {
    self.init(kind, format: { value, _ in format(value) }, parse: { text, _ throws(FieldError) in try parse(text) })
  }
}

/// Where a field sits in its record's form and how it is typed in.
public struct FormEntry<Value>: Sendable {
  public let section: FormSection
  /// Its place among the section's fields (lower first).
  public let rank: Int
  public let syntax: FormSyntax<Value>
  /// What is expected, shown while the field is focused.
  public let help: String

  public static func at(_ section: FormSection, _ rank: Int, _ syntax: FormSyntax<Value>, help: String) -> FormEntry {
    FormEntry(section: section, rank: rank, syntax: syntax, help: help)
  }
}

extension FormSyntax where Value == String {
  /// Shown, not editable.
  public static var readOnly: FormSyntax { FormSyntax(.readOnly, format: { value, _ in value }, parse: nil) }
  /// One line, required (`what`: "a title").
  public static func requiredText(_ what: String) -> FormSyntax {
    FormSyntax(.text, format: { $0 }, parse: { text throws(FieldError) in try FieldSyntax.requiredText(text, what) })
  }
  /// One line, trimmed; empty allowed.
  public static var text: FormSyntax { FormSyntax(.text, format: { $0 }, parse: { $0.trimmingSpaces() }) }
  /// Several lines, trimmed; empty allowed.
  public static var multiline: FormSyntax { FormSyntax(.multiline, format: { $0 }, parse: { $0.trimmingSpaces() }) }
  /// A three-letter currency code (empty reads as USD).
  public static var currency: FormSyntax {
    FormSyntax(.text, format: { $0 }, parse: { text throws(FieldError) in try FieldSyntax.currency(text) })
  }
}

extension FormSyntax where Value == String? {
  /// One line; empty means none.
  public static var optionalText: FormSyntax { FormSyntax(.text, format: { $0 ?? "" }, parse: FieldSyntax.optionalText) }
  /// Several lines; empty means none.
  public static var optionalMultiline: FormSyntax {
    FormSyntax(.multiline, format: { $0 ?? "" }, parse: FieldSyntax.optionalText)
  }
}

extension FormSyntax where Value: FileEnum {
  /// A pick list of the labels.
  public static var choice: FormSyntax {
    FormSyntax(
      .choice(options: Value.allCases.map(\.label), allowsNone: false), format: { $0.label },
      parse: { text throws(FieldError) in try FieldSyntax.choice(text, Value.self) })
  }
}

extension FormSyntax {
  /// A pick list of the labels whose first entry means none.
  public static func optionalChoice<Choice: FileEnum>() -> FormSyntax where Value == Choice? {
    FormSyntax(
      .choice(options: Choice.allCases.map(\.label), allowsNone: true), format: { $0?.label ?? "" },
      parse: { text throws(FieldError) in try FieldSyntax.optionalChoice(text, Choice.self) })
  }
}

extension FormSyntax where Value == Bool {
  /// A pick list of no and yes.
  public static var yesNo: FormSyntax {
    FormSyntax(
      .choice(options: ["no", "yes"], allowsNone: false), format: { $0 ? "yes" : "no" },
      parse: { text throws(FieldError) in
        switch text.trimmingSpaces().lowercased() {
        case "yes", "y", "true": return true
        case "no", "n", "false", "": return false
        default: throw FieldError("expected yes or no")
        }
      })
  }
}

extension FormSyntax where Value == Day? {
  /// `YYYY-MM-DD`; empty means none.
  public static var date: FormSyntax {
    FormSyntax(.date, format: { FieldSyntax.text($0) }, parse: { text throws(FieldError) in try FieldSyntax.date(text) })
  }
}

extension FormSyntax where Value == Day {
  /// `YYYY-MM-DD`, required.
  public static var requiredDate: FormSyntax {
    FormSyntax(
      .date, format: { $0.description },
      parse: { text throws(FieldError) in
        guard let day = try FieldSyntax.date(text, required: true) else { throw FieldError("a date is required (YYYY-MM-DD)") }
        return day
      })
  }
}

extension FormSyntax where Value == Double? {
  /// A money amount with optional thousands separators; empty means none.
  public static var amount: FormSyntax {
    FormSyntax(.amount, format: { FieldSyntax.text($0) }, parse: { text throws(FieldError) in try FieldSyntax.amount(text) })
  }
}

extension FormSyntax where Value == Int? {
  /// A whole number ≥ 0; empty means none.
  public static var count: FormSyntax {
    FormSyntax(.text, format: { $0.map(String.init) ?? "" }, parse: { text throws(FieldError) in try FieldSyntax.integer(text) })
  }
}

extension FormSyntax where Value == [CorridorCode] {
  /// Corridor codes, comma-separated, completed as typed.
  public static var corridors: FormSyntax {
    FormSyntax(
      .corridors, format: { $0.map(\.rawValue).joined(separator: ", ") },
      parse: { text throws(FieldError) in try FieldSyntax.corridors(text) })
  }
}

extension FormSyntax where Value == [CountryCode] {
  /// Country codes or names, comma-separated, completed as typed.
  public static var countries: FormSyntax {
    FormSyntax(
      .countries, format: { value, _ in value.map(\.description).joined(separator: ", ") },
      parse: { text, context throws(FieldError) in try FieldSyntax.countries(text, names: context.countryNames) })
  }
}

extension FormSyntax where Value == [SDG] {
  /// Goal numbers 1-17, comma- or space-separated.
  public static var sdgs: FormSyntax {
    FormSyntax(
      .text, format: { $0.map { String($0.number) }.joined(separator: ", ") },
      parse: { text throws(FieldError) in try FieldSyntax.sdgs(text) })
  }
}

extension FormSyntax {
  /// One item per line in the small `a | b | c` syntax `format` describes.
  static func lines(
    _ format: String, _ text: @escaping @Sendable (Value) -> String,
    _ parse: @escaping @Sendable (String) throws(FieldError) -> Value
  ) -> FormSyntax {
    FormSyntax(.list(format: format), format: text, parse: parse)
  }
}

extension FormSyntax where Value == [Partner] {
  /// One partner per line.
  public static var partners: FormSyntax { lines(FieldSyntax.partnerFormat, FieldSyntax.text, FieldSyntax.partners) }
}

extension FormSyntax where Value == [Financing] {
  /// One financing tranche per line.
  public static var financing: FormSyntax { lines(FieldSyntax.financingFormat, FieldSyntax.text, FieldSyntax.financing) }
}

extension FormSyntax where Value == [Milestone] {
  /// One milestone per line.
  public static var milestones: FormSyntax { lines(FieldSyntax.milestoneFormat, FieldSyntax.text, FieldSyntax.milestones) }
}

extension FormSyntax where Value == [Indicator] {
  /// One indicator per line.
  public static var indicators: FormSyntax { lines(FieldSyntax.indicatorFormat, FieldSyntax.text, FieldSyntax.indicators) }
}

extension FormSyntax where Value == [CountryCount] {
  /// One country and its count per line.
  public static var participants: FormSyntax {
    FormSyntax(
      .list(format: FieldSyntax.participantFormat), format: { value, _ in FieldSyntax.text(value) },
      parse: { text, context throws(FieldError) in try FieldSyntax.participants(text, names: context.countryNames) })
  }
}
