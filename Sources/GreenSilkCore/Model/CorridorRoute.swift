/// One line a corridor is drawn along on the map: its main nodes in order,
/// with the public document that names them. A corridor may have more than
/// one line (the China-Mongolia-Russia corridor has two arteries).
///
/// Kept in `corridor-routes.jsonl`, one line per route, sorted by id; the
/// id starts with the corridor's code. Where the order or choice of nodes
/// is GreenSilk's reading rather than the source's, the source's note says
/// so. Loaded with the data set (`DataSet.routes`) like every collection.
public struct CorridorRoute: Hashable, Sendable, Identifiable {
  public var id: String
  public var revision: Int
  public var corridor: CorridorCode
  /// What this line is, when a corridor has several ("eastern artery").
  public var name: String?
  public var nodes: [RouteNode]
  public var source: SourceRef
  /// The title of the source document.
  public var sourceTitle: String?
  /// Fields this version of GreenSilk does not know, kept as read.
  public var extras: [RawField]

  public init(
    id: String, revision: Int = 0, corridor: CorridorCode, name: String? = nil, nodes: [RouteNode],
    source: SourceRef, sourceTitle: String? = nil, extras: [RawField] = []
  ) {
    self.id = id
    self.revision = revision
    self.corridor = corridor
    self.name = name
    self.nodes = nodes
    self.source = source
    self.sourceTitle = sourceTitle
    self.extras = extras
  }
}

/// A named place a corridor route passes through.
public struct RouteNode: Hashable, Sendable {
  public var name: String
  public var location: GeoPoint

  public init(name: String, location: GeoPoint) {
    self.name = name
    self.location = location
  }
}
