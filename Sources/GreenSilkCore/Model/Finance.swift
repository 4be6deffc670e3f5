/// Green-finance instruments of Plan §VI, plus the ordinary ones.
public enum FinancingInstrument: String, FileEnum {
  case greenBond = "green_bond"
  case greenDevelopmentFund = "green_development_fund"
  case greenCredit = "green_credit"
  case pollutionLiabilityInsurance = "pollution_liability_insurance"
  case grant
  case loan
  case other

  public static let valueName = "financing instrument"
  public var label: String {
    switch self {
    case .greenBond: "Green bond"
    case .greenDevelopmentFund: "Green development fund"
    case .greenCredit: "Green credit"
    case .pollutionLiabilityInsurance: "Pollution liability insurance"
    case .grant: "Grant"
    case .loan: "Loan"
    case .other: "Other"
    }
  }

  /// Whether the plan counts it as a green-finance instrument.
  public var isGreen: Bool {
    switch self {
    case .greenBond, .greenDevelopmentFund, .greenCredit, .pollutionLiabilityInsurance: true
    case .grant, .loan, .other: false
    }
  }
}

/// One tranche of a project's financing.
public struct Financing: Hashable, Sendable {
  public var instrument: FinancingInstrument
  public var amount: Double?
  public var provider: String?

  public init(instrument: FinancingInstrument, amount: Double? = nil, provider: String? = nil) {
    self.instrument = instrument
    self.amount = amount
    self.provider = provider
  }
}

/// What a project costs and how it is financed. Amounts are in `currency`
/// (ISO 4217); `amountUSD` is the same total in US dollars when a source
/// gives it (AidData: constant 2021 USD), so portfolios can be summed.
public struct Budget: Hashable, Sendable {
  public var currency: String
  public var amount: Double?
  public var amountUSD: Double?
  public var usdBasis: String?
  public var financing: [Financing]
  /// The source says the amount is its estimate (AidData's "Amount
  /// Estimated"): shown with `≈`.
  public var amountEstimated = false
  /// The amount after the source's adjustments, in USD (AidData's
  /// "Adjusted Amount (Constant USD 2021)": cancelled or undrawn money
  /// taken out). What totals add when given (`countedUSD`).
  public var adjustedUSD: Double? = nil

  public init(
    currency: String = "USD", amount: Double? = nil, amountUSD: Double? = nil,
    usdBasis: String? = nil, financing: [Financing] = []
  ) {
    self.currency = currency
    self.amount = amount
    self.amountUSD = amountUSD
    self.usdBasis = usdBasis
    self.financing = financing
  }

  /// The total in USD: the sourced figure, or the amount itself when the
  /// currency is already USD.
  public var totalUSD: Double? { amountUSD ?? (currency == "USD" ? amount : nil) }
}

/// An IATI participating-organisation role, plus the guarantor and insurer
/// roles that AidData records.
public enum PartnerRole: String, FileEnum {
  case funding
  case accountable
  case extending
  case implementing
  case guarantor
  case insurer

  public static let valueName = "partner role"
  public var label: String {
    switch self {
    case .funding: "Funding"
    case .accountable: "Accountable"
    case .extending: "Extending"
    case .implementing: "Implementing"
    case .guarantor: "Guarantor"
    case .insurer: "Insurer"
    }
  }

  /// The IATI OrganisationRole code, where one exists.
  public var iatiCode: Int? {
    switch self {
    case .funding: 1
    case .accountable: 2
    case .extending: 3
    case .implementing: 4
    case .guarantor, .insurer: nil
    }
  }
}

/// An organisation taking part in a project.
public struct Partner: Hashable, Sendable {
  public var name: String
  public var role: PartnerRole
  public var kind: String?

  public init(name: String, role: PartnerRole, kind: String? = nil) {
    self.name = name
    self.role = role
    self.kind = kind
  }
}
