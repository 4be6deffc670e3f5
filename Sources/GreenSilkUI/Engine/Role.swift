/// What a cell means, not what colour it is. Views write roles; a `Theme`
/// turns each role into colours and attributes for the terminal at hand
/// (truecolor, 256, 8 colours or monochrome). Snapshots record role names,
/// so a theme change never changes a snapshot of a screen.
///
/// The raw values are stable identifiers used in theme files
/// (`Themes/*.toml`), so renaming a case is a breaking change for themes.
public enum Role: String, CaseIterable, Hashable, Sendable {
  // Chrome
  case text
  case muted
  case title
  case titleBar = "title_bar"
  case badge  // the data-set label in the title bar ("ILLUSTRATIVE")
  case border
  case borderFocus = "border_focus"
  case header  // table and section headers
  case footer
  case footerKey = "footer_key"
  case statusLine = "status_line"
  case selection
  case match  // characters matched by the filter
  case link
  // Messages
  case info
  case success
  case warning
  case error
  // BRIGC traffic light (environmental screening)
  case lightGreen = "light_green"
  case lightYellow = "light_yellow"
  case lightRed = "light_red"
  case lightNone = "light_none"
  // Delivery health (schedule and budget), kept apart from the light
  case onTrack = "on_track"
  case atRisk = "at_risk"
  case offTrack = "off_track"
  // Pipeline stages
  case stageConcept = "stage_concept"
  case stageScreening = "stage_screening"
  case stageApproved = "stage_approved"
  case stageImplementation = "stage_implementation"
  case stageFinalisation = "stage_finalisation"
  case stageClosed = "stage_closed"
  case stageCancelled = "stage_cancelled"
  case stageSuspended = "stage_suspended"
  // Charts
  case series1 = "series_1"
  case series2 = "series_2"
  case series3 = "series_3"
  case series4 = "series_4"
  case series5 = "series_5"
  case series6 = "series_6"
  case gaugeFill = "gauge_fill"
  case gaugeEmpty = "gauge_empty"
  case overdue
  // Forms
  case fieldLabel = "field_label"
  case fieldValue = "field_value"
  case fieldFocus = "field_focus"
  case fieldError = "field_error"
  case input
  // Overlays and the wall display
  case overlay
  case bigDigits = "big_digits"
  case ticker
  // The map: outlines, the selected corridor's countries, the other
  // corridors' routes while one is selected (the selected one and all of
  // them otherwise take their corridor's series colour), and project
  // markers by traffic light (foreground only, unlike light_*, so a
  // marker keeps its shape in every theme)
  case mapLand = "map_land"
  case mapMember = "map_member"
  case mapRoute = "map_route"
  case mapMarkerGreen = "map_marker_green"
  case mapMarkerYellow = "map_marker_yellow"
  case mapMarkerRed = "map_marker_red"
  case mapMarkerNone = "map_marker_none"
}
