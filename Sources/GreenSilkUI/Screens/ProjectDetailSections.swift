import GreenSilkCore

/// The sections of the project detail, each written into a `DetailWriter`.
/// Every field is shown, with `—` when it is empty, so that a missing
/// value is visible as missing rather than silently left out.
enum ProjectDetailSections {
  typealias Section = (inout DetailWriter, Project, DataContext) -> Void

  /// Every section in reading order: what the project is, then how it goes.
  static var all: [Section] {
    [identity, screening, delivery, finance, dates, milestones, indicators, source, lastChange]
  }

  static func identity(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    let data = context.data
    w.heading("Identity")
    w.field("ID", spans: [Span(p.id, style: Style(.text, emphasis: .bold))])
    w.field("Key project", p.isKeyProject ? "Yes: one of the plan's 25 key-project slots" : "No")
    if let area = p.area {
      let info = data.areas.first { $0.area == area }
      let section = info.map { " (plan section \($0.planSection))" } ?? ""
      w.field("Area", area.label + section)
    } else {
      w.field("Area", "—", style: Style(.muted))
    }
    if p.corridors.isEmpty { w.field("Corridors", "—", style: Style(.muted)) }
    for (index, code) in p.corridors.enumerated() {
      let name = data.corridor(code)?.name ?? ""
      w.item(index == 0 ? "Corridors" : "", tag: Span(code.rawValue, role: Presentation.role(for: code)), tagWidth: 7, name)
    }
    let countries = p.countries.map { "\(data.countryName($0)) (\($0))" }.joined(separator: ", ")
    w.field(p.countries.count == 1 ? "Country" : "Countries", countries)
    w.field("Lead agency", p.leadAgency ?? "—")
    if p.partners.isEmpty { w.field("Partners", "—", style: Style(.muted)) }
    // The role names are IATI's participating-organisation roles (plus
    // AidData's guarantor and insurer).
    for (index, partner) in p.partners.enumerated() {
      let kind = partner.kind.map { " · \($0)" } ?? ""
      w.item(index == 0 ? "Partners" : "", tag: Span(partner.role.label, role: .muted), tagWidth: 13, partner.name + kind)
    }
    w.field("Sector", p.sector.map { "\($0.code) \($0.name)" } ?? "—")
    w.field("SDGs", p.sdgs.isEmpty ? "—" : p.sdgs.map { "SDG \($0.number)" }.joined(separator: ", "))
    w.field("Summary", p.summary)
  }

  static func delivery(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    w.heading("Stage and delivery")
    w.field("Stage", spans: [
      Span(p.stage.label, role: Presentation.role(for: p.stage)),
      Span("  IATI activity status \(p.stage.iatiStatus)", role: .muted),
    ])
    if let reason = p.stageReason { w.field("Reason", reason) }
    if let raw = p.statusRaw { w.field("Source status", raw) }
    w.field("Delivery", p.delivery.label, style: Style(Presentation.role(for: p.delivery)))
    w.field("Distress", p.financialDistress ? "Financial distress reported" : "None reported",
            style: Style(p.financialDistress ? .warning : .text))
  }

  static func screening(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    let s = p.screening
    w.heading("Screening")
    let lightRole = Presentation.role(for: s.light)
    w.field("Light", spans: [
      Span(w.glyphs.dot + " ", role: lightRole),
      Span(s.light.map { $0.label } ?? "No light yet", role: lightRole),
      Span("  BRIGC traffic light", role: .muted),
    ])
    for (name, rating) in zip(["Pollution", "Climate", "Biodiversity"], s.ratings) {
      w.line(DetailLine(indent: 2, [
        Span(TextWidth.pad(name, toWidth: w.labelWidth - 2) + " ", role: .fieldLabel),
        Span(rating.label, role: DetailText.role(for: rating)),
      ]))
    }
    w.paragraph(DetailText.lightRule(s), indent: w.valueColumn, style: Style(.muted))
    if let category = s.esCategory {
      w.field("E&S category", "\(category.label): \(DetailText.categoryMeaning(category)) (IFC / Equator Principles)")
    } else {
      w.field("E&S category", "Not set (IFC / Equator Principles)", style: Style(.muted))
    }
    w.field("Mitigation", s.mitigationNote ?? "—")
    let on = s.assessedOn?.description ?? "—"
    w.field("Assessed", s.assessor.map { "\(on) by \($0)" } ?? on)
  }

  static func finance(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    w.heading("Finance")
    guard let budget = p.budget else {
      w.field("Budget", "Not recorded", style: Style(.muted))
      return
    }
    w.field("Budget", budget.amount.map { DetailText.money($0, budget.currency) } ?? "—")
    if budget.currency != "USD" || budget.amountUSD != nil {
      let basis = budget.usdBasis.map { " (\($0))" } ?? ""
      w.field("In USD", budget.totalUSD.map { Presentation.usd($0) + basis } ?? "—")
    }
    if budget.financing.isEmpty { w.field("Financing", "—", style: Style(.muted)) }
    for (index, tranche) in budget.financing.enumerated() {
      var spans = [Span(tranche.instrument.label, role: tranche.instrument.isGreen ? .success : .text)]
      if tranche.instrument.isGreen { spans.append(Span(" (green)", role: .muted)) }
      if let amount = tranche.amount {
        spans.append(Span("  " + DetailText.money(amount, budget.currency)))
        if let total = budget.amount, total > 0 {
          spans.append(Span("  " + NumberText.percent(amount / total), role: .muted))
        }
      }
      w.field(index == 0 ? "Financing" : "", spans: spans)
      if let provider = tranche.provider { w.paragraph(provider, indent: w.valueColumn + 2, style: Style(.muted)) }
    }
    let flow = [p.flowType, p.flowClass].compactMap { $0 }.joined(separator: " · ")
    if !flow.isEmpty { w.field("Flow", flow) }
  }

  static func dates(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    let d = p.dates
    w.heading("Dates")
    func pair(_ planned: Day?, _ actual: Day?) -> [Span] {
      [
        Span("planned ", role: .muted), Span(planned?.description ?? "—"),
        Span("   actual ", role: .muted), Span(actual?.description ?? "—"),
      ]
    }
    w.field("Start", spans: pair(d.plannedStart, d.actualStart))
    w.field("End", spans: pair(d.plannedEnd, d.actualEnd))
    w.field("Commitment", d.commitment?.description ?? "—")
  }

  static func milestones(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    let today = context.today
    let overdue = p.milestones.filter { $0.isOverdue(asOf: today) }.count
    let done = p.milestones.filter { $0.done != nil }.count
    var note = [Span("\(p.milestones.count) · \(done) done", role: .muted)]
    if overdue > 0 { note.append(Span(" · \(overdue) overdue", role: .overdue)) }
    w.heading("Milestones", note: p.milestones.isEmpty ? [] : note)
    if p.milestones.isEmpty { w.paragraph("No milestones recorded.", indent: 0, style: Style(.muted)) }
    // marker, due date, status, then the title wrapped beside them.
    let statusWidth = 15
    let titleColumn = 2 + 10 + 2 + statusWidth + 2
    for milestone in p.milestones {
      let late = milestone.isOverdue(asOf: today)
      let status: Span
      if let doneOn = milestone.done {
        status = Span("done " + doneOn.description, role: .muted)
      } else if late {
        status = Span(DetailText.days(milestone.due.days(until: today)) + " late", role: .overdue)
      } else {
        status = Span("due in " + DetailText.days(today.days(until: milestone.due)), role: .text)
      }
      let marker = late ? Span(w.glyphs.overdue + " ", role: .overdue) : Span("  ")
      let titleLines = TextWidth.wrap(milestone.title, width: max(1, w.width - titleColumn))
      let fixed = [
        marker, Span(milestone.due.description, role: late ? .overdue : .text), Span("  "),
        Span(TextWidth.pad(status.text, toWidth: statusWidth), style: status.style), Span("  "),
      ]
      for (index, title) in titleLines.enumerated() {
        if index == 0 {
          w.line(DetailLine(fixed + [Span(title)]))
        } else {
          w.line(DetailLine(indent: titleColumn, [Span(title)]))
        }
      }
    }
  }

  static func indicators(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    w.heading("Indicators", note: p.indicators.isEmpty ? [] : [Span("\(p.indicators.count)", role: .muted)])
    if p.indicators.isEmpty { w.paragraph("No indicators recorded.", indent: 0, style: Style(.muted)) }
    let gaugeWidth = max(8, min(24, w.width / 3))
    for indicator in p.indicators {
      let title = indicator.title + " (\(indicator.goal.label))"
      w.paragraph(title, indent: 0)
      let baseline = NumberText.compact(indicator.baseline)
      let target = NumberText.compact(indicator.target)
      let unit = indicator.unit.isEmpty ? "" : " " + indicator.unit
      if let progress = indicator.progress, let actual = indicator.actual {
        w.line(DetailLine(indent: 2, [
          Span(TextWidth.pad(NumberText.percent(progress), toWidth: 4, align: .right)),
          Span("  \(baseline) \(DetailText.arrow(w.glyphs)) ", role: .muted),
          Span(NumberText.compact(actual), style: Style(.text, emphasis: .bold)),
          Span(" \(DetailText.arrow(w.glyphs)) \(target)\(unit)", role: .muted),
        ], gauge: (progress, gaugeWidth)))
      } else {
        let why = indicator.actual == nil ? "no actual value reported yet" : "baseline equals target"
        w.line(DetailLine(indent: 2, [Span("\(why) · baseline \(baseline), target \(target)\(unit)", role: .muted)]))
      }
    }
  }

  static func source(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    let s = p.source
    w.heading("Source")
    var dataset = [Span(s.dataset)]
    if s.isIllustrative { dataset.append(Span("  not a real project", role: .warning)) }
    w.field("Dataset", spans: dataset)
    if let record = s.recordID { w.field("Record", record) }
    w.field("As of", s.asOf?.description ?? "—")
    if let url = s.url { w.field("URL", url, style: Style(.link)) }
    if let note = s.note { w.field("Note", note) }
    if let imported = p.imported {
      let columns = imported.columns().count
      let at = imported.importedAt.map { " on \($0)" } ?? ""
      w.field("Imported", "from \(imported.dataset)\(at); \(Presentation.count(columns)) original columns kept verbatim")
    }
    if !p.extras.isEmpty {
      let names = p.extras.map(\.key).joined(separator: ", ")
      w.field("Other fields", "\(p.extras.count) kept as written by a newer version: \(names)", style: Style(.muted))
    }
  }

  static func lastChange(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    w.heading("Last change")
    w.field("Changed by", p.changedBy ?? "—")
    w.field("Changed at", p.changedAt?.description ?? "—")
    w.field("Revision", String(p.revision))
  }
}
