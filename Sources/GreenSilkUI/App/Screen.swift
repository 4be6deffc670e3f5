/// The dashboard's screens, switched with 1-6 and Tab / Shift-Tab.
public enum Screen: Int, CaseIterable, Hashable, Sendable {
  case overview = 1
  case corridors
  case pipeline
  case detail
  case envoys
  case map

  public var title: String {
    switch self {
    case .overview: "Overview"
    case .corridors: "Corridors"
    case .pipeline: "Pipeline"
    case .detail: "Project"
    case .envoys: "Envoys"
    case .map: "Map"
    }
  }

  /// The digit key that shows this screen.
  public var key: Character { Character(String(rawValue)) }

  public var next: Screen { Screen(rawValue: rawValue % Screen.allCases.count + 1) ?? .overview }
  public var previous: Screen {
    Screen(rawValue: (rawValue + Screen.allCases.count - 2) % Screen.allCases.count + 1) ?? .overview
  }
}
