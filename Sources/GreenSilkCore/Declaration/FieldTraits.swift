/// What a CSV export puts in a field's column, and what an import accepts
/// there.
public enum ColumnKind: Hashable, Sendable {
  /// The text itself; an empty cell means the field is absent.
  case text
  /// The text itself; an empty cell is the empty text (the field is always
  /// written).
  case requiredText
  /// Compact JSON (numbers, lists, objects).
  case json
  /// JSON true/false; spreadsheets' TRUE/FALSE and yes/no are accepted.
  case boolean

  public var holdsJSON: Bool { self == .json || self == .boolean }
}

/// What a field says about a record, which decides how it is treated
/// beyond its value.
public enum FieldRole: Hashable, Sendable {
  /// What the record says about the world: a value that a data set may
  /// have invented for illustration (and may mark so, field by field).
  case content
  /// The record's identity (its id).
  case identity
  /// Where the record comes from (its source, the source's own words).
  case provenance
  /// Kept by the store, not by people: revision, last change.
  case bookkeeping

  /// Whether a value of this field can be marked illustrative.
  public var canBeIllustrative: Bool { self == .content }
}

/// The sections of the project detail screen, in reading order.
public enum DetailSection: String, CaseIterable, Sendable {
  case identity = "Identity"
  case screening = "Screening"
  case delivery = "Stage and delivery"
  case finance = "Finance"
  case dates = "Dates"
  case milestones = "Milestones"
  case indicators = "Indicators"
  case source = "Source"
  case lastChange = "Last change"
}

/// Where a field is shown on its record's detail screen: a section and
/// its rank in it (lower first).
public struct DetailPlacement: Hashable, Sendable {
  public let section: DetailSection
  public let rank: Int
  public init(_ section: DetailSection, _ rank: Int) {
    self.section = section
    self.rank = rank
  }
}
