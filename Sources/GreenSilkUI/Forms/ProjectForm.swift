import GreenSilkCore

/// The project form: every editable field, grouped as the detail screen
/// groups them. The keys are the record's file field names, so that
/// messages, the audit log and the form all speak of the same fields.
public enum ProjectForm {
  typealias Spec = FieldSpec<Project>

  static func choice<E: FileEnum>(
    _ key: String, _ label: String, section: String, _ type: E.Type, allowsNone: Bool,
    get: @escaping @Sendable (Project) -> E?, set: @escaping @Sendable (inout Project, E?) -> Void
  ) -> Spec {
    Spec(
      key, label, section: section, kind: .choice(options: E.allCases.map(\.label), allowsNone: allowsNone),
      help: "Enter opens the list" + (allowsNone ? "; the first entry means none" : ""),
      read: { p, _ in get(p)?.label ?? "" },
      apply: { text, p, _ throws(FieldError) in
        let value = allowsNone ? try FieldSyntax.optionalChoice(text, E.self) : try FieldSyntax.choice(text, E.self)
        set(&p, value)
      })
  }

  static func date(_ key: String, _ label: String, get: @escaping @Sendable (Project) -> Day?, set: @escaping @Sendable (inout Project, Day?) -> Void) -> Spec {
    Spec(
      key, label, section: "Dates", kind: .date, help: "YYYY-MM-DD, e.g. 2026-06-30; empty for none",
      read: { p, _ in FieldSyntax.text(get(p)) },
      apply: { text, p, _ throws(FieldError) in set(&p, try FieldSyntax.date(text)) })
  }

  public static let specs: [FieldSpec<Project>] = [
    Spec("id", "ID", section: "Identity", kind: .readOnly, help: "assigned by GreenSilk", read: { p, _ in p.id }, apply: { _, _, _ in }),
    Spec(
      "title", "Title", section: "Identity", kind: .text, help: "required; one line",
      read: { p, _ in p.title }, apply: { text, p, _ throws(FieldError) in p.title = try FieldSyntax.requiredText(text, "a title") }),
    Spec(
      "summary", "Summary", section: "Identity", kind: .multiline, help: "free text; Enter adds a line, Ctrl-E opens $EDITOR",
      read: { p, _ in p.summary }, apply: { text, p, _ in p.summary = FieldSyntax.trimmed(text) }),
    choice("area", "Cooperation area", section: "Identity", CooperationArea.self, allowsNone: true, get: { $0.area }, set: { $0.area = $1 }),
    Spec(
      "key_project", "Key project", section: "Identity", kind: .choice(options: ["no", "yes"], allowsNone: false),
      help: "one of the plan's 25 key projects?", read: { p, _ in p.isKeyProject ? "yes" : "no" },
      apply: { text, p, _ throws(FieldError) in
        switch FieldSyntax.trimmed(text).lowercased() {
        case "yes", "y", "true": p.isKeyProject = true
        case "no", "n", "false", "": p.isKeyProject = false
        default: throw FieldError("expected yes or no")
        }
      }),
    Spec(
      "corridors", "Corridors", section: "Identity", kind: .corridors, help: "codes, comma-separated: NELB, CMREC, CCWAEC, CICPEC, CPEC, BCIMEC",
      read: { p, _ in p.corridors.map(\.rawValue).joined(separator: ", ") },
      apply: { text, p, _ throws(FieldError) in p.corridors = try FieldSyntax.corridors(text) }),
    Spec(
      "countries", "Countries", section: "Identity", kind: .countries, help: "ISO codes or names, comma-separated; ↓ shows matches",
      read: { p, _ in p.countries.map(\.description).joined(separator: ", ") },
      apply: { text, p, context throws(FieldError) in p.countries = try FieldSyntax.countries(text, names: context.countryNames) }),
    Spec(
      "lead_agency", "Lead agency", section: "Identity", kind: .text, help: "optional",
      read: { p, _ in p.leadAgency ?? "" }, apply: { text, p, _ in p.leadAgency = FieldSyntax.optionalText(text) }),
    Spec(
      "partners", "Partners", section: "Identity", kind: .list(format: FieldSyntax.partnerFormat),
      help: "one per line: " + FieldSyntax.partnerFormat + " (roles: funding, accountable, extending, implementing, guarantor, insurer)",
      read: { p, _ in FieldSyntax.text(p.partners) }, apply: { text, p, _ throws(FieldError) in p.partners = try FieldSyntax.partners(text) }),
    choice("stage", "Stage", section: "Stage", Stage.self, allowsNone: false, get: { $0.stage }, set: { p, v in if let v { p.stage = v } }),
    Spec(
      "stage_reason", "Stage reason", section: "Stage", kind: .text, help: "why it was cancelled or suspended (required for those)",
      read: { p, _ in p.stageReason ?? "" }, apply: { text, p, _ in p.stageReason = FieldSyntax.optionalText(text) }),
    choice("screening.pollution", "Pollution", section: "Environmental screening", ImpactRating.self, allowsNone: false, get: { $0.screening.pollution }, set: { p, v in if let v { p.screening.pollution = v } }),
    choice("screening.climate", "Climate", section: "Environmental screening", ImpactRating.self, allowsNone: false, get: { $0.screening.climate }, set: { p, v in if let v { p.screening.climate = v } }),
    choice("screening.biodiversity", "Biodiversity", section: "Environmental screening", ImpactRating.self, allowsNone: false, get: { $0.screening.biodiversity }, set: { p, v in if let v { p.screening.biodiversity = v } }),
    choice("screening.es_category", "E&S category", section: "Environmental screening", ESCategory.self, allowsNone: true, get: { $0.screening.esCategory }, set: { $0.screening.esCategory = $1 }),
    Spec(
      "screening.mitigation_note", "Mitigation note", section: "Environmental screening", kind: .multiline,
      help: "required for red-light and category A projects before approval",
      read: { p, _ in p.screening.mitigationNote ?? "" }, apply: { text, p, _ in p.screening.mitigationNote = FieldSyntax.optionalText(text) }),
    Spec(
      "screening.assessed_on", "Assessed on", section: "Environmental screening", kind: .date, help: "YYYY-MM-DD; empty for none",
      read: { p, _ in FieldSyntax.text(p.screening.assessedOn) },
      apply: { text, p, _ throws(FieldError) in p.screening.assessedOn = try FieldSyntax.date(text) }),
    Spec(
      "screening.assessor", "Assessor", section: "Environmental screening", kind: .text, help: "optional",
      read: { p, _ in p.screening.assessor ?? "" }, apply: { text, p, _ in p.screening.assessor = FieldSyntax.optionalText(text) }),
    choice("delivery", "Delivery health", section: "Delivery", DeliveryHealth.self, allowsNone: false, get: { $0.delivery }, set: { p, v in if let v { p.delivery = v } }),
    Spec(
      "budget.currency", "Currency", section: "Finance", kind: .text, help: "ISO 4217 code, e.g. USD, CNY, EUR",
      read: { p, _ in p.budget?.currency ?? "USD" },
      apply: { text, p, _ throws(FieldError) in
        let code = try FieldSyntax.currency(text)
        if p.budget != nil { p.budget?.currency = code } else if code != "USD" { p.budget = Budget(currency: code) }
      }),
    Spec(
      "budget.amount", "Budget", section: "Finance", kind: .amount, help: "in the currency above, e.g. 12,500,000; empty for none",
      read: { p, _ in FieldSyntax.text(p.budget?.amount) },
      apply: { text, p, _ throws(FieldError) in
        let amount = try FieldSyntax.amount(text)
        if amount != nil && p.budget == nil { p.budget = Budget() }
        p.budget?.amount = amount
      }),
    Spec(
      "budget.amount_usd", "Budget in USD", section: "Finance", kind: .amount, help: "the same total in USD when known; empty for none",
      read: { p, _ in FieldSyntax.text(p.budget?.amountUSD) },
      apply: { text, p, _ throws(FieldError) in
        let amount = try FieldSyntax.amount(text)
        if amount != nil && p.budget == nil { p.budget = Budget() }
        p.budget?.amountUSD = amount
      }),
    Spec(
      "budget.financing", "Financing", section: "Finance", kind: .list(format: FieldSyntax.financingFormat),
      help: "one tranche per line: " + FieldSyntax.financingFormat,
      read: { p, _ in FieldSyntax.text(p.budget?.financing ?? []) },
      apply: { text, p, _ throws(FieldError) in
        let tranches = try FieldSyntax.financing(text)
        if !tranches.isEmpty && p.budget == nil { p.budget = Budget() }
        p.budget?.financing = tranches
      }),
    date("dates.planned_start", "Planned start", get: { $0.dates.plannedStart }, set: { $0.dates.plannedStart = $1 }),
    date("dates.planned_end", "Planned end", get: { $0.dates.plannedEnd }, set: { $0.dates.plannedEnd = $1 }),
    date("dates.actual_start", "Actual start", get: { $0.dates.actualStart }, set: { $0.dates.actualStart = $1 }),
    date("dates.actual_end", "Actual end", get: { $0.dates.actualEnd }, set: { $0.dates.actualEnd = $1 }),
    Spec(
      "milestones", "Milestones", section: "Monitoring", kind: .list(format: FieldSyntax.milestoneFormat),
      help: "one per line: " + FieldSyntax.milestoneFormat,
      read: { p, _ in FieldSyntax.text(p.milestones) }, apply: { text, p, _ throws(FieldError) in p.milestones = try FieldSyntax.milestones(text) }),
    Spec(
      "indicators", "Indicators", section: "Monitoring", kind: .list(format: FieldSyntax.indicatorFormat),
      help: "one per line: " + FieldSyntax.indicatorFormat + " (actual may be -)",
      read: { p, _ in FieldSyntax.text(p.indicators) }, apply: { text, p, _ throws(FieldError) in p.indicators = try FieldSyntax.indicators(text) }),
    Spec(
      "sdgs", "SDGs", section: "Monitoring", kind: .text, help: "goal numbers 1-17, e.g. 6, 13",
      read: { p, _ in p.sdgs.map { String($0.number) }.joined(separator: ", ") },
      apply: { text, p, _ throws(FieldError) in p.sdgs = try FieldSyntax.sdgs(text) }),
  ] + Spec.sourceFields(\.source, datasetHelp: "where the record comes from, e.g. local, illustrative")

  /// Which field a record rule is about, to put its message there.
  public static func field(forRule rule: String) -> String {
    switch rule {
    case "title-required": "title"
    case "reason-required": "stage_reason"
    case "red-light-mitigation", "category-a-mitigation": "screening.mitigation_note"
    case "key-project-area", "key-project-count": "area"
    case "date-order": "dates.planned_end"
    case "currency-code": "budget.currency"
    case "budget-amount": "budget.amount"
    case "financing-exceeds-budget": "budget.financing"
    case "milestone-title": "milestones"
    case "indicator-unit": "indicators"
    default: "title"
    }
  }
}
