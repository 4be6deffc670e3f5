/// An enumeration stored in files by its raw string. Unknown values are
/// reported with the list of accepted ones.
public protocol FileEnum: RawRepresentable, CaseIterable, Hashable, Sendable
where RawValue == String {
  /// What the value is called in messages ("stage", "E&S category").
  static var valueName: String { get }
  /// What a person reads on screen.
  var label: String { get }
}

extension FileEnum {
  /// The accepted spellings, in declaration order, for messages.
  public static var acceptedValues: String { allCases.map(\.rawValue).joined(separator: ", ") }

  /// Parses a raw value or explains which ones are accepted.
  public static func parse(_ text: String) throws(FieldError) -> Self {
    guard let value = Self(rawValue: text) else {
      throw FieldError("unknown \(valueName) \"\(text)\" (expected one of: \(acceptedValues))")
    }
    return value
  }
}

/// A problem with one field's value, phrased for the person who must fix it.
public struct FieldError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// An ISO 3166-1 alpha-3 country code, packed into an integer so that the
/// ~60,000 country references of a large data set cost no allocations.
public struct CountryCode: Hashable, Comparable, Sendable, CustomStringConvertible {
  let packed: UInt32

  /// Three letters A-Z (lower case is accepted and upper-cased).
  public init?(_ text: some StringProtocol) {
    guard let code = text.utf8.withContiguousStorageIfAvailable({ CountryCode(utf8: $0) }) ?? CountryCode(utf8Array: Array(text.utf8)) else {
      return nil
    }
    self = code
  }

  init?(utf8Array bytes: [UInt8]) {
    guard let code = bytes.withUnsafeBufferPointer({ CountryCode(utf8: $0) }) else { return nil }
    self = code
  }

  /// Three letters from raw bytes (the loading hot path).
  public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    var value: UInt32 = 0
    var count = 0
    for byte in bytes {
      var b = byte
      if b >= 97 && b <= 122 { b -= 32 }
      guard b >= 65 && b <= 90, count < 3 else { return nil }
      value = value << 8 | UInt32(b)
      count += 1
    }
    guard count == 3 else { return nil }
    packed = value
  }

  public var description: String {
    String(decoding: [UInt8(packed >> 16 & 0xFF), UInt8(packed >> 8 & 0xFF), UInt8(packed & 0xFF)], as: UTF8.self)
  }

  public static func < (lhs: CountryCode, rhs: CountryCode) -> Bool { lhs.packed < rhs.packed }
}

/// The six economic corridors of the Belt and Road named in the
/// cooperation plan: New Eurasian Land Bridge, China–Mongolia–Russia,
/// China–Central Asia–West Asia, China–Indochina Peninsula,
/// China–Pakistan, Bangladesh–China–India–Myanmar (DECISIONS.md, "Domain":
/// a closed set). Their names, aliases and member countries come from
/// `corridors.jsonl` and `corridor-countries.jsonl`, each with a source.
public enum CorridorCode: String, FileEnum, Comparable {
  case nelb = "NELB"
  case cmrec = "CMREC"
  case ccwaec = "CCWAEC"
  case cicpec = "CICPEC"
  case cpec = "CPEC"
  case bcimec = "BCIMEC"

  public static let valueName = "corridor"
  public var label: String { rawValue }
  public var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }
}

/// The six cooperation areas of the plan's 25 key projects (Plan §IX:
/// "6 projects for policy coordination, 4 for facilities connectivity, 3
/// for unimpeded trade, 2 for financial integration, 4 for people-to-people
/// bonds and 6 for capacity building").
public enum CooperationArea: String, FileEnum, Comparable {
  case policyCoordination = "policy_coordination"
  case facilitiesConnectivity = "facilities_connectivity"
  case unimpededTrade = "unimpeded_trade"
  case financialIntegration = "financial_integration"
  case peopleToPeople = "people_to_people"
  case capacityBuilding = "capacity_building"

  public static let valueName = "cooperation area"

  /// The number of key projects the plan gives this area.
  public var planKeyProjects: Int {
    switch self {
    case .policyCoordination: 6
    case .facilitiesConnectivity: 4
    case .unimpededTrade: 3
    case .financialIntegration: 2
    case .peopleToPeople: 4
    case .capacityBuilding: 6
    }
  }

  public var label: String {
    switch self {
    case .policyCoordination: "Policy coordination"
    case .facilitiesConnectivity: "Facilities connectivity"
    case .unimpededTrade: "Unimpeded trade"
    case .financialIntegration: "Financial integration"
    case .peopleToPeople: "People-to-people bonds"
    case .capacityBuilding: "Capacity building"
    }
  }

  public var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }
}

/// Where a project is in its life. The pipeline (IATI status 1) is split
/// finer because that is where a coordination office spends its time;
/// every stage maps onto one IATI ActivityStatus code.
public enum Stage: String, FileEnum, Comparable {
  case concept
  case screening
  case approved
  case implementation
  case finalisation
  case closed
  case cancelled
  case suspended

  public static let valueName = "stage"

  /// IATI ActivityStatus: 1 Pipeline/identification, 2 Implementation,
  /// 3 Finalisation, 4 Closed, 5 Cancelled, 6 Suspended.
  public var iatiStatus: Int {
    switch self {
    case .concept, .screening, .approved: 1
    case .implementation: 2
    case .finalisation: 3
    case .closed: 4
    case .cancelled: 5
    case .suspended: 6
    }
  }

  public var label: String {
    switch self {
    case .concept: "Concept"
    case .screening: "Screening"
    case .approved: "Approved"
    case .implementation: "Implementation"
    case .finalisation: "Finalisation"
    case .closed: "Closed"
    case .cancelled: "Cancelled"
    case .suspended: "Suspended"
    }
  }

  public var isPipeline: Bool { iatiStatus == 1 }
  public var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }
}

/// Schedule and budget health. Kept apart from the environmental light:
/// "red" means three different things in this domain.
public enum DeliveryHealth: String, FileEnum {
  case onTrack = "on_track"
  case atRisk = "at_risk"
  case offTrack = "off_track"
  case notAssessed = "not_assessed"

  public static let valueName = "delivery health"
  public var label: String {
    switch self {
    case .onTrack: "On track"
    case .atRisk: "At risk"
    case .offTrack: "Off track"
    case .notAssessed: "Not assessed"
    }
  }
}

/// A UN Sustainable Development Goal, 1-17.
public struct SDG: Hashable, Comparable, Sendable {
  public let number: Int
  public init?(_ number: Int) {
    guard (1...17).contains(number) else { return nil }
    self.number = number
  }
  public static func < (lhs: SDG, rhs: SDG) -> Bool { lhs.number < rhs.number }
}
