/// The check before a commit: a changed data file must load line by line
/// (no syntax error, no conflict marker). A bad line is reported as
/// FILE:LINE and the sync commits nothing, so a hand-made mistake never
/// travels to the other offices.
public enum SyncPreflight {
  public static func problems(directory: String, displayDirectory: String, files: [String]) -> [LoadIssue] {
    var issues: [LoadIssue] = []
    for name in files {
      let path = FileSystem.join(directory, name)
      let display = FileSystem.join(displayDirectory, name)
      guard let bytes = try? FileSystem.read(path) else { continue }  // deleted
      let markers = ConflictMarkers.lines(in: bytes)
      for line in markers {
        issues.append(LoadIssue(file: display, line: line, reason: "conflict marker from a merge without GreenSilk's merge driver"))
      }
      if !markers.isEmpty { continue }
      issues += lineProblems(name: name, bytes: bytes, path: path, display: display)
    }
    return issues.sorted()
  }

  static func lineProblems(name: String, bytes: [UInt8], path: String, display: String) -> [LoadIssue] {
    if name == FileStore.metaFileName {
      do {
        _ = try DataSetMeta(fileText: String(decoding: bytes, as: UTF8.self))
        return []
      } catch let error as JSONError {
        return [LoadIssue(file: display, line: 1, reason: CollectionParser.describe(error))]
      } catch {
        return [LoadIssue(file: display, line: 1, reason: "\(error)")]
      }
    }
    if case .appendOnlyLog = MergeKind.of(path: name) {
      return auditProblems(bytes, display: display)
    }
    guard name.hasSuffix(".jsonl") else { return [] }
    func parse<R: StoredRecord>(_ type: R.Type) -> [LoadIssue] {
      (try? CollectionParser.parseFile(R.self, path: path, displayPath: display))??.issues ?? []
    }
    if name.hasPrefix(ProjectParts.folderName + "/") { return parse(Project.self) }  // projects in parts
    switch DataFile(rawValue: String(name.dropLast(".jsonl".count))) {
    case .projects: return parse(Project.self)
    case .activities: return parse(EnvoyActivity.self)
    case .countries: return parse(Country.self)
    case .corridors: return parse(Corridor.self)
    case .corridorCountries: return parse(CorridorMembership.self)
    case .areas: return parse(AreaInfo.self)
    case .programTotals: return parse(ProgramTotal.self)
    case .corridorRoutes: return parse(CorridorRoute.self)
    case nil: return genericProblems(bytes, display: display)
    }
  }

  /// A file GreenSilk does not know (a sidecar): each line a JSON object.
  static func genericProblems(_ bytes: [UInt8], display: String) -> [LoadIssue] {
    var issues: [LoadIssue] = []
    forEachNumberedLine(bytes) { number, line in
      do {
        try JSONReader.withReader(line) { r in
          try r.readObject { r, _ in try r.skipValue() }
          try r.expectEnd()
        }
      } catch let error as JSONError {
        issues.append(LoadIssue(file: display, line: number, reason: CollectionParser.describe(error)))
      } catch {
        issues.append(LoadIssue(file: display, line: number, reason: "\(error)"))
      }
    }
    return issues
  }

  static func auditProblems(_ bytes: [UInt8], display: String) -> [LoadIssue] {
    var issues: [LoadIssue] = []
    forEachNumberedLine(bytes) { number, line in
      do {
        _ = try AuditEntry(jsonLine: line)
      } catch let error as JSONError {
        issues.append(LoadIssue(file: display, line: number, reason: CollectionParser.describe(error)))
      } catch {
        issues.append(LoadIssue(file: display, line: number, reason: "\(error)"))
      }
    }
    return issues
  }

  static func forEachNumberedLine(_ bytes: [UInt8], _ body: (Int, String) -> Void) {
    var number = 0
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
      number += 1
      if line.isEmpty { continue }
      body(number, String(decoding: line, as: UTF8.self))
    }
  }
}
