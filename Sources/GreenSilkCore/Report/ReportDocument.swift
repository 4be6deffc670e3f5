/// A report as a list of sections of simple blocks, so that one builder
/// feeds every output format (text, markdown, JSON, HTML).
public struct ReportDocument: Sendable {
  public var title: String
  public var subtitle: [String]
  public var sections: [ReportSection]

  public init(title: String, subtitle: [String], sections: [ReportSection]) {
    self.title = title
    self.subtitle = subtitle
    self.sections = sections
  }
}

public struct ReportSection: Sendable {
  public var id: String
  public var title: String
  public var blocks: [ReportBlock]

  public init(id: String, title: String, blocks: [ReportBlock]) {
    self.id = id
    self.title = title
    self.blocks = blocks
  }
}

public enum ReportBlock: Sendable {
  case paragraph(String)
  case table(ReportTable)
  /// A bar chart: labelled values (drawn as text bars or SVG).
  case bars(ReportBars)
  /// A line over ordered points (SVG; a table in text forms).
  case line(ReportLine)
}

public struct ReportTable: Sendable {
  public enum Alignment: Sendable { case left, right }
  public var headers: [String]
  public var alignments: [Alignment]
  public var rows: [[String]]

  public init(headers: [String], alignments: [Alignment]? = nil, rows: [[String]]) {
    self.headers = headers
    self.alignments = alignments ?? headers.map { _ in .left }
    self.rows = rows
  }
}

public struct ReportBars: Sendable {
  public struct Bar: Sendable {
    public var label: String
    public var value: Double
    /// A semantic colour key (a stage or light name) for HTML.
    public var tone: String?
    public init(label: String, value: Double, tone: String? = nil) {
      self.label = label
      self.value = value
      self.tone = tone
    }
  }
  public var title: String
  public var unit: String
  public var bars: [Bar]

  public init(title: String, unit: String = "", bars: [Bar]) {
    self.title = title
    self.unit = unit
    self.bars = bars
  }
}

public struct ReportLine: Sendable {
  public var title: String
  public var xLabel: String
  public var yLabel: String
  public var points: [(label: String, value: Double)]

  public init(title: String, xLabel: String, yLabel: String, points: [(label: String, value: Double)]) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.points = points
  }
}

/// Number formatting shared by the report forms.
public enum ReportFormat {
  /// 1234567 → "1,234,567".
  public static func grouped(_ value: Int) -> String {
    let digits = String(abs(value))
    var out = ""
    for (index, character) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(character)
    }
    return value < 0 ? "-" + out : out
  }

  /// 12_300_000 → "12.3 M", 2_100_000_000 → "2.1 bn".
  public static func money(_ value: Double) -> String {
    let magnitude = abs(value)
    if magnitude >= 1e9 { return oneDecimal(value / 1e9) + " bn" }
    if magnitude >= 1e6 { return oneDecimal(value / 1e6) + " M" }
    if magnitude >= 1e3 { return oneDecimal(value / 1e3) + " k" }
    return String(Int(value.rounded()))
  }

  public static func oneDecimal(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    return sign + String(abs(tenths) / 10) + "." + String(abs(tenths) % 10)
  }

  public static func percent(_ fraction: Double) -> String {
    String(Int((fraction * 100).rounded())) + "%"
  }
}
