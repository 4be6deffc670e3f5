import GreenSilkCore

/// What a map frame shows, apart from where it looks (`MapViewport`): the
/// corridors' routes, which corridor is selected and whose countries are
/// shaded, the project markers per country, projects that have their own
/// coordinates, and the selected country. The screen builds it from its
/// state; the renderer only draws it.
public struct MapScene: Sendable {
  /// Every route to draw (`corridor-routes.jsonl`).
  public var routes: [CorridorRoute]
  /// Drawn on top, thicker, in its corridor's colour with its node names
  /// when zoomed in; the other routes turn grey. Nil: every route in its
  /// corridor's colour.
  public var selectedCorridor: CorridorCode?
  /// Countries shaded as members (usually the selected corridor's).
  public var shadedCountries: Set<CountryCode>
  /// One marker per country (`CountryMarker.perCountry` over the projects
  /// the pipeline's filter lets through).
  public var markers: [CountryMarker]
  /// Projects placed by their own coordinates, one dot each.
  public var points: [MapPoint]
  /// Labelled with its code and count in the selection's style.
  public var selectedCountry: CountryCode?
  /// Label markers with their project counts where there is room.
  public var showsCounts: Bool

  public init(
    routes: [CorridorRoute] = [], selectedCorridor: CorridorCode? = nil, shadedCountries: Set<CountryCode> = [],
    markers: [CountryMarker] = [], points: [MapPoint] = [], selectedCountry: CountryCode? = nil,
    showsCounts: Bool = true
  ) {
    self.routes = routes
    self.selectedCorridor = selectedCorridor
    self.shadedCountries = shadedCountries
    self.markers = markers
    self.points = points
    self.selectedCountry = selectedCountry
    self.showsCounts = showsCounts
  }
}

/// A project with coordinates of its own, drawn as one dot in the colour
/// of its traffic light.
public struct MapPoint: Hashable, Sendable {
  public var location: GeoPoint
  public var light: TrafficLight?

  public init(location: GeoPoint, light: TrafficLight?) {
    self.location = location
    self.light = light
  }
}

/// What the renderer drew where, for the screen's keys and status line.
public struct MapFrame: Sendable, Equatable {
  /// The cells each country's marker took on screen.
  public var markerAreas: [CountryCode: Rect] = [:]
  /// Markers of countries the base map cannot place (neither an outline
  /// nor a point), so the screen can list them instead.
  public var unplaced: [CountryCode] = []
  /// Markers that fall outside the visible part of the map.
  public var offCanvas: [CountryCode] = []
}
