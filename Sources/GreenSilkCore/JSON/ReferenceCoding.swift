enum CorridorField: String, FieldKeys {
  case id, rev, name, aliases, route, source
  static let table = KeyTable<CorridorField>()
}

enum CountryField: String, FieldKeys {
  case id, rev, name
  static let table = KeyTable<CountryField>()
}

enum MembershipField: String, FieldKeys {
  case id, rev, corridor, country, source
  static let table = KeyTable<MembershipField>()
}

enum AreaField: String, FieldKeys {
  case id, rev, name
  case planSection = "plan_section"
  case keyProjects = "key_projects"
  case source
  static let table = KeyTable<AreaField>()
}

extension Corridor: StoredRecord {
  public static let file = DataFile.corridors

  public func encode(into w: inout JSONWriter) {
    w.beginObject()
    w.field("id", code.rawValue)
    w.field("rev", revision)
    w.field("name", name)
    w.stringList("aliases", aliases)
    w.field("route", route)
    w.source("source", source)
    w.extras(extras)
    w.endObject()
  }

  public init(reading r: inout JSONReader) throws {
    var code: CorridorCode?
    var revision = 0
    var name = ""
    var aliases: [String] = []
    var route = ""
    var source: SourceRef?
    var extra = ExtraCollector()
    try r.readFields(CorridorField.self) { r, field in
      switch field {
      case .id: code = try r.readEnum(CorridorCode.self)
      case .rev: revision = try r.readInt()
      case .name: name = try r.readString()
      case .aliases: aliases = try r.readList { try $0.readString() }
      case .route: route = try r.readOptionalString() ?? ""
      case .source: source = try r.readSource()
      case nil: try extra.keep(&r)
      }
    }
    guard let code else { throw JSONError("missing field \"id\"", column: nil) }
    guard let source else { throw JSONError("missing field \"source\"", column: nil) }
    self.init(
      code: code, revision: revision, name: name, aliases: aliases, route: route, source: source,
      extras: extra.fields)
  }
}

extension Country: StoredRecord {
  public static let file = DataFile.countries

  public func encode(into w: inout JSONWriter) {
    w.beginObject()
    w.field("id", code.description)
    w.field("rev", revision)
    w.field("name", name)
    w.extras(extras)
    w.endObject()
  }

  public init(reading r: inout JSONReader) throws {
    var code: CountryCode?
    var revision = 0
    var name = ""
    var extra = ExtraCollector()
    try r.readFields(CountryField.self) { r, field in
      switch field {
      case .id: code = try r.readCountry()
      case .rev: revision = try r.readInt()
      case .name: name = try r.readString()
      case nil: try extra.keep(&r)
      }
    }
    guard let code else { throw JSONError("missing field \"id\"", column: nil) }
    self.init(code: code, revision: revision, name: name, extras: extra.fields)
  }
}

extension CorridorMembership: StoredRecord {
  public static let file = DataFile.corridorCountries

  public func encode(into w: inout JSONWriter) {
    w.beginObject()
    w.field("id", id)
    w.field("rev", revision)
    w.field("corridor", corridor)
    w.field("country", country.description)
    w.source("source", source)
    w.extras(extras)
    w.endObject()
  }

  public init(reading r: inout JSONReader) throws {
    var id = ""
    var corridor: CorridorCode?
    var country: CountryCode?
    var revision = 0
    var source: SourceRef?
    var extra = ExtraCollector()
    try r.readFields(MembershipField.self) { r, field in
      switch field {
      case .id: id = try r.readString()
      case .rev: revision = try r.readInt()
      case .corridor: corridor = try r.readEnum(CorridorCode.self)
      case .country: country = try r.readCountry()
      case .source: source = try r.readSource()
      case nil: try extra.keep(&r)
      }
    }
    guard let corridor else { throw JSONError("missing field \"corridor\"", column: nil) }
    guard let country else { throw JSONError("missing field \"country\"", column: nil) }
    guard let source else { throw JSONError("missing field \"source\"", column: nil) }
    self.init(corridor: corridor, country: country, revision: revision, source: source, extras: extra.fields)
    guard id == self.id else {
      throw JSONError("field \"id\": expected \"\(self.id)\" (corridor:country), found \"\(id)\"", column: nil)
    }
  }
}

extension AreaInfo: StoredRecord {
  public static let file = DataFile.areas

  public func encode(into w: inout JSONWriter) {
    w.beginObject()
    w.field("id", area.rawValue)
    w.field("rev", revision)
    w.field("name", name)
    w.field("plan_section", planSection)
    w.field("key_projects", keyProjects)
    w.source("source", source)
    w.extras(extras)
    w.endObject()
  }

  public init(reading r: inout JSONReader) throws {
    var area: CooperationArea?
    var revision = 0
    var name = ""
    var section = ""
    var keyProjects: Int?
    var source: SourceRef?
    var extra = ExtraCollector()
    try r.readFields(AreaField.self) { r, field in
      switch field {
      case .id: area = try r.readEnum(CooperationArea.self)
      case .rev: revision = try r.readInt()
      case .name: name = try r.readString()
      case .planSection: section = try r.readString()
      case .keyProjects: keyProjects = try r.readInt()
      case .source: source = try r.readSource()
      case nil: try extra.keep(&r)
      }
    }
    guard let area else { throw JSONError("missing field \"id\"", column: nil) }
    guard let keyProjects else { throw JSONError("missing field \"key_projects\"", column: nil) }
    guard let source else { throw JSONError("missing field \"source\"", column: nil) }
    self.init(
      area: area, revision: revision, name: name, planSection: section, keyProjects: keyProjects,
      source: source, extras: extra.fields)
  }
}

extension DataSetMeta {
  /// The metadata file's form: one field per line, so it reads and diffs
  /// well by hand.
  public var fileText: String {
    var lines: [String] = []
    func add(_ key: String, _ write: (inout JSONWriter) -> Void) {
      var w = JSONWriter()
      w.beginObject()
      w.key(key)
      write(&w)
      w.endObject()
      let text = w.text
      lines.append("  " + text.dropFirst().dropLast())
    }
    add("schema") { $0.int(schema) }
    add("label") { $0.string(label.rawValue) }
    add("title") { $0.string(title) }
    if let asOf { add("as_of") { $0.string(asOf.description) } }
    add("description") { $0.string(description) }
    add("attributions") { w in
      w.beginArray()
      for line in attributions { w.string(line) }
      w.endArray()
    }
    for field in extras { add(field.key) { $0.raw(field.json) } }
    return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
  }

  public init(fileText: String) throws {
    var meta = DataSetMeta(label: .illustrative, title: "")
    var sawLabel = false
    var sawSchema = false
    var extra = ExtraCollector()
    try JSONReader.withReader(fileText) { r in
      try r.readObject { r, key in
        switch key {
        case "schema":
          meta.schema = try r.readInt()
          sawSchema = true
        case "label":
          meta.label = try r.readEnum(DataSetLabel.self)
          sawLabel = true
        case "title": meta.title = try r.readString()
        case "as_of": meta.asOf = try r.readOptional { try $0.readDay() }
        case "description": meta.description = try r.readOptionalString() ?? ""
        case "attributions": meta.attributions = try r.readList { try $0.readString() }
        default: try extra.keep(key, &r)
        }
      }
      try r.expectEnd()
    }
    guard sawSchema else { throw JSONError("missing field \"schema\"", column: nil) }
    guard sawLabel else { throw JSONError("missing field \"label\"", column: nil) }
    meta.extras = extra.fields
    self = meta
  }
}
