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
        case .bars(let bars): out += fenced(textBars(bars, labelWidth: nil))
        case .line(let line):
          // Inside a code fence nothing is markup: no escaping, only
          // control characters made visible (as textBars does).
          out += fenced(visible(line.title) + "\n" + textBars(bars(of: line), labelWidth: nil))
        }
      }
    }
    return out
  }

  /// `body` in a code fence longer than any run of backticks inside it, so
  /// that no label can close the fence early.
  static func fenced(_ body: String) -> String {
    var longest = 0
    var run = 0
    for character in body {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: max(3, longest + 1))
    return fence + "text\n" + body + fence + "\n\n"
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
    let cell = { (text: String) in escape(text, in: .cell) }
    var out = "| " + table.headers.map(cell).joined(separator: " | ") + " |\n"
    out += "|" + table.alignments.map { $0 == .right ? " ---: |" : " --- |" }.joined() + "\n"
    for cells in table.rows { out += "| " + cells.map(cell).joined(separator: " | ") + " |\n" }
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

  /// Where a piece of markdown text stands: at the start of a block (a
  /// heading, a list item, a paragraph), or in a table cell.
  enum MarkdownPlace {
    case block
    case cell
  }

  /// Markdown text (CommonMark and GitHub's extensions): every character
  /// that could start markup, an entity or raw HTML is backslash-escaped
  /// (`\\ ` * _ [ ] < > | # & ~ $`); where the text starts a block, so are
  /// the characters that would make it a list item or a thematic break
  /// (`-`, `+`, `1.`, `1)`), and leading blanks are dropped (four would
  /// start a code block). Line breaks are folded to spaces (tables hold),
  /// and hidden characters are made visible (`visible`). A text that is
  /// just a web address becomes an autolink `<…>`, inside which nothing is
  /// markup (so `&` in a query stays part of the link).
  static func escape(_ text: String, in place: MarkdownPlace = .block) -> String {
    let shown = visible(text)
    if isWebAddress(shown) { return "<" + shown + ">" }
    var out = ""
    var atStart = place == .block
    var leadingDigits = false
    for character in shown {
      if atStart && (character == " " || character == "\t") { continue }
      switch character {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "&", "~", "$": out += "\\" + String(character)
      case "-" where atStart, "+" where atStart: out += "\\" + String(character)
      case "." where leadingDigits, ")" where leadingDigits: out += "\\" + String(character)
      case "\n", "\r\n", "\r": out += " "
      default: out.append(character)
      }
      leadingDigits = (atStart || leadingDigits) && character.isASCII && character.isNumber
      atStart = false
    }
    return out
  }

  /// `http://` or `https://` and then no blank, `<`, `>`, `|` (which ends
  /// a table cell even inside a link) or picture of a hidden character:
  /// safe inside an autolink.
  static func isWebAddress(_ text: String) -> Bool {
    guard text.hasPrefix("https://") || text.hasPrefix("http://") else { return false }
    return !text.unicodeScalars.contains { scalar in
      scalar.value <= 0x20 || scalar == "<" || scalar == ">" || scalar == "|"
        || (0x2400...0x2426).contains(scalar.value) || scalar.properties.isWhitespace
    }
  }

  /// Text with hidden characters (controls, bidi controls; see
  /// `ControlCharacters`) shown as their pictures (ESC → ␛), so that data
  /// never drives the terminal that prints the report nor reorders what a
  /// reader sees. Tabs become spaces, line breaks stay.
  static func visible(_ text: String) -> String {
    ControlCharacters.visible(text, keepingLineFeeds: true, tabsAsSpaces: true)
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
