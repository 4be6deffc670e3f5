/// A dated step a project commits to (Plan §X: monitoring and mid-term
/// assessment).
public struct Milestone: Hashable, Sendable {
  public var title: String
  public var due: Day
  public var done: Day?

  public init(title: String, due: Day, done: Day? = nil) {
    self.title = title
    self.due = due
    self.done = done
  }

  /// Not done and its due date has passed.
  public func isOverdue(asOf today: Day) -> Bool { done == nil && due < today }
}

/// The plan's two horizons (Plan §II(III)).
public enum GoalYear: String, FileEnum, Comparable {
  case y2025 = "2025"
  case y2030 = "2030"

  public static let valueName = "goal year"
  public var label: String { rawValue }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A measurable result with baseline, target and actual value, toward a
/// plan horizon (IATI result/indicator).
public struct Indicator: Hashable, Sendable {
  public var title: String
  public var unit: String
  public var baseline: Double
  public var target: Double
  public var actual: Double?
  public var goal: GoalYear

  public init(
    title: String, unit: String, baseline: Double, target: Double, actual: Double? = nil,
    goal: GoalYear
  ) {
    self.title = title
    self.unit = unit
    self.baseline = baseline
    self.target = target
    self.actual = actual
    self.goal = goal
  }

  /// Share of the way from baseline to target (0 = baseline, 1 = target
  /// reached; may exceed 1). Nil without an actual value or when baseline
  /// equals target.
  public var progress: Double? {
    guard let actual, target != baseline else { return nil }
    return (actual - baseline) / (target - baseline)
  }
}

/// Where a record or a figure comes from. Every outside figure carries one.
public struct SourceRef: Hashable, Sendable {
  /// `illustrative`, `synthetic`, `plan-2017`, `aiddata-gcdf-3.0`, … .
  public var dataset: String
  public var recordID: String?
  public var url: String?
  public var asOf: Day?
  public var note: String?
  /// The record's fields (their file names: `lead_agency`, `budget`) that
  /// GreenSilk invented for illustration while the rest come from the
  /// source: the detail screen marks them, exports carry the list.
  public var illustrative: [String] = []

  public init(
    dataset: String, recordID: String? = nil, url: String? = nil, asOf: Day? = nil,
    note: String? = nil, illustrative: [String] = []
  ) {
    self.illustrative = illustrative
    self.dataset = dataset
    self.recordID = recordID
    self.url = url
    self.asOf = asOf
    self.note = note
  }

  public var isIllustrative: Bool { dataset == "illustrative" || dataset == "synthetic" }

  /// Whether the field named `name` (a file key) is marked illustrative,
  /// itself or through the whole record's source.
  public func marksIllustrative(_ name: String) -> Bool { illustrative.contains(name) }
}
