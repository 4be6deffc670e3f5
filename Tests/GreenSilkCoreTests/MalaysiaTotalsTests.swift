import Foundation
import Testing

@testable import GreenSilkCore

/// Every total over the real Malaysia file (issue 12), against sums this
/// test computes itself from the CSV as CSV.swift reads it, with the
/// default scope (records recommended for aggregates) and with
/// `--all-in-totals` (every record).
@Suite struct MalaysiaTotalsTests {
  /// What the test knows of one CSV row, read by column name.
  struct Row {
    var id: String
    var recommended: Bool
    var status: String
    var umbrella: Bool
    var title: String
    var usd: Double?
    var estimated: Bool
  }

  /// The oracle: the CSV through CSV.swift, column by name.
  static func rows() throws -> [Row] {
    let table = try ImportFixtures.malaysiaTable()
    func column(_ name: String) throws -> Int { try #require(table.header.firstIndex(of: name), "column \(name)") }
    let id = try column("AidData Record ID")
    let recommended = try column("Recommended For Aggregates")
    let status = try column("Status")
    let umbrella = try column("Umbrella")
    let title = try column("Title")
    let constant = try column("Amount (Constant USD 2021)")
    let adjusted = try column("Adjusted Amount (Constant USD 2021)")
    let estimated = try column("Amount Estimated")
    return table.rows.map { row in
      let trimmed = { (i: Int) in row[i].trimmingCharacters(in: .whitespaces) }
      // AidData aggregates the adjusted amount; where a row has none, its
      // constant amount (DECISIONS.md, "What the totals count").
      let usd = Double(trimmed(adjusted)) ?? Double(trimmed(constant))
      return Row(
        id: trimmed(id), recommended: trimmed(recommended) == "Yes", status: trimmed(status),
        umbrella: trimmed(umbrella) == "Yes", title: trimmed(title), usd: usd, estimated: trimmed(estimated) == "Yes")
    }
  }

  /// GCDF status → stage, written out here rather than taken from the
  /// mapper.
  static let stageOfStatus: [String: Stage] = [
    "Pipeline: Pledge": .concept, "Pipeline: Commitment": .screening, "Implementation": .implementation,
    "Completion": .closed, "Cancelled": .cancelled, "Suspended": .suspended,
  ]

  /// Only the Malaysia projects: the reference tables of the shipped
  /// data, no sample records.
  static func imported() throws -> DataSet {
    let dir = try ShippedDataCopy(withRecords: false)
    try dir.store.write(try dir.store.planAidData(try ImportFixtures.malaysiaBytes()))
    return try dir.store.load().dataSet
  }

  static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= max(1, abs(b)) * 1e-9 }

  @Test func theOracleSeesWhatTheIssueMeasured() throws {
    let rows = try Self.rows()
    #expect(rows.count == 176)
    #expect(rows.filter(\.recommended).count == 162)
    let excluded = rows.filter { !$0.recommended }
    #expect(excluded.filter { $0.umbrella }.count == 2)
    #expect(excluded.filter { !$0.umbrella && $0.status == "Pipeline: Pledge" }.count == 10)
    #expect(excluded.filter { $0.status == "Cancelled" }.count == 2)
    let counted = rows.filter(\.recommended).compactMap(\.usd).reduce(0, +)
    #expect((16.0e9...16.02e9).contains(counted), "adjusted, recommended rows: \(counted)")
  }

  @Test(arguments: TotalsScope.allCases)
  func portfolioTotalsMatchTheCSV(scope: TotalsScope) throws {
    let rows = try Self.rows()
    let data = try Self.imported()
    let portfolio = Portfolio(data, today: Day(year: 2026, month: 12, day: 1)!, scope: scope)
    let counted = rows.filter { scope == .everything || $0.recommended }
    let usd = counted.compactMap(\.usd).reduce(0, +)
    let left = rows.filter { !$0.recommended }

    #expect(portfolio.projectCount == counted.count)
    #expect(Self.close(portfolio.budgetUSD, usd), "budget \(portfolio.budgetUSD) vs CSV \(usd)")
    #expect(portfolio.notInTotalsCount == left.count)
    #expect(Self.close(portfolio.notInTotalsUSD, left.compactMap(\.usd).reduce(0, +)))
    let estimated = counted.filter(\.estimated).compactMap(\.usd).reduce(0, +)
    #expect(Self.close(portfolio.estimatedUSD, estimated), "estimated \(portfolio.estimatedUSD) vs CSV \(estimated)")
    for stage in Stage.allCases {
      let expected = counted.filter { Self.stageOfStatus[$0.status] == stage }.count
      #expect(portfolio.count(stage) == expected, "\(stage)")
    }
    // Malaysia is on one corridor (CICPEC): every counted project, every dollar.
    let cicpec = try #require(portfolio.corridors.first { $0.code == .cicpec })
    #expect(cicpec.projectCount == counted.count)
    #expect(Self.close(cicpec.budgetUSD, usd))
    for corridor in portfolio.corridors where corridor.code != .cicpec {
      #expect(corridor.projectCount == 0 && corridor.budgetUSD == 0)
    }
    #expect(portfolio.byLight.total == counted.count)
    // By instrument: every tranche is a loan, a grant or other; together
    // they cover every counted dollar of projects with an amount in the
    // original currency.
    let instruments = portfolio.budgetByInstrumentUSD.values.reduce(0, +)
    #expect(instruments <= portfolio.budgetUSD * (1 + 1e-9))
  }

  @Test func eachExcludedRecordSaysWhy() throws {
    let rows = try Self.rows()
    let data = try Self.imported()
    for row in rows {
      let project = try #require(data.project(id: "AIDDATA-" + row.id))
      #expect(project.countsInTotals == row.recommended, "\(row.id)")
      guard !row.recommended else { continue }
      let expected: TotalsExclusion =
        row.umbrella ? .umbrella : row.status == "Pipeline: Pledge" ? .pledge : row.status == "Cancelled" ? .cancelledPortion : .superseded
      #expect(project.notInTotals == expected, "\(row.id)")
      #expect(project.notInTotalsNote?.contains("Recommended For Aggregates = No") == true)
    }
    // The East Coast Rail Link's cancelled portion and its pledge.
    #expect(data.project(id: "AIDDATA-73473")?.notInTotalsText == "not in totals: cancelled portion (AidData GCDF 3.0: Recommended For Aggregates = No; parent record 1892)")
    #expect(data.project(id: "AIDDATA-49309")?.notInTotals == .pledge)
    // 96203: adjusted 0.0 against USD 1.02 bn: the adjusted amount counts.
    let swap = try #require(data.project(id: "AIDDATA-96203")?.budget)
    #expect(swap.adjustedUSD == 0 && swap.countedUSD == 0 && (swap.amountUSD ?? 0) > 1e9)
  }

  @Test func estimatedFlagsAreCarried() throws {
    let data = try Self.imported()
    let table = try ImportFixtures.malaysiaTable()
    let id = try #require(table.header.firstIndex(of: "AidData Record ID"))
    let flags: [(String, (Project) -> Bool)] = [
      ("Amount Estimated", { $0.budget?.amountEstimated == true }),
      ("Commitment Date Estimated", { $0.dates.commitmentEstimated }),
      ("Actual Implementation Start Date Estimated", { $0.dates.actualStartEstimated }),
      ("Actual Completion Date Estimated", { $0.dates.actualEndEstimated }),
    ]
    for (column, isFlagged) in flags {
      let index = try #require(table.header.firstIndex(of: column))
      let yes = Set(table.rows.filter { $0[index] == "Yes" }.map { "AIDDATA-" + $0[id] })
      let flagged = Set(data.projects.filter(isFlagged).map(\.id))
      #expect(flagged == yes, "\(column)")
      #expect(!yes.isEmpty)
    }
  }

  @Test(arguments: TotalsScope.allCases)
  func reportAndExportSummarySayTheSame(scope: TotalsScope) throws {
    let rows = try Self.rows()
    let data = try Self.imported()
    let counted = rows.filter { scope == .everything || $0.recommended }
    let usd = "USD " + NumberText.money(counted.compactMap(\.usd).reduce(0, +))
    let report = ReportBuilder.build(data, audit: [], options: ReportOptions(asOf: Day(year: 2026, month: 12, day: 1)!, totals: scope))
    let caption = scope == .eligible ? "counted records only" : "ALL records"
    for (format, text) in [
      ("text", TextReportRenderer.text(report)), ("markdown", TextReportRenderer.markdown(report)),
      ("json", JSONReportRenderer.json(report)), ("html", HTMLReportRenderer.html(report)),
    ] {
      #expect(text.contains(usd), "\(format): \(usd)")
      #expect(text.contains(caption), "\(format): \(caption)")
      #expect(text.contains("AIDDATA-73473"), "\(format): the excluded records stay listed")
    }
    let summary = ExportSummary(data.projects, scope: scope)
    #expect(summary.exported == 176)
    #expect(summary.counted == counted.count)
    #expect(summary.line.contains(usd), "\(summary.line)")
  }

  /// A data set imported by a GreenSilk from before issue 12 (no derived
  /// fields): re-importing the same file fills them in, rather than taking
  /// their absence for local edits, and the totals are right again.
  @Test func reimportFillsInWhatAnOlderImportLacked() throws {
    let dir = try ShippedDataCopy(withRecords: false)
    try dir.store.write(try dir.store.planAidData(try ImportFixtures.malaysiaBytes()))
    let derived = ["not_in_totals", "not_in_totals_note", "adjusted_usd", "amount_estimated", "commitment_estimated",
      "actual_start_estimated", "actual_end_estimated"]
    var lines: [String] = []
    for line in String(decoding: try dir.bytes("projects.jsonl"), as: UTF8.self).split(separator: "\n") {
      var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      for key in derived { object[key] = nil }
      for nested in ["budget", "dates"] {
        if var inner = object[nested] as? [String: Any] {
          for key in derived { inner[key] = nil }
          object[nested] = inner
        }
      }
      lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
    }
    try dir.write("projects.jsonl", Array((lines.joined(separator: "\n") + "\n").utf8))
    let old = try dir.store.load().dataSet
    #expect(old.projects.allSatisfy { $0.countsInTotals && !AidDataDerivedFields.hasAny($0) })

    let plan = try dir.store.planAidData(try ImportFixtures.malaysiaBytes())
    #expect(plan.problems.isEmpty)
    try dir.store.write(plan)
    let data = try dir.store.load().dataSet
    let rows = try Self.rows()
    #expect(data.projects.filter { !$0.countsInTotals }.count == rows.filter { !$0.recommended }.count)
    let portfolio = Portfolio(data, today: Day(year: 2026, month: 12, day: 1)!)
    #expect(Self.close(portfolio.budgetUSD, rows.filter(\.recommended).compactMap(\.usd).reduce(0, +)))
    // A second re-import changes nothing.
    #expect(try dir.store.planAidData(try ImportFixtures.malaysiaBytes()).changes.isEmpty)
  }
}
