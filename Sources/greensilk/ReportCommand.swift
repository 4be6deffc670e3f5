import ArgumentParser
import GreenSilkCore

/// `greensilk report`: the monitoring and mid-term assessment report.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Print the monitoring and mid-term assessment report (Plan §X).",
    discussion: """
      The portfolio by corridor, cooperation area and stage; the traffic-light mix; \
      key projects per area against the plan's counts; stage movements (from the \
      audit log); overdue milestones; red-light and category A projects and their \
      mitigation notes; indicators toward the 2025 and 2030 goals; Green Silk Road \
      Envoys participants by year and country; official program totals with sources.

      Formats: text (for a terminal or e-mail), markdown (text bar charts), json (the \
      same sections as data) and html (one self-contained file with inline SVG charts \
      and print styles for A4; no scripts, no external resources). Fix --as-of to get \
      the same report again from the same data.

      Totals count only records that count in totals (AidData's "Recommended For \
      Aggregates"; records left out by hand): pledges, umbrella agreements, cancelled \
      portions and superseded records are listed apart, not added. --all-in-totals \
      adds them, and every total says so.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, html
  }

  @OptionGroup var data: DataOptions
  @Option(name: .shortAndLong, help: "Output format: text, markdown, json or html.") var format: Format = .text
  @Option(help: ArgumentHelp("Only projects on this corridor (NELB, CMREC, CCWAEC, CICPEC, CPEC, BCIMEC).", valueName: "code"))
  var corridor: String?
  @Option(help: ArgumentHelp("Only projects in this cooperation area (e.g. capacity_building).", valueName: "area"))
  var area: String?
  @Option(name: .customLong("as-of"), help: ArgumentHelp("Report as of this date (default: today).", valueName: "YYYY-MM-DD"))
  var asOf: String?
  @Option(help: ArgumentHelp("List stage movements from this date (default: 1 January of the as-of year).", valueName: "YYYY-MM-DD"))
  var since: String?
  @OptionGroup var totals: TotalsOptions

  func validate() throws {
    if let corridor, CorridorCode(rawValue: corridor.uppercased()) == nil {
      throw ValidationError("unknown corridor \"\(corridor)\" (expected one of: \(CorridorCode.acceptedValues))")
    }
    if let area, CooperationArea(rawValue: area) == nil {
      throw ValidationError("unknown cooperation area \"\(area)\" (expected one of: \(CooperationArea.acceptedValues))")
    }
    for (name, value) in [("--as-of", asOf), ("--since", since)] {
      if let value {
        do { _ = try Day.parse(value) } catch { throw ValidationError("\(name): \(error)") }
      }
    }
  }

  func run() throws {
    try failing {
      let (store, result) = try data.load(readOnly: true, warn: true)
      let audit = (try? AuditLog.read(store).entries) ?? []
      let options = ReportOptions(
        asOf: asOf.flatMap { Day($0) } ?? Day.today(),
        corridor: corridor.flatMap { CorridorCode(rawValue: $0.uppercased()) },
        area: area.flatMap { CooperationArea(rawValue: $0) },
        since: since.flatMap { Day($0) }, totals: totals.scope)
      let report = ReportBuilder.build(result.dataSet, audit: audit, options: options)
      switch format {
      case .text: FileHandleOutput.standardOutput.write(TextReportRenderer.text(report))
      case .markdown: FileHandleOutput.standardOutput.write(TextReportRenderer.markdown(report))
      case .json: FileHandleOutput.standardOutput.write(JSONReportRenderer.json(report))
      case .html: FileHandleOutput.standardOutput.write(HTMLReportRenderer.html(report))
      }
    }
  }
}
