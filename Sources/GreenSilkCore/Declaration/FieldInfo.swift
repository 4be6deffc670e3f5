/// What a field is to people and to the code around the file format: its
/// name in files, its label, its CSV column, its role, whether an import
/// owns it, and where forms and the detail screen show it. A record's
/// declaration has one per leaf field (`title`, `screening.climate`).
public struct FieldInfo<Object: Sendable>: Sendable {
  /// The dotted file name (`screening.climate`).
  public internal(set) var name: String
  /// What a form or the detail screen calls it ("Climate").
  public var label: String
  /// What a sentence calls it ("climate rating"): rule messages, the
  /// status line, the audit summary.
  public var phrase: String
  public var column: ColumnKind
  public var role: FieldRole
  /// Whether an import (AidData) fills it in and may update it.
  public var importOwned: Bool
  /// Where the project detail screen shows it (nil: not on its own line).
  public var detail: DetailPlacement?
  /// How a form edits it (nil: not in the form).
  public var form: FormBinding<Object>?
  /// The value in words, for a screen that has no better way to show it.
  let words: @Sendable (Object, FormContext) -> String

  public func text(of object: Object, context: FormContext) -> String { words(object, context) }
}

/// A field in a record's form: where it sits, how it is typed, and how its
/// text is read from and applied to the record.
public struct FormBinding<Object: Sendable>: Sendable {
  public let section: FormSection
  public let rank: Int
  public let kind: FieldKind
  public let help: String
  public let read: @Sendable (Object, FormContext) -> String
  /// Parses the text and sets the value; throws the message shown under the
  /// field. Read-only fields apply nothing.
  public let apply: @Sendable (String, inout Object, FormContext) throws(FieldError) -> Void

  init<Value>(_ entry: FormEntry<Value>, get: @escaping @Sendable (Object) -> Value, set: @escaping @Sendable (inout Object, Value) -> Void) {
    section = entry.section
    rank = entry.rank
    kind = entry.syntax.kind
    help = entry.help
    let syntax = entry.syntax
    read = { object, context in syntax.format(get(object), context) }
    if let parse = syntax.parse {
      apply = { text, object, context throws(FieldError) in set(&object, try parse(text, context)) }
    } else {
      apply = { _, _, _ in }
    }
  }

  init(
    section: FormSection, rank: Int, kind: FieldKind, help: String,
    read: @escaping @Sendable (Object, FormContext) -> String,
    apply: @escaping @Sendable (String, inout Object, FormContext) throws(FieldError) -> Void
  ) {
    self.section = section
    self.rank = rank
    self.kind = kind
    self.help = help
    self.read = read
    self.apply = apply
  }
}

extension FieldInfo {
  /// This field of a nested object, seen from the object that holds it:
  /// `climate` of `Screening` becomes `screening.climate` of `Project`.
  /// Editing a field of an absent optional object (a budget) creates the
  /// object, unless the edit leaves it empty.
  /// The name stays the nested one; the outer declaration prefixes it.
  func lifted<Outer: Sendable>(
    get: @escaping @Sendable (Outer) -> Object?, set: @escaping @Sendable (inout Outer, Object) -> Void,
    blank: @escaping @Sendable () -> Object
  ) -> FieldInfo<Outer> where Object: Equatable {
    let inner = self
    return FieldInfo<Outer>(
      name: name, label: label, phrase: phrase, column: column, role: role, importOwned: importOwned,
      detail: detail,
      form: inner.form.map { form in
        FormBinding<Outer>(
          section: form.section, rank: form.rank, kind: form.kind, help: form.help,
          read: { outer, context in form.read(get(outer) ?? blank(), context) },
          apply: { text, outer, context throws(FieldError) in
            let before = get(outer)
            var value = before ?? blank()
            try form.apply(text, &value, context)
            if before == nil && value == blank() { return }
            set(&outer, value)
          })
      },
      words: { outer, context in inner.words(get(outer) ?? blank(), context) })
  }
}
