import GreenSilkCore

/// The label of a field named in the audit log, whatever its record
/// (`dates.planned_start` → "Planned start"), from the declarations.
public enum FieldLabels {
  public static func label(for key: String) -> String {
    for type in EditableRecords.types {
      if let label = type.label(ofField: key) { return label }
    }
    return String(key.map { $0 == "_" || $0 == "." ? " " : $0 })
  }
}

extension EditableRecord {
  static func label(ofField name: String) -> String? { declaration.leaf(named: name)?.label }
}
