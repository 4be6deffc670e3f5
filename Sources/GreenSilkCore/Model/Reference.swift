/// One of the six economic corridors, with the names it goes by.
public struct Corridor: Hashable, Sendable, Identifiable {
  public var code: CorridorCode
  public var revision: Int
  public var name: String
  public var aliases: [String]
  public var route: String
  public var source: SourceRef
  public var extras: [RawField]

  public var id: String { code.rawValue }

  public init(
    code: CorridorCode, revision: Int = 0, name: String, aliases: [String] = [],
    route: String = "", source: SourceRef, extras: [RawField] = []
  ) {
    self.code = code
    self.revision = revision
    self.name = name
    self.aliases = aliases
    self.route = route
    self.source = source
    self.extras = extras
  }
}

/// A country (ISO 3166-1 alpha-3).
public struct Country: Hashable, Sendable, Identifiable {
  public var code: CountryCode
  public var revision: Int
  public var name: String
  public var extras: [RawField]

  public var id: String { code.description }

  public init(code: CountryCode, revision: Int = 0, name: String, extras: [RawField] = []) {
    self.code = code
    self.revision = revision
    self.name = name
    self.extras = extras
  }
}

/// "Country X lies along corridor Y, according to source Z." Corridor
/// membership is loose in public sources, so it is stored as sourced
/// many-to-many rows, not as a property of a country.
public struct CorridorMembership: Hashable, Sendable, Identifiable {
  public var corridor: CorridorCode
  public var country: CountryCode
  public var revision: Int
  public var source: SourceRef
  public var extras: [RawField]

  public var id: String { corridor.rawValue + ":" + country.description }

  public init(
    corridor: CorridorCode, country: CountryCode, revision: Int = 0, source: SourceRef,
    extras: [RawField] = []
  ) {
    self.corridor = corridor
    self.country = country
    self.revision = revision
    self.source = source
    self.extras = extras
  }
}

/// A cooperation area as the data set describes it. The key-project count
/// is the plan's and must equal `CooperationArea.planKeyProjects`.
public struct AreaInfo: Hashable, Sendable, Identifiable {
  public var area: CooperationArea
  public var revision: Int
  public var name: String
  public var planSection: String
  public var keyProjects: Int
  public var source: SourceRef
  public var extras: [RawField]

  public var id: String { area.rawValue }

  public init(
    area: CooperationArea, revision: Int = 0, name: String, planSection: String,
    keyProjects: Int, source: SourceRef, extras: [RawField] = []
  ) {
    self.area = area
    self.revision = revision
    self.name = name
    self.planSection = planSection
    self.keyProjects = keyProjects
    self.source = source
    self.extras = extras
  }
}

/// What kind of data a data set holds, shown on every screen.
public enum DataSetLabel: String, FileEnum {
  case real
  case illustrative
  case synthetic
  case mixed

  public static let valueName = "data set label"
  public var label: String {
    switch self {
    case .real: "Real"
    case .illustrative: "Illustrative"
    case .synthetic: "Synthetic"
    case .mixed: "Mixed"
    }
  }
}

/// The data set's metadata file (`dataset.json`).
public struct DataSetMeta: Hashable, Sendable {
  /// The file-format version; see `DataSetMeta.currentSchema`.
  public var schema: Int
  public var label: DataSetLabel
  public var title: String
  public var asOf: Day?
  public var description: String
  /// Attribution lines owed to the sources (licences such as ODC-By).
  public var attributions: [String]
  public var extras: [RawField]

  /// 2: imported source rows in `sources/`, the audit log in `audit/`;
  /// 3: past 2,000 projects, the projects in parts under `projects/`
  /// (`ProjectParts`). `FileStore.upgrade` brings older directories up.
  public static let currentSchema = 3

  public init(
    schema: Int = DataSetMeta.currentSchema, label: DataSetLabel, title: String,
    asOf: Day? = nil, description: String = "", attributions: [String] = [],
    extras: [RawField] = []
  ) {
    self.schema = schema
    self.label = label
    self.title = title
    self.asOf = asOf
    self.description = description
    self.attributions = attributions
    self.extras = extras
  }
}
