/// The enum that names the fields of one JSON object type, in the order
/// files write them, each case declaring itself once (`member`). Adding a
/// case without declaring it does not compile.
public protocol DeclaredFields: RawRepresentable, CaseIterable, Hashable, Sendable
where RawValue == String, AllCases == [Self] {
  associatedtype Object: Sendable
  /// This field's declaration.
  var member: Member<Object> { get }
  /// Everything derived from the members, built once:
  /// `static let declaration = ObjectDeclaration(Self.self, blank: …)`.
  static var declaration: ObjectDeclaration<Object> { get }
}

/// A JSON object type compiled from its fields' declarations: the codec
/// (canonical field order, the fast key match, decoding in place) and the
/// flattened list of its leaf fields. A class, built once per type: the
/// decoder passes it around for every record and nested object, and a
/// struct of arrays would be retained field by field each time.
public final class ObjectDeclaration<Object: Sendable>: Sendable {
  /// The top-level field names, in file order.
  public let keys: [String]
  let members: [Member<Object>]
  /// The members' readers alone: reading a field fetches one closure, not
  /// a whole `Member` (a copy of which retains every string and closure
  /// in it).
  private let readers: [@Sendable (inout Object, inout JSONReader) throws -> Void]
  let names: NameTable
  /// Positions of the fields a line must have.
  let required: [Int]
  let makeBlank: @Sendable () -> Object
  /// Where unknown fields are kept (records); nil skips them (nested values).
  let unknownFields: (WritableKeyPath<Object, [RawField]> & Sendable)?
  /// Checks and completes a value after its fields are read (a problem
  /// thrown is the line's; a project shares its provenance through the
  /// reader's interner).
  let finish: (@Sendable (inout Object, inout JSONReader) throws -> Void)?
  /// Every leaf field (nested objects opened), in file order.
  public let leaves: [FieldInfo<Object>]
  /// The leaves a form edits, in form order (section, then rank).
  public let formFields: [FieldInfo<Object>]
  private let leafIndex: [String: Int]

  /// `blank` makes the value a line is read into (fields absent from the
  /// line keep its values).
  public init<Fields: DeclaredFields>(
    _ fields: Fields.Type, blank: @escaping @Sendable () -> Object,
    keepingUnknownIn unknownFields: (WritableKeyPath<Object, [RawField]> & Sendable)? = nil,
    finish: (@Sendable (inout Object, inout JSONReader) throws -> Void)? = nil
  ) where Fields.Object == Object {
    let cases = Fields.allCases
    keys = cases.map(\.rawValue)
    let members = cases.map { field in
      var member = field.member
      member.info.name = field.rawValue
      return member
    }
    self.members = members
    readers = members.map(\.decode)
    names = NameTable(keys)
    required = members.indices.filter { members[$0].isRequired }
    precondition(members.count <= 64, "a declared object has at most 64 fields (one bit each while reading)")
    makeBlank = blank
    self.unknownFields = unknownFields
    self.finish = finish
    var leaves: [FieldInfo<Object>] = []
    for member in members {
      guard let children = member.children else {
        leaves.append(member.info)
        continue
      }
      for var child in children {
        child.name = member.info.name + "." + child.name
        // An import owns a nested object whole, or none of it; a source's
        // fields are provenance wherever the source sits.
        child.importOwned = child.importOwned || member.info.importOwned
        if member.info.role != .content { child.role = member.info.role }
        leaves.append(child)
      }
    }
    self.leaves = leaves
    let sections = FormSection.allCases
    func formOrder(_ field: FieldInfo<Object>) -> (Int, Int) {
      guard let form = field.form else { return (Int.max, Int.max) }
      return (sections.firstIndex(of: form.section) ?? Int.max, form.rank)
    }
    formFields = leaves.filter { $0.form != nil }.sorted { formOrder($0) < formOrder($1) }
    leafIndex = Dictionary(leaves.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
  }

  // MARK: - Codec

  public func encode(_ object: Object, into writer: inout JSONWriter) {
    writer.beginObject()
    for (index, member) in members.enumerated() { member.encode(object, keys[index], &writer) }
    if let unknownFields { writer.extras(object[keyPath: unknownFields]) }
    writer.endObject()
  }

  public func decode(_ reader: inout JSONReader) throws -> Object {
    var object = makeBlank()
    try decode(into: &object, &reader)
    return object
  }

  /// Reads one object into `object` (a blank value) where it lies: a
  /// record is never copied, so its fields are not retained twice.
  public func decode(into object: inout Object, _ reader: inout JSONReader) throws {
    var seen: UInt64 = 0
    let unknownFields = self.unknownFields
    try readers.withUnsafeBufferPointer { readers in
      try reader.readFields(names) { reader, position in
        if let position {
          seen |= 1 << UInt64(position)
          try readers[position](&object, &reader)
        } else if let unknownFields {
          object[keyPath: unknownFields].append(RawField(key: reader.currentKey, json: try reader.readRawValue()))
        } else {
          try reader.skipValue()
        }
      }
    }
    for position in required where seen & (1 << UInt64(position)) == 0 {
      throw JSONError("missing field \"\(keys[position])\"", column: nil)
    }
    try finish?(&object, &reader)
  }

  // MARK: - Fields

  /// The leaf field named `name` (`screening.climate`), if declared.
  public func leaf(named name: String) -> FieldInfo<Object>? { leafIndex[name].map { leaves[$0] } }

  /// What a sentence calls the field `name`, declared or not (a field a
  /// newer version wrote: `new_field` → "new field").
  public func phrase(of name: String) -> String {
    if let leaf = leaf(named: name) { return leaf.phrase }
    if let index = keys.firstIndex(of: name) { return members[index].info.phrase }
    return String(name.map { $0 == "_" || $0 == "." ? " " : $0 })
  }

  /// The top-level fields an import owns.
  public var importOwnedKeys: Set<String> { Set(members.filter(\.info.importOwned).map(\.info.name)) }

  /// Top-level fields that are one leaf: field-by-field views keep them
  /// whole even when their JSON is an object (the imported source row,
  /// participant counts), and open the nested objects.
  public var leafKeys: Set<String> { Set(members.filter { $0.children == nil }.map(\.info.name)) }

  /// Copies every import-owned field of `other` into `object`.
  public func copyImportOwned(into object: inout Object, from other: Object) {
    for member in members where member.info.importOwned { member.copy(&object, other) }
  }
}

/// A declared field of a record type, named by its file name
/// (`screening.climate`). Only declarations make them (`ProjectField.title.path`,
/// `ScreeningField.climate.path`), so a rule or a form cannot name a field
/// that does not exist.
public struct FieldPath: Hashable, Sendable, CustomStringConvertible {
  public let file: DataFile
  public let name: String

  init(_ file: DataFile, _ name: String) {
    self.file = file
    self.name = name
  }

  public var description: String { name }
}
