import GreenSilkCore

/// What happened, as the reducer hears it: input, time, data and theme
/// events. Named after the event, not the intended effect.
public enum AppAction: Sendable {
  case keyPressed(Key)
  case resized(Size)
  case clockTicked(LocalTime)
  case dataLoaded(LoadResult)
  case dataLoadFailed(String)
  case themeChanged(name: String, message: String?)
}

/// What the runtime must do after a reduce: the reducer itself never
/// touches files or the terminal.
public enum AppEffect: Equatable, Sendable {
  case quit
  case cycleTheme
  case reloadData
}
