/// Turns one AidData GCDF 3.0 row into a project (DECISIONS.md, "AidData
/// import"). Pure: the same values always give the same project, which
/// is what lets a re-import recompute what the previous import produced
/// and so tell local edits apart from changes in the source.
struct AidDataMapper: Sendable {
  static let dataset = "aiddata-gcdf-3.0"
  /// GCDF 3.0's publication date (domain.md §2.2).
  static let asOf = Day(year: 2023, month: 11, day: 6) ?? Day(daysSinceEpoch: 19_667)
  static let usdBasis = "constant 2021 USD (AidData GCDF 3.0)"

  /// Countries of the data set (`countries.jsonl`).
  let countries: Set<CountryCode>
  /// Each country's corridors, China left out: China lies on every
  /// corridor, so its membership says nothing about where a project is.
  let corridorsOf: [CountryCode: [CorridorCode]]

  init(data: DataSet) {
    countries = Set(data.countries.map(\.code))
    var corridors: [CountryCode: [CorridorCode]] = [:]
    let china = CountryCode("CHN")
    for membership in data.memberships where membership.country != china {
      corridors[membership.country, default: []].append(membership.corridor)
    }
    corridorsOf = corridors.mapValues { Array(Set($0)).sorted() }
  }

  /// The project id for an AidData record id (`AIDDATA-96203`).
  static func projectID(recordID: String) -> String { "AIDDATA-" + recordID }

  /// GCDF `Status` → our stage (DECISIONS.md). A commitment is not
  /// "approved": the office has no environmental screening recorded yet.
  static func stage(forStatus status: String) -> Stage? {
    switch status {
    case "Pipeline: Pledge": .concept
    case "Pipeline: Commitment": .screening
    case "Implementation": .implementation
    case "Completion": .closed
    case "Cancelled": .cancelled
    case "Suspended": .suspended
    default: nil
    }
  }

  static let statuses = [
    "Pipeline: Pledge", "Pipeline: Commitment", "Implementation", "Completion", "Cancelled", "Suspended",
  ]

  /// The record id as written in the file, normalised (`96203.0` →
  /// `96203`), or why it is unusable.
  static func recordID(_ text: String) throws(FieldError) -> String {
    var digits = text.trimmingSpaces()
    if digits.hasSuffix(".0") { digits.removeLast(2) }
    guard !digits.isEmpty else { throw FieldError("no AidData Record ID") }
    guard digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), digits.utf8.count <= 18 else {
      throw FieldError("AidData Record ID \"\(text)\" is not a whole number")
    }
    return digits
  }

  /// The project for one row. `importedAt` and `columns` (all of the
  /// row's columns, in file order) become the project's `imported` record;
  /// without columns there is none (recomputing a previous import).
  func project(
    _ values: AidDataValues, columns: (headers: [String], values: [String])?, importedAt: Timestamp?
  ) throws(FieldError) -> Project {
    let recordID = try Self.recordID(values[.recordID])
    let status = values.trimmed(.status)
    guard let stage = Self.stage(forStatus: status) else {
      throw FieldError(
        "column \"Status\": unknown status \"\(status)\" (expected one of: \(Self.statuses.joined(separator: ", ")))")
    }
    var project = Project(id: Self.projectID(recordID: recordID), title: values.trimmed(.title))
    if project.title.isEmpty { project.title = "AidData record \(recordID) (no title)" }
    project.summary = AidDataSummary.of(description: values[.description])
    project.stage = stage
    project.statusRaw = status
    if stage == .cancelled || stage == .suspended {
      project.stageReason = "\(stage.label) according to AidData GCDF 3.0 (record \(recordID))"
    }

    let iso = values.trimmed(.recipientISO3)
    if !iso.isEmpty {
      guard let code = CountryCode(iso) else {
        throw FieldError("column \"Recipient ISO-3\": \"\(iso)\" is not an ISO 3166-1 alpha-3 code")
      }
      guard countries.contains(code) else {
        throw FieldError("column \"Recipient ISO-3\": unknown country \"\(iso)\" (not in countries.jsonl)")
      }
      project.countries = [code]
      project.corridors = corridorsOf[code] ?? []
    }

    let code = values.trimmed(.sectorCode)
    let name = values.trimmed(.sectorName)
    if !code.isEmpty || !name.isEmpty { project.sector = Sector(code: code, name: name) }
    project.flowType = nonEmpty(values.trimmed(.flowType))
    project.flowClass = nonEmpty(values.trimmed(.flowClass))
    project.financialDistress = try flag(values, .financialDistress)

    for column in [AidDataColumn.commitmentYear, .implementationStartYear, .completionYear] {
      _ = try year(values, column)
    }
    project.dates = ProjectDates(
      plannedStart: try day(values, .plannedStart), actualStart: try day(values, .actualStart),
      plannedEnd: try day(values, .plannedEnd), actualEnd: try day(values, .actualEnd),
      commitment: try day(values, .commitmentDate))
    // AidData's own word that a date is its estimate (a placeholder such
    // as 2021-01-01 for "some time in 2021"); only where there is a date.
    let commitmentEstimated = try flag(values, .commitmentDateEstimated)
    let actualStartEstimated = try flag(values, .actualStartEstimated)
    let actualEndEstimated = try flag(values, .actualEndEstimated)
    project.dates.commitmentEstimated = project.dates.commitment != nil && commitmentEstimated
    project.dates.actualStartEstimated = project.dates.actualStart != nil && actualStartEstimated
    project.dates.actualEndEstimated = project.dates.actualEnd != nil && actualEndEstimated

    project.partners = partners(values)
    project.budget = try budget(values, funder: project.partners.first { $0.role == .funding }?.name)
    if let (reason, note) = try Self.exclusion(values, status: status, title: project.title) {
      project.notInTotals = reason
      project.notInTotalsNote = note
    }

    let url = Self.pipeList(values[.sourceURLs]).first { !$0.isEmpty }
    project.source = SourceRef(dataset: Self.dataset, recordID: recordID, url: url, asOf: Self.asOf)
    // ColumnsJSON's text is canonical already: its digest is taken as it is.
    project.imported = columns.map {
      let text = ColumnsJSON.text(headers: $0.headers, values: $0.values)
      return ImportedRecord(
        dataset: Self.dataset, importedAt: importedAt, digest: SourceRowText.digest(text), columnCount: $0.headers.count,
        columnsJSON: text)
    }
    return project
  }

  /// Why AidData advises against counting the record, or nil when it
  /// counts ("Recommended For Aggregates" Yes, or the column absent).
  /// AidData gives the verdict, not the reason; the reason is read from
  /// the record's other columns, first match wins: an umbrella agreement
  /// (its money is in its child records), a pledge (never committed), a
  /// cancelled portion, a record with a parent (superseded by it).
  static func exclusion(_ values: AidDataValues, status: String, title: String) throws(FieldError) -> (
    TotalsExclusion, String
  )? {
    let verdict = values.trimmed(.recommendedForAggregates)
    switch verdict.lowercased() {
    case "", "yes": return nil
    case "no": break
    default: throw FieldError("column \"Recommended For Aggregates\": \"\(verdict)\" is not Yes or No")
    }
    let parent = values.trimmed(.parentID)
    var note = "AidData GCDF 3.0: Recommended For Aggregates = No"
    if !parent.isEmpty { note += "; parent record \(parent.hasSuffix(".0") ? String(parent.dropLast(2)) : parent)" }
    let reason: TotalsExclusion
    if values.trimmed(.umbrella).lowercased() == "yes" {
      reason = .umbrella
    } else if status == "Pipeline: Pledge" {
      reason = .pledge
    } else if status == "Cancelled" || title.hasPrefix("[Cancelled Portion]") {
      reason = .cancelledPortion
    } else if !parent.isEmpty {
      reason = .superseded
    } else {
      reason = .notRecommended
    }
    return (reason, note)
  }

  // MARK: - Fields

  /// AidData's multi-valued cells: `A|B|C`, each part trimmed (empty
  /// parts kept, so that names and types stay aligned by position).
  static func pipeList(_ text: String) -> [String] {
    if text.isEmpty { return [] }
    return text.utf8.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).map {
      String(Substring($0)).trimmingSpaces()
    }
  }

  func partners(_ values: AidDataValues) -> [Partner] {
    var out: [Partner] = []
    func add(_ names: AidDataColumn, _ types: AidDataColumn, role: PartnerRole, coFinancing: Bool = false) {
      let kinds = Self.pipeList(values[types])
      for (index, name) in Self.pipeList(values[names]).enumerated() {
        guard !name.isEmpty else { continue }
        var kind = index < kinds.count ? nonEmpty(kinds[index]) : nil
        if coFinancing { kind = kind.map { $0 + " (co-financing)" } ?? "co-financing" }
        let partner = Partner(name: name, role: role, kind: kind)
        if !out.contains(where: { $0.name == name && $0.role == role }) { out.append(partner) }
      }
    }
    add(.fundingAgencies, .fundingAgenciesType, role: .funding)
    add(.coFinancingAgencies, .coFinancingAgenciesType, role: .funding, coFinancing: true)
    add(.implementingAgencies, .implementingAgenciesType, role: .implementing)
    add(.guarantor, .guarantorType, role: .guarantor)
    add(.insurer, .insurerType, role: .insurer)
    return out
  }

  func budget(_ values: AidDataValues, funder: String?) throws(FieldError) -> Budget? {
    let original = try amount(values, .amountOriginal)
    let usd = try amount(values, .amountConstantUSD2021)
    guard original != nil || usd != nil else { return nil }
    let currency = values.trimmed(.originalCurrency).uppercased()
    if original != nil {
      guard currency.utf8.count == 3, currency.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
        throw FieldError(
          currency.isEmpty
            ? "column \"Amount (Original Currency)\" has an amount but \"Original Currency\" is empty"
            : "column \"Original Currency\": \"\(currency)\" is not a three-letter ISO 4217 code")
      }
    }
    var budget = Budget(
      currency: original == nil ? "USD" : currency, amount: original, amountUSD: usd,
      usdBasis: usd == nil ? nil : Self.usdBasis)
    budget.adjustedUSD = try amount(values, .adjustedAmountConstantUSD2021)
    budget.amountEstimated = try flag(values, .amountEstimated)
    if let original {
      let instrument: FinancingInstrument
      switch values.trimmed(.flowTypeSimplified).lowercased() {
      case "loan": instrument = .loan
      case "grant": instrument = .grant
      default: instrument = .other
      }
      budget.financing = [Financing(instrument: instrument, amount: original, provider: funder)]
    }
    return budget
  }

  func amount(_ values: AidDataValues, _ column: AidDataColumn) throws(FieldError) -> Double? {
    let text = values.trimmed(column)
    if text.isEmpty { return nil }
    guard let value = Double(text), value.isFinite else {
      throw FieldError("column \"\(column.rawValue)\": \"\(text)\" is not a number")
    }
    guard value >= 0 else { throw FieldError("column \"\(column.rawValue)\": \"\(text)\" is negative") }
    return value
  }

  /// A year, written `2004` or `2004.0`.
  func year(_ values: AidDataValues, _ column: AidDataColumn) throws(FieldError) -> Int? {
    let text = values.trimmed(column)
    if text.isEmpty { return nil }
    guard let value = Double(text), value.isFinite, value.rounded() == value, (1900...2200).contains(value) else {
      throw FieldError("column \"\(column.rawValue)\": \"\(text)\" is not a year")
    }
    return Int(value)
  }

  /// A date: ISO `YYYY-MM-DD` as the files hold, or `MM/DD/YYYY` as the
  /// headers promise.
  func day(_ values: AidDataValues, _ column: AidDataColumn) throws(FieldError) -> Day? {
    let text = values.trimmed(column)
    if text.isEmpty { return nil }
    let slashes = text.split(separator: "/", omittingEmptySubsequences: false)
    if slashes.count == 3 {
      if let month = Int(slashes[0]), let dayOfMonth = Int(slashes[1]), let year = Int(slashes[2]), slashes[2].count == 4,
        let day = Day(year: year, month: month, day: dayOfMonth)
      {
        return day
      }
      throw FieldError("column \"\(column.rawValue)\": \"\(text)\" is not a valid MM/DD/YYYY date")
    }
    do {
      return try Day.parse(text)
    } catch {
      throw FieldError("column \"\(column.rawValue)\": \(error.description)")
    }
  }

  /// `Yes` or empty/`No`.
  func flag(_ values: AidDataValues, _ column: AidDataColumn) throws(FieldError) -> Bool {
    switch values.trimmed(column).lowercased() {
    case "yes", "true", "1": return true
    case "", "no", "false", "0": return false
    default: throw FieldError("column \"\(column.rawValue)\": \"\(values.trimmed(column))\" is not Yes or No")
    }
  }

  private func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}
