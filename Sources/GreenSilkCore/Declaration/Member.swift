/// One field of a JSON object type as its declaration states it, once: its
/// codec, and what it is to people, forms, exports and imports.
///
/// Made with `.field(…)` (a value) or `.object(…)` (a nested object whose
/// own fields another declaration lists), then refined with modifiers:
///
///     case .stageReason:
///       .field(\.stageReason, .sharedText, "Stage reason", form: .at(.stage, 20, .optionalText, help: "…"))
///         .ownedByImport().detail(.delivery, 20)
public struct Member<Object: Sendable>: Sendable {
  /// Writes `"key":value`, or nothing when the value is left out.
  let encode: @Sendable (Object, String, inout JSONWriter) -> Void
  let decode: @Sendable (inout Object, inout JSONReader) throws -> Void
  /// Sets this field of the first object to its value in the second.
  let copy: @Sendable (inout Object, Object) -> Void
  /// The field as people see it (its `name` is set by the declaration).
  var info: FieldInfo<Object>
  /// A nested object's fields, lifted onto `Object` (nil: a leaf).
  var children: [FieldInfo<Object>]?
  var isRequired = false

  // MARK: - Modifiers

  /// The line does not load without this field.
  public func required() -> Member { with { $0.isRequired = true } }
  /// What a sentence calls the field, when not its label in lower case.
  public func phrase(_ text: String) -> Member { with { $0.info.phrase = text } }
  public func column(_ kind: ColumnKind) -> Member { with { $0.info.column = kind } }
  public func role(_ role: FieldRole) -> Member { with { $0.info.role = role } }
  /// An import (AidData) fills this field in and updates it on re-import,
  /// unless it was edited here since.
  public func ownedByImport() -> Member { with { $0.info.importOwned = true } }
  /// Shown on the project detail screen in `section`, ordered by `rank`.
  public func detail(_ section: DetailSection, _ rank: Int) -> Member {
    with { $0.info.detail = DetailPlacement(section, rank) }
  }

  func with(_ change: (inout Member) -> Void) -> Member {
    var copy = self
    change(&copy)
    return copy
  }
}

extension Member {
  /// A stored value at `path`, written and read as `kind`.
  public static func field<Kind: JSONKind>(
    _ path: WritableKeyPath<Object, Kind.Value> & Sendable, _ kind: Kind, _ label: String,
    form: FormEntry<Kind.Value>? = nil
  ) -> Member {
    let set = setter(path)
    let decode: @Sendable (inout Object, inout JSONReader) throws -> Void
    if let offset = MemoryLayout<Object>.offset(of: path) {
      // Read straight into the record's stored property (see `setter`).
      decode = { object, reader in StoredProperty.assign(try kind.read(&reader), at: offset, in: &object) }
    } else {
      decode = { object, reader in object[keyPath: path] = try kind.read(&reader) }
    }
    return Member(
      encode: { object, key, writer in
        let value = object[keyPath: path]
        if kind.omits(value) { return }
        writer.key(key)
        kind.write(value, into: &writer)
      },
      decode: decode,
      copy: { object, other in object[keyPath: path] = other[keyPath: path] },
      info: info(label, kind, form: form, get: { $0[keyPath: path] }, set: set))
  }

  /// A value behind accessors (a computed property, a value kept in a
  /// shared box), written and read as `kind`.
  public static func field<Kind: JSONKind>(
    get: @escaping @Sendable (Object) -> Kind.Value, set: @escaping @Sendable (inout Object, Kind.Value) -> Void,
    _ kind: Kind, _ label: String, form: FormEntry<Kind.Value>? = nil
  ) -> Member {
    Member(
      encode: { object, key, writer in
        let value = get(object)
        if kind.omits(value) { return }
        writer.key(key)
        kind.write(value, into: &writer)
      },
      decode: { object, reader in set(&object, try kind.read(&reader)) },
      copy: { object, other in set(&object, get(other)) },
      info: info(label, kind, form: form, get: get, set: set))
  }

  /// A nested object at `path` whose fields `fields` declares; left out of
  /// the line when `omittedWhen` says so.
  public static func object<Fields: DeclaredFields>(
    _ path: WritableKeyPath<Object, Fields.Object> & Sendable, _ fields: Fields.Type, _ label: String,
    omittedWhen: (@Sendable (Fields.Object) -> Bool)? = nil
  ) -> Member where Fields.Object: Equatable {
    object(get: { $0[keyPath: path] }, set: setter(path), fields, label, omittedWhen: omittedWhen)
  }

  /// A nested object behind accessors.
  public static func object<Fields: DeclaredFields>(
    get: @escaping @Sendable (Object) -> Fields.Object, set: @escaping @Sendable (inout Object, Fields.Object) -> Void,
    _ fields: Fields.Type, _ label: String, omittedWhen: (@Sendable (Fields.Object) -> Bool)? = nil
  ) -> Member where Fields.Object: Equatable {
    let nested = Fields.declaration
    return Member(
      encode: { object, key, writer in
        let value = get(object)
        if omittedWhen?(value) == true { return }
        writer.key(key)
        nested.encode(value, into: &writer)
      },
      decode: { object, reader in set(&object, try nested.decode(&reader)) },
      copy: { object, other in set(&object, get(other)) },
      info: objectInfo(label),
      children: nested.leaves.map { $0.lifted(get: get, set: set, blank: nested.makeBlank) })
  }

  /// An optional nested object at `path` (null or absent: nil).
  public static func optionalObject<Fields: DeclaredFields>(
    _ path: WritableKeyPath<Object, Fields.Object?> & Sendable, _ fields: Fields.Type, _ label: String
  ) -> Member where Fields.Object: Equatable {
    optionalObject(get: { $0[keyPath: path] }, set: setter(path), fields, label)
  }

  /// An optional nested object behind accessors.
  public static func optionalObject<Fields: DeclaredFields>(
    get: @escaping @Sendable (Object) -> Fields.Object?, set: @escaping @Sendable (inout Object, Fields.Object?) -> Void,
    _ fields: Fields.Type, _ label: String
  ) -> Member where Fields.Object: Equatable {
    let nested = Fields.declaration
    return Member(
      encode: { object, key, writer in
        guard let value = get(object) else { return }
        writer.key(key)
        nested.encode(value, into: &writer)
      },
      decode: { object, reader in set(&object, try reader.readOptional { try nested.decode(&$0) }) },
      copy: { object, other in set(&object, get(other)) },
      info: objectInfo(label),
      children: nested.leaves.map { $0.lifted(get: get, set: { set(&$0, $1) }, blank: nested.makeBlank) })
  }

  /// Sets the value at `path`. Applying a key path at run time goes
  /// through the runtime's generic key path code (a type check and a
  /// retain per value: a load of 20,000 projects took ~20 % more CPU so);
  /// a stored property's offset makes it a plain store.
  static func setter<Value>(_ path: WritableKeyPath<Object, Value> & Sendable) -> @Sendable (inout Object, Value) -> Void {
    guard let offset = MemoryLayout<Object>.offset(of: path) else { return { $0[keyPath: path] = $1 } }
    return { object, value in StoredProperty.assign(value, at: offset, in: &object) }
  }

  static func info<Kind: JSONKind>(
    _ label: String, _ kind: Kind, form: FormEntry<Kind.Value>?, get: @escaping @Sendable (Object) -> Kind.Value,
    set: @escaping @Sendable (inout Object, Kind.Value) -> Void
  ) -> FieldInfo<Object> {
    let binding = form.map { FormBinding($0, get: get, set: set) }
    return FieldInfo(
      name: "", label: label, phrase: phrase(of: label), column: kind.column, role: .content, importOwned: false,
      detail: nil, form: binding,
      words: { object, context in binding?.read(object, context) ?? kind.words(get(object)) })
  }

  static func objectInfo(_ label: String) -> FieldInfo<Object> {
    FieldInfo(
      name: "", label: label, phrase: phrase(of: label), column: .json, role: .content, importOwned: false, detail: nil,
      form: nil, words: { _, _ in "" })
  }

  /// "Planned start" → "planned start"; "E&S category", "ID" and "SDGs"
  /// stay as they are.
  static func phrase(of label: String) -> String {
    let letters = Array(label)
    guard letters.count > 1, letters[0].isUppercase, letters[1].isLowercase || letters[1] == " " else { return label }
    return letters[0].lowercased() + String(letters.dropFirst())
  }
}

/// Writes a stored property found by its offset in its struct
/// (`MemoryLayout.offset(of:)`): what `object[keyPath:] = value` does for
/// a stored property, without the key path machinery. The old value is
/// released as by any assignment.
enum StoredProperty {
  @inline(__always)
  static func assign<Object, Value>(_ value: Value, at offset: Int, in object: inout Object) {
    withUnsafeMutableBytes(of: &object) { bytes in
      guard let base = bytes.baseAddress else { return }
      // The offset is of a stored property of type `Value`, so the memory
      // there is bound to `Value`.
      (base + offset).assumingMemoryBound(to: Value.self).pointee = value
    }
  }
}
