/// Fuzzy matching as the pipeline filter uses it: every character of the
/// query appears in order (a subsequence) inside ONE field — id, title,
/// a country (code or name) or an agency — case-insensitively. Several
/// space-separated terms must all match (each in some field).
///
/// Built once per data change; a keystroke then scans flat byte arrays,
/// and a query that extends the previous one only rescans the previous
/// matches, so filtering 20,000 projects stays inside a few milliseconds.
public struct ProjectSearchIndex: Sendable {
  /// Every project's searchable fields, lower-cased, each field ended by
  /// a 0 byte so that a match cannot run across two fields.
  private let bytes: [UInt8]
  private let starts: [Int32]

  public let count: Int

  public init(_ projects: [Project], countryName: (CountryCode) -> String) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(projects.count * 96)
    var starts: [Int32] = []
    starts.reserveCapacity(projects.count + 1)
    for project in projects {
      starts.append(Int32(bytes.count))
      func add(_ field: String) {
        bytes += ProjectSearchIndex.folded(field)
        bytes.append(0)
      }
      add(project.id)
      add(project.title)
      for country in project.countries {
        add(country.description)
        add(countryName(country))
      }
      if let agency = project.leadAgency { add(agency) }
      for partner in project.partners { add(partner.name) }
    }
    starts.append(Int32(bytes.count))
    self.bytes = bytes
    self.starts = starts
    count = projects.count
  }

  /// The positions (in `candidates` order) of the projects that match.
  /// `candidates` are project indexes; nil means all projects in order.
  public func filter(_ query: String, candidates: [Int32]? = nil) -> [Int32] {
    let terms = FuzzyQuery(query)
    guard !terms.isEmpty else { return candidates ?? (0..<Int32(count)).map { $0 } }
    var out: [Int32] = []
    bytes.withUnsafeBufferPointer { all in
      starts.withUnsafeBufferPointer { starts in
        func check(_ index: Int32) {
          let record = UnsafeBufferPointer(
            rebasing: all[Int(starts[Int(index)])..<Int(starts[Int(index) + 1])])
          if terms.matchesAllTerms(in: record) { out.append(index) }
        }
        if let candidates {
          for index in candidates { check(index) }
        } else {
          for index in 0..<Int32(count) { check(index) }
        }
      }
    }
    return out
  }

  /// Lower-cases for matching: ASCII by byte, the rest through Unicode.
  static func folded(_ text: String) -> [UInt8] {
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      return text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    }
    return Array(text.lowercased().utf8)
  }
}

/// A parsed filter query: terms, each a list of characters as UTF-8 units.
public struct FuzzyQuery: Sendable {
  let terms: [[[UInt8]]]

  public init(_ query: String) {
    terms = query.split(separator: " ").map { term in
      String(term).lowercased().map { Array(String($0).utf8) }
    }
  }

  public var isEmpty: Bool { terms.isEmpty }

  /// Whether every term matches some 0-terminated field of `record`.
  func matchesAllTerms(in record: UnsafeBufferPointer<UInt8>) -> Bool {
    for term in terms where !matchesInSomeField(term, record) { return false }
    return true
  }

  private func matchesInSomeField(_ term: [[UInt8]], _ record: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    var unit = 0
    while index < record.count {
      let byte = record[index]
      if byte == 0 {
        unit = 0  // next field: start the term again
        index += 1
        continue
      }
      let wanted = term[unit]
      if byte == wanted[0] && (wanted.count == 1 || matchesAt(wanted, record, index)) {
        unit += 1
        if unit == term.count { return true }
        index += wanted.count
        continue
      }
      index += 1
    }
    return false
  }

  private func matchesAt(_ wanted: [UInt8], _ record: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    guard index + wanted.count <= record.count else { return false }
    for offset in 1..<wanted.count where record[index + offset] != wanted[offset] { return false }
    return true
  }

  /// The character ranges of `text` to highlight for this query: the
  /// first place where each term matches as a subsequence (contiguous
  /// runs merged). Empty when no term matches this text.
  public func highlights(in text: String) -> [Range<Int>] {
    let characters = Array(text.lowercased())
    guard characters.count == text.count else { return [] }  // lower-casing changed the length
    var marked = Set<Int>()
    for term in terms {
      let wanted = term.map { Character(String(decoding: $0, as: UTF8.self)) }
      var positions: [Int] = []
      var next = 0
      for (offset, character) in characters.enumerated() where next < wanted.count && character == wanted[next] {
        positions.append(offset)
        next += 1
      }
      if next == wanted.count { marked.formUnion(positions) }
    }
    var ranges: [Range<Int>] = []
    for position in marked.sorted() {
      if let last = ranges.last, last.upperBound == position {
        ranges[ranges.count - 1] = last.lowerBound..<(position + 1)
      } else {
        ranges.append(position..<(position + 1))
      }
    }
    return ranges
  }
}
