import GreenSilkCore

/// Drives the dashboard without a terminal: send keys and events, read
/// the state, render frames. Tests snapshot screens through it; the real
/// runtime runs the same reducer and view.
public struct AppDriver: Sendable {
  public var state: AppState
  /// Effects the reducer asked for, in order (the runtime would run them).
  public private(set) var effects: [AppEffect] = []

  public init(state: AppState) { self.state = state }

  public init(
    data: DataSet, size: Size = Size(width: 80, height: 24), clock: LocalTime,
    settings: DisplaySettings = DisplaySettings(), issues: [LoadIssue] = []
  ) {
    let context = DataContext(data: data, issues: issues, today: clock.day)
    self.init(state: AppState(context: context, clock: clock, size: size, settings: settings))
  }

  public mutating func send(_ action: AppAction) {
    effects += AppReducer.reduce(&state, action)
  }

  public mutating func press(_ keys: Key...) {
    for key in keys { send(.keyPressed(key)) }
  }

  /// Types each character of `text` as a key press.
  public mutating func type(_ text: String) {
    for character in text { send(.keyPressed(.character(character))) }
  }

  public mutating func resize(_ width: Int, _ height: Int) {
    send(.resized(Size(width: width, height: height)))
  }

  public func render() -> Buffer { AppView.render(state) }

  /// The effects asked for since the last call (the caller runs them).
  public mutating func takeEffects() -> [AppEffect] {
    defer { effects.removeAll() }
    return effects
  }
}
