// The fields of the objects nested in a project line, each declared once
// (see `ProjectField`). Their paths are the project's:
// `ScreeningField.climate.path` is `screening.climate`.

/// A project's environmental screening.
public enum ScreeningField: String, NestedFields {
  case pollution, climate, biodiversity
  case esCategory = "es_category"
  case mitigationNote = "mitigation_note"
  case assessedOn = "assessed_on"
  case assessor

  public typealias Record = Project
  public static let parent = ProjectField.screening
  public static let declaration = ObjectDeclaration(ScreeningField.self, blank: { Screening() })

  public var member: Member<Screening> {
    switch self {
    case .pollution:
      .field(\.pollution, .choice(), "Pollution", form: .at(.screening, 10, .choice, help: FormHelp.choice))
        .phrase("pollution rating").detail(.screening, 10)
    case .climate:
      .field(\.climate, .choice(), "Climate", form: .at(.screening, 20, .choice, help: FormHelp.choice))
        .phrase("climate rating").detail(.screening, 11)
    case .biodiversity:
      .field(\.biodiversity, .choice(), "Biodiversity", form: .at(.screening, 30, .choice, help: FormHelp.choice))
        .phrase("biodiversity rating").detail(.screening, 12)
    case .esCategory:
      .field(\.esCategory, .optionalChoice(), "E&S category", form: .at(.screening, 40, .optionalChoice(), help: FormHelp.optionalChoice))
        .detail(.screening, 40)
    case .mitigationNote:
      .field(
        \.mitigationNote, .sharedText, "Mitigation note",
        form: .at(.screening, 50, .optionalMultiline, help: "required for red-light and category A projects before approval")
      ).detail(.screening, 50)
    case .assessedOn:
      .field(\.assessedOn, .optionalDay, "Assessed on", form: .at(.screening, 60, .date, help: "YYYY-MM-DD; empty for none"))
        .detail(.screening, 60)
    case .assessor:
      .field(\.assessor, .sharedText, "Assessor", form: .at(.screening, 70, .optionalText, help: "optional"))
        .detail(.screening, 61)
    }
  }
}

/// A project's budget and its financing.
public enum BudgetField: String, NestedFields {
  case currency, amount
  case amountUSD = "amount_usd"
  case usdBasis = "usd_basis"
  case adjustedUSD = "adjusted_usd"
  case amountEstimated = "amount_estimated"
  case financing

  public typealias Record = Project
  public static let parent = ProjectField.budget
  public static let declaration = ObjectDeclaration(BudgetField.self, blank: { Budget() })

  public var member: Member<Budget> {
    switch self {
    case .currency:
      .field(\.currency, .text, "Currency", form: .at(.finance, 10, .currency, help: "ISO 4217 code, e.g. USD, CNY, EUR"))
        .detail(.finance, 11)
    case .amount:
      .field(\.amount, .optionalNumber, "Budget", form: .at(.finance, 20, .amount, help: "in the currency above, e.g. 12,500,000; empty for none"))
        .phrase("budget amount").detail(.finance, 10)
    case .amountUSD:
      .field(\.amountUSD, .optionalNumber, "Budget in USD", form: .at(.finance, 30, .amount, help: "the same total in USD when known; empty for none"))
        .detail(.finance, 20)
    case .usdBasis:
      .field(\.usdBasis, .sharedText, "USD basis").detail(.finance, 21)
    case .adjustedUSD:
      .field(\.adjustedUSD, .optionalNumber, "Adjusted in USD").phrase("adjusted USD amount").detail(.finance, 22)
    case .amountEstimated:
      .field(\.amountEstimated, .flag, "Amount estimated", form: .at(.finance, 25, .yesNo, help: "yes when the amount is an estimate"))
        .detail(.finance, 23)
    case .financing:
      .field(\.financing, .financing, "Financing", form: .at(.finance, 40, .financing, help: "one tranche per line: " + FieldSyntax.financingFormat))
        .detail(.finance, 30)
    }
  }
}

/// A project's planned and actual dates.
public enum DatesField: String, NestedFields {
  case plannedStart = "planned_start"
  case actualStart = "actual_start"
  case plannedEnd = "planned_end"
  case actualEnd = "actual_end"
  case commitment
  case commitmentEstimated = "commitment_estimated"
  case actualStartEstimated = "actual_start_estimated"
  case actualEndEstimated = "actual_end_estimated"

  public typealias Record = Project
  public static let parent = ProjectField.dates
  public static let declaration = ObjectDeclaration(DatesField.self, blank: { ProjectDates() })

  public var member: Member<ProjectDates> {
    switch self {
    case .plannedStart:
      .field(\.plannedStart, .optionalDay, "Planned start", form: .at(.dates, 10, .date, help: DateHelp.optional)).detail(.dates, 10)
    case .actualStart:
      .field(\.actualStart, .optionalDay, "Actual start", form: .at(.dates, 30, .date, help: DateHelp.optional)).detail(.dates, 11)
    case .plannedEnd:
      .field(\.plannedEnd, .optionalDay, "Planned end", form: .at(.dates, 20, .date, help: DateHelp.optional)).detail(.dates, 20)
    case .actualEnd:
      .field(\.actualEnd, .optionalDay, "Actual end", form: .at(.dates, 40, .date, help: DateHelp.optional)).detail(.dates, 21)
    case .commitment:
      .field(\.commitment, .optionalDay, "Commitment").detail(.dates, 30)
    case .commitmentEstimated:
      .field(\.commitmentEstimated, .flag, "Commitment date estimated").detail(.dates, 31)
    case .actualStartEstimated:
      .field(\.actualStartEstimated, .flag, "Actual start estimated", form: .at(.dates, 35, .yesNo, help: "yes when the date is an estimate"))
        .detail(.dates, 12)
    case .actualEndEstimated:
      .field(\.actualEndEstimated, .flag, "Actual end estimated", form: .at(.dates, 45, .yesNo, help: "yes when the date is an estimate"))
        .detail(.dates, 22)
    }
  }
}

/// The sector of an imported project.
public enum SectorField: String, NestedFields {
  case code, name

  public typealias Record = Project
  public static let parent = ProjectField.sector
  public static let declaration = ObjectDeclaration(SectorField.self, blank: { Sector(code: "", name: "") })

  public var member: Member<Sector> {
    switch self {
    case .code: .field(\.code, .sharedTextOrEmpty, "Sector code").role(.provenance).detail(.identity, 80)
    case .name: .field(\.name, .sharedTextOrEmpty, "Sector").role(.provenance).detail(.identity, 81)
    }
  }
}

enum DateHelp {
  static let optional = "YYYY-MM-DD, e.g. 2026-06-30; empty for none"
}
