/// The outcome of reading a data directory: the data that loaded, every
/// problem found on the way, and the identity of each file read (so a
/// watcher can tell when to reload).
public struct LoadResult: Equatable, Sendable {
  public var dataSet: DataSet
  public var issues: [LoadIssue]
  public var fileIdentities: [String: FileSystem.Identity]
  /// The line each loaded record came from, per file and id.
  public var lineNumbers: [DataFile: [String: Int]]

  /// Whether the projects were read from parts (`ProjectParts`): then a
  /// project's line number counts within its part.
  public var projectsInParts = false

  /// `FILE:LINE` for a loaded record (FILE as the user named the directory).
  public func location(of file: DataFile, id: String, displayDirectory: String) -> (String, Int) {
    let name =
      file == .projects && projectsInParts
      ? ProjectParts.relativePath(ofPart: ProjectParts.partIndex(of: id)) : file.fileName
    return (FileSystem.join(displayDirectory, name), lineNumbers[file]?[id] ?? 0)
  }
}

/// Why a data directory cannot be used at all (as opposed to bad lines,
/// which are reported and skipped).
public struct UnusableDataDirectory: Error, Sendable, CustomStringConvertible {
  public let message: String
  public var description: String { message }
}

/// Reads every collection of a data directory. Never crashes on bad
/// input: each bad line is reported and the rest loads.
enum DataSetLoader {
  static func load(directory: String, displayDirectory: String) throws -> LoadResult {
    guard FileSystem.isDirectory(directory) else {
      throw UnusableDataDirectory(message: "\(displayDirectory): no such data directory")
    }
    var issues: [LoadIssue] = []
    var identities: [String: FileSystem.Identity] = [:]

    func display(_ name: String) -> String { FileSystem.join(displayDirectory, name) }

    let metaPath = FileSystem.join(directory, FileStore.metaFileName)
    identities[FileStore.metaFileName] = FileSystem.identity(metaPath)
    var meta = DataSetMeta(label: .illustrative, title: "(no dataset.json)")
    let metaRead = MetaFileReading.read(path: metaPath, directory: directory, displayPath: display(FileStore.metaFileName))
    if let read = metaRead.meta { meta = read }
    issues += metaRead.issues

    func read<R: StoredRecord>(_ type: R.Type) throws -> ParsedFile<R> {
      let name = R.file.fileName
      let path = FileSystem.join(directory, name)
      identities[name] = FileSystem.identity(path)
      let attempt = Result { () throws(FileSystemError) in
        try CollectionParser.parseFile(R.self, path: path, displayPath: display(name), within: directory)
      }
      if case .failure(let error) = attempt, let refusal = error.refusal {
        // Not a regular file, a link out of the directory, too large: the
        // file is named and why, and the rest of the data loads.
        issues.append(LoadIssue(file: display(name), line: 0, reason: refusal))
        return ParsedFile()
      }
      guard var parsed = try attempt.get() else {
        if ![.activities, .projects, .programTotals, .corridorRoutes].contains(R.file) {
          issues.append(LoadIssue(file: display(name), line: 0, reason: "missing"))
        }
        return ParsedFile()
      }
      issues += parsed.issues
      parsed.issues = []
      return parsed
    }

    let countries = try read(Country.self)
    let known = Set(countries.records.map(\.code))
    let corridors = try read(Corridor.self)
    var memberships = try read(CorridorMembership.self)
    let areas = try read(AreaInfo.self)
    let inParts = FileSystem.isDirectory(FileSystem.join(directory, ProjectParts.folderName))
    var projects: ParsedFile<Project>
    if inParts {
      let parts = ProjectPartsReader.read(
        directory: directory, displayDirectory: displayDirectory, indices: ProjectPartsReader.indices(in: directory))
      projects = parts.parsed
      issues += parts.issues
      identities.merge(parts.identities) { $1 }
      identities[DataFile.projects.fileName] = FileSystem.identity(FileSystem.join(directory, DataFile.projects.fileName))
    } else {
      projects = try read(Project.self)
    }
    var activities = try read(EnvoyActivity.self)
    let totals = try read(ProgramTotal.self)
    var routes = try read(CorridorRoute.self)
    issues += CorridorRoute.orderIssues(
      routes.records, lineOfID: routes.lineOfID, displayPath: display(CorridorRoute.file.fileName))

    // Dangling references: the line is reported and left out, like any
    // other bad line.
    func unknownCountries(_ codes: [CountryCode]) -> [CountryCode] {
      codes.filter { !known.contains($0) }
    }
    func dropDangling<R: StoredRecord>(_ parsed: inout ParsedFile<R>, _ problem: (R) -> String?) {
      // Usually nothing dangles: check first, copy only when something must go.
      // By index: `contains(where:)` would hand the closure a copy of each.
      guard parsed.records.indices.contains(where: { problem(parsed.records[$0]) != nil }) else { return }
      var kept: [R] = []
      kept.reserveCapacity(parsed.records.count)
      for record in parsed.records {
        if let reason = problem(record) {
          issues.append(LoadIssue(file: display(R.file.fileName), line: parsed.lineOfID[record.id] ?? 0, reason: reason))
          parsed.lineOfID[record.id] = nil
        } else {
          kept.append(record)
        }
      }
      parsed.records = kept
    }
    let knownCorridors = Set(corridors.records.map(\.code))
    dropDangling(&memberships) { row in
      if !knownCorridors.contains(row.corridor) { return "unknown corridor \"\(row.corridor.rawValue)\" (not in corridors.jsonl)" }
      return known.contains(row.country) ? nil : "unknown country \"\(row.country)\" (not in countries.jsonl)"
    }
    let projectProblem = danglingProjectProblem(countries: known, corridors: knownCorridors)
    if inParts {
      issues += ProjectPartsReader.dropDangling(&projects, displayDirectory: displayDirectory, projectProblem)
    } else {
      dropDangling(&projects, projectProblem)
    }
    dropDangling(&routes) { route in
      knownCorridors.contains(route.corridor) ? nil : "unknown corridor \"\(route.corridor.rawValue)\" (not in corridors.jsonl)"
    }
    dropDangling(&activities) { activity in
      if let missing = unknownCountries(activity.participants.map(\.country)).first {
        return "unknown country \"\(missing)\" in activity \(activity.id) (not in countries.jsonl)"
      }
      return nil
    }

    let dataSet = DataSet(
      meta: meta, countries: countries.records, corridors: corridors.records,
      memberships: memberships.records, areas: areas.records, projects: projects.records,
      activities: activities.records, programTotals: totals.records, routes: routes.records)
    let lines: [DataFile: [String: Int]] = [
      .countries: countries.lineOfID, .corridors: corridors.lineOfID,
      .corridorCountries: memberships.lineOfID, .areas: areas.lineOfID, .projects: projects.lineOfID,
      .activities: activities.lineOfID, .programTotals: totals.lineOfID, .corridorRoutes: routes.lineOfID,
    ]
    var result = LoadResult(dataSet: dataSet, issues: issues.sorted(), fileIdentities: identities, lineNumbers: lines)
    result.projectsInParts = inParts
    return result
  }

  /// Why a project cannot load against the reference tables (nil: it can).
  static func danglingProjectProblem(
    countries known: Set<CountryCode>, corridors knownCorridors: Set<CorridorCode>
  ) -> @Sendable (Project) -> String? {
    { project in
      if let missing = project.countries.first(where: { !known.contains($0) }) {
        return "unknown country \"\(missing)\" in project \(project.id) (not in countries.jsonl)"
      }
      if let missing = project.corridors.first(where: { !knownCorridors.contains($0) }) {
        return "unknown corridor \"\(missing.rawValue)\" in project \(project.id) (not in corridors.jsonl)"
      }
      return nil
    }
  }
}
