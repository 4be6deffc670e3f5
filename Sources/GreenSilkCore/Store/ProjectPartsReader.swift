/// Reads projects kept in parts (`ProjectParts`): every part parsed on its
/// own (the parts spread over the cores), a record found in a part other
/// than its id's reported and left out (so each id has one home, and a
/// save always finds it where it looks), and `projects.jsonl` left beside
/// the folder reported, not read. `reload` re-reads only the parts that
/// changed and keeps the other projects of an earlier load: what a
/// dashboard following one editor's saves does (issue 17).
enum ProjectPartsReader {
  struct Parts {
    var parsed = ParsedFile<Project>()
    var issues: [LoadIssue] = []
    /// By path relative to the data directory (`projects/NN.jsonl`), and
    /// the folder itself (replaced on every write).
    var identities: [String: FileSystem.Identity] = [:]
  }

  static func indices(in directory: String) -> [Int] {
    FileStore(directory: directory, readOnly: true).projectPartIndices()
  }

  static func display(_ displayDirectory: String, part index: Int) -> String {
    FileSystem.join(displayDirectory, ProjectParts.relativePath(ofPart: index))
  }

  static func read(directory: String, displayDirectory: String, indices: [Int]) -> Parts {
    var out = Parts()
    out.identities[ProjectParts.folderName] = FileSystem.identity(FileSystem.join(directory, ProjectParts.folderName))
    for index in indices {
      let relative = ProjectParts.relativePath(ofPart: index)
      out.identities[relative] = FileSystem.identity(FileSystem.join(directory, relative))
    }
    let results = CollectionParser.inParallel(indices.count) { slot in
      let index = indices[slot]
      return Result { () throws(FileSystemError) in
        try CollectionParser.parseFile(
          Project.self, path: FileSystem.join(directory, ProjectParts.relativePath(ofPart: index)),
          displayPath: display(displayDirectory, part: index), within: directory)
      }
    }
    var records: [[Project]] = []
    for (slot, result) in results.enumerated() {
      let index = indices[slot]
      let shown = display(displayDirectory, part: index)
      switch result {
      case .failure(let error):
        out.issues.append(LoadIssue(file: shown, line: 0, reason: error.refusal ?? error.description))
      case .success(nil):
        continue  // removed since the folder was listed
      case .success(var parsed?):
        out.issues += parsed.issues
        if parsed.records.contains(where: { ProjectParts.partIndex(of: $0.id) != index }) {
          parsed.records.removeAll { project in
            let home = ProjectParts.partIndex(of: project.id)
            guard home != index else { return false }
            out.issues.append(
              LoadIssue(
                file: shown, line: parsed.lineOfID[project.id] ?? 0,
                reason: "project \(project.id) belongs in \(ProjectParts.relativePath(ofPart: home)) "
                  + "(a project's part follows from its id); this line is not loaded: move it there"))
            parsed.lineOfID[project.id] = nil
            return true
          }
        }
        out.parsed.lineOfID.merge(parsed.lineOfID) { first, _ in first }
        records.append(parsed.records)
      }
    }
    out.parsed.records = records.flatMap { $0 }
    if FileSystem.exists(FileSystem.join(directory, DataFile.projects.fileName)) {
      out.issues.append(
        LoadIssue(
          file: FileSystem.join(displayDirectory, DataFile.projects.fileName), line: 0,
          reason: "not read: the projects are in \(ProjectParts.folderName)/ (a split stopped half way leaves this "
            + "copy, which the next save removes; if it holds edits, move them into their parts)"))
    }
    return out
  }

  /// Leaves out projects naming countries or corridors the reference
  /// tables do not have, each reported at its part's line.
  static func dropDangling(
    _ parsed: inout ParsedFile<Project>, displayDirectory: String, _ problem: (Project) -> String?
  ) -> [LoadIssue] {
    guard parsed.records.contains(where: { problem($0) != nil }) else { return [] }
    var issues: [LoadIssue] = []
    var lines = parsed.lineOfID
    parsed.records.removeAll { project in
      guard let reason = problem(project) else { return false }
      issues.append(
        LoadIssue(
          file: display(displayDirectory, part: ProjectParts.partIndex(of: project.id)),
          line: lines[project.id] ?? 0, reason: reason))
      lines[project.id] = nil
      return true
    }
    parsed.lineOfID = lines
    return issues
  }

  /// `previous` with the parts in `changed` read again (and any part
  /// gone dropped); every other project is kept as it was loaded.
  static func reload(previous: LoadResult, changed: Set<Int>, directory: String, displayDirectory: String)
    -> LoadResult
  {
    let present = Set(indices(in: directory))
    var parts = read(directory: directory, displayDirectory: displayDirectory, indices: changed.filter(present.contains).sorted())
    let data = previous.dataSet
    let problem = DataSetLoader.danglingProjectProblem(
      countries: Set(data.countries.map(\.code)), corridors: Set(data.corridors.map(\.code)))
    parts.issues += dropDangling(&parts.parsed, displayDirectory: displayDirectory, problem)

    let changedFiles = Set(changed.map { display(displayDirectory, part: $0) })
    let leftover = FileSystem.join(displayDirectory, DataFile.projects.fileName)
    var issues = previous.issues.filter { !changedFiles.contains($0.file) && $0.file != leftover }
    issues += parts.issues
    // The projects the changed parts held before, found by their ids'
    // part (one hash each, no string comparisons; a table of the parts
    // instead of the set: this runs for every project on every save).
    var isChanged = [Bool](repeating: false, count: ProjectParts.partCount)
    for index in changed where isChanged.indices.contains(index) { isChanged[index] = true }
    var before: [String] = []
    data.projects.withUnsafeBufferPointer { projects in
      for project in projects where isChanged[ProjectParts.partIndex(of: project.id)] { before.append(project.id) }
    }
    var lines = previous.lineNumbers[.projects] ?? [:]
    let fresh = parts.parsed.records
    let sameIDs = before.count == fresh.count && Set(before) == Set(fresh.map(\.id))
    var dataSet: DataSet
    if sameIDs {
      // The usual save: records changed, none came or went. Replaced in
      // place: the order and the id index stay as they are.
      dataSet = data
      for project in fresh { dataSet.upsert(project) }
    } else {
      for id in before { lines[id] = nil }
      let kept = data.projects.filter { !isChanged[ProjectParts.partIndex(of: $0.id)] }
      dataSet = DataSet(
        meta: data.meta, countries: data.countries, corridors: data.corridors, memberships: data.memberships,
        areas: data.areas, projects: mergeByID(kept, fresh), activities: data.activities,
        programTotals: data.programTotals, routes: data.routes)
    }
    lines.merge(parts.parsed.lineOfID) { _, new in new }
    parts.parsed = ParsedFile()

    var result = previous
    result.dataSet = dataSet
    result.issues = issues.sorted()
    result.lineNumbers[.projects] = lines
    for index in changed { result.fileIdentities[ProjectParts.relativePath(ofPart: index)] = nil }
    result.fileIdentities.merge(parts.identities) { _, new in new }
    return result
  }

  /// Two id-sorted lists as one (`fresh` sorted first when a hand-edited
  /// part was not): a linear merge, so that `DataSet` finds the result
  /// sorted and does not sort 21,000 projects again for a one-part change.
  static func mergeByID(_ kept: [Project], _ fresh: [Project]) -> [Project] {
    var fresh = fresh
    if zip(fresh, fresh.dropFirst()).contains(where: { $1.id < $0.id }) { fresh.sort { $0.id < $1.id } }
    var out: [Project] = []
    out.reserveCapacity(kept.count + fresh.count)
    var i = 0
    var j = 0
    while i < kept.count && j < fresh.count {
      if fresh[j].id < kept[i].id {
        out.append(fresh[j])
        j += 1
      } else {
        out.append(kept[i])
        i += 1
      }
    }
    out += kept[i...]
    out += fresh[j...]
    return out
  }
}
