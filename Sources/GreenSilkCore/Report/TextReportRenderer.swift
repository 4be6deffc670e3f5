/// Plain-text and markdown forms of a report. Bar charts become text bars
/// (`█` eighths), so both print in a terminal and paste into e-mail.
public enum TextReportRenderer {
  public static func text(_ report: ReportDocument) -> String {
    var out = report.title + "\n" + String(repeating: "=", count: report.title.count) + "\n"
    for line in report.subtitle { out += line + "\n" }
    for section in report.sections {
      out += "\n" + section.title + "\n" + String(repeating: "-", count: section.title.count) + "\n"
      for block in section.blocks {
        switch block {
        case .paragraph(let text): out += wrap(text, width: 78) + "\n"
        case .table(let table): out += plainTable(table)
        case .bars(let bars): out += textBars(bars, labelWidth: nil)
        case .line: break  // its data is also given as a table
        }
      }
    }
    return out
  }

  public static func markdown(_ report: ReportDocument) -> String {
    var out = "# " + report.title + "\n\n"
    for line in report.subtitle { out += "- " + escape(line) + "\n" }
    for section in report.sections {
      out += "\n## " + section.title + "\n\n"
      for block in section.blocks {
        switch block {
        case .paragraph(let text): out += escape(text) + "\n\n"
        case .table(let table): out += markdownTable(table) + "\n"
        case .bars(let bars): out += "```text\n" + textBars(bars, labelWidth: nil) + "```\n\n"
        case .line: break
        }
      }
    }
    return out
  }

  static func plainTable(_ table: ReportTable) -> String {
    let widths = columnWidths(table)
    var out = ""
    func row(_ cells: [String]) {
      var parts: [String] = []
      for (index, cell) in cells.enumerated() {
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
    let width = labelWidth ?? (bars.bars.map(\.label.count).max() ?? 0)
    let maxValue = bars.bars.map(\.value).max() ?? 0
    let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    var out = ""
    for bar in bars.bars {
      let length = maxValue > 0 ? bar.value / maxValue * 40 : 0
      let whole = Int(length)
      let part = Int((length - Double(whole)) * 8)
      let drawn = String(repeating: "█", count: whole) + eighths[part]
      let label = bar.label + String(repeating: " ", count: max(0, width - bar.label.count))
      out += "  " + label + "  " + drawn + " " + ReportBuilder.number(bar.value) + "\n"
    }
    return out
  }

  static func columnWidths(_ table: ReportTable) -> [Int] {
    var widths = table.headers.map(\.count)
    for cells in table.rows {
      for (index, cell) in cells.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
    }
    return widths
  }

  static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      if character == "|" { out += "\\|" } else if character == "\n" { out += " " } else { out.append(character) }
    }
    return out
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

extension String {
  func trimmingTrailingSpaces() -> String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
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
