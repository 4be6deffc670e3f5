import GreenSilkCore

/// How domain values look on screen: the role (colour) for a stage, a
/// light or a delivery health, and short labels. One place, so that every
/// screen and the kiosk paint a red light the same way.
public enum Presentation {
  public static func role(for stage: Stage) -> Role {
    switch stage {
    case .concept: .stageConcept
    case .screening: .stageScreening
    case .approved: .stageApproved
    case .implementation: .stageImplementation
    case .finalisation: .stageFinalisation
    case .closed: .stageClosed
    case .cancelled: .stageCancelled
    case .suspended: .stageSuspended
    }
  }

  public static func role(for light: TrafficLight?) -> Role {
    switch light {
    case .green: .lightGreen
    case .yellow: .lightYellow
    case .red: .lightRed
    case nil: .lightNone
    }
  }

  public static func role(for health: DeliveryHealth) -> Role {
    switch health {
    case .onTrack: .onTrack
    case .atRisk: .atRisk
    case .offTrack: .offTrack
    case .notAssessed: .muted
    }
  }

  /// A chart series role for the n-th series (cycles through six).
  public static func seriesRole(_ index: Int) -> Role {
    [Role.series1, .series2, .series3, .series4, .series5, .series6][((index % 6) + 6) % 6]
  }

  /// Each corridor keeps one series colour across screens.
  public static func role(for corridor: CorridorCode) -> Role { seriesRole(corridor.index) }

  /// `USD 12.3 M`.
  public static func usd(_ value: Double) -> String { "USD " + NumberText.money(value) }

  /// `1,234`.
  public static func count(_ value: Int) -> String { NumberText.integer(value) }
}
