#if canImport(Glibc)
  import Glibc
#endif

/// Fuzzy matching as the pipeline filter uses it, case-insensitively, over
/// the id, title, countries (code or name) and agencies. Each
/// space-separated term must match somewhere, in one of three ways:
/// - as written, inside one field (`p-0003`, `air-quality`);
/// - inside one word, its letters in order (`gwdr` → Gwadar, `desal` →
///   desalination, `0042` → P-0042);
/// - as the initials of consecutive words (`wtp` → Wastewater Treatment
///   Plant).
/// Letters scattered across several words do not match: with long titles
/// that would match nearly everything.
///
/// Built once per data change; a keystroke then scans flat byte arrays,
/// and a query that extends the previous one only rescans the previous
/// matches, so filtering 20,000 projects stays inside a few milliseconds.
public struct ProjectSearchIndex: Sendable {
  /// Every project's searchable fields, lower-cased, each field ended by
  /// a 0 byte so that a match cannot run across two fields.
  let bytes: [UInt8]
  let starts: [Int32]

  public let count: Int

  public init(_ projects: [Project], countryName: (CountryCode) -> String) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(projects.count * 96)
    var starts: [Int32] = []
    starts.reserveCapacity(projects.count + 1)
    // Countries and agencies repeat across thousands of projects, and
    // lower-casing non-ASCII text goes through Unicode tables: fold each
    // distinct value once.
    var countryFields: [CountryCode: [UInt8]] = [:]
    var foldedText: [String: [UInt8]] = [:]
    func addFolded(_ field: String) {
      if !ProjectSearchIndex.appendASCIIFolded(field, to: &bytes) {
        if let cached = foldedText[field] {
          bytes += cached
        } else {
          let folded = Array(field.lowercased().utf8)
          foldedText[field] = folded
          bytes += folded
        }
      }
      bytes.append(0)
    }
    for project in projects {
      starts.append(Int32(bytes.count))
      addFolded(project.id)
      addFolded(project.title)
      for country in project.countries {
        if let cached = countryFields[country] {
          bytes += cached
        } else {
          let first = bytes.count
          addFolded(country.description)
          addFolded(countryName(country))
          countryFields[country] = Array(bytes[first...])
        }
      }
      if let agency = project.leadAgency { addFolded(agency) }
      for partner in project.partners { addFolded(partner.name) }
    }
    starts.append(Int32(bytes.count))
    self.bytes = bytes
    self.starts = starts
    count = projects.count
  }

  /// An index from its parts (`replacing(_:in:countryName:)`).
  init(bytes: [UInt8], starts: [Int32]) {
    self.bytes = bytes
    self.starts = starts
    count = starts.count - 1
  }

  /// Appends `text` lower-cased when it is all ASCII (no allocation) and
  /// returns true; returns false, appending nothing, otherwise.
  static func appendASCIIFolded(_ text: String, to bytes: inout [UInt8]) -> Bool {
    var copy = text
    return copy.withUTF8 { utf8 in
      for byte in utf8 where byte >= 0x80 { return false }
      for byte in utf8 { bytes.append(byte >= 65 && byte <= 90 ? byte + 32 : byte) }
      return true
    }
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
    for term in terms where !matches(term, record) { return false }
    return true
  }

  /// Word characters: letters, digits, and any non-ASCII byte (so that
  /// Chinese or accented words count as words).
  @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool {
    byte >= 0x80 || (byte >= 48 && byte <= 57) || (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90)
  }

  private func matches(_ term: [[UInt8]], _ record: UnsafeBufferPointer<UInt8>) -> Bool {
    if containsExactly(term, record) { return true }
    let count = record.count
    var index = 0
    // Inside one word: walk the bytes; a separator restarts the term.
    var unit = 0
    while index < count {
      let byte = record[index]
      if !FuzzyQuery.isWordByte(byte) {
        unit = 0
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
    return term.count > 1 && matchesInitials(term, record)
  }

  /// The term as written (punctuation and all) somewhere in the record;
  /// fields are 0-separated, so it cannot span two of them.
  private func containsExactly(_ term: [[UInt8]], _ record: UnsafeBufferPointer<UInt8>) -> Bool {
    let needle = term.flatMap { $0 }
    guard let base = record.baseAddress, !needle.isEmpty, needle.count <= record.count else { return false }
    // memchr for the first byte, then compare the rest (memmem is a GNU
    // extension the Glibc module does not export).
    return needle.withUnsafeBufferPointer { wanted in
      guard let first = wanted.first, let wantedBase = wanted.baseAddress else { return false }
      var offset = 0
      let last = record.count - wanted.count
      while offset <= last, let hit = memchr(base + offset, Int32(first), last - offset + 1) {
        let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if memcmp(base + at, wantedBase, wanted.count) == 0 { return true }
        offset = at + 1
      }
      return false
    }
  }

  /// The term as the first letters of consecutive words of one field.
  private func matchesInitials(_ term: [[UInt8]], _ record: UnsafeBufferPointer<UInt8>) -> Bool {
    var starts: [Int] = []
    var index = 0
    let count = record.count
    while index <= count {
      let atEnd = index == count || record[index] == 0
      if atEnd {
        if starts.count >= term.count {
          outer: for first in 0...(starts.count - term.count) {
            for (offset, wanted) in term.enumerated() where !matchesAt(wanted, record, starts[first + offset], fromStart: true) {
              continue outer
            }
            return true
          }
        }
        starts.removeAll(keepingCapacity: true)
      } else if FuzzyQuery.isWordByte(record[index]) && (index == 0 || !FuzzyQuery.isWordByte(record[index - 1])) {
        starts.append(index)
      }
      index += 1
    }
    return false
  }

  private func matchesAt(_ wanted: [UInt8], _ record: UnsafeBufferPointer<UInt8>, _ index: Int, fromStart: Bool = false) -> Bool {
    guard index + wanted.count <= record.count else { return false }
    for offset in (fromStart ? 0 : 1)..<wanted.count where record[index + offset] != wanted[offset] { return false }
    return true
  }

  /// The character ranges of `text` to highlight for this query: for each
  /// term, the first word in which its letters appear in order, else the
  /// initials it matched (contiguous runs merged). Empty when no term
  /// matches this text.
  public func highlights(in text: String) -> [Range<Int>] {
    let characters = Array(text.lowercased())
    guard characters.count == text.count else { return [] }  // lower-casing changed the length
    func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber }
    var marked = Set<Int>()
    for term in terms {
      let wanted = term.map { Character(String(decoding: $0, as: UTF8.self)) }
      var positions: [Int] = []
      var next = 0
      var found = false
      // As written first (hyphenated ids and words), then within a word.
      if let start = firstIndex(of: wanted, in: characters) {
        marked.formUnion(start..<(start + wanted.count))
        continue
      }
      for (offset, character) in characters.enumerated() {
        if !isWord(character) {
          next = 0
          positions.removeAll()
          continue
        }
        if character == wanted[next] {
          positions.append(offset)
          next += 1
          if next == wanted.count {
            found = true
            break
          }
        }
      }
      if !found && wanted.count > 1 {
        let starts = characters.indices.filter { isWord(characters[$0]) && ($0 == 0 || !isWord(characters[$0 - 1])) }
        if starts.count >= wanted.count {
          for first in 0...(starts.count - wanted.count)
          where (0..<wanted.count).allSatisfy({ characters[starts[first + $0]] == wanted[$0] }) {
            positions = (0..<wanted.count).map { starts[first + $0] }
            found = true
            break
          }
        }
      }
      if found { marked.formUnion(positions) }
    }
    var ranges: [Range<Int>] = []
    for position in marked.sorted() where position < characters.count {
      if let last = ranges.last, last.upperBound == position {
        ranges[ranges.count - 1] = last.lowerBound..<(position + 1)
      } else {
        ranges.append(position..<(position + 1))
      }
    }
    return ranges
  }
}

extension FuzzyQuery {
  func firstIndex(of needle: [Character], in haystack: [Character]) -> Int? {
    guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
      if Array(haystack[start..<(start + needle.count)]) == needle { return start }
    }
    return nil
  }
}
