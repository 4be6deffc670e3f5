import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@testable import GreenSilkCore

/// The monitoring report in its four forms.
@Suite struct ReportTests {
  static let asOf = Day("2026-11-20")!

  /// The shipped data set (data/), read as `greensilk report` reads it.
  func shipped() throws -> DataSet {
    let store = FileStore(directory: ImportFixtures.repositoryRoot.appendingPathComponent("data").path, readOnly: true)
    let loaded = try store.load()
    #expect(loaded.issues.isEmpty)
    return loaded.dataSet
  }

  func report(_ data: DataSet, audit: [AuditEntry] = [], corridor: CorridorCode? = nil) -> ReportDocument {
    ReportBuilder.build(data, audit: audit, options: ReportOptions(asOf: Self.asOf, corridor: corridor))
  }

  @Test func textSnapshotOfTheShippedData() throws {
    try ReportSnapshot.assertMatches(TextReportRenderer.text(report(try shipped())), suite: "ReportTests", name: "shipped.txt")
  }

  @Test func markdownSnapshotOfTheShippedData() throws {
    try ReportSnapshot.assertMatches(
      TextReportRenderer.markdown(report(try shipped())), suite: "ReportTests", name: "shipped.md")
  }

  @Test func markdownSnapshotOfOneCorridor() throws {
    try ReportSnapshot.assertMatches(
      TextReportRenderer.markdown(report(try shipped(), corridor: .cicpec)), suite: "ReportTests", name: "shipped-cicpec.md")
  }

  @Test func htmlIsWellFormedWithOneSVGPerChart() throws {
    let document = report(try shipped())
    let html = HTMLReportRenderer.html(document)
    try expectWellFormedXML(html)
    let charts = document.sections.flatMap(\.blocks).filter { block in
      switch block {
      case .bars, .line: true
      case .paragraph, .table: false
      }
    }
    #expect(charts.count >= 3)
    #expect(html.components(separatedBy: "<svg ").count - 1 == charts.count)
    #expect(html.components(separatedBy: "</svg>").count - 1 == charts.count)
    #expect(html.contains("<polyline"))
    #expect(html.contains("class=\"bar tone-stage-implementation\""))
    #expect(html.contains("class=\"bar tone-light-red\""))
    #expect(html.contains("@page { size: A4"))
    // Self-contained: no scripts, no external resources.
    for forbidden in ["<script", "<link", "<img", "src=", "@import", "url(", "http-equiv"] {
      #expect(!html.contains(forbidden), "\(forbidden)")
    }
    for section in document.sections { #expect(html.contains("<section id=\"\(section.id)\">")) }
  }

  @Test func hostileTextIsEscapedInEveryForm() throws {
    let dir = try TempDataDirectory()
    var data = try dir.store.load().dataSet
    let title = "<script>alert(\"x\")</script> & Co \u{1B}[31mRED\u{7}|*_"
    var project = try #require(data.project(id: "P-0002"))
    project.title = title
    project.stage = .implementation
    project.screening.climate = .significantIrreversible
    project.milestones = [Milestone(title: "Permit \u{1B}]0;pwned\u{7} <b>", due: Day("2026-01-01")!)]
    data.upsert(project)
    data.meta.title = "Office <data> & more"
    let document = report(data)

    let html = HTMLReportRenderer.html(document)
    try expectWellFormedXML(html)
    #expect(!html.contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co ␛[31mRED␇"))
    #expect(html.contains("Permit ␛]0;pwned␇ &lt;b&gt;"))
    #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })

    let text = TextReportRenderer.text(document)
    #expect(text.contains("Permit ␛]0;pwned␇ <b>"))
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })

    let markdown = TextReportRenderer.markdown(document)
    #expect(markdown.contains("\\<script\\>"))
    #expect(markdown.contains("␛\\[31mRED␇\\|\\*\\_"))
    #expect(!markdown.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })

    let json = JSONReportRenderer.json(document)
    try JSONReader.withReader(json) { reader in
      try reader.skipValue()
      try reader.expectEnd()
    }
  }

  @Test func stageMovementsComeFromTheAuditLog() throws {
    let data = try shipped()
    let id = try #require(data.projects.first { $0.stage == .implementation }?.id)
    func entry(_ day: String, _ old: String?, _ new: String) -> AuditEntry {
      AuditEntry(
        at: Timestamp(day + "T09:00:00Z")!, user: UserIdentity(login: "desk"), action: "stage", file: .projects, id: id,
        revision: 2, changes: [FieldChange(field: "stage", old: old.map { "\"\($0)\"" }, new: "\"\(new)\"")])
    }
    let audit = [
      entry("2025-12-31", "approved", "implementation"),  // before the period
      entry("2026-03-02", "screening", "approved"),
      entry("2026-06-15", "approved", "implementation"),
      entry("2026-12-01", "implementation", "finalisation"),  // after --as-of
    ]
    let section = try #require(report(data, audit: audit).sections.first { $0.id == "movements" })
    #expect(section.title == "Stage movements since 2026-01-01")
    let tables = section.blocks.compactMap { block -> ReportTable? in
      if case .table(let table) = block { return table }
      return nil
    }
    #expect(tables.first?.rows == [["screening", "approved", "1"], ["approved", "implementation", "1"]])
    #expect(tables.last?.rows.map { $0[0] } == ["2026-03-02", "2026-06-15"])
  }

  func expectWellFormedXML(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let parser = XMLParser(data: Data(text.utf8))
    let ok = parser.parse()
    #expect(ok, "line \(parser.lineNumber): \(String(describing: parser.parserError))", sourceLocation: sourceLocation)
  }
}
