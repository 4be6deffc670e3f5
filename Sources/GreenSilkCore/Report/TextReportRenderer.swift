/// Plain-text and markdown forms of a report. Bar charts become text bars
/// (`█` eighths), so both print in a terminal and paste into e-mail. Data
/// text never reaches the output raw: control characters are shown as
/// control pictures, and markdown is escaped.
public enum TextReportRenderer {
  public static func text(_ report: ReportDocument) -> String {
    let title = visible(report.title)
    var out = title + "\n" + String(repeating: "=", count: title.count) + "\n"
    for line in report.subtitle { out += visible(line) + "\n" }
    for section in report.sections {
      let heading = visible(section.title)
      out += "\n" + heading + "\n" + String(repeating: "-", count: heading.count) + "\n"
      for (index, block) in section.blocks.enumerated() {
        // A blank line between blocks, so a chart never runs into a table.
        if index > 0 { out += "\n" }
        switch block {
        case .paragraph(let text): out += wrap(visible(text), width: 78) + "\n"
        case .table(let table): out += plainTable(table)
        case .bars(let bars):
          if bars.title != section.title { out += visible(bars.title) + ":\n" }
          out += textBars(bars, labelWidth: nil)
        case .line(let line):
          if line.title != section.title { out += visible(line.title) + ":\n" }
          out += textBars(bars(of: line), labelWidth: nil)
        }
      }
    }
    return out
  }

  public static func markdown(_ report: ReportDocument) -> String {
    var out = "# " + escape(report.title) + "\n\n"
    for line in report.subtitle { out += "- " + escape(line) + "\n" }
    for section in report.sections {
      if !out.hasSuffix("\n\n") { out += "\n" }
      out += "## " + escape(section.title) + "\n\n"
      for block in section.blocks {
        switch block {
        case .paragraph(let text): out += escape(text) + "\n\n"
        case .table(let table): out += markdownTable(table) + "\n"
        case .bars(let bars): out += "```text\n" + textBars(bars, labelWidth: nil) + "```\n\n"
        case .line(let line):
          // Inside a code fence nothing is markup: no escaping, only
          // control characters made visible (as textBars does).
          out += "```text\n" + visible(line.title) + "\n" + textBars(bars(of: line), labelWidth: nil) + "```\n\n"
        }
      }
    }
    return out
  }

  /// A line chart's points as bars: text forms cannot draw a line, and a
  /// bar per point reads as well for a handful of years.
  static func bars(of line: ReportLine) -> ReportBars {
    ReportBars(title: line.title, unit: line.yLabel, bars: line.points.map { ReportBars.Bar(label: $0.label, value: $0.value) })
  }

  static func plainTable(_ table: ReportTable) -> String {
    let widths = columnWidths(table)
    var out = ""
    func row(_ raw: [String]) {
      let cells = raw.map(visible)
      var parts: [String] = []
      for (index, cell) in cells.enumerated() where index < widths.count {
        let width = widths[index]
        let pad = String(repeating: " ", count: max(0, width - cell.count))
        parts.append(table.alignments[index] == .right ? pad + cell : cell + pad)
      }
      out += "  " + parts.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
    }
    row(table.headers)
    out += "  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
    for cells in table.rows { row(cells) }
    return out
  }

  static func markdownTable(_ table: ReportTable) -> String {
    var out = "| " + table.headers.map(escape).joined(separator: " | ") + " |\n"
    out += "|" + table.alignments.map { $0 == .right ? " ---: |" : " --- |" }.joined() + "\n"
    for cells in table.rows { out += "| " + cells.map(escape).joined(separator: " | ") + " |\n" }
    return out
  }

  /// `Implementation  ████████▌ 17`.
  static func textBars(_ bars: ReportBars, labelWidth: Int?) -> String {
    let width = labelWidth ?? (bars.bars.map { visible($0.label).count }.max() ?? 0)
    let maxValue = bars.bars.map(\.value).max() ?? 0
    let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    var out = ""
    for bar in bars.bars {
      let length = maxValue > 0 ? bar.value / maxValue * 40 : 0
      let whole = Int(length)
      let part = Int((length - Double(whole)) * 8)
      let drawn = String(repeating: "█", count: whole) + eighths[part]
      let shown = visible(bar.label)
      let label = shown + String(repeating: " ", count: max(0, width - shown.count))
      out += "  " + label + "  " + drawn + " " + ReportBuilder.number(bar.value) + "\n"
    }
    return out
  }

  static func columnWidths(_ table: ReportTable) -> [Int] {
    var widths = table.headers.map { visible($0).count }
    for cells in table.rows {
      for (index, cell) in cells.enumerated() where index < widths.count {
        widths[index] = max(widths[index], visible(cell).count)
      }
    }
    return widths
  }

  /// Markdown text: characters that would start markup or raw HTML are
  /// backslash-escaped (CommonMark; `#` only where it would start a
  /// heading), `|` so that tables hold, line breaks
  /// folded to spaces, control characters made visible.
  static func escape(_ text: String) -> String {
    var out = ""
    for character in visible(text) {
      switch character {
      case "#" where out.isEmpty: out += "\\#"
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|": out += "\\" + String(character)
      case "\n", "\r\n", "\r": out += " "
      default: out.append(character)
      }
    }
    return out
  }

  /// Text with control characters shown as Unicode control pictures
  /// (ESC → ␛), so that data never drives the terminal that prints the
  /// report. Tabs become spaces, line breaks stay.
  static func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) else {
      return text
    }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x0A: out.append(scalar)
      case 0x09: out.append(" ")
      case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
      case 0x7F: out.append("\u{2421}")
      case 0x80..<0xA0: out.append("\u{FFFD}")
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  static func wrap(_ text: String, width: Int) -> String {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if !current.isEmpty && current.count + 1 + word.count > width {
        lines.append(current)
        current = ""
      }
      current += current.isEmpty ? String(word) : " " + word
    }
    if !current.isEmpty { lines.append(current) }
    return lines.joined(separator: "\n")
  }
}

/// The JSON form of a report: the same sections, with numbers as numbers
/// in bar charts and lines.
public enum JSONReportRenderer {
  public static func json(_ report: ReportDocument) -> String {
    var w = JSONWriter()
    w.beginObject()
    w.field("title", report.title)
    w.stringList("subtitle", report.subtitle)
    w.key("sections")
    w.beginArray()
    for section in report.sections {
      w.beginObject()
      w.field("id", section.id)
      w.field("title", section.title)
      w.key("blocks")
      w.beginArray()
      for block in section.blocks {
        w.beginObject()
        switch block {
        case .paragraph(let text):
          w.field("type", "paragraph")
          w.field("text", text)
        case .table(let table):
          w.field("type", "table")
          w.stringList("headers", table.headers)
          w.key("rows")
          w.beginArray()
          for row in table.rows {
            w.beginArray()
            for cell in row { w.string(cell) }
            w.endArray()
          }
          w.endArray()
        case .bars(let bars):
          w.field("type", "bars")
          w.field("title", bars.title)
          w.field("unit", bars.unit)
          w.key("bars")
          w.beginArray()
          for bar in bars.bars {
            w.beginObject()
            w.field("label", bar.label)
            w.field("value", bar.value)
            w.endObject()
          }
          w.endArray()
        case .line(let line):
          w.field("type", "line")
          w.field("title", line.title)
          w.key("points")
          w.beginArray()
          for point in line.points {
            w.beginObject()
            w.field("label", point.label)
            w.field("value", point.value)
            w.endObject()
          }
          w.endArray()
        }
        w.endObject()
      }
      w.endArray()
      w.endObject()
    }
    w.endArray()
    w.endObject()
    return w.text + "\n"
  }
}
