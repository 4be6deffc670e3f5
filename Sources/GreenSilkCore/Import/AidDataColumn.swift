/// The columns of AidData's GCDF 3.0 project-level export that GreenSilk
/// maps onto project fields (domain.md §4). The other columns of the
/// 126 are kept verbatim in `Project.imported`, never interpreted.
enum AidDataColumn: String, CaseIterable, Sendable {
  case recordID = "AidData Record ID"
  case recommendedForAggregates = "Recommended For Aggregates"
  case parentID = "AidData Parent ID"
  case umbrella = "Umbrella"
  case recipientISO3 = "Recipient ISO-3"
  case commitmentYear = "Commitment Year"
  case implementationStartYear = "Implementation Start Year"
  case completionYear = "Completion Year"
  case title = "Title"
  case description = "Description"
  case status = "Status"
  case flowType = "Flow Type"
  case flowTypeSimplified = "Flow Type Simplified"
  case flowClass = "Flow Class"
  case sectorCode = "Sector Code"
  case sectorName = "Sector Name"
  case fundingAgencies = "Funding Agencies"
  case fundingAgenciesType = "Funding Agencies Type"
  case coFinancingAgencies = "Co-financing Agencies"
  case coFinancingAgenciesType = "Co-financing Agencies Type"
  case implementingAgencies = "Implementing Agencies"
  case implementingAgenciesType = "Implementing Agencies Type"
  case guarantor = "Guarantor"
  case guarantorType = "Guarantor Agency Type"
  case insurer = "Insurance Provider"
  case insurerType = "Insurance Provider Agency Type"
  case amountOriginal = "Amount (Original Currency)"
  case originalCurrency = "Original Currency"
  case amountConstantUSD2021 = "Amount (Constant USD 2021)"
  case amountEstimated = "Amount Estimated"
  case adjustedAmountConstantUSD2021 = "Adjusted Amount (Constant USD 2021)"
  case financialDistress = "Financial Distress"
  // The headers say MM/DD/YYYY; the values are ISO dates (domain.md §4).
  case commitmentDate = "Commitment Date (MM/DD/YYYY)"
  case commitmentDateEstimated = "Commitment Date Estimated"
  case plannedStart = "Planned Implementation Start Date (MM/DD/YYYY)"
  case actualStart = "Actual Implementation Start Date (MM/DD/YYYY)"
  case actualStartEstimated = "Actual Implementation Start Date Estimated"
  case plannedEnd = "Planned Completion Date (MM/DD/YYYY)"
  case actualEnd = "Actual Completion Date (MM/DD/YYYY)"
  case actualEndEstimated = "Actual Completion Date Estimated"
  case sourceURLs = "Source URLs"

  /// Columns a file may lack (older or trimmed exports); the rest are
  /// required to call a file a GCDF project-level export.
  var isOptional: Bool {
    switch self {
    case .flowTypeSimplified, .coFinancingAgencies, .coFinancingAgenciesType, .guarantor, .guarantorType,
      .insurer, .insurerType, .financialDistress, .commitmentYear, .implementationStartYear, .completionYear,
      // Eligibility and certainty (issue 12): an export without them
      // counts every row and marks nothing estimated.
      .recommendedForAggregates, .parentID, .umbrella, .amountEstimated, .adjustedAmountConstantUSD2021,
      .commitmentDateEstimated, .actualStartEstimated, .actualEndEstimated:
      true
    default: false
    }
  }

  var ordinal: Int { Self.ordinals[self] ?? 0 }
  private static let ordinals = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}

/// The mapped columns' values of one AidData row, looked up by column.
/// Built from a CSV row (through the header's positions) or from the
/// columns a previous import stored (to recompute what it produced).
struct AidDataValues: Sendable {
  private var values: [String]

  /// Values from a row whose columns are at `positions` (nil: absent).
  init(row: [String], positions: [Int?]) {
    values = positions.map { position in position.map { $0 < row.count ? row[$0] : "" } ?? "" }
  }

  /// Values from stored (header, value) pairs.
  init(columns: [(header: String, value: String)]) {
    var byHeader: [String: String] = [:]
    for (header, value) in columns where byHeader[header] == nil { byHeader[header] = value }
    values = AidDataColumn.allCases.map { byHeader[$0.rawValue] ?? "" }
  }

  subscript(_ column: AidDataColumn) -> String { values[column.ordinal] }

  /// The value with surrounding spaces removed.
  func trimmed(_ column: AidDataColumn) -> String { self[column].trimmingSpaces() }
}
