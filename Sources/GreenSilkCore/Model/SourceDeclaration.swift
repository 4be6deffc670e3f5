/// The fields of a source reference (`SourceRef`), the object every record
/// carries as `source`: declared once here for projects, activities and
/// the reference tables. A record names one as
/// `ProjectField.source.path(SourceField.url)`.
public enum SourceField: String, DeclaredFields {
  case dataset
  case recordID = "record_id"
  case url
  case asOf = "as_of"
  case note
  case illustrative

  public static let declaration = ObjectDeclaration(
    SourceField.self, blank: { SourceRef(dataset: "") },
    finish: { source, _ in
      guard !source.dataset.isEmpty else { throw JSONError("missing field \"dataset\"", column: nil) }
    })

  public var member: Member<SourceRef> {
    switch self {
    case .dataset:
      .field(
        \.dataset, .sharedTextOrEmpty, "Source",
        form: .at(.source, 10, .requiredText("a source"), help: "where the record comes from, e.g. local, illustrative")
      ).phrase("source dataset").detail(.source, 10)
    case .recordID:
      .field(\.recordID, .optionalText, "Source record").detail(.source, 20)
    case .url:
      .field(\.url, .optionalText, "Source URL", form: .at(.source, 20, .optionalText, help: "optional")).detail(.source, 40)
    case .asOf:
      .field(\.asOf, .optionalDay, "As of").phrase("source date").detail(.source, 30)
    case .note:
      .field(\.note, .sharedText, "Source note", form: .at(.source, 30, .optionalMultiline, help: "optional")).detail(.source, 50)
    case .illustrative:
      .field(\.illustrative, .fieldNames, "Illustrative fields").detail(.source, 55)
    }
  }
}

extension JSONReader {
  /// A source reference (`{"dataset": …}`; the dataset is required).
  public mutating func readSource() throws -> SourceRef { try SourceField.declaration.decode(&self) }
}

extension JSONWriter {
  /// `"name": {source}`.
  public mutating func source(_ name: String, _ source: SourceRef) {
    key(name)
    SourceField.declaration.encode(source, into: &self)
  }
}

/// A list of field names (`["lead_agency", "budget"]`), left out when
/// empty, shared like other repeated lists.
public struct FieldNameListKind: JSONKind {
  public func read(_ reader: inout JSONReader) throws -> [String] {
    try reader.readList { try $0.readSharedString() ?? "" }.filter { !$0.isEmpty }
  }
  public func write(_ value: [String], into writer: inout JSONWriter) { writer.strings(value) }
  public func omits(_ value: [String]) -> Bool { value.isEmpty }
  public func words(_ value: [String]) -> String { value.joined(separator: ", ") }
}

extension JSONKind where Self == FieldNameListKind { public static var fieldNames: FieldNameListKind { FieldNameListKind() } }
