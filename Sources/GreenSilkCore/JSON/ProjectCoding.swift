extension Project: StampedRecord {
  public static let file = DataFile.projects

  public func encode(into w: inout JSONWriter) {
    w.beginObject()
    w.field("id", id)
    w.field("rev", revision)
    w.field("title", title)
    if !summary.isEmpty { w.field("summary", summary) }
    if let area { w.field("area", area) }
    w.field("key_project", isKeyProject)
    w.stringList("corridors", corridors.map(\.rawValue))
    w.stringList("countries", countries.map(\.description))
    if let leadAgency { w.field("lead_agency", leadAgency) }
    if !partners.isEmpty {
      w.key("partners")
      w.beginArray()
      for partner in partners {
        w.beginObject()
        w.field("name", partner.name)
        w.field("role", partner.role)
        if let kind = partner.kind { w.field("kind", kind) }
        w.endObject()
      }
      w.endArray()
    }
    w.field("stage", stage)
    if let stageReason { w.field("stage_reason", stageReason) }
    if let statusRaw { w.field("status_raw", statusRaw) }
    w.key("screening")
    w.beginObject()
    w.field("pollution", screening.pollution)
    w.field("climate", screening.climate)
    w.field("biodiversity", screening.biodiversity)
    if let category = screening.esCategory { w.field("es_category", category) }
    if let note = screening.mitigationNote { w.field("mitigation_note", note) }
    if let day = screening.assessedOn { w.field("assessed_on", day) }
    if let assessor = screening.assessor { w.field("assessor", assessor) }
    w.endObject()
    w.field("delivery", delivery)
    if let budget {
      w.key("budget")
      w.beginObject()
      w.field("currency", budget.currency)
      if let amount = budget.amount { w.field("amount", amount) }
      if let usd = budget.amountUSD { w.field("amount_usd", usd) }
      if let basis = budget.usdBasis { w.field("usd_basis", basis) }
      if !budget.financing.isEmpty {
        w.key("financing")
        w.beginArray()
        for tranche in budget.financing {
          w.beginObject()
          w.field("instrument", tranche.instrument)
          if let amount = tranche.amount { w.field("amount", amount) }
          if let provider = tranche.provider { w.field("provider", provider) }
          w.endObject()
        }
        w.endArray()
      }
      w.endObject()
    }
    if dates != ProjectDates() {
      w.key("dates")
      w.beginObject()
      if let day = dates.plannedStart { w.field("planned_start", day) }
      if let day = dates.actualStart { w.field("actual_start", day) }
      if let day = dates.plannedEnd { w.field("planned_end", day) }
      if let day = dates.actualEnd { w.field("actual_end", day) }
      if let day = dates.commitment { w.field("commitment", day) }
      w.endObject()
    }
    if !milestones.isEmpty {
      w.key("milestones")
      w.beginArray()
      for milestone in milestones {
        w.beginObject()
        w.field("title", milestone.title)
        w.field("due", milestone.due)
        if let done = milestone.done { w.field("done", done) }
        w.endObject()
      }
      w.endArray()
    }
    if !indicators.isEmpty {
      w.key("indicators")
      w.beginArray()
      for indicator in indicators {
        w.beginObject()
        w.field("title", indicator.title)
        w.field("unit", indicator.unit)
        w.field("baseline", indicator.baseline)
        w.field("target", indicator.target)
        if let actual = indicator.actual { w.field("actual", actual) }
        w.field("goal", indicator.goal)
        w.endObject()
      }
      w.endArray()
    }
    if !sdgs.isEmpty {
      w.key("sdgs")
      w.beginArray()
      for goal in sdgs { w.int(goal.number) }
      w.endArray()
    }
    if let sector {
      w.key("sector")
      w.beginObject()
      w.field("code", sector.code)
      w.field("name", sector.name)
      w.endObject()
    }
    if let flowType { w.field("flow_type", flowType) }
    if let flowClass { w.field("flow_class", flowClass) }
    if financialDistress { w.field("financial_distress", true) }
    w.source("source", source)
    if let changedBy { w.field("changed_by", changedBy) }
    if let changedAt { w.field("changed_at", changedAt.description) }
    if let imported {
      w.key("imported")
      w.beginObject()
      w.field("dataset", imported.dataset)
      if let at = imported.importedAt { w.field("imported_at", at.description) }
      w.key("columns")
      w.raw(imported.columnsJSON)
      w.endObject()
    }
    w.extras(extras)
    w.endObject()
  }

  public init(reading r: inout JSONReader) throws {
    var project = Project(id: "", title: "")
    var required = RequiredFields(["id", "title", "stage"])
    var extra = ExtraCollector()
    try r.readObject { r, key in
      required.saw(key)
      switch key {
      case "id": project.id = try r.readString()
      case "rev": project.revision = try r.readInt()
      case "title": project.title = try r.readString()
      case "summary": project.summary = try r.readOptionalString() ?? ""
      case "area": project.area = try r.readOptional { try $0.readEnum(CooperationArea.self) }
      case "key_project": project.isKeyProject = try r.readBool()
      case "corridors": project.corridors = try r.readList { try $0.readEnum(CorridorCode.self) }
      case "countries": project.countries = try r.readList { try $0.readCountry() }
      case "lead_agency": project.leadAgency = try r.readOptionalString()
      case "partners": project.partners = try r.readList { try Partner(reading: &$0) }
      case "stage": project.stage = try r.readEnum(Stage.self)
      case "stage_reason": project.stageReason = try r.readOptionalString()
      case "status_raw": project.statusRaw = try r.readOptionalString()
      case "screening": project.screening = try Screening(reading: &r)
      case "delivery": project.delivery = try r.readEnum(DeliveryHealth.self)
      case "budget": project.budget = try r.readOptional { try Budget(reading: &$0) }
      case "dates": project.dates = try ProjectDates(reading: &r)
      case "milestones": project.milestones = try r.readList { try Milestone(reading: &$0) }
      case "indicators": project.indicators = try r.readList { try Indicator(reading: &$0) }
      case "sdgs":
        project.sdgs = try r.readList { reader in
          let number = try reader.readInt()
          guard let goal = SDG(number) else { throw JSONError("SDG \(number) is not 1-17", column: nil) }
          return goal
        }
      case "sector": project.sector = try r.readOptional { try Sector(reading: &$0) }
      case "flow_type": project.flowType = try r.readOptionalString()
      case "flow_class": project.flowClass = try r.readOptionalString()
      case "financial_distress": project.financialDistress = try r.readBool()
      case "source": project.source = try r.readSource()
      case "changed_by": project.changedBy = try r.readOptionalString()
      case "changed_at": project.changedAt = try r.readOptional { try $0.readTimestamp() }
      case "imported": project.imported = try r.readOptional { try ImportedRecord(reading: &$0) }
      default: try extra.keep(key, &r)
      }
    }
    try required.check()
    guard !project.id.isEmpty else { throw JSONError("field \"id\": must not be empty", column: nil) }
    project.extras = extra.fields
    self = project
  }
}

extension Partner {
  init(reading r: inout JSONReader) throws {
    var name = ""
    var role: PartnerRole?
    var kind: String?
    try r.readObject { r, key in
      switch key {
      case "name": name = try r.readString()
      case "role": role = try r.readEnum(PartnerRole.self)
      case "kind": kind = try r.readOptionalString()
      default: try r.skipValue()
      }
    }
    guard let role else { throw JSONError("missing field \"role\"", column: nil) }
    self.init(name: name, role: role, kind: kind)
  }
}

extension Screening {
  init(reading r: inout JSONReader) throws {
    var screening = Screening()
    try r.readObject { r, key in
      switch key {
      case "pollution": screening.pollution = try r.readEnum(ImpactRating.self)
      case "climate": screening.climate = try r.readEnum(ImpactRating.self)
      case "biodiversity": screening.biodiversity = try r.readEnum(ImpactRating.self)
      case "es_category": screening.esCategory = try r.readOptional { try $0.readEnum(ESCategory.self) }
      case "mitigation_note": screening.mitigationNote = try r.readOptionalString()
      case "assessed_on": screening.assessedOn = try r.readOptional { try $0.readDay() }
      case "assessor": screening.assessor = try r.readOptionalString()
      default: try r.skipValue()
      }
    }
    self = screening
  }
}

extension Budget {
  init(reading r: inout JSONReader) throws {
    var budget = Budget()
    try r.readObject { r, key in
      switch key {
      case "currency": budget.currency = try r.readString()
      case "amount": budget.amount = try r.readOptional { try $0.readDouble() }
      case "amount_usd": budget.amountUSD = try r.readOptional { try $0.readDouble() }
      case "usd_basis": budget.usdBasis = try r.readOptionalString()
      case "financing":
        budget.financing = try r.readList { r in
          var instrument: FinancingInstrument?
          var amount: Double?
          var provider: String?
          try r.readObject { r, key in
            switch key {
            case "instrument": instrument = try r.readEnum(FinancingInstrument.self)
            case "amount": amount = try r.readOptional { try $0.readDouble() }
            case "provider": provider = try r.readOptionalString()
            default: try r.skipValue()
            }
          }
          guard let instrument else { throw JSONError("missing field \"instrument\"", column: nil) }
          return Financing(instrument: instrument, amount: amount, provider: provider)
        }
      default: try r.skipValue()
      }
    }
    self = budget
  }
}

extension ProjectDates {
  init(reading r: inout JSONReader) throws {
    var dates = ProjectDates()
    try r.readObject { r, key in
      let day = try r.readOptional { try $0.readDay() }
      switch key {
      case "planned_start": dates.plannedStart = day
      case "actual_start": dates.actualStart = day
      case "planned_end": dates.plannedEnd = day
      case "actual_end": dates.actualEnd = day
      case "commitment": dates.commitment = day
      default: break
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
    try r.readObject { r, key in
      switch key {
      case "title": title = try r.readString()
      case "due": due = try r.readDay()
      case "done": done = try r.readOptional { try $0.readDay() }
      default: try r.skipValue()
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
    try r.readObject { r, key in
      switch key {
      case "title": indicator.title = try r.readString()
      case "unit": indicator.unit = try r.readString()
      case "baseline": indicator.baseline = try r.readDouble()
      case "target": indicator.target = try r.readDouble()
      case "actual": indicator.actual = try r.readOptional { try $0.readDouble() }
      case "goal":
        indicator.goal = try r.readEnum(GoalYear.self)
        sawGoal = true
      default: try r.skipValue()
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
    try r.readObject { r, key in
      switch key {
      case "code": code = try r.readString()
      case "name": name = try r.readString()
      default: try r.skipValue()
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
    try r.readObject { r, key in
      switch key {
      case "dataset": dataset = try r.readString()
      case "imported_at": at = try r.readOptional { try $0.readTimestamp() }
      case "columns": columns = try r.readRawValue()
      default: try r.skipValue()
      }
    }
    self.init(dataset: dataset, importedAt: at, columnsJSON: columns)
  }
}
