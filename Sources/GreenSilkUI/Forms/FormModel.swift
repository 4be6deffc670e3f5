import GreenSilkCore

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
