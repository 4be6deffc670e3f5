/// The project detail: which project, and how far it is scrolled. The
/// scroll is clamped to the content by the reducer (which lays the
/// detail out for the terminal's size) and again when drawing, so a
/// resize never leaves the view scrolled past the end.
public struct DetailState: Hashable, Sendable {
  public var projectID: String?
  /// The first line of the sections shown below the fixed header.
  public var scroll = 0
  public init() {}
}
