enum CorridorRouteField: String, FieldKeys {
  case id, rev, corridor, name, nodes, source
  static let table = KeyTable<CorridorRouteField>()
}

enum RouteNodeField: String, FieldKeys {
  case name, lon, lat
  static let table = KeyTable<RouteNodeField>()
}

/// A route's source: the fields of every other record's source, plus the
/// document's title.
enum RouteSourceField: String, FieldKeys {
  case dataset, url, title
  case asOf = "as_of"
  case note
  static let table = KeyTable<RouteSourceField>()
}

extension CorridorRoute: StoredRecord {
  public static let file = DataFile.corridorRoutes

  /// Reads one line of `corridor-routes.jsonl`; unknown fields are kept
  /// (`extras`), as in every collection file.
  public init(reading r: inout JSONReader) throws {
    var id = ""
    var revision = 0
    var corridor: CorridorCode?
    var name: String?
    var nodes: [RouteNode] = []
    var source: SourceRef?
    var title: String?
    var extra = ExtraCollector()
    try r.readFields(CorridorRouteField.self) { r, field in
      switch field {
      case .id: id = try r.readString()
      case .rev: revision = try r.readInt()
      case .corridor: corridor = try r.readEnum(CorridorCode.self)
      case .name: name = try r.readOptionalString()
      case .nodes: nodes = try r.readList { try RouteNode(reading: &$0) }
      case .source: (source, title) = try r.readRouteSource()
      case nil: try extra.keep(&r)
      }
    }
    guard !id.isEmpty else { throw JSONError("missing field \"id\"", column: nil) }
    guard let corridor else { throw JSONError("missing field \"corridor\"", column: nil) }
    guard let source else { throw JSONError("missing field \"source\"", column: nil) }
    guard id == corridor.rawValue || id.hasPrefix(corridor.rawValue + "-") else {
      throw JSONError(
        "field \"id\": \"\(id)\" must be the corridor's code or start with \"\(corridor.rawValue)-\"", column: nil)
    }
    guard nodes.count >= 2 else {
      throw JSONError("field \"nodes\": a route needs at least two nodes, found \(nodes.count)", column: nil)
    }
    self.init(
      id: id, revision: revision, corridor: corridor, name: name, nodes: nodes, source: source, sourceTitle: title,
      extras: extra.fields)
  }

  /// The route's file form: one JSON object, fields in canonical order.
  public func encode(into w: inout JSONWriter) {
    w.beginObject()
    w.field("id", id)
    w.field("rev", revision)
    w.field("corridor", corridor.rawValue)
    if let name { w.field("name", name) }
    w.key("nodes")
    w.beginArray()
    for node in nodes {
      w.beginObject()
      w.field("name", node.name)
      w.field("lon", node.location.longitude)
      w.field("lat", node.location.latitude)
      w.endObject()
    }
    w.endArray()
    w.key("source")
    w.beginObject()
    w.field("dataset", source.dataset)
    if let url = source.url { w.field("url", url) }
    if let sourceTitle { w.field("title", sourceTitle) }
    if let asOf = source.asOf { w.field("as_of", asOf) }
    if let note = source.note { w.field("note", note) }
    w.endObject()
    w.extras(extras)
    w.endObject()
  }

  /// Lines that break the file's id order, as `FILE:LINE` issues (the
  /// routes load anyway). Routes are edited by hand, not by GreenSilk,
  /// so an unsorted line is worth a word: the file must diff and merge
  /// line by line like every data file, and `greensilk normalize` sorts
  /// it. `routes` are in file order.
  static func orderIssues(_ routes: [CorridorRoute], lineOfID: [String: Int], displayPath: String) -> [LoadIssue] {
    var issues: [LoadIssue] = []
    for (previous, route) in zip(routes, routes.dropFirst()) where route.id < previous.id {
      issues.append(
        LoadIssue(
          file: displayPath, line: lineOfID[route.id] ?? 0,
          reason: "\"\(route.id)\" comes after \"\(previous.id)\"; keep the lines sorted by id (loaded anyway)"))
    }
    return issues
  }
}

extension RouteNode {
  init(reading r: inout JSONReader) throws {
    var name = ""
    var longitude: Double?
    var latitude: Double?
    try r.readFields(RouteNodeField.self) { r, field in
      switch field {
      case .name: name = try r.readString()
      case .lon: longitude = try r.readDouble()
      case .lat: latitude = try r.readDouble()
      case nil: try r.skipValue()
      }
    }
    guard !name.isEmpty else { throw JSONError("missing field \"name\"", column: nil) }
    guard let longitude else { throw JSONError("missing field \"lon\" (\(name))", column: nil) }
    guard let latitude else { throw JSONError("missing field \"lat\" (\(name))", column: nil) }
    let location = GeoPoint(longitude: longitude, latitude: latitude)
    if let problem = location.problem { throw JSONError("\(name): \(problem)", column: nil) }
    self.init(name: name, location: location)
  }
}

extension JSONReader {
  mutating func readRouteSource() throws -> (SourceRef, String?) {
    var source = SourceRef(dataset: "")
    var title: String?
    try readFields(RouteSourceField.self) { reader, field in
      switch field {
      case .dataset: source.dataset = try reader.readString()
      case .url: source.url = try reader.readOptionalString()
      case .title: title = try reader.readOptionalString()
      case .asOf: source.asOf = try reader.readOptional { try $0.readDay() }
      case .note: source.note = try reader.readOptionalString()
      case nil: try reader.skipValue()
      }
    }
    guard !source.dataset.isEmpty else { throw JSONError("missing field \"dataset\"", column: nil) }
    return (source, title)
  }
}
