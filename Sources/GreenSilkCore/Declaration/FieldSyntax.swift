/// Parsers for what people type into form fields. Each either returns the
/// value or throws a `FieldError` whose message says what is wrong and
/// what is expected — the message shown next to the field.
public enum FieldSyntax {
  public static func requiredText(_ text: String, _ what: String) throws(FieldError) -> String {
    let value = text.trimmingSpaces()
    if value.isEmpty { throw FieldError("\(what) is required") }
    return value
  }

  /// Empty means none.
  public static func optionalText(_ text: String) -> String? {
    let value = text.trimmingSpaces()
    return value.isEmpty ? nil : value
  }

  public static func date(_ text: String, required: Bool = false) throws(FieldError) -> Day? {
    let value = text.trimmingSpaces()
    if value.isEmpty {
      if required { throw FieldError("a date is required (YYYY-MM-DD)") }
      return nil
    }
    do {
      return try Day.parse(value)
    } catch {
      throw FieldError("\(error.description) — expected YYYY-MM-DD, e.g. 2026-06-30")
    }
  }

  /// `12,500,000`, `12500000`, `1250.50`; empty means none.
  public static func amount(_ text: String) throws(FieldError) -> Double? {
    let value = text.trimmingSpaces().filter { $0 != "," && $0 != "_" && $0 != " " }
    if value.isEmpty { return nil }
    guard let number = Double(value), number.isFinite, value.first != "+" else {
      throw FieldError("\"\(text.trimmingSpaces())\" is not an amount — expected digits such as 12,500,000 or 1250.50")
    }
    if number < 0 { throw FieldError("an amount cannot be negative") }
    return number
  }

  public static func number(_ text: String, _ what: String) throws(FieldError) -> Double {
    let value = text.trimmingSpaces().filter { $0 != "," && $0 != "_" }
    guard let number = Double(value), number.isFinite else {
      throw FieldError("\(what) \"\(text.trimmingSpaces())\" is not a number")
    }
    return number
  }

  public static func integer(_ text: String) throws(FieldError) -> Int? {
    let value = text.trimmingSpaces().filter { $0 != "," }
    if value.isEmpty { return nil }
    guard let number = Int(value), number >= 0 else {
      throw FieldError("\"\(text.trimmingSpaces())\" is not a whole number ≥ 0")
    }
    return number
  }

  public static func currency(_ text: String) throws(FieldError) -> String {
    let value = text.trimmingSpaces().uppercased()
    guard value.count == 3, value.allSatisfy({ $0.isASCII && $0.isLetter }) else {
      throw FieldError("\"\(text.trimmingSpaces())\" is not a currency — expected a three-letter ISO 4217 code such as USD, CNY, EUR")
    }
    return value
  }

  /// A choice by its file spelling or its label, case-insensitively.
  public static func choice<E: FileEnum>(_ text: String, _ type: E.Type) throws(FieldError) -> E {
    let value = text.trimmingSpaces().lowercased()
    for option in E.allCases where option.rawValue.lowercased() == value || option.label.lowercased() == value {
      return option
    }
    throw FieldError("\"\(text.trimmingSpaces())\" is not a \(E.valueName) — pick one of: \(E.allCases.map(\.label).joined(separator: ", "))")
  }

  public static func optionalChoice<E: FileEnum>(_ text: String, _ type: E.Type) throws(FieldError) -> E? {
    optionalText(text) == nil ? nil : try choice(text, type)
  }

  /// Comma- or space-separated tokens.
  public static func tokens(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" }).map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
  }

  /// Countries by ISO-3 code or by name.
  public static func countries(_ text: String, names: [CountryCode: String]) throws(FieldError) -> [CountryCode] {
    var out: [CountryCode] = []
    for token in tokens(text) {
      if let code = CountryCode(token), names[code] != nil {
        if !out.contains(code) { out.append(code) }
        continue
      }
      if let match = names.first(where: { $0.value.lowercased() == token.lowercased() })?.key {
        if !out.contains(match) { out.append(match) }
        continue
      }
      throw FieldError("unknown country \"\(token)\" — type an ISO code (MYS) or a name; ↓ lists matches")
    }
    return out
  }

  public static func corridors(_ text: String) throws(FieldError) -> [CorridorCode] {
    var out: [CorridorCode] = []
    for token in tokens(text) {
      guard let code = CorridorCode(rawValue: token.uppercased()) else {
        throw FieldError("unknown corridor \"\(token)\" — expected codes among \(CorridorCode.acceptedValues)")
      }
      if !out.contains(code) { out.append(code) }
    }
    return out
  }

  public static func sdgs(_ text: String) throws(FieldError) -> [SDG] {
    var out: [SDG] = []
    for token in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
      guard let number = Int(token), let goal = SDG(number) else {
        throw FieldError("\"\(token)\" is not an SDG — expected numbers 1-17, e.g. 6, 13")
      }
      if !out.contains(goal) { out.append(goal) }
    }
    return out.sorted()
  }

  /// The non-empty lines of a list field, each split on `|`.
  static func rows(_ text: String) -> [(line: Int, cells: [String])] {
    var out: [(Int, [String])] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmedLine = String(line).trimmingSpaces()
      if trimmedLine.isEmpty { continue }
      out.append((index + 1, trimmedLine.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }))
    }
    return out
  }

  static func lineError(_ line: Int, _ message: String, expected: String) -> FieldError {
    FieldError("line \(line): \(message) — expected \(expected)")
  }

  public static let milestoneFormat = "due | title | done, e.g. 2026-06-30 | Commissioning |"
  public static func milestones(_ text: String) throws(FieldError) -> [Milestone] {
    var out: [Milestone] = []
    for (line, cells) in rows(text) {
      guard cells.count >= 2, cells.count <= 3 else {
        throw lineError(line, "\(cells.count) part(s)", expected: milestoneFormat)
      }
      let due: Day?
      let done: Day?
      do throws(FieldError) {
        due = try date(cells[0], required: true)
        done = cells.count == 3 ? try date(cells[2]) : nil
      } catch {
        throw lineError(line, error.message, expected: milestoneFormat)
      }
      guard let due else { throw lineError(line, "no due date", expected: milestoneFormat) }
      if cells[1].isEmpty { throw lineError(line, "no title", expected: milestoneFormat) }
      out.append(Milestone(title: cells[1], due: due, done: done))
    }
    return out
  }

  public static let indicatorFormat = "title | unit | baseline | target | actual | 2025 or 2030"
  public static func indicators(_ text: String) throws(FieldError) -> [Indicator] {
    var out: [Indicator] = []
    for (line, cells) in rows(text) {
      guard cells.count == 6 else { throw lineError(line, "\(cells.count) part(s)", expected: indicatorFormat) }
      do throws(FieldError) {
        let actual = cells[4].isEmpty || cells[4] == "-" ? nil : try number(cells[4], "actual")
        guard let goal = GoalYear(rawValue: cells[5]) else { throw FieldError("goal \"\(cells[5])\" is not 2025 or 2030") }
        if cells[0].isEmpty { throw FieldError("no title") }
        if cells[1].isEmpty { throw FieldError("no unit") }
        out.append(
          Indicator(
            title: cells[0], unit: cells[1], baseline: try number(cells[2], "baseline"),
            target: try number(cells[3], "target"), actual: actual, goal: goal))
      } catch {
        throw lineError(line, error.message, expected: indicatorFormat)
      }
    }
    return out
  }

  public static let financingFormat = "instrument | amount | provider, e.g. green_bond | 30,000,000 | Bank"
  public static func financing(_ text: String) throws(FieldError) -> [Financing] {
    var out: [Financing] = []
    for (line, cells) in rows(text) {
      guard (1...3).contains(cells.count) else { throw lineError(line, "\(cells.count) parts", expected: financingFormat) }
      do throws(FieldError) {
        let instrument = try choice(cells[0], FinancingInstrument.self)
        let amount = cells.count > 1 ? try amount(cells[1]) : nil
        out.append(Financing(instrument: instrument, amount: amount, provider: cells.count > 2 ? optionalText(cells[2]) : nil))
      } catch {
        throw lineError(line, error.message, expected: financingFormat)
      }
    }
    return out
  }

  public static let partnerFormat = "name | role | kind, e.g. Silk Road Fund | funding | fund"
  public static func partners(_ text: String) throws(FieldError) -> [Partner] {
    var out: [Partner] = []
    for (line, cells) in rows(text) {
      guard (2...3).contains(cells.count) else { throw lineError(line, "\(cells.count) part(s)", expected: partnerFormat) }
      do throws(FieldError) {
        if cells[0].isEmpty { throw FieldError("no name") }
        out.append(Partner(name: cells[0], role: try choice(cells[1], PartnerRole.self), kind: cells.count > 2 ? optionalText(cells[2]) : nil))
      } catch {
        throw lineError(line, error.message, expected: partnerFormat)
      }
    }
    return out
  }

  public static let participantFormat = "one country per line: code or name, then the count, e.g. PAK 5"
  public static func participants(_ text: String, names: [CountryCode: String]) throws(FieldError) -> [CountryCount] {
    var out: [CountryCount] = []
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = String(raw).trimmingSpaces()
      if line.isEmpty { continue }
      guard let split = line.lastIndex(where: { $0 == " " || $0 == ":" }),
        let count = Int(String(line[line.index(after: split)...]).trimmingSpaces()), count >= 0
      else {
        throw lineError(index + 1, "no count at the end of \"\(line)\"", expected: participantFormat)
      }
      let who = String(line[..<split]).trimmingSpaces()
      let codes: [CountryCode]
      do throws(FieldError) { codes = try countries(who, names: names) } catch {
        throw lineError(index + 1, error.message, expected: participantFormat)
      }
      guard codes.count == 1, let code = codes.first else {
        throw lineError(index + 1, "one country per line", expected: participantFormat)
      }
      if out.contains(where: { $0.country == code }) {
        throw lineError(index + 1, "\(code) is listed twice", expected: participantFormat)
      }
      out.append(CountryCount(country: code, count: count))
    }
    return out
  }

  // MARK: - Writing values back as field text

  public static func text(_ amount: Double?) -> String {
    guard let amount else { return "" }
    return amount.rounded() == amount && abs(amount) < 1e15 ? NumberText.integer(Int(amount)) : String(amount)
  }

  public static func text(_ day: Day?) -> String { day?.description ?? "" }

  public static func text(_ milestones: [Milestone]) -> String {
    milestones.map { "\($0.due) | \($0.title) | \($0.done?.description ?? "")" }.joined(separator: "\n")
  }

  public static func text(_ indicators: [Indicator]) -> String {
    func n(_ v: Double) -> String { v.rounded() == v && abs(v) < 1e15 ? String(Int(v)) : String(v) }
    return indicators.map {
      "\($0.title) | \($0.unit) | \(n($0.baseline)) | \(n($0.target)) | \($0.actual.map(n) ?? "-") | \($0.goal.rawValue)"
    }.joined(separator: "\n")
  }

  public static func text(_ financing: [Financing]) -> String {
    financing.map { "\($0.instrument.rawValue) | \(text($0.amount)) | \($0.provider ?? "")" }.joined(separator: "\n")
  }

  public static func text(_ partners: [Partner]) -> String {
    partners.map { "\($0.name) | \($0.role.rawValue)" + ($0.kind.map { " | \($0)" } ?? "") }.joined(separator: "\n")
  }

  public static func text(_ participants: [CountryCount]) -> String {
    participants.map { "\($0.country) \($0.count)" }.joined(separator: "\n")
  }
}
