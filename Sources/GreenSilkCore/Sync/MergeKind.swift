#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How `greensilk merge-driver` merges one file of the data directory,
/// chosen by the file's path (git's `%P`). One table, `MergeKind.table`:
/// a new kind of file (a sidecar of source columns, an audit log split by
/// period) fits in with one line there.
public enum MergeKind: Equatable, Sendable {
  /// One JSON record per line, keyed by `"id"`: three-way by id, then
  /// field by field (`RecordMerge`). `leafKeys` are the top-level objects
  /// kept whole (the record type's `leafKeys`).
  case records(leafKeys: Set<String>)
  /// An append-only log: the union of its lines (`AuditUnionMerge`).
  case appendOnlyLog
  /// Anything else: git's own three-way text merge (`git merge-file`).
  case text

  /// Patterns (fnmatch, `*` within one path segment) and their kind, the
  /// first match wins. Paths are relative to the data directory.
  public static let table: [(pattern: String, kind: MergeKind)] = [
    ("audit.jsonl", .appendOnlyLog),
    ("audit/*.jsonl", .appendOnlyLog),  // the audit split by period (issue 13)
    ("audit-*.jsonl", .appendOnlyLog),
    ("projects.jsonl", .records(leafKeys: Project.leafKeys)),
    ("projects/*.jsonl", .records(leafKeys: Project.leafKeys)),  // projects in parts (ProjectParts)
    ("activities.jsonl", .records(leafKeys: EnvoyActivity.leafKeys)),
    // The source-row sidecar (issue 13): a header line applies to the rows
    // after it and rows are found by project id and digest, so the union
    // of two parts' lines is a valid part holding both offices' rows.
    ("sources/*.jsonl", .appendOnlyLog),
    ("*.jsonl", .records(leafKeys: [])),  // reference tables, routes
    ("*/*.jsonl", .records(leafKeys: [])),
  ]

  public static func of(path: String) -> MergeKind {
    for (pattern, kind) in table where fnmatch(pattern, path, FNM_PATHNAME) == 0 { return kind }
    return .text
  }
}
