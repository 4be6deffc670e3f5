/// The project detail: which project, and how far it is scrolled.
public struct DetailState: Sendable {
  public var projectID: String?
  public var scroll = 0
  public init() {}
}
