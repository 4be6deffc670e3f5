import GreenSilkCore

/// The renderers of `ProjectDetailFields`, in the order the detail shows
/// them.
extension ProjectDetailFields {
  // MARK: - Identity

  static func id(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    w.field("ID", spans: [Span(p.id, style: Style(.text, emphasis: .bold))])
  }

  static func keyProject(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    w.field("Key project", p.isKeyProject ? "Yes: one of the plan's 25 key-project slots" : "No")
  }

  static func area(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    guard let area = p.area else { return w.field("Area", "—", style: Style(.muted)) }
    let info = context.data.areas.first { $0.area == area }
    w.field("Area", area.label + (info.map { " (plan section \($0.planSection))" } ?? ""))
  }

  static func corridors(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    if p.corridors.isEmpty { w.field("Corridors", "—", style: Style(.muted)) }
    for (index, code) in p.corridors.enumerated() {
      let name = context.data.corridor(code)?.name ?? ""
      w.item(index == 0 ? "Corridors" : "", tag: Span(code.rawValue, role: Presentation.role(for: code)), tagWidth: 7, name)
    }
  }

  static func countries(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    let countries = p.countries.map { "\(context.data.countryName($0)) (\($0))" }.joined(separator: ", ")
    w.field(p.countries.count == 1 ? "Country" : "Countries", countries)
  }

  static func partners(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    if p.partners.isEmpty { w.field("Partners", "—", style: Style(.muted)) }
    // The role names are IATI's participating-organisation roles (plus
    // AidData's guarantor and insurer).
    for (index, partner) in p.partners.enumerated() {
      let kind = partner.kind.map { " · \($0)" } ?? ""
      w.item(index == 0 ? "Partners" : "", tag: Span(partner.role.label, role: .muted), tagWidth: 13, partner.name + kind)
    }
  }

  static func sector(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    w.field("Sector", p.sector.map { "\($0.code) \($0.name)" } ?? "—")
  }

  static func sdgs(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    w.field("SDGs", p.sdgs.isEmpty ? "—" : p.sdgs.map { "SDG \($0.number)" }.joined(separator: ", "))
  }

  // MARK: - Screening

  /// The light, the three ratings it comes from, and the rule in words.
  static func ratings(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    let s = p.screening
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
  }

  static func category(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    if let category = p.screening.esCategory {
      w.field("E&S category", "\(category.label): \(DetailText.categoryMeaning(category)) (IFC / Equator Principles)")
    } else {
      w.field("E&S category", "Not set (IFC / Equator Principles)", style: Style(.muted))
    }
  }

  static func mitigation(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    w.field("Mitigation", p.screening.mitigationNote ?? "—")
  }

  static func assessed(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    let on = p.screening.assessedOn?.description ?? "—"
    w.field("Assessed", p.screening.assessor.map { "\(on) by \($0)" } ?? on)
  }

  // MARK: - Stage and delivery

  static func stage(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    w.field("Stage", spans: [
      Span(p.stage.label, role: Presentation.role(for: p.stage)),
      Span("  IATI activity status \(p.stage.iatiStatus)", role: .muted),
    ])
  }

  static func stageReason(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    if let reason = p.stageReason { w.field("Reason", reason) }
  }

  static func statusRaw(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    if let raw = p.statusRaw { w.field("Source status", raw) }
  }

  static func delivery(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    w.field("Delivery", p.delivery.label, style: Style(Presentation.role(for: p.delivery)))
  }

  static func distress(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    w.field(
      "Distress", p.financialDistress ? "Financial distress reported" : "None reported",
      style: Style(p.financialDistress ? .warning : .text))
  }

  // MARK: - Finance (only "Not recorded" without a budget)

  /// Whether the project counts in the totals, and why not: excluded
  /// records stay visible, marked.
  static func totals(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    guard let reason = p.notInTotals else {
      return w.field("Totals", "Counted in totals", style: Style(.muted))
    }
    let shown = context.scope == .everything ? " (counted anyway: A shows all records)" : ""
    w.field("Totals", "Not in totals: \(reason.label)\(shown)", style: Style(.warning))
    if let note = p.notInTotalsNote { w.paragraph(note, indent: w.valueColumn, style: Style(.muted)) }
  }

  static func budget(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    guard let budget = p.budget else { return w.field("Budget", "Not recorded", style: Style(.muted)) }
    let mark = budget.amountEstimated ? estimateMark(w.glyphs) + " " : ""
    w.field("Budget", budget.amount.map { mark + DetailText.money($0, budget.currency) } ?? "—")
  }

  static func inUSD(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    guard let budget = p.budget, budget.currency != "USD" || budget.amountUSD != nil else { return }
    let basis = budget.usdBasis.map { " (\($0))" } ?? ""
    let mark = budget.amountEstimated ? estimateMark(w.glyphs) + " " : ""
    w.field("In USD", budget.totalUSD.map { mark + Presentation.usd($0) + basis } ?? "—")
  }

  /// The source's adjusted amount, which totals add instead of the face
  /// amount (AidData nets out cancelled and undrawn money).
  static func adjusted(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    guard let adjusted = p.budget?.adjustedUSD else { return }
    w.field("Adjusted USD", Presentation.usd(adjusted) + " (the figure totals add)")
  }

  static func financing(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    guard let budget = p.budget else { return }
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
  }

  static func flow(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    guard p.budget != nil else { return }
    let flow = [p.flowType, p.flowClass].compactMap { $0 }.joined(separator: " · ")
    if !flow.isEmpty { w.field("Flow", flow) }
  }

  // MARK: - Dates

  static func start(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    w.field("Start", spans: plannedAndActual(p.dates.plannedStart, p.dates.actualStart, p.dates.actualStartEstimated, w.glyphs))
  }

  static func end(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    w.field("End", spans: plannedAndActual(p.dates.plannedEnd, p.dates.actualEnd, p.dates.actualEndEstimated, w.glyphs))
  }

  static func commitment(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    w.field("Commitment", day(p.dates.commitment, estimated: p.dates.commitmentEstimated, w.glyphs))
  }

  static func plannedAndActual(_ planned: Day?, _ actual: Day?, _ estimated: Bool, _ glyphs: GlyphSet) -> [Span] {
    [
      Span("planned ", role: .muted), Span(planned?.description ?? "—"),
      Span("   actual ", role: .muted), Span(day(actual, estimated: estimated, glyphs), role: estimated ? .warning : .text),
    ]
  }

  // MARK: - Source

  static func dataset(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    var dataset = [Span(p.source.dataset)]
    if p.source.isIllustrative { dataset.append(Span("  not a real project", role: .warning)) }
    w.field("Dataset", spans: dataset)
  }

  static func record(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    if let record = p.source.recordID { w.field("Record", record) }
  }

  static func url(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    if let url = p.source.url { w.field("URL", url, style: Style(.link)) }
  }

  static func note(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    if let note = p.source.note { w.field("Note", note) }
  }

  /// The fields the source marks as GreenSilk's illustration, and what
  /// the `*` beside their labels means.
  static func illustrative(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    guard !p.source.illustrative.isEmpty else { return }
    let names = p.source.illustrative.map { Project.phrase(ofField: $0) }
    w.field("Illustrative", "* marks fields GreenSilk invented for illustration, not from the source: " + names.joined(separator: ", "), style: Style(.warning))
  }

  static func imported(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    guard let imported = p.imported else { return }
    let columns = imported.columnCount
    let at = imported.importedAt.map { " on \($0)" } ?? ""
    // The summary of a long description is its opening: say where the rest is.
    let whole = AidDataSummary.isShortened(p.summary) ? " (the whole description among them: `greensilk export`)" : ""
    w.field(
      "Imported", "from \(imported.dataset)\(at); \(Presentation.count(columns)) original columns kept verbatim\(whole)")
  }
}
