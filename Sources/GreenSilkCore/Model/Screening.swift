/// The BRIGC rating of one environmental dimension (pollution, climate,
/// biodiversity), per the Green Development Guidance for BRI Projects.
public enum ImpactRating: String, FileEnum {
  case positive
  case neutralMitigable = "neutral_mitigable"
  case significantIrreversible = "significant_irreversible"
  case unknown

  public static let valueName = "impact rating"
  public var label: String {
    switch self {
    case .positive: "Positive"
    case .neutralMitigable: "Neutral / mitigable"
    case .significantIrreversible: "Significant, irreversible"
    case .unknown: "Not rated"
    }
  }
}

/// The BRIGC traffic light: green (encouraged), yellow (neutral, moderate
/// impacts that can be mitigated), red (risk of significant and
/// irreversible damage; stricter supervision).
public enum TrafficLight: String, FileEnum {
  case green
  case yellow
  case red

  public static let valueName = "traffic light"
  public var label: String {
    switch self {
    case .green: "Green"
    case .yellow: "Yellow"
    case .red: "Red"
    }
  }
}

/// The IFC / Equator Principles environmental and social category.
public enum ESCategory: String, FileEnum {
  case a = "A"
  case b = "B"
  case c = "C"
  case fi1 = "FI-1"
  case fi2 = "FI-2"
  case fi3 = "FI-3"

  public static let valueName = "E&S category"
  public var label: String { rawValue }
}

/// A project's environmental screening: three dimension ratings from which
/// the BRIGC light is derived, plus the separate IFC/EP category.
public struct Screening: Hashable, Sendable {
  public var pollution: ImpactRating
  public var climate: ImpactRating
  public var biodiversity: ImpactRating
  public var esCategory: ESCategory?
  public var mitigationNote: String?
  public var assessedOn: Day?
  public var assessor: String?

  public init(
    pollution: ImpactRating = .unknown, climate: ImpactRating = .unknown,
    biodiversity: ImpactRating = .unknown, esCategory: ESCategory? = nil,
    mitigationNote: String? = nil, assessedOn: Day? = nil, assessor: String? = nil
  ) {
    self.pollution = pollution
    self.climate = climate
    self.biodiversity = biodiversity
    self.esCategory = esCategory
    self.mitigationNote = mitigationNote
    self.assessedOn = assessedOn
    self.assessor = assessor
  }

  public static let notAssessed = Screening()

  public var ratings: [ImpactRating] { [pollution, climate, biodiversity] }

  /// The BRIGC light, or nil while it cannot be decided:
  /// - red as soon as any dimension is significant and irreversible
  ///   (even if others are still unrated);
  /// - otherwise nil while any dimension is unrated;
  /// - green when no dimension is significant and at least one is positive;
  /// - yellow when every dimension is neutral or mitigable.
  public var light: TrafficLight? {
    if ratings.contains(.significantIrreversible) { return .red }
    if ratings.contains(.unknown) { return nil }
    return ratings.contains(.positive) ? .green : .yellow
  }

  /// Screening counts as recorded when all three dimensions are rated and
  /// the E&S category is set. Approval needs it (see `StageRules`).
  public var isRecorded: Bool { !ratings.contains(.unknown) && esCategory != nil }

  public var hasMitigationNote: Bool {
    !(mitigationNote ?? "").allSatisfy { $0 == " " || $0 == "\n" || $0 == "\t" }
  }
}
