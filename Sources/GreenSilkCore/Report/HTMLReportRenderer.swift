/// The HTML form of a report: one self-contained file (inline CSS and
/// inline SVG charts; no scripts, no external fonts or images) that reads
/// on screen and prints on A4. It is also well-formed XML (XHTML
/// polyglot), so that ordinary XML tools can check and process it.
///
/// Every piece of data text is escaped; control characters (which XML
/// cannot carry) and bidi controls (which would reorder what a reader
/// sees) are shown as visible pictures (`ControlCharacters`).
public enum HTMLReportRenderer {
  public static func html(_ report: ReportDocument) -> String {
    var out = """
      <!DOCTYPE html>
      <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
      <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <title>\(escape(report.title))</title>
      <style>
      \(stylesheet)</style>
      </head>
      <body>
      <header>
      <h1>\(escape(report.title))</h1>

      """
    if !report.subtitle.isEmpty {
      out += "<ul class=\"subtitle\">\n"
      for line in report.subtitle { out += "<li>\(escape(line))</li>\n" }
      out += "</ul>\n"
    }
    out += "</header>\n<nav>\n<h2>Contents</h2>\n<ol>\n"
    for section in report.sections {
      out += "<li><a href=\"#\(escape(section.id))\">\(escape(section.title))</a></li>\n"
    }
    out += "</ol>\n</nav>\n"
    var chart = 0
    for section in report.sections {
      out += "<section id=\"\(escape(section.id))\">\n<h2>\(escape(section.title))</h2>\n"
      for block in section.blocks {
        switch block {
        case .paragraph(let text): out += "<p>\(escape(text))</p>\n"
        case .table(let table): out += self.table(table)
        case .bars(let bars):
          chart += 1
          out += figure(barChart(bars, id: "chart-\(chart)"), caption: bars.title)
        case .line(let line):
          chart += 1
          out += figure(lineChart(line, id: "chart-\(chart)"), caption: line.title)
        }
      }
      out += "</section>\n"
    }
    out += "</body>\n</html>\n"
    return out
  }

  // MARK: - Blocks

  static func table(_ table: ReportTable) -> String {
    func alignment(_ index: Int) -> String {
      index < table.alignments.count && table.alignments[index] == .right ? " class=\"num\"" : ""
    }
    var out = "<table>\n<thead><tr>"
    for (index, header) in table.headers.enumerated() { out += "<th\(alignment(index))>\(escape(header))</th>" }
    out += "</tr></thead>\n<tbody>\n"
    for row in table.rows {
      out += "<tr>"
      for (index, cell) in row.enumerated() { out += "<td\(alignment(index))>\(escape(cell))</td>" }
      out += "</tr>\n"
    }
    out += "</tbody>\n</table>\n"
    return out
  }

  static func figure(_ svg: String, caption: String) -> String {
    "<figure>\n\(svg)<figcaption>\(escape(caption))</figcaption>\n</figure>\n"
  }

  /// Horizontal bars: label, bar, value; one row per bar.
  static func barChart(_ bars: ReportBars, id: String) -> String {
    let labelWidth = 150.0
    let valueWidth = 70.0
    let barArea = 420.0
    let rowHeight = 24.0
    let width = labelWidth + barArea + valueWidth
    let height = max(1, Double(bars.bars.count)) * rowHeight + 8
    let maxValue = bars.bars.map(\.value).max() ?? 0
    var out = svgOpen(id: id, width: width, height: height, label: bars.title)
    if bars.bars.isEmpty {
      out += "<text x=\"8\" y=\"20\" class=\"muted\">No data</text>\n"
    }
    for (index, bar) in bars.bars.enumerated() {
      let y = 4 + Double(index) * rowHeight
      let length = maxValue > 0 ? max(0, bar.value) / maxValue * barArea : 0
      let tone = bar.tone.map { " tone-" + cssName($0) } ?? ""
      out += "<text x=\"\(number(labelWidth - 8))\" y=\"\(number(y + 16))\" text-anchor=\"end\">\(escape(bar.label))</text>\n"
      out += "<rect x=\"\(number(labelWidth))\" y=\"\(number(y + 3))\" width=\"\(number(length))\" height=\"\(number(rowHeight - 6))\" class=\"bar\(tone)\"><title>\(escape(bar.label)): \(escape(ReportBuilder.number(bar.value)))</title></rect>\n"
      out += "<text x=\"\(number(labelWidth + length + 6))\" y=\"\(number(y + 16))\">\(escape(ReportBuilder.number(bar.value)))</text>\n"
    }
    out += "</svg>\n"
    return out
  }

  /// A line over ordered points, with the value at each point.
  static func lineChart(_ line: ReportLine, id: String) -> String {
    let width = 640.0
    let height = 240.0
    let left = 56.0, right = 16.0, top = 20.0, bottom = 40.0
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    var out = svgOpen(id: id, width: width, height: height, label: line.title)
    guard !line.points.isEmpty else {
      out += "<text x=\"\(number(left))\" y=\"\(number(top + 20))\" class=\"muted\">No data</text>\n</svg>\n"
      return out
    }
    let maxValue = max(1, line.points.map(\.value).max() ?? 1)
    // Numeric labels (years) are placed by value, so that a gap of five
    // years does not look like one; other labels are evenly spaced.
    let positions = line.points.compactMap { Double($0.label) }
    let numeric = positions.count == line.points.count && (positions.max() ?? 0) > (positions.min() ?? 0)
    let low = positions.min() ?? 0
    let span = (positions.max() ?? 0) - low
    func x(_ index: Int) -> Double {
      if line.points.count == 1 { return left + plotWidth / 2 }
      if numeric { return left + plotWidth * (positions[index] - low) / span }
      return left + plotWidth * Double(index) / Double(line.points.count - 1)
    }
    func y(_ value: Double) -> Double { top + plotHeight * (1 - max(0, value) / maxValue) }
    // Axes and two gridlines (0 and the maximum), labelled.
    out += "<line x1=\"\(number(left))\" y1=\"\(number(top + plotHeight))\" x2=\"\(number(left + plotWidth))\" y2=\"\(number(top + plotHeight))\" class=\"axis\"/>\n"
    out += "<line x1=\"\(number(left))\" y1=\"\(number(top))\" x2=\"\(number(left + plotWidth))\" y2=\"\(number(top))\" class=\"grid\"/>\n"
    out += "<text x=\"\(number(left - 6))\" y=\"\(number(top + plotHeight + 4))\" text-anchor=\"end\" class=\"muted\">0</text>\n"
    out += "<text x=\"\(number(left - 6))\" y=\"\(number(top + 4))\" text-anchor=\"end\" class=\"muted\">\(escape(ReportBuilder.number(maxValue)))</text>\n"
    let points = line.points.enumerated().map { "\(number(x($0.offset))),\(number(y($0.element.value)))" }
    out += "<polyline points=\"\(points.joined(separator: " "))\" class=\"series\"/>\n"
    let labelEvery = max(1, (line.points.count + 11) / 12)
    for (index, point) in line.points.enumerated() {
      out += "<circle cx=\"\(number(x(index)))\" cy=\"\(number(y(point.value)))\" r=\"3.5\" class=\"point\"><title>\(escape(point.label)): \(escape(ReportBuilder.number(point.value)))</title></circle>\n"
      out += "<text x=\"\(number(x(index)))\" y=\"\(number(y(point.value) - 8))\" text-anchor=\"middle\" class=\"value\">\(escape(ReportBuilder.number(point.value)))</text>\n"
      if index % labelEvery == 0 || index == line.points.count - 1 {
        out += "<text x=\"\(number(x(index)))\" y=\"\(number(top + plotHeight + 18))\" text-anchor=\"middle\">\(escape(point.label))</text>\n"
      }
    }
    out += "<text x=\"\(number(left + plotWidth / 2))\" y=\"\(number(height - 4))\" text-anchor=\"middle\" class=\"muted\">\(escape(line.xLabel))</text>\n"
    out += "<text x=\"12\" y=\"\(number(top + plotHeight / 2))\" text-anchor=\"middle\" class=\"muted\" transform=\"rotate(-90 12 \(number(top + plotHeight / 2)))\">\(escape(line.yLabel))</text>\n"
    out += "</svg>\n"
    return out
  }

  static func svgOpen(id: String, width: Double, height: Double, label: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(escape(id))\" class=\"chart\" viewBox=\"0 0 \(number(width)) \(number(height))\" width=\"\(number(width))\" height=\"\(number(height))\" role=\"img\" aria-label=\"\(escape(label))\">\n<title>\(escape(label))</title>\n"
  }

  // MARK: - Text

  /// Text made safe for element content and attribute values: markup
  /// characters as entities, hidden characters (controls, bidi controls;
  /// see `ControlCharacters`) as their visible pictures, and the two
  /// noncharacters XML forbids as U+FFFD. Tabs and line feeds stay.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x26: out += "&amp;"
      case 0x3C: out += "&lt;"
      case 0x3E: out += "&gt;"
      case 0x22: out += "&quot;"
      case 0x27: out += "&#39;"
      case 0x09, 0x0A: out.unicodeScalars.append(scalar)
      case 0xFFFE, 0xFFFF: out += "\u{FFFD}"
      default:
        out.unicodeScalars.append(ControlCharacters.isHidden(scalar) ? ControlCharacters.picture(for: scalar) : scalar)
      }
    }
    return out
  }

  /// A tone key as a CSS class name part (letters, digits and '-').
  static func cssName(_ tone: String) -> String {
    String(tone.lowercased().unicodeScalars.map { scalar -> Character in
      let ok = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
      return ok ? Character(scalar) : "-"
    })
  }

  /// Coordinates with at most one decimal (`12`, `12.5`).
  static func number(_ value: Double) -> String {
    let text = NumberText.decimal(value, places: 1, grouping: false)
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }

  // MARK: - Style

  /// Semantic colours: stages run from grey (ideas) through blues (work)
  /// to slate (closed), with warm colours for the exceptions; the traffic
  /// lights are green, amber and red, "not screened" grey. Values are
  /// always printed beside the bars, so colour is never the only carrier.
  static let stylesheet = """
    :root { color-scheme: light; }
    body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4;
      color: #1b1f23; max-width: 190mm; margin: 0 auto; padding: 12mm 10mm; }
    h1 { font-size: 18pt; margin: 0 0 4pt; }
    h2 { font-size: 13pt; margin: 16pt 0 6pt; border-bottom: 1px solid #c8ccd0; padding-bottom: 2pt; }
    nav h2 { font-size: 11pt; border: none; }
    nav ol { columns: 2; margin: 0; padding-left: 18pt; }
    ul.subtitle { list-style: none; padding: 0; margin: 0 0 10pt; color: #444d56; }
    table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; font-size: 9.5pt; }
    th, td { border-bottom: 1px solid #e1e4e8; padding: 2pt 5pt; text-align: left; vertical-align: top; }
    th { background: #f3f5f7; font-weight: 600; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    figure { margin: 6pt 0 10pt; }
    figcaption { font-size: 9pt; color: #586069; }
    svg.chart { max-width: 100%; height: auto; font-size: 11px; font-family: inherit; }
    svg text { fill: #1b1f23; }
    svg text.muted { fill: #6a737d; }
    svg text.value { font-size: 10px; fill: #444d56; }
    .axis { stroke: #6a737d; stroke-width: 1; }
    .grid { stroke: #d1d5da; stroke-width: 1; stroke-dasharray: 3 3; }
    .series { fill: none; stroke: #1565c0; stroke-width: 2; }
    .point { fill: #1565c0; }
    .bar { fill: #6a737d; }
    .tone-stage-concept { fill: #9e9e9e; }
    .tone-stage-screening { fill: #7e57c2; }
    .tone-stage-approved { fill: #3949ab; }
    .tone-stage-implementation { fill: #1e88e5; }
    .tone-stage-finalisation { fill: #00897b; }
    .tone-stage-closed { fill: #546e7a; }
    .tone-stage-cancelled { fill: #8d6e63; }
    .tone-stage-suspended { fill: #ef6c00; }
    .tone-light-green { fill: #2e7d32; }
    .tone-light-yellow { fill: #f9a825; }
    .tone-light-red { fill: #c62828; }
    .tone-light-none { fill: #bdbdbd; }
    @page { size: A4; margin: 15mm 12mm 15mm 12mm; }
    @media print {
      body { max-width: none; padding: 0; font-size: 9.5pt; }
      nav { break-after: page; }
      h2 { break-after: avoid; }
      figure, tr { break-inside: avoid; }
      thead { display: table-header-group; }
      a { color: inherit; text-decoration: none; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }

    """
}
