/// What a report covers.
public struct ReportOptions: Sendable {
  public var asOf: Day
  public var corridor: CorridorCode?
  public var area: CooperationArea?
  /// Stage movements are listed from this date (from the audit log).
  public var since: Day?
  public var topCountries: Int
  /// Which records the totals count (`--all-in-totals`: every record).
  public var totals: TotalsScope

  public init(
    asOf: Day, corridor: CorridorCode? = nil, area: CooperationArea? = nil, since: Day? = nil, topCountries: Int = 10,
    totals: TotalsScope = .eligible
  ) {
    self.totals = totals
    self.asOf = asOf
    self.corridor = corridor
    self.area = area
    self.since = since
    self.topCountries = topCountries
  }
}

/// Builds the monitoring and mid-term assessment report (Plan §X) from
/// the data set, the audit log and the options.
public enum ReportBuilder {
  /// The data set narrowed to the options' corridor and area.
  public static func scope(_ data: DataSet, _ options: ReportOptions) -> DataSet {
    guard options.corridor != nil || options.area != nil else { return data }
    var scoped = data
    for project in data.projects {
      let inCorridor = options.corridor.map { project.corridors.contains($0) } ?? true
      let inArea = options.area.map { project.area == $0 } ?? true
      if !(inCorridor && inArea) { scoped.removeProject(id: project.id) }
    }
    if let corridor = options.corridor {
      let members = Set(data.corridorMembers[corridor] ?? [])
      for activity in data.activities where !activity.participants.contains(where: { members.contains($0.country) }) {
        scoped.removeActivity(id: activity.id)
      }
    }
    return scoped
  }

  public static func build(_ data: DataSet, audit: [AuditEntry], options: ReportOptions) -> ReportDocument {
    let scoped = scope(data, options)
    let portfolio = Portfolio(scoped, today: options.asOf, scope: options.totals)
    var subtitle = [
      "Data set: \(data.meta.title) — \(data.meta.label.label.uppercased()) data"
        + (data.meta.asOf.map { ", as of \($0)" } ?? ""),
      "Report as of \(options.asOf)",
    ]
    if let corridor = options.corridor {
      subtitle.append("Corridor: \(corridor.rawValue) (\(data.corridor(corridor)?.name ?? ""))")
    }
    if let area = options.area { subtitle.append("Cooperation area: \(area.label)") }
    subtitle.append("Totals: \(portfolio.scopeNote). " + TotalsWording.legend)
    if data.meta.label == .illustrative || data.meta.label == .synthetic || data.meta.label == .mixed {
      subtitle.append(
        "Note: this data set is labelled \(data.meta.label.rawValue); records whose source is \"illustrative\" or \"synthetic\" are not real projects.")
    }
    var sections: [ReportSection] = []
    sections.append(summarySection(portfolio, scoped))
    sections.append(notInTotalsSection(portfolio, scoped))
    sections.append(keyProjectSection(portfolio))
    sections.append(stageSection(portfolio))
    sections.append(lightSection(portfolio))
    if options.corridor == nil { sections.append(corridorSection(portfolio)) }
    sections.append(areaSection(scoped, options.totals))
    sections.append(movementSection(scoped, audit: audit, options: options))
    sections.append(overdueSection(portfolio))
    sections.append(screeningSection(scoped))
    sections.append(indicatorSection(portfolio))
    sections.append(envoySection(portfolio, scoped, options))
    sections.append(totalsSection(scoped))
    if !data.meta.attributions.isEmpty {
      sections.append(
        ReportSection(id: "sources", title: "Sources and attribution", blocks: data.meta.attributions.map { .paragraph($0) }))
    }
    return ReportDocument(title: "Green Silk Road monitoring report", subtitle: subtitle, sections: sections)
  }

  static func summarySection(_ p: Portfolio, _ data: DataSet) -> ReportSection {
    let green = p.budgetByInstrumentUSD.filter { $0.key.isGreen }.values.reduce(0, +)
    let rows: [[String]] = [
      ["Projects tracked", NumberText.integer(p.projectCount)],
      ["Key projects tracked (plan: 25)", NumberText.integer(p.keyProjectsTracked)],
      ["In implementation", NumberText.integer(p.count(.implementation))],
      ["Red-light projects", NumberText.integer(p.byLight.red)],
      ["Overdue milestones", NumberText.integer(p.overdue.count)],
      ["Budget with a USD figure (\(p.scope.caption))", "USD " + NumberText.money(p.budgetUSD)],
      ["  of which green instruments", "USD " + NumberText.money(green)],
      ["  of which amounts the source estimated (\(NumberText.integer(p.estimatedCount)) projects)", "≈ USD " + NumberText.money(p.estimatedUSD)],
      [p.scope == .eligible ? "Not in totals (left out above)" : "Not in totals (INCLUDED above)",
       "\(NumberText.integer(p.notInTotalsCount)) / USD \(NumberText.money(p.notInTotalsUSD))"],
      ["Envoy activities / participants", "\(NumberText.integer(p.envoys.activityCount)) / \(NumberText.integer(p.envoys.participants))"],
    ]
    return ReportSection(
      id: "summary", title: "Summary",
      blocks: [.table(ReportTable(headers: ["Measure", "Value"], alignments: [.left, .right], rows: rows))])
  }

  static func keyProjectSection(_ p: Portfolio) -> ReportSection {
    let rows = p.keyProjects.map { area -> [String] in
      [
        area.area.label, String(area.planned), String(area.tracked),
        String(area.byDelivery[.onTrack] ?? 0), String(area.byDelivery[.atRisk] ?? 0),
        String(area.byDelivery[.offTrack] ?? 0),
      ]
    }
    let total = [
      "Total", "25", String(p.keyProjectsTracked), String(p.keyProjectsOnTrack),
      String(p.keyProjects.reduce(0) { $0 + ($1.byDelivery[.atRisk] ?? 0) }),
      String(p.keyProjects.reduce(0) { $0 + ($1.byDelivery[.offTrack] ?? 0) }),
    ]
    var notes: [ReportBlock] = []
    if p.keyProjectsIllustrativeDelivery > 0 {
      notes.append(
        .paragraph(
          "Delivery health of \(p.keyProjectsIllustrativeDelivery) of \(p.keyProjectsTracked) key projects is illustrative (marked so in the records' source), so the on-track counts are too."))
    }
    return ReportSection(
      id: "key-projects", title: "Key projects by cooperation area (against Plan §IX)",
      blocks: notes + [
        .table(
          ReportTable(
            headers: ["Area", "Plan", "Tracked", "On track", "At risk", "Off track"],
            alignments: [.left, .right, .right, .right, .right, .right], rows: rows + [total]))
      ])
  }

  static func stageSection(_ p: Portfolio) -> ReportSection {
    let bars = Stage.allCases.map { ReportBars.Bar(label: $0.label, value: Double(p.count($0)), tone: "stage-" + $0.rawValue) }
    let rows = Stage.allCases.map { [$0.label, String($0.iatiStatus), String(p.count($0))] }
    return ReportSection(
      id: "stages", title: "Projects by stage",
      blocks: [
        .bars(ReportBars(title: "Projects by stage", unit: "projects", bars: bars)),
        .table(ReportTable(headers: ["Stage", "IATI status", "Projects"], alignments: [.left, .right, .right], rows: rows)),
      ])
  }

  static func lightSection(_ p: Portfolio) -> ReportSection {
    let mix = p.byLight
    let bars = [
      ReportBars.Bar(label: "Green", value: Double(mix.green), tone: "light-green"),
      ReportBars.Bar(label: "Yellow", value: Double(mix.yellow), tone: "light-yellow"),
      ReportBars.Bar(label: "Red", value: Double(mix.red), tone: "light-red"),
      ReportBars.Bar(label: "Not screened", value: Double(mix.notScreened), tone: "light-none"),
    ]
    return ReportSection(
      id: "lights", title: "Environmental screening: BRIGC traffic light",
      blocks: [
        .bars(ReportBars(title: "Traffic-light mix", unit: "projects", bars: bars)),
        .paragraph(
          "Red: a dimension (pollution, climate, biodiversity) rated significant and irreversible. Green: none significant and at least one positive. Yellow: all neutral or mitigable."
        ),
      ])
  }

  static func corridorSection(_ p: Portfolio) -> ReportSection {
    let rows = p.corridors.map { c -> [String] in
      [
        c.code.rawValue, String(c.projectCount), String(c.byStage[.implementation] ?? 0),
        String(c.byLight.green), String(c.byLight.yellow), String(c.byLight.red),
        NumberText.money(c.budgetUSD), NumberText.integer(c.envoyParticipants),
      ]
    }
    return ReportSection(
      id: "corridors", title: "By economic corridor",
      blocks: [
        .table(
          ReportTable(
            headers: ["Corridor", "Projects", "Implementing", "Green", "Yellow", "Red", "Budget USD", "Envoy participants"],
            alignments: [.left, .right, .right, .right, .right, .right, .right, .right], rows: rows)),
        .paragraph("A project on several corridors counts once in each. Envoy participants are counted from the corridor's member countries."),
      ])
  }

  /// Every record left out of the totals, with why: excluded records
  /// stay visible.
  static let notInTotalsRowLimit = 200

  static func notInTotalsSection(_ p: Portfolio, _ data: DataSet) -> ReportSection {
    let excluded = data.projects.filter { !$0.countsInTotals }
    let title = "Records not in totals (\(excluded.count))"
    guard !excluded.isEmpty else {
      return ReportSection(id: "not-in-totals", title: title, blocks: [.paragraph("Every record counts in the totals.")])
    }
    let rows = excluded.prefix(notInTotalsRowLimit).map { project -> [String] in
      [
        project.id, shorten(project.title, to: 48), project.notInTotals?.label ?? "",
        project.budget?.countedUSD.map { TotalsWording.estimated(project.budget?.amountEstimated == true) + NumberText.money($0) } ?? "—",
      ]
    }
    var blocks: [ReportBlock] = [
      .paragraph(
        p.scope == .eligible
          ? "These records are shown but not added to any total above: their money would be counted twice or was never committed (DECISIONS.md, \"What the totals count\")."
          : "These records are INCLUDED in the totals above (--all-in-totals); by default they are left out."),
      .table(
        ReportTable(headers: ["Project", "Title", "Why not in totals", "USD"], alignments: [.left, .left, .left, .right], rows: Array(rows))),
    ]
    if excluded.count > notInTotalsRowLimit {
      blocks.append(.paragraph("… and \(NumberText.integer(excluded.count - notInTotalsRowLimit)) more; `greensilk export` lists them all."))
    }
    return ReportSection(id: "not-in-totals", title: title, blocks: blocks)
  }

  static func areaSection(_ data: DataSet, _ totals: TotalsScope) -> ReportSection {
    var rows: [[String]] = []
    let counted = data.projects.filter { totals.includes($0) }
    for area in CooperationArea.allCases {
      let projects = counted.filter { $0.area == area }
      rows.append([
        area.label, String(projects.count), String(projects.filter(\.isKeyProject).count),
        String(projects.filter { $0.stage == .implementation }.count),
        String(projects.filter { $0.light == .red }.count),
      ])
    }
    let unassigned = counted.filter { $0.area == nil }.count
    if unassigned > 0 { rows.append(["(no area)", String(unassigned), "0", "", ""]) }
    return ReportSection(
      id: "areas", title: "By cooperation area",
      blocks: [
        .table(
          ReportTable(
            headers: ["Area", "Projects", "Key", "Implementing", "Red light"],
            alignments: [.left, .right, .right, .right, .right], rows: rows))
      ])
  }

  /// Most movement rows a report lists one by one; the counts above the
  /// list cover every movement.
  static let movementRowLimit = 100

  static func movementSection(_ data: DataSet, audit: [AuditEntry], options: ReportOptions) -> ReportSection {
    let since = options.since ?? Day(year: options.asOf.year, month: 1, day: 1) ?? options.asOf
    let ids = Set(data.projects.map(\.id))
    let moves = audit.filter { entry in
      entry.file == .projects && ids.contains(entry.id) && entry.at.day >= since && entry.at.day <= options.asOf
        && entry.changes.contains { $0.field == "stage" }
    }
    let title = "Stage movements since \(since)"
    guard !moves.isEmpty else {
      return ReportSection(
        id: "movements", title: title,
        blocks: [.paragraph("No stage movements recorded in the audit log between \(since) and \(options.asOf).")])
    }
    let steps = moves.map { entry -> (entry: AuditEntry, from: String, to: String) in
      let change = entry.changes.first { $0.field == "stage" }
      return (entry, unquote(change?.old) ?? "(new)", unquote(change?.new) ?? "(deleted)")
    }
    var counts: [String: (from: String, to: String, count: Int)] = [:]
    for step in steps { counts[step.from + "→" + step.to, default: (step.from, step.to, 0)].count += 1 }
    let order = { (name: String) -> Int in Stage(rawValue: name)?.index ?? (name == "(new)" ? -1 : Stage.allCases.count) }
    let countRows = counts.values.sorted { (order($0.from), order($0.to)) < (order($1.from), order($1.to)) }
      .map { [$0.from, $0.to, NumberText.integer($0.count)] }
    var blocks: [ReportBlock] = [
      .paragraph(
        "\(NumberText.integer(moves.count)) stage movement\(moves.count == 1 ? "" : "s") recorded in the audit log between \(since) and \(options.asOf) (\"(new)\": the project entered the data set, by hand or by import)."
      ),
      .table(ReportTable(headers: ["From", "To", "Movements"], alignments: [.left, .left, .right], rows: countRows)),
    ]
    let rows = steps.prefix(movementRowLimit).map { step -> [String] in
      [step.entry.at.day.description, step.entry.id, step.from, step.to, step.entry.user.login, step.entry.action]
    }
    blocks.append(.table(ReportTable(headers: ["Date", "Project", "From", "To", "By", "Action"], rows: Array(rows))))
    if steps.count > movementRowLimit {
      blocks.append(
        .paragraph(
          "… and \(NumberText.integer(steps.count - movementRowLimit)) more; the audit log (audit.jsonl in the data directory) lists them all."))
    }
    return ReportSection(id: "movements", title: title, blocks: blocks)
  }

  static func overdueSection(_ p: Portfolio) -> ReportSection {
    guard !p.overdue.isEmpty else {
      return ReportSection(id: "overdue", title: "Overdue milestones", blocks: [.paragraph("None as of \(p.today).")])
    }
    let rows = p.overdue.map { [$0.projectID, $0.milestone, $0.due.description, String($0.daysOverdue)] }
    return ReportSection(
      id: "overdue", title: "Overdue milestones (\(p.overdue.count))",
      blocks: [
        .table(
          ReportTable(headers: ["Project", "Milestone", "Due", "Days overdue"], alignments: [.left, .left, .left, .right], rows: rows))
      ])
  }

  static func screeningSection(_ data: DataSet) -> ReportSection {
    let flagged = data.projects.filter { $0.light == .red || $0.screening.esCategory == .a }
    guard !flagged.isEmpty else {
      return ReportSection(id: "screening", title: "Red-light and category A projects", blocks: [.paragraph("None.")])
    }
    let missing = flagged.filter { !$0.screening.hasMitigationNote }.count
    let rows = flagged.map { project -> [String] in
      [
        project.id, shorten(project.title, to: 48), project.light?.label ?? "—", project.screening.esCategory?.label ?? "—",
        project.stage.label, project.screening.hasMitigationNote ? "yes" : "MISSING",
      ]
    }
    return ReportSection(
      id: "screening", title: "Red-light and category A projects",
      blocks: [
        .paragraph(
          "\(flagged.count) project\(flagged.count == 1 ? "" : "s") rated red or category A; \(missing) without a mitigation note."),
        .table(ReportTable(headers: ["Project", "Title", "Light", "E&S", "Stage", "Mitigation note"], rows: rows)),
      ])
  }

  /// At most `limit` characters, with "…" when cut.
  static func shorten(_ text: String, to limit: Int) -> String {
    let flat = text.withLineBreaksAsSpaces()
    return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
  }

  static func indicatorSection(_ p: Portfolio) -> ReportSection {
    var blocks: [ReportBlock] = []
    for goal in p.indicators {
      let mean = goal.meanProgress.map { NumberText.percent($0) } ?? "—"
      blocks.append(
        .paragraph(
          "Toward \(goal.goal.rawValue): \(goal.indicators.count) indicators, \(goal.measured) measured, \(goal.reached) at or past target; mean progress \(mean)."
        ))
      if !goal.indicators.isEmpty {
        let rows = goal.indicators.map { status -> [String] in
          let i = status.indicator
          return [
            status.projectID, i.title, i.unit, number(i.baseline), number(i.target), i.actual.map(number) ?? "—",
            i.progress.map { NumberText.percent($0) } ?? "—",
          ]
        }
        blocks.append(
          .table(
            ReportTable(
              headers: ["Project", "Indicator", "Unit", "Baseline", "Target", "Actual", "Progress"],
              alignments: [.left, .left, .left, .right, .right, .right, .right], rows: rows)))
      }
    }
    return ReportSection(id: "indicators", title: "Indicators toward the 2025 and 2030 goals", blocks: blocks)
  }

  static func envoySection(_ p: Portfolio, _ data: DataSet, _ options: ReportOptions) -> ReportSection {
    let e = p.envoys
    let yearRows = e.byYear.map { [String($0.year), String($0.activities), NumberText.integer($0.participants)] }
    let countryRows = e.byCountry.prefix(options.topCountries).map {
      [$0.country.description, data.countryName($0.country), NumberText.integer($0.participants)]
    }
    let focusRows = e.byFocus.map { [$0.focus.label, String($0.activities), NumberText.integer($0.participants)] }
    return ReportSection(
      id: "envoys", title: "Green Silk Road Envoys Program (event records)",
      blocks: [
        .paragraph(
          "\(e.activityCount) activities, \(NumberText.integer(e.participants)) participants from \(e.countries) countries (summed from event records; see the official totals below)."
        ),
        .line(
          ReportLine(
            title: "Envoy participants per year", xLabel: "Year", yLabel: "Participants",
            points: e.byYear.map { (String($0.year), Double($0.participants)) })),
        .table(ReportTable(headers: ["Year", "Activities", "Participants"], alignments: [.left, .right, .right], rows: yearRows)),
        .table(
          ReportTable(headers: ["Country", "Name", "Participants"], alignments: [.left, .left, .right], rows: Array(countryRows))),
        .table(ReportTable(headers: ["Focus", "Activities", "Participants"], alignments: [.left, .right, .right], rows: focusRows)),
      ])
  }

  static func totalsSection(_ data: DataSet) -> ReportSection {
    let rows = data.programTotals.map { total -> [String] in
      [
        total.program, total.metric, (total.qualifier.map { $0 + " " } ?? "") + number(total.value),
        total.asOf.description, total.source.url ?? total.source.dataset,
      ]
    }
    return ReportSection(
      id: "totals", title: "Official program totals (as reported, with sources)",
      blocks: [
        .table(ReportTable(headers: ["Program", "Metric", "Value", "As of", "Source"], rows: rows)),
        .paragraph("Official totals are rounded cumulative snapshots; they are kept apart from sums of event records."),
      ])
  }

  static func number(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? NumberText.integer(Int(value)) : NumberText.decimal(value, places: 1, grouping: false)
  }

  static func unquote(_ json: String?) -> String? {
    guard let json, json.hasPrefix("\""), json.hasSuffix("\""), json.count >= 2 else { return json }
    return String(json.dropFirst().dropLast())
  }
}
