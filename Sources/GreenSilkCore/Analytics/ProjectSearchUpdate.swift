/// Keeping the filter's index current across a reload that changed a few
/// projects (issue 17: 30 dashboards follow one editor's saves on 21,000
/// projects). Rebuilding the index folds every title, partner and country
/// of every project again; this copies the unchanged projects' bytes as
/// they are and folds only the changed ones.
extension ProjectSearchIndex {
  /// The index of `projects` when they are the projects this index was
  /// built from (same count, same order, same ids) except at `changed`
  /// (ascending project indexes). Equal to `ProjectSearchIndex(projects,
  /// countryName:)`.
  public func replacing(_ changed: [Int32], in projects: [Project], countryName: (CountryCode) -> String)
    -> ProjectSearchIndex
  {
    precondition(projects.count == count, "replacing needs the same projects in the same order")
    guard !changed.isEmpty else { return self }
    let fresh = ProjectSearchIndex(changed.map { projects[Int($0)] }, countryName: countryName)
    var newBytes: [UInt8] = []
    newBytes.reserveCapacity(bytes.count + fresh.bytes.count)
    var newStarts: [Int32] = []
    newStarts.reserveCapacity(starts.count)
    // Copies the unchanged projects `from..<to`: their bytes in one run,
    // their starts shifted by how far the run moved.
    func copyRun(_ from: Int, _ to: Int) {
      guard from < to else { return }
      let shift = Int32(newBytes.count) - starts[from]
      for index in from..<to { newStarts.append(starts[index] + shift) }
      newBytes += bytes[Int(starts[from])..<Int(starts[to])]
    }
    var next = 0
    for (slot, index) in changed.enumerated() {
      copyRun(next, Int(index))
      newStarts.append(Int32(newBytes.count))
      newBytes += fresh.bytes[Int(fresh.starts[slot])..<Int(fresh.starts[slot + 1])]
      next = Int(index) + 1
    }
    copyRun(next, count)
    newStarts.append(Int32(newBytes.count))
    return ProjectSearchIndex(bytes: newBytes, starts: newStarts)
  }

  /// The positions of the projects that differ between `old` and `new`
  /// when both hold the same ids in the same order; nil when they do not
  /// (a project came or went: derive everything again). Projects a
  /// partial reload kept share their strings and arrays with the old
  /// ones, and those compare equal on identity without reading them.
  public static func changedPositions(from old: [Project], to new: [Project]) -> [Int32]? {
    guard old.count == new.count else { return nil }
    var changed: [Int32] = []
    let same: Bool = old.withUnsafeBufferPointer { old in
      new.withUnsafeBufferPointer { new in
        for index in old.indices {
          guard old[index].id == new[index].id else { return false }
          if old[index] != new[index] { changed.append(Int32(index)) }
        }
        return true
      }
    }
    return same ? changed : nil
  }
}
