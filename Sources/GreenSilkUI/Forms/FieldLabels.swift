/// The form label of a record field (`dates.planned_start` → "Planned
/// start"), for status and history messages.
public enum FieldLabels {
  static let labels: [String: String] = {
    var out: [String: String] = [:]
    for spec in ProjectForm.specs { out[spec.key] = spec.label }
    for spec in ActivityForm.specs where out[spec.key] == nil { out[spec.key] = spec.label }
    return out
  }()

  public static func label(for key: String) -> String {
    labels[key] ?? String(key.map { $0 == "_" || $0 == "." ? " " : $0 })
  }
}
