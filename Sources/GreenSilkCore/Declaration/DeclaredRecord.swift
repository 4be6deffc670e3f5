/// A record type whose fields one enum declares (`Project.Field` is
/// `ProjectField`). Its JSON codec, CSV columns, labels, form fields,
/// import ownership and detail placements all come from that declaration.
public protocol DeclaredRecord: StoredRecord {
  associatedtype Field: DeclaredFields where Field.Object == Self
}

extension DeclaredRecord {
  public static var declaration: ObjectDeclaration<Self> { Field.declaration }

  public func encode(into writer: inout JSONWriter) { Self.declaration.encode(self, into: &writer) }

  public init(reading reader: inout JSONReader) throws {
    let declaration = Self.declaration
    self = declaration.makeBlank()
    try declaration.decode(into: &self, &reader)
  }

  public static var leafKeys: Set<String> { declaration.leafKeys }

  public static func phrase(ofField name: String) -> String { declaration.phrase(of: name) }

  public static var bookkeepingKeys: Set<String> {
    Set(declaration.leaves.filter { $0.role == .bookkeeping }.map(\.name))
  }
}

/// The fields of an object nested in exactly one record type (a project's
/// screening): its fields' paths are the record's.
public protocol NestedFields: DeclaredFields {
  associatedtype Record: DeclaredRecord
  /// The record's field that holds the object (`ProjectField.screening`).
  static var parent: Record.Field { get }
}

extension DeclaredFields where Object: DeclaredRecord {
  /// This top-level field of the record (`ProjectField.title.path`).
  public var path: FieldPath { FieldPath(Object.file, rawValue) }

  /// A field of the object this field holds (`ProjectField.source.path(SourceField.url)`),
  /// for nested objects that several records share.
  public func path<Child: DeclaredFields>(_ child: Child) -> FieldPath {
    let name = rawValue + "." + child.rawValue
    assert(Object.declaration.leaf(named: name) != nil, "\(name) is not a declared field of \(Object.file.recordName)")
    return FieldPath(Object.file, name)
  }
}

extension NestedFields {
  /// This field of the record (`ScreeningField.climate.path` is
  /// `screening.climate` of projects).
  public var path: FieldPath { Self.parent.path(self) }
}
