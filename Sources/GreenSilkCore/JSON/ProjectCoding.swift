/// The fields of a project line, in the order they are written.
enum ProjectField: String, FieldKeys {
  case id, rev, title, summary, area
  case keyProject = "key_project"
  case corridors, countries
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
  static let table = KeyTable<ProjectField>()
}

enum PartnerField: String, FieldKeys {
  case name, role, kind
  static let table = KeyTable<PartnerField>()
}

enum ScreeningField: String, FieldKeys {
  case pollution, climate, biodiversity
  case esCategory = "es_category"
  case mitigationNote = "mitigation_note"
  case assessedOn = "assessed_on"
  case assessor
  static let table = KeyTable<ScreeningField>()
}

enum BudgetField: String, FieldKeys {
  case currency, amount
  case amountUSD = "amount_usd"
  case usdBasis = "usd_basis"
  case financing
  static let table = KeyTable<BudgetField>()
}

enum FinancingField: String, FieldKeys {
  case instrument, amount, provider
  static let table = KeyTable<FinancingField>()
}

enum DatesField: String, FieldKeys {
  case plannedStart = "planned_start"
  case actualStart = "actual_start"
  case plannedEnd = "planned_end"
  case actualEnd = "actual_end"
  case commitment
  static let table = KeyTable<DatesField>()
}

enum MilestoneField: String, FieldKeys {
  case title, due, done
  static let table = KeyTable<MilestoneField>()
}

enum IndicatorField: String, FieldKeys {
  case title, unit, baseline, target, actual, goal
  static let table = KeyTable<IndicatorField>()
}

enum SectorField: String, FieldKeys {
  case code, name
  static let table = KeyTable<SectorField>()
}

enum ImportedField: String, FieldKeys {
  case dataset
  case importedAt = "imported_at"
  case columns
  static let table = KeyTable<ImportedField>()
}

extension Project: StampedRecord {
  public static let file = DataFile.projects

  public func encode(into w: inout JSONWriter) {
    typealias F = ProjectField
    w.beginObject()
    w.field(F.id, id)
    w.field(F.rev, revision)
    w.field(F.title, title)
    if !summary.isEmpty { w.field(F.summary, summary) }
    if let area { w.field(F.area, area) }
    w.field(F.keyProject, isKeyProject)
    w.stringList(F.corridors, corridors.map(\.rawValue))
    w.stringList(F.countries, countries.map(\.description))
    if let leadAgency { w.field(F.leadAgency, leadAgency) }
    if !partners.isEmpty {
      w.key(F.partners)
      w.beginArray()
      for partner in partners {
        w.beginObject()
        w.field(PartnerField.name, partner.name)
        w.field(PartnerField.role, partner.role)
        if let kind = partner.kind { w.field(PartnerField.kind, kind) }
        w.endObject()
      }
      w.endArray()
    }
    w.field(F.stage, stage)
    if let stageReason { w.field(F.stageReason, stageReason) }
    if let statusRaw { w.field(F.statusRaw, statusRaw) }
    w.key(F.screening)
    screening.encode(into: &w)
    w.field(F.delivery, delivery)
    if let budget {
      w.key(F.budget)
      budget.encode(into: &w)
    }
    if dates != ProjectDates() {
      w.key(F.dates)
      w.beginObject()
      if let day = dates.plannedStart { w.field(DatesField.plannedStart, day) }
      if let day = dates.actualStart { w.field(DatesField.actualStart, day) }
      if let day = dates.plannedEnd { w.field(DatesField.plannedEnd, day) }
      if let day = dates.actualEnd { w.field(DatesField.actualEnd, day) }
      if let day = dates.commitment { w.field(DatesField.commitment, day) }
      w.endObject()
    }
    if !milestones.isEmpty {
      w.key(F.milestones)
      w.beginArray()
      for milestone in milestones {
        w.beginObject()
        w.field(MilestoneField.title, milestone.title)
        w.field(MilestoneField.due, milestone.due)
        if let done = milestone.done { w.field(MilestoneField.done, done) }
        w.endObject()
      }
      w.endArray()
    }
    if !indicators.isEmpty {
      w.key(F.indicators)
      w.beginArray()
      for indicator in indicators {
        w.beginObject()
        w.field(IndicatorField.title, indicator.title)
        w.field(IndicatorField.unit, indicator.unit)
        w.field(IndicatorField.baseline, indicator.baseline)
        w.field(IndicatorField.target, indicator.target)
        if let actual = indicator.actual { w.field(IndicatorField.actual, actual) }
        w.field(IndicatorField.goal, indicator.goal)
        w.endObject()
      }
      w.endArray()
    }
    if !sdgs.isEmpty {
      w.key(F.sdgs)
      w.beginArray()
      for goal in sdgs { w.int(goal.number) }
      w.endArray()
    }
    if let sector {
      w.key(F.sector)
      w.beginObject()
      w.field(SectorField.code, sector.code)
      w.field(SectorField.name, sector.name)
      w.endObject()
    }
    if let flowType { w.field(F.flowType, flowType) }
    if let flowClass { w.field(F.flowClass, flowClass) }
    if financialDistress { w.field(F.financialDistress, true) }
    w.source(F.source.rawValue, source)
    if let changedBy { w.field(F.changedBy, changedBy) }
    if let changedAt { w.field(F.changedAt, changedAt.description) }
    if let imported {
      w.key(F.imported)
      w.beginObject()
      w.field(ImportedField.dataset, imported.dataset)
      if let at = imported.importedAt { w.field(ImportedField.importedAt, at.description) }
      w.key(ImportedField.columns)
      w.raw(imported.columnsJSON)
      w.endObject()
    }
    w.extras(extras)
    w.endObject()
  }

  public init(reading r: inout JSONReader) throws {
    // Decoded straight into self: a local copy assigned at the end would
    // cost a retain and a release of every field of every project.
    self.init(id: "", title: "")
    var provenance = ProjectProvenance()
    var required = RequiredFields<ProjectField>([.id, .title, .stage])
    var extra = ExtraCollector()
    try r.readFields(ProjectField.self) { r, field in
      required.saw(field)
      switch field {
      case .id: self.id = try r.readString()
      case .rev: self.revision = try r.readInt()
      case .title: self.title = try r.readString()
      case .summary: self.summary = try r.readOptionalString() ?? ""
      case .area: self.area = try r.readOptional { try $0.readEnum(CooperationArea.self) }
      case .keyProject: self.isKeyProject = try r.readBool()
      case .corridors: self.corridors = try r.readSharedList(r.interner?.corridorLists) { try $0.readList { try $0.readEnum(CorridorCode.self) } }
      case .countries: self.countries = try r.readSharedList(r.interner?.countryLists) { try $0.readList { try $0.readCountry() } }
      case .leadAgency: self.leadAgency = try r.readSharedString()
      case .partners: self.partners = try r.readSharedList(r.interner?.partnerLists) { try $0.readList { try Partner(reading: &$0) } }
      case .stage: self.stage = try r.readEnum(Stage.self)
      case .stageReason: self.stageReason = try r.readSharedString()
      case .statusRaw: provenance.statusRaw = try r.readSharedString()
      case .screening: self.screening = try Screening(reading: &r)
      case .delivery: self.delivery = try r.readEnum(DeliveryHealth.self)
      case .budget: self.budget = try r.readOptional { try Budget(reading: &$0) }
      case .dates: self.dates = try ProjectDates(reading: &r)
      case .milestones: self.milestones = try r.readList { try Milestone(reading: &$0) }
      case .indicators: self.indicators = try r.readList { try Indicator(reading: &$0) }
      case .sdgs:
        self.sdgs = try r.readSharedList(r.interner?.goalLists) {
          try $0.readList { reader in
            let number = try reader.readInt()
            guard let goal = SDG(number) else { throw JSONError("SDG \(number) is not 1-17", column: nil) }
            return goal
          }
        }
      case .sector: provenance.sector = try r.readOptional { try Sector(reading: &$0) }
      case .flowType: provenance.flowType = try r.readSharedString()
      case .flowClass: provenance.flowClass = try r.readSharedString()
      case .financialDistress: self.financialDistress = try r.readBool()
      case .source: provenance.source = try r.readSource()
      case .changedBy: self.changedBy = try r.readSharedString()
      case .changedAt: self.changedAt = try r.readOptional { try $0.readTimestamp() }
      case .imported: provenance.imported = try r.readOptional { try ImportedRecord(reading: &$0) }
      case nil: try extra.keep(&r)
      }
    }
    try required.check()
    guard !self.id.isEmpty else { throw JSONError("field \"id\": must not be empty", column: nil) }
    self.extras = extra.fields
    self.shareProvenance(r.shared(provenance))
  }
}

extension Partner {
  init(reading r: inout JSONReader) throws {
    var name = ""
    var role: PartnerRole?
    var kind: String?
    try r.readFields(PartnerField.self) { r, field in
      switch field {
      case .name: name = try r.readSharedString() ?? ""
      case .role: role = try r.readEnum(PartnerRole.self)
      case .kind: kind = try r.readSharedString()
      case nil: try r.skipValue()
      }
    }
    guard let role else { throw JSONError("missing field \"role\"", column: nil) }
    self.init(name: name, role: role, kind: kind)
  }
}

extension Screening {
  func encode(into w: inout JSONWriter) {
    typealias F = ScreeningField
    w.beginObject()
    w.field(F.pollution, pollution)
    w.field(F.climate, climate)
    w.field(F.biodiversity, biodiversity)
    if let esCategory { w.field(F.esCategory, esCategory) }
    if let mitigationNote { w.field(F.mitigationNote, mitigationNote) }
    if let assessedOn { w.field(F.assessedOn, assessedOn) }
    if let assessor { w.field(F.assessor, assessor) }
    w.endObject()
  }

  init(reading r: inout JSONReader) throws {
    var screening = Screening()
    try r.readFields(ScreeningField.self) { r, field in
      switch field {
      case .pollution: screening.pollution = try r.readEnum(ImpactRating.self)
      case .climate: screening.climate = try r.readEnum(ImpactRating.self)
      case .biodiversity: screening.biodiversity = try r.readEnum(ImpactRating.self)
      case .esCategory: screening.esCategory = try r.readOptional { try $0.readEnum(ESCategory.self) }
      case .mitigationNote: screening.mitigationNote = try r.readSharedString()
      case .assessedOn: screening.assessedOn = try r.readOptional { try $0.readDay() }
      case .assessor: screening.assessor = try r.readSharedString()
      case nil: try r.skipValue()
      }
    }
    self = screening
  }
}

extension Budget {
  func encode(into w: inout JSONWriter) {
    w.beginObject()
    w.field(BudgetField.currency, currency)
    if let amount { w.field(BudgetField.amount, amount) }
    if let amountUSD { w.field(BudgetField.amountUSD, amountUSD) }
    if let usdBasis { w.field(BudgetField.usdBasis, usdBasis) }
    if !financing.isEmpty {
      w.key(BudgetField.financing)
      w.beginArray()
      for tranche in financing {
        w.beginObject()
        w.field(FinancingField.instrument, tranche.instrument)
        if let amount = tranche.amount { w.field(FinancingField.amount, amount) }
        if let provider = tranche.provider { w.field(FinancingField.provider, provider) }
        w.endObject()
      }
      w.endArray()
    }
    w.endObject()
  }

  init(reading r: inout JSONReader) throws {
    var budget = Budget()
    try r.readFields(BudgetField.self) { r, field in
      switch field {
      case .currency: budget.currency = try r.readString()
      case .amount: budget.amount = try r.readOptional { try $0.readDouble() }
      case .amountUSD: budget.amountUSD = try r.readOptional { try $0.readDouble() }
      case .usdBasis: budget.usdBasis = try r.readSharedString()
      case .financing:
        budget.financing = try r.readList { r in
          var instrument: FinancingInstrument?
          var amount: Double?
          var provider: String?
          try r.readFields(FinancingField.self) { r, field in
            switch field {
            case .instrument: instrument = try r.readEnum(FinancingInstrument.self)
            case .amount: amount = try r.readOptional { try $0.readDouble() }
            case .provider: provider = try r.readSharedString()
            case nil: try r.skipValue()
            }
          }
          guard let instrument else { throw JSONError("missing field \"instrument\"", column: nil) }
          return Financing(instrument: instrument, amount: amount, provider: provider)
        }
      case nil: try r.skipValue()
      }
    }
    self = budget
  }
}

extension ProjectDates {
  init(reading r: inout JSONReader) throws {
    var dates = ProjectDates()
    try r.readFields(DatesField.self) { r, field in
      let day = try r.readOptional { try $0.readDay() }
      switch field {
      case .plannedStart: dates.plannedStart = day
      case .actualStart: dates.actualStart = day
      case .plannedEnd: dates.plannedEnd = day
      case .actualEnd: dates.actualEnd = day
      case .commitment: dates.commitment = day
      case nil: break
      }
    }
    self = dates
  }
}

extension Milestone {
  init(reading r: inout JSONReader) throws {
    var title = ""
    var due: Day?
    var done: Day?
    try r.readFields(MilestoneField.self) { r, field in
      switch field {
      case .title: title = try r.readSharedString() ?? ""
      case .due: due = try r.readDay()
      case .done: done = try r.readOptional { try $0.readDay() }
      case nil: try r.skipValue()
      }
    }
    guard let due else { throw JSONError("missing field \"due\"", column: nil) }
    self.init(title: title, due: due, done: done)
  }
}

extension Indicator {
  init(reading r: inout JSONReader) throws {
    var indicator = Indicator(title: "", unit: "", baseline: 0, target: 0, goal: .y2030)
    var sawGoal = false
    try r.readFields(IndicatorField.self) { r, field in
      switch field {
      case .title: indicator.title = try r.readSharedString() ?? ""
      case .unit: indicator.unit = try r.readSharedString() ?? ""
      case .baseline: indicator.baseline = try r.readDouble()
      case .target: indicator.target = try r.readDouble()
      case .actual: indicator.actual = try r.readOptional { try $0.readDouble() }
      case .goal:
        indicator.goal = try r.readEnum(GoalYear.self)
        sawGoal = true
      case nil: try r.skipValue()
      }
    }
    guard sawGoal else { throw JSONError("missing field \"goal\"", column: nil) }
    self = indicator
  }
}

extension Sector {
  init(reading r: inout JSONReader) throws {
    var code = ""
    var name = ""
    try r.readFields(SectorField.self) { r, field in
      switch field {
      case .code: code = try r.readSharedString() ?? ""
      case .name: name = try r.readSharedString() ?? ""
      case nil: try r.skipValue()
      }
    }
    self.init(code: code, name: name)
  }
}

extension ImportedRecord {
  init(reading r: inout JSONReader) throws {
    var dataset = ""
    var at: Timestamp?
    var columns = "{}"
    try r.readFields(ImportedField.self) { r, field in
      switch field {
      case .dataset: dataset = try r.readString()
      case .importedAt: at = try r.readOptional { try $0.readTimestamp() }
      case .columns: columns = try r.readRawValue()
      case nil: try r.skipValue()
      }
    }
    self.init(dataset: dataset, importedAt: at, columnsJSON: columns)
  }
}
