/// Why a project is left out of the portfolio's totals (DECISIONS.md,
/// "What the totals count"). A project without a reason counts.
///
/// AidData marks each GCDF 3.0 record "Recommended For Aggregates" Yes or
/// No; a No is a record whose money would be counted twice or was never
/// committed: a pledge, an umbrella agreement whose money its child
/// records carry, the cancelled portion of a loan, a record superseded by
/// its parent or child. The import says which (`AidDataMapper.exclusion`);
/// a person may leave any project out by hand, with a note saying why.
public enum TotalsExclusion: String, FileEnum {
  case pledge
  case umbrella
  case cancelledPortion = "cancelled_portion"
  case superseded
  /// AidData says No and none of the reasons above applies.
  case notRecommended = "not_recommended"
  /// Set by a person; the note says why.
  case byHand = "by_hand"

  public static let valueName = "reason not in totals"
  public var label: String {
    switch self {
    case .pledge: "pledge"
    case .umbrella: "umbrella agreement"
    case .cancelledPortion: "cancelled portion"
    case .superseded: "superseded by a parent or child record"
    case .notRecommended: "not recommended for aggregates by the source"
    case .byHand: "set by hand"
    }
  }
}

/// Which records the totals add up.
public enum TotalsScope: String, Sendable, CaseIterable {
  /// Only records that count (the default everywhere).
  case eligible
  /// Every record, those left out included (`--all-in-totals`, key `T`).
  case everything

  /// What a total's label says about what it counts.
  public var caption: String {
    switch self {
    case .eligible: "counted records only"
    case .everything: "ALL records, incl. those not in totals"
    }
  }

  public func includes(_ project: Project) -> Bool {
    self == .everything || project.countsInTotals
  }
}

extension Project {
  /// Whether the project's money and counts go into the totals by default.
  public var countsInTotals: Bool { notInTotals == nil }

  /// `not in totals: umbrella agreement`, or nil when the project counts.
  public var notInTotalsText: String? {
    guard let reason = notInTotals else { return nil }
    let note = notInTotalsNote.map { " (\($0))" } ?? ""
    return "not in totals: \(reason.label)\(note)"
  }
}

/// The amount a total adds for one budget: AidData's adjusted amount when
/// the source gives one (it nets out cancelled and uncommitted money),
/// else the USD amount.
extension Budget {
  public var countedUSD: Double? { adjustedUSD ?? totalUSD }
}

/// The words and marks every surface uses for totals and estimates, so a
/// screen, a report and an export say the same thing.
public enum TotalsWording {
  /// The mark before an amount or a date the source estimated.
  public static let estimateMark = "≈"
  /// The same where only ASCII can be drawn.
  public static let asciiEstimateMark = "~"
  public static let legend = "≈ marks an amount or date the source gives as its estimate."

  /// `≈ ` or nothing.
  public static func estimated(_ isEstimate: Bool, ascii: Bool = false) -> String {
    isEstimate ? (ascii ? asciiEstimateMark : estimateMark) + " " : ""
  }
}

extension ProjectField {
  /// The file names of the fields a source may mark as illustrative
  /// (`source.illustrative`): the top-level content fields.
  public static let illustratableNames: Set<String> = Set(
    Project.declaration.leaves.filter(\.role.canBeIllustrative).map { String($0.name.split(separator: ".").first ?? "") })
}
