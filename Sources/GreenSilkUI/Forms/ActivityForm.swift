import GreenSilkCore

/// The envoy activity form.
public enum ActivityForm {
  typealias Spec = FieldSpec<EnvoyActivity>

  static func requiredDate(
    _ key: String, _ label: String, help: String, _ day: WritableKeyPath<EnvoyActivity, Day> & Sendable
  ) -> Spec {
    Spec(
      key, label, section: "Dates", kind: .date, help: help,
      read: { a, _ in a[keyPath: day].description },
      apply: { text, a, _ throws(FieldError) in
        guard let parsed = try FieldSyntax.date(text, required: true) else { return }
        a[keyPath: day] = parsed
      })
  }

  public static let specs: [FieldSpec<EnvoyActivity>] = [
    Spec("id", "ID", section: "Activity", kind: .readOnly, help: "assigned by GreenSilk", read: { a, _ in a.id }, apply: { _, _, _ in }),
    Spec(
      "title", "Title", section: "Activity", kind: .text, help: "required; one line",
      read: { a, _ in a.title }, apply: { text, a, _ throws(FieldError) in a.title = try FieldSyntax.requiredText(text, "a title") }),
    Spec(
      "kind", "Kind", section: "Activity", kind: .choice(options: ActivityKind.allCases.map(\.label), allowsNone: false),
      help: "Enter opens the list", read: { a, _ in a.kind.label },
      apply: { text, a, _ throws(FieldError) in a.kind = try FieldSyntax.choice(text, ActivityKind.self) }),
    Spec(
      "focus", "Focus", section: "Activity", kind: .choice(options: EnvoyFocus.allCases.map(\.label), allowsNone: false),
      help: "the program's four focus areas (Plan §VII)", read: { a, _ in a.focus.label },
      apply: { text, a, _ throws(FieldError) in a.focus = try FieldSyntax.choice(text, EnvoyFocus.self) }),
    Spec(
      "host", "Host", section: "Activity", kind: .text, help: "the organiser",
      read: { a, _ in a.host }, apply: { text, a, _ in a.host = FieldSyntax.trimmed(text) }),
    Spec(
      "location", "Location", section: "Activity", kind: .text, help: "city, country",
      read: { a, _ in a.location }, apply: { text, a, _ in a.location = FieldSyntax.trimmed(text) }),
    requiredDate("start", "Start", help: "YYYY-MM-DD (required)", \.start),
    requiredDate("end", "End", help: "YYYY-MM-DD (required; not before the start)", \.end),
    Spec(
      "participants", "Participants", section: "Participants", kind: .list(format: FieldSyntax.participantFormat),
      help: FieldSyntax.participantFormat, read: { a, _ in FieldSyntax.text(a.participants) },
      apply: { text, a, context throws(FieldError) in
        a.participants = try FieldSyntax.participants(text, names: context.countryNames)
      }),
    Spec(
      "reported_total", "Reported total", section: "Participants", kind: .text,
      help: "the source's total when the country breakdown is incomplete; empty for none",
      read: { a, _ in a.reportedTotal.map(String.init) ?? "" },
      apply: { text, a, _ throws(FieldError) in a.reportedTotal = try FieldSyntax.integer(text) }),
  ] + Spec.sourceFields(\.source, datasetHelp: "where the record comes from, e.g. local")

  public static func field(forRule rule: String) -> String {
    switch rule {
    case "date-order": "end"
    case "participant-total": "reported_total"
    default: "title"
    }
  }
}
