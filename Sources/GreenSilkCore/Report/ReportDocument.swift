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

