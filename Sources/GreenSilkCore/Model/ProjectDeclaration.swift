/// The fields of a project line, in the order files write them, each
/// declared once: its codec, label, CSV column, role, import ownership,
/// form field and place on the detail screen. The codec, the CSV columns,
/// the labels in messages, the form, AidData's merge and the detail screen
/// all read this (ARCHITECTURE.md, "Adding a field").
///
/// Nested objects (screening, budget, dates, sector, source) declare their
/// own fields in `ProjectValueDeclarations.swift` and
/// `SourceDeclaration.swift`; a rule names one as `ScreeningField.climate.path`.
public enum ProjectField: String, DeclaredFields {
  case id, rev, title, summary, area
  case keyProject = "key_project"
  case corridors, countries, location
  case leadAgency = "lead_agency"
  case partners, stage
  case stageReason = "stage_reason"
  case statusRaw = "status_raw"
  case screening, delivery, budget, dates, milestones, indicators, sdgs, sector
  case flowType = "flow_type"
  case flowClass = "flow_class"
  case financialDistress = "financial_distress"
  case source
  case changedBy = "changed_by"
  case changedAt = "changed_at"
  case imported

  public static let declaration = ObjectDeclaration(
    ProjectField.self, blank: { Project(id: "", title: "") }, keepingUnknownIn: \Project.extras,
    finish: { project, reader in
      guard !project.id.isEmpty else { throw JSONError("field \"id\": must not be empty", column: nil) }
      // Equal provenances (most hand-entered projects share one) are stored once.
      project.shareProvenance(through: reader)
    })

  public var member: Member<Project> {
    switch self {
    case .id:
      .field(\.id, .text, "ID", form: .at(.identity, 10, .readOnly, help: "assigned by GreenSilk"))
        .required().column(.requiredText).role(.identity).detail(.identity, 10)
    case .rev:
      .field(\.revision, .int, "Revision").role(.bookkeeping).detail(.lastChange, 30)
    case .title:
      .field(\.title, .text, "Title", form: .at(.identity, 20, .requiredText("a title"), help: "required; one line"))
        .required().column(.requiredText).ownedByImport()
    case .summary:
      .field(
        \.summary, .textOrEmpty, "Summary",
        form: .at(.identity, 30, .multiline, help: "free text; Enter adds a line, Ctrl-E opens $EDITOR")
      ).ownedByImport().detail(.identity, 100)
    case .area:
      .field(\.area, .optionalChoice(), "Cooperation area", form: .at(.identity, 40, .optionalChoice(), help: FormHelp.optionalChoice))
        .detail(.identity, 30)
    case .keyProject:
      .field(\.isKeyProject, .bool, "Key project", form: .at(.identity, 50, .yesNo, help: "one of the plan's 25 key projects?"))
        .detail(.identity, 20)
    case .corridors:
      .field(
        \.corridors, .corridors, "Corridors",
        form: .at(.identity, 60, .corridors, help: "codes, comma-separated: NELB, CMREC, CCWAEC, CICPEC, CPEC, BCIMEC")
      ).ownedByImport().detail(.identity, 40)
    case .countries:
      .field(
        \.countries, .countries, "Countries",
        form: .at(.identity, 70, .countries, help: "ISO codes or names, comma-separated; ↓ shows matches")
      ).ownedByImport().detail(.identity, 50)
    case .location:
      .field(
        \.location, .location, "Location",
        form: .at(.identity, 75, .location, help: FieldSyntax.locationFormat + "; empty: drawn in its countries' marker")
      ).detail(.identity, 55)
    case .leadAgency:
      .field(\.leadAgency, .sharedText, "Lead agency", form: .at(.identity, 80, .optionalText, help: "optional"))
        .detail(.identity, 60)
    case .partners:
      .field(
        \.partners, .partners, "Partners",
        form: .at(
          .identity, 90, .partners,
          help: "one per line: " + FieldSyntax.partnerFormat
            + " (roles: funding, accountable, extending, implementing, guarantor, insurer)")
      ).ownedByImport().detail(.identity, 70)
    case .stage:
      .field(\.stage, .choice(), "Stage", form: .at(.stage, 10, .choice, help: FormHelp.choice))
        .required().column(.requiredText).ownedByImport().detail(.delivery, 10)
    case .stageReason:
      .field(
        \.stageReason, .sharedText, "Stage reason",
        form: .at(.stage, 20, .optionalText, help: "why it was cancelled or suspended (required for those)")
      ).ownedByImport().detail(.delivery, 20)
    case .statusRaw:
      .field(get: \.statusRaw, set: { $0.statusRaw = $1 }, .sharedText, "Source status")
        .role(.provenance).ownedByImport().detail(.delivery, 30)
    case .screening:
      .object(\.screening, ScreeningField.self, "Screening")
    case .delivery:
      .field(\.delivery, .choice(), "Delivery health", form: .at(.delivery, 10, .choice, help: FormHelp.choice))
        .detail(.delivery, 40)
    case .budget:
      .optionalObject(\.budget, BudgetField.self, "Budget").ownedByImport()
    case .dates:
      .object(\.dates, DatesField.self, "Dates", omittedWhen: { $0 == ProjectDates() }).ownedByImport()
    case .milestones:
      .field(
        \.milestones, .milestones, "Milestones",
        form: .at(.monitoring, 10, .milestones, help: "one per line: " + FieldSyntax.milestoneFormat)
      ).detail(.milestones, 10)
    case .indicators:
      .field(
        \.indicators, .indicators, "Indicators",
        form: .at(.monitoring, 20, .indicators, help: "one per line: " + FieldSyntax.indicatorFormat + " (actual may be -)")
      ).detail(.indicators, 10)
    case .sdgs:
      .field(\.sdgs, .sdgs, "SDGs", form: .at(.monitoring, 30, .sdgs, help: "goal numbers 1-17, e.g. 6, 13"))
        .detail(.identity, 90)
    case .sector:
      .optionalObject(get: \.sector, set: { $0.sector = $1 }, SectorField.self, "Sector")
        .role(.provenance).ownedByImport()
    case .flowType:
      .field(get: \.flowType, set: { $0.flowType = $1 }, .sharedText, "Flow type")
        .role(.provenance).ownedByImport().detail(.finance, 40)
    case .flowClass:
      .field(get: \.flowClass, set: { $0.flowClass = $1 }, .sharedText, "Flow class")
        .role(.provenance).ownedByImport().detail(.finance, 41)
    case .financialDistress:
      .field(\.financialDistress, .flag, "Financial distress").ownedByImport().detail(.delivery, 50)
    case .source:
      .object(get: \.source, set: { $0.source = $1 }, SourceField.self, "Source").role(.provenance).ownedByImport()
    case .changedBy:
      .field(\.changedBy, .sharedText, "Changed by").role(.bookkeeping).detail(.lastChange, 10)
    case .changedAt:
      .field(\.changedAt, .optionalTimestamp, "Changed at").role(.bookkeeping).detail(.lastChange, 20)
    case .imported:
      .field(get: \.imported, set: { $0.imported = $1 }, .importedRecord, "Imported source row")
        .role(.provenance).detail(.source, 60)
    }
  }
}

extension Project: DeclaredRecord {
  public typealias Field = ProjectField
  public static let file = DataFile.projects
}

extension Project: StampedRecord {}

/// Help lines several fields share.
enum FormHelp {
  static let choice = "Enter opens the list"
  static let optionalChoice = "Enter opens the list; the first entry means none"
}
