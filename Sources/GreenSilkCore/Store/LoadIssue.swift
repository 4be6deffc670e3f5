/// A problem found while reading or checking a data file, reported as
/// `FILE:LINE: reason` (LINE is 1-based; 0 when the problem is not on one
/// line, such as a missing file).
public struct LoadIssue: Hashable, Sendable, CustomStringConvertible, Comparable {
  public var file: String
  public var line: Int
  public var reason: String

  public init(file: String, line: Int, reason: String) {
    self.file = file
    self.line = line
    self.reason = reason
  }

  public var description: String {
    line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)"
  }

  public static func < (lhs: LoadIssue, rhs: LoadIssue) -> Bool {
    (lhs.file, lhs.line, lhs.reason) < (rhs.file, rhs.line, rhs.reason)
  }
}

/// Record ids are short, ASCII and free of spaces so that they sort the
/// same everywhere, fit in a table column and can be typed.
public enum RecordID {
  public static func problem(with id: String) -> String? {
    if id.isEmpty { return "id must not be empty" }
    if id.utf8.count > 64 { return "id \"\(id.prefix(20))…\" is longer than 64 characters" }
    for byte in id.utf8 {
      let ok =
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        || byte == UInt8(ascii: ":")
      if !ok { return "id \"\(id)\" may only hold letters, digits and - _ . :" }
    }
    return nil
  }
}
