enum CorridorRouteField: String, FieldKeys {
  case id, corridor, name, nodes, source
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

extension CorridorRoute {
  /// Reads one line of `corridor-routes.jsonl`. Unknown fields are skipped:
  /// the file is reference data the program never writes.
  public init(reading r: inout JSONReader) throws {
    var id = ""
    var corridor: CorridorCode?
    var name: String?
    var nodes: [RouteNode] = []
    var source: SourceRef?
    var title: String?
    try r.readFields(CorridorRouteField.self) { r, field in
      switch field {
      case .id: id = try r.readString()
      case .corridor: corridor = try r.readEnum(CorridorCode.self)
      case .name: name = try r.readOptionalString()
      case .nodes: nodes = try r.readList { try RouteNode(reading: &$0) }
      case .source: (source, title) = try r.readRouteSource()
      case nil: try r.skipValue()
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
    self.init(id: id, corridor: corridor, name: name, nodes: nodes, source: source, sourceTitle: title)
  }

  /// The route's file form: one line of JSON, fields in canonical order.
  public var jsonLine: String {
    var w = JSONWriter()
    w.beginObject()
    w.field("id", id)
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
    w.endObject()
    return w.text
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

/// `corridor-routes.jsonl`: the lines the map draws the corridors along.
/// Read on its own, beside the data set: routes are reference data that no
/// screen edits, and a data directory without the file simply has no
/// routes on its map.
public enum CorridorRouteFile {
  public static let fileName = "corridor-routes.jsonl"

  /// What reading the file gave: the routes that loaded, in file order,
  /// and a `FILE:LINE: reason` for every line that did not.
  public struct Loaded: Sendable, Equatable {
    public var routes: [CorridorRoute] = []
    public var issues: [LoadIssue] = []
    /// The directory has no routes file.
    public var isMissing = false
  }

  /// Reads `corridor-routes.jsonl` of a data directory (`displayDirectory`
  /// is how messages name it).
  public static func load(directory: String, displayDirectory: String) -> Loaded {
    let displayPath = FileSystem.join(displayDirectory, fileName)
    do {
      guard let bytes = try FileSystem.read(FileSystem.join(directory, fileName)) else {
        return Loaded(isMissing: true)
      }
      return parse(bytes, displayPath: displayPath)
    } catch {
      return Loaded(issues: [LoadIssue(file: displayPath, line: 0, reason: error.description)])
    }
  }

  /// Decodes the file's bytes. A bad line is reported and left out; the
  /// rest loads. Ids must be unique and lines sorted by id (so that the
  /// file diffs and merges line by line, like every data file).
  public static func parse(_ bytes: [UInt8], displayPath: String) -> Loaded {
    var loaded = Loaded()
    var lineOfID: [String: Int] = [:]
    var previousID: String?
    var lineNumber = 0
    bytes.withUnsafeBufferPointer { all in
      CollectionParser.forEachLine(all) { line in
        lineNumber += 1
        func report(_ reason: String) {
          loaded.issues.append(LoadIssue(file: displayPath, line: lineNumber, reason: reason))
        }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        guard isValidUTF8(line) else { return report("invalid UTF-8; the line is not loaded") }
        var reader = JSONReader(line)
        let route: CorridorRoute
        do {
          route = try CorridorRoute(reading: &reader)
          try reader.expectEnd()
        } catch {
          return report(CollectionParser.describe(error))
        }
        if let first = lineOfID[route.id] {
          return report("duplicate id \"\(route.id)\" (first on line \(first)); this line is not loaded")
        }
        if let previousID, route.id < previousID {
          report("\"\(route.id)\" comes after \"\(previousID)\"; keep the lines sorted by id (loaded anyway)")
        }
        lineOfID[route.id] = lineNumber
        previousID = route.id
        loaded.routes.append(route)
      }
    }
    return loaded
  }
}
