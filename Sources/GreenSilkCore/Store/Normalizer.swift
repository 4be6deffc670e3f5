/// Rewrites collection files in canonical form: one record per line in
/// our field order, sorted by id. A file with any bad line is left alone
/// (normalising would have to move or drop it) and reported instead.
public enum Normalizer {
  public struct Outcome: Sendable {
    public var rewritten: [DataFile] = []
    public var unchanged: [DataFile] = []
    public var skipped: [(DataFile, [LoadIssue])] = []
  }

  public static func normalize(_ store: FileStore) throws(StoreError) -> Outcome {
    guard !store.isReadOnly else { throw StoreError.readOnly }
    var outcome = Outcome()
    func run<R: StoredRecord>(_ type: R.Type) throws(StoreError) {
      guard R.file == .projects, store.projectsAreSplit else {
        return try run(R.self, path: store.path(of: R.file), display: FileSystem.join(store.displayDirectory, R.file.fileName))
      }
      // Projects in parts: each part on its own (a record stays in its part).
      for index in store.projectPartIndices() {
        try run(
          R.self, path: store.path(ofPart: index),
          display: FileSystem.join(store.displayDirectory, ProjectParts.relativePath(ofPart: index)))
      }
    }
    func run<R: StoredRecord>(_ type: R.Type, path: String, display: String) throws(StoreError) {
      do {
        let lock = try DirectoryLock(directory: store.directory)
        defer { lock.release() }
        guard let bytes = try FileSystem.read(path, within: store.directory) else { return }
        let parsed = CollectionParser.parse(R.self, bytes: bytes, displayPath: display)
        if !parsed.issues.isEmpty {
          outcome.skipped.append((R.file, parsed.issues))
          return
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for record in parsed.records.sorted(by: { $0.id < $1.id }) {
          out += Array(record.jsonLine.utf8)
          out.append(0x0A)
        }
        if out == bytes {
          if !outcome.unchanged.contains(R.file) { outcome.unchanged.append(R.file) }
        } else {
          try FileSystem.writeAtomically(path, out)
          if !outcome.rewritten.contains(R.file) { outcome.rewritten.append(R.file) }
        }
      } catch {
        throw StoreError.io(error)
      }
    }
    try run(Country.self)
    try run(Corridor.self)
    try run(CorridorMembership.self)
    try run(AreaInfo.self)
    try run(Project.self)
    try run(EnvoyActivity.self)
    try run(ProgramTotal.self)
    try run(CorridorRoute.self)
    return outcome
  }
}
