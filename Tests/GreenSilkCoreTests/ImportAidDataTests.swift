import Foundation
import Testing

@testable import GreenSilkCore

/// `greensilk import aiddata` on the real Malaysia file (a copy under
/// Fixtures/aiddata with its NOTICE).
@Suite struct ImportAidDataTests {
  @Test func everyRowIsImportedOrReported() throws {
    let dir = try ShippedDataCopy()
    let plan = try dir.store.planAidData(try ImportFixtures.malaysiaBytes())
    let table = try ImportFixtures.malaysiaTable()
    let withID = table.rows.filter { !$0[0].trimmingCharacters(in: .whitespaces).isEmpty }
    #expect(table.header.count == 126)
    #expect(plan.summary.rowsRead == table.rows.count)
    #expect(plan.problems.isEmpty, "\(plan.problems)")
    #expect(plan.summary.created == withID.count)
    #expect(plan.summary.created + plan.summary.updated + plan.summary.unchanged + plan.summary.skipped == plan.summary.rowsRead)
    #expect(plan.summary.byCorridor.map(\.corridor) == [.cicpec])
    let statuses = Dictionary(uniqueKeysWithValues: plan.summary.byStatus.map { ($0.status, $0.count) })
    #expect(statuses == ["Completion": 125, "Pipeline: Commitment": 20, "Implementation": 18, "Pipeline: Pledge": 11, "Cancelled": 2])
    // One entry for the whole import (issue 13): the counts, no changes.
    #expect(plan.audit.count == 1)
    #expect(plan.audit.allSatisfy { $0.action == "import" && $0.changes.isEmpty })
  }

  @Test func record96203FieldByField() throws {
    let project = try importedMalaysia()["AIDDATA-96203"]
    let p = try #require(project)
    #expect(p.title == "BNM makes RMB 6.55 billion drawdown under currency swap agreement with PBOC in 2021 (Linked to Project ID#96202)")
    #expect(p.summary.hasPrefix("On February 8, 2009, Bank Negara Malaysia (BNM) — Malaysia’s central bank — and the People’s Bank of China"))
    #expect(p.stage == .closed)
    #expect(p.statusRaw == "Completion")
    #expect(p.stageReason == nil)
    #expect(p.countries == [CountryCode("MYS")!])
    #expect(p.corridors == [.cicpec])
    #expect(p.sector == Sector(code: "240", name: "BANKING AND FINANCIAL SERVICES"))
    #expect(p.flowType == "Loan")
    #expect(p.flowClass == "OOF-like")
    #expect(p.financialDistress == false)
    #expect(p.budget?.currency == "CNY")
    #expect(p.budget?.amount == 6_558_437_637)
    #expect(p.budget?.amountUSD == 1_016_812_036.74418)
    #expect(p.budget?.usdBasis == "constant 2021 USD (AidData GCDF 3.0)")
    #expect(p.budget?.financing == [Financing(instrument: .loan, amount: 6_558_437_637, provider: "People's Bank of China (PBC)")])
    // AidData marks the 2021-01-01 commitment date as its estimate.
    var dates = ProjectDates(commitment: Day("2021-01-01"))
    dates.commitmentEstimated = true
    #expect(p.dates == dates)
    // Adjusted to 0.0: what the totals add (issue 12).
    #expect(p.budget?.adjustedUSD == 0 && p.budget?.countedUSD == 0 && p.budget?.amountEstimated == false)
    #expect(p.countsInTotals)
    #expect(
      p.partners == [
        Partner(name: "People's Bank of China (PBC)", role: .funding, kind: "Government Agency"),
        Partner(name: "Bank Negara Malaysia", role: .implementing, kind: "Recipient State-owned Bank"),
      ])
    #expect(
      p.source
        == SourceRef(
          dataset: "aiddata-gcdf-3.0", recordID: "96203",
          url: "https://www.caixinglobal.com/upload/PBOC-2020-RMB-International-Report.pdf", asOf: Day("2023-11-06")))
    #expect(p.screening == .notAssessed)
    #expect(p.delivery == .notAssessed)
    #expect(p.area == nil && !p.isKeyProject)
    #expect(p.imported?.value("Collateral") == "BNM deposit of MYR 4,416,000,000 in a bank account accessible to the PBOC")
    #expect(p.imported?.value("Adjusted Amount (Constant USD 2021)") == "0.0")
  }

  @Test func recordWithoutAmountAndWithPlainGrant() throws {
    let p = try #require(try importedMalaysia()["AIDDATA-96082"])
    #expect(p.budget == nil)
    #expect(p.stage == .closed)
    #expect(p.flowType == "Grant" && p.flowClass == "ODA-like")
    #expect(p.sector == Sector(code: "520", name: "DEVELOPMENTAL FOOD AID/FOOD SECURITY ASSISTANCE"))
    #expect(p.partners == [Partner(name: "Chinese Embassy", role: .funding, kind: "Government Agency")])
    var dates = ProjectDates(actualEnd: Day("2021-04-28"), commitment: Day("2021-01-01"))
    dates.commitmentEstimated = true
    #expect(p.dates == dates)
    #expect(p.source.url == "http://my.china-embassy.gov.cn/chn/sgxw/202104/t20210429_8919483.htm")
  }

  @Test func cancelledRecordCarriesItsReason() throws {
    let p = try #require(try importedMalaysia()["AIDDATA-73473"])
    #expect(p.stage == .cancelled)
    #expect(p.statusRaw == "Cancelled")
    #expect(p.stageReason == "Cancelled according to AidData GCDF 3.0 (record 73473)")
    #expect(p.budget?.currency == "MYR")
    #expect(p.budget?.amount == 39_100_000_000)
    #expect(p.budget?.amountUSD == 10_566_869_581.498)
    var dates = ProjectDates(actualStart: Day("2017-08-09"), plannedEnd: Day("2024-06-30"), commitment: Day("2018-01-01"))
    dates.commitmentEstimated = true
    #expect(p.dates == dates)
    #expect(p.notInTotals == .cancelledPortion)
    #expect(
      p.partners == [
        Partner(name: "Export-Import Bank of China (China Eximbank)", role: .funding, kind: "State-owned Policy Bank"),
        Partner(name: "China Communications Construction Co., Ltd. (CCCC)", role: .implementing, kind: "Chinese State-owned Company"),
        Partner(name: "Malaysia Ministry of Finance", role: .guarantor, kind: "Recipient Government Agency"),
      ])
    #expect(RecordRules.check(p).isEmpty)
  }

  @Test func syndicatedLoanWithInsurerAndPlannedDates() throws {
    let p = try #require(try importedMalaysia()["AIDDATA-62336"])
    #expect(p.stage == .closed)
    #expect(
      p.dates
        == ProjectDates(
          plannedStart: Day("2016-06-02"), actualStart: Day("2014-12-23"), plannedEnd: Day("2017-12-31"),
          actualEnd: Day("2018-05-08"), commitment: Day("2015-11-01")))
    #expect(p.partners.filter { $0.role == .funding }.map(\.name) == [
      "Agricultural Bank of China (ABC)", "China Construction Bank Corporation (CCB)", "Export-Import Bank of China (China Eximbank)",
    ])
    #expect(p.partners.filter { $0.role == .funding }.map(\.kind) == ["State-owned Commercial Bank", "State-owned Commercial Bank", "State-owned Policy Bank"])
    #expect(p.partners.last == Partner(name: "China Export & Credit Insurance Corporation (Sinosure)", role: .insurer, kind: "Chinese State-owned Company"))
    #expect(p.budget?.currency == "USD" && p.budget?.amount == 664_000_000 && p.budget?.amountUSD == 745_190_978.200424)
  }

  @Test func pledgeIsAConceptAndCommitmentIsScreening() throws {
    let projects = try importedMalaysia()
    let pledge = try #require(projects["AIDDATA-49309"])
    #expect(pledge.stage == .concept)
    #expect(pledge.statusRaw == "Pipeline: Pledge")
    #expect(pledge.partners.contains(Partner(name: "Government of Malaysia", role: .guarantor, kind: "Recipient Government Agency")))
    #expect(pledge.dates.plannedEnd == Day("2026-12-31"))
    // A tab inside a field survives untouched in the source columns.
    #expect(pledge.imported?.value("Source Titles")?.contains("\t") == true)
    let commitments = projects.values.filter { $0.statusRaw == "Pipeline: Commitment" }
    #expect(commitments.count == 20)
    #expect(commitments.allSatisfy { $0.stage == .screening })
  }

  @Test func coFinancingAgenciesArePartnersToo() throws {
    let p = try #require(try importedMalaysia()["AIDDATA-89494"])
    let cofinanciers = p.partners.filter { $0.kind?.hasSuffix("(co-financing)") == true }
    #expect(cofinanciers.first == Partner(name: "AmBank Group", role: .funding, kind: "Other Private Sector (co-financing)"))
    #expect(cofinanciers.count > 5)
    #expect(p.partners.first == Partner(name: "Bank of China (BOC)", role: .funding, kind: "State-owned Commercial Bank"))
    #expect(p.partners.filter { $0.role == .guarantor }.map(\.name) == ["Petroliam Nasional Berhad (Petronas)", "Saudi Aramco (Saudi Arabian Oil Group)"])
    #expect(p.stage == .implementation)
  }

  @Test func all126OriginalValuesAreRetrievable() throws {
    let projects = try importedMalaysia()
    let table = try ImportFixtures.malaysiaTable()
    #expect(table.header.contains("Supplier’s Credit/Export Seller’s Credit"))
    for row in table.rows {
      let project = try #require(projects["AIDDATA-" + row[0]])
      let columns = try #require(project.imported).columns()
      #expect(columns.count == 126)
      #expect(columns.map(\.header) == table.header)
      #expect(columns.map(\.value) == row, "record \(row[0])")
    }
    // The zero-width spaces NOTICE.md describes survive too.
    #expect(projects["AIDDATA-90741"]?.imported?.value("Staff Comments")?.contains("\u{200B}") == true)
  }

  @Test func secondImportChangesNothing() throws {
    let dir = try ShippedDataCopy()
    let bytes = try ImportFixtures.malaysiaBytes()
    try dir.store.write(try dir.store.planAidData(bytes))
    let projects = try dir.bytes("projects.jsonl")
    let meta = try dir.bytes("dataset.json")
    let audit = try AuditLog.read(dir.store).entries
    #expect(audit.count == 1)
    let sources = try dir.store.sourceRows.partNames().map { try dir.bytes("sources/" + $0) }
    let again = try dir.store.planAidData(bytes)
    #expect(again.changes.isEmpty)
    #expect(again.notes.isEmpty)
    #expect(again.meta == nil)
    #expect(again.summary.unchanged == 176 && again.summary.created == 0 && again.summary.updated == 0)
    try dir.store.write(again)
    #expect(try dir.bytes("projects.jsonl") == projects)
    #expect(try dir.bytes("dataset.json") == meta)
    #expect(try AuditLog.read(dir.store).entries == audit)
    #expect(try dir.store.sourceRows.partNames().map { try dir.bytes("sources/" + $0) } == sources)
  }

  @Test func metadataGainsTheAttributionOnceAndALabel() throws {
    let dir = try ShippedDataCopy()
    try dir.store.write(try dir.store.planAidData(try ImportFixtures.malaysiaBytes()))
    let meta = try dir.store.load().dataSet.meta
    #expect(meta.label == .mixed)
    #expect(meta.attributions.filter { $0.contains("ODC-By") && $0.contains("AidData") }.count == 1)
    #expect(meta.attributions.last?.contains("Tracking Chinese Development Finance") == true)

    let empty = try ShippedDataCopy(withRecords: false)
    try empty.store.write(try empty.store.planAidData(try ImportFixtures.malaysiaBytes()))
    #expect(try empty.store.load().dataSet.meta.label == .real)
  }

  @Test func locallyEditedFieldSurvivesAReimport() throws {
    let dir = try ShippedDataCopy()
    let bytes = try ImportFixtures.malaysiaBytes()
    try dir.store.write(try dir.store.planAidData(bytes))
    var edited = try #require(try dir.store.load().dataSet.project(id: "AIDDATA-96203"))
    edited.title = "Currency swap drawdown (office wording)"
    edited.screening.pollution = .neutralMitigable
    try dir.store.save(edited, expecting: edited.revision)

    // The same file: nothing changes, the edit is reported and kept.
    let same = try dir.store.planAidData(bytes)
    #expect(same.changes.isEmpty)
    #expect(same.notes == ["AIDDATA-96203: field title edited locally since the last import; kept the local value"])

    // A newer file that changes the edited title, another field of the
    // same record, and another record.
    var lines = try AidDataText.lines()
    let i96203 = try #require(lines.firstIndex { $0.hasPrefix("96203,") })
    let i96082 = try #require(lines.firstIndex { $0.hasPrefix("96082,") })
    lines[i96203] = try AidDataText.replacing("Title", with: "BNM drawdown, revised by AidData", in: lines[i96203])
    lines[i96203] = try AidDataText.replacing("Flow Class", with: "ODA-like", in: lines[i96203])
    lines[i96082] = try AidDataText.replacing("Status", with: "Implementation", in: lines[i96082])
    let newer = Array(([try AidDataText.header()] + lines).joined(separator: "\n").utf8) + [0x0A]
    let plan = try dir.store.planAidData(newer)
    #expect(plan.summary.updated == 2)
    #expect(plan.summary.unchanged == 174)
    #expect(plan.notes == ["AIDDATA-96203: field title edited locally since the last import; kept the local value"])
    try dir.store.write(plan)
    let data = try dir.store.load().dataSet
    let kept = try dir.store.attachingSourceRows([try #require(data.project(id: "AIDDATA-96203"))])[0]
    #expect(kept.title == "Currency swap drawdown (office wording)")
    #expect(kept.flowClass == "ODA-like")
    #expect(kept.screening.pollution == .neutralMitigable)
    #expect(kept.imported?.value("Title") == "BNM drawdown, revised by AidData")
    #expect(kept.revision == edited.revision + 2)
    let moved = try #require(data.project(id: "AIDDATA-96082"))
    #expect(moved.stage == .implementation && moved.statusRaw == "Implementation")
    let audit = try AuditLog.read(dir.store).entries.filter { $0.id == "AIDDATA-96082" }
    #expect(audit.last?.changes.map(\.field) == ["stage", "status_raw"])
  }

  /// Both re-import paths (the same source row, and a changed one) must
  /// see a local edit in every field the import owns.
  @Test func everyOwnedFieldEditedLocallyIsKept() throws {
    let dir = try ShippedDataCopy()
    let bytes = try ImportFixtures.malaysiaBytes()
    try dir.store.write(try dir.store.planAidData(bytes))
    let original = try #require(try dir.store.load().dataSet.project(id: "AIDDATA-73473"))
    var edited = original
    edited.title = "t"
    edited.summary = "s"
    edited.corridors = [.cpec]
    edited.countries = [CountryCode("PAK")!]
    edited.partners = []
    edited.stage = .suspended
    edited.stageReason = "r"
    edited.statusRaw = "x"
    edited.budget?.amount = 1
    edited.dates.plannedEnd = Day("2030-01-01")
    edited.sector = Sector(code: "1", name: "n")
    edited.flowType = "f"
    edited.flowClass = "c"
    edited.financialDistress = true
    edited.source.url = "https://example.org"
    try dir.store.save(edited, expecting: original.revision)
    let expected = [
      "title", "summary", "corridors", "countries", "partners", "stage", "stage_reason", "status_raw", "budget.amount",
      "dates.planned_end", "sector.code", "sector.name", "flow_type", "flow_class",
      "financial_distress", "source.url",
    ].map { "AIDDATA-73473: field \($0) edited locally since the last import; kept the local value" }

    let same = try dir.store.planAidData(bytes)
    #expect(same.changes.isEmpty)
    #expect(same.notes.sorted() == expected.sorted())

    var lines = try AidDataText.lines()
    let index = try #require(lines.firstIndex { $0.hasPrefix("73473,") })
    lines[index] = try AidDataText.replacing("Staff Comments", with: "Updated comment.", in: lines[index])
    let newer = Array(([try AidDataText.header()] + lines).joined(separator: "\n").utf8) + [0x0A]
    let plan = try dir.store.planAidData(newer)
    #expect(plan.summary.updated == 1)
    #expect(plan.notes.sorted() == expected.sorted())
    try dir.store.write(plan)
    let after = try dir.store.attachingSourceRows([try #require(try dir.store.load().dataSet.project(id: "AIDDATA-73473"))])[0]
    #expect(after.imported?.value("Staff Comments") == "Updated comment.")
    #expect(RecordFields.changes(from: edited, to: after).map(\.field) == ["imported"])
  }

  @Test func aLocalProjectWithAnAidDataIDIsNotOverwritten() throws {
    let dir = try ShippedDataCopy()
    try dir.store.save(Project(id: "AIDDATA-96203", title: "Typed by hand", source: SourceRef(dataset: "local")), expecting: nil)
    let plan = try dir.store.planAidData(try ImportFixtures.malaysiaBytes())
    #expect(plan.summary.skipped == 1)
    #expect(plan.problems.first?.reason.contains("was not imported from AidData") == true)
    #expect(plan.summary.created == 175)
  }

  /// The Malaysia file imported into a copy of the shipped data, by id.
  func importedMalaysia() throws -> [String: Project] {
    let dir = try ShippedDataCopy()
    try dir.store.write(try dir.store.planAidData(try ImportFixtures.malaysiaBytes()))
    // The source columns come from the sidecar (sources/).
    let projects = try dir.store.attachingSourceRows(try dir.store.load().dataSet.projects.filter { $0.id.hasPrefix("AIDDATA-") })
    return Dictionary(uniqueKeysWithValues: projects.map { ($0.id, $0) })
  }
}
