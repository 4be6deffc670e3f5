/// Re-import without losing local work (DECISIONS.md, "AidData
/// re-import"). For each field the import owns, the value the previous
/// import produced is recomputed from the columns it stored; a current
/// value that differs from it was edited here since, and is kept. Every
/// other owned field takes the new source value. Fields the import does
/// not own (screening, delivery, area, milestones, …) are never touched.
enum AidDataMerge {
  /// Top-level fields the import fills in (`ownedByImport()` in
  /// `ProjectField`); nested ones (`budget.amount`) are decided one by one.
  static let owned = Project.declaration.importOwnedKeys

  enum Outcome {
    case unchanged(notes: [String])
    case updated(Project, notes: [String])
  }

  /// `storedRow` gives the columns text of the row the last import
  /// stored (the sidecar's, when the record does not carry it);
  /// `description` is the incoming row's whole description.
  static func merge(
    existing: Project, incoming: Project, description: String, mapper: AidDataMapper, user: UserIdentity,
    now: Timestamp, storedRow: (Project) -> String? = { $0.imported?.columnsJSON }
  ) throws(FieldError) -> Outcome {
    // A record imported before the import derived totals eligibility and
    // estimates gets them now, then merges as usual (AidDataDerivedFields).
    var upgraded = existing
    var upgradeNotes: [String] = []
    if let filled = AidDataDerivedFields.filledIn(existing, from: incoming) {
      upgraded = filled
      upgradeNotes.append(
        "\(existing.id): totals eligibility and estimate flags filled in from the source (new fields)")
    }
    // Same row, summary stored whole by an older GreenSilk: the import's
    // own value, shortened now (the changed-row case is in mergeFields).
    if existing.imported?.digest == incoming.imported?.digest,
      AidDataSummary.isWholeDescription(upgraded.summary, description: description)
    {
      upgraded.summary = incoming.summary
    }
    let outcome = try mergeFields(
      existing: upgraded, incoming: incoming, mapper: mapper, user: user, now: now, storedRow: storedRow)
    guard upgraded != existing else { return outcome }
    switch outcome {
    case .updated(let merged, let notes):
      return .updated(merged, notes: notes + upgradeNotes)
    case .unchanged(let notes):
      var project = upgraded
      project.changedBy = user.login
      project.changedAt = now
      return .updated(project, notes: notes + upgradeNotes)
    }
  }

  static func mergeFields(
    existing: Project, incoming: Project, mapper: AidDataMapper, user: UserIdentity, now: Timestamp,
    storedRow: (Project) -> String?
  ) throws(FieldError) -> Outcome {
    guard let stored = existing.imported, stored.dataset == AidDataMapper.dataset else {
      throw FieldError(
        "project \(existing.id) exists but was not imported from AidData GCDF 3.0; row skipped (rename the local project to import it)")
    }
    // The digest names the row: equal digests, the same source row.
    if stored.digest == incoming.imported?.digest {
      return unchangedSource(existing: existing, incoming: incoming)
    }
    guard let storedText = stored.columnsJSON ?? storedRow(existing) else {
      throw FieldError(
        "the source row the last import stored for \(existing.id) is not in \(SourceRowStore.folderName)/; row skipped so no local edit is lost")
    }
    var storedRecord = stored
    storedRecord.columnsJSON = storedText
    let storedColumns = storedRecord.columns()
    let previous: Project
    do {
      previous = try mapper.project(AidDataValues(columns: storedColumns), columns: nil, importedAt: nil)
    } catch {
      throw FieldError(
        "cannot recompute what the previous import of \(existing.id) produced (\(error.message)); row skipped so no local edit is lost")
    }
    // A summary an older GreenSilk stored whole is the previous import's
    // own value, not a local edit (AidDataSummary).
    var existing = existing
    if AidDataSummary.isWholeDescription(
      existing.summary, description: AidDataValues(columns: storedColumns)[.description])
    {
      existing.summary = previous.summary
    }
    let local = fieldMap(existing)
    let before = fieldMap(previous)
    let after = fieldMap(incoming)
    var names: [String] = []
    var seen = Set<String>()
    for map in [local, before, after] {
      for name in map.order where !seen.contains(name) && owned.contains(topLevel(name)) {
        seen.insert(name)
        names.append(name)
      }
    }
    var taking = Set<String>()
    var notes: [String] = []
    for name in names {
      let current = local.values[name]
      let incomingValue = after.values[name]
      if current == before.values[name] {
        if incomingValue != current { taking.insert(name) }
      } else if incomingValue != current {
        notes.append("\(existing.id): field \(name) edited locally since the last import; kept the local value")
      }
    }
    if stored.digest != incoming.imported?.digest { taking.insert("imported") }
    guard !taking.isEmpty else { return .unchanged(notes: notes) }
    var merged: Project
    do {
      merged = try RecordFields.merge(existing, taking: taking, from: incoming)
    } catch {
      throw FieldError("cannot merge the new values into \(existing.id): \(error)")
    }
    merged.changedBy = user.login
    merged.changedAt = now
    return .updated(merged, notes: notes)
  }

  /// The source row is the one imported last time, so the previous
  /// import produced exactly `incoming` (the mapping is pure): nothing is
  /// taken, and every owned field that differs was edited here. Most rows
  /// of a re-import take this path, with no JSON work unless something was
  /// edited.
  static func unchangedSource(existing: Project, incoming: Project) -> Outcome {
    var candidate = existing
    Project.declaration.copyImportOwned(into: &candidate, from: incoming)
    if candidate == existing { return .unchanged(notes: []) }
    let local = fieldMap(existing)
    let after = fieldMap(incoming)
    let notes = local.order.filter { owned.contains(topLevel($0)) && local.values[$0] != after.values[$0] }
      + after.order.filter { owned.contains(topLevel($0)) && local.values[$0] == nil }
    return .unchanged(
      notes: notes.map { "\(existing.id): field \($0) edited locally since the last import; kept the local value" })
  }

  struct FieldMap {
    var order: [String] = []
    var values: [String: String] = [:]
  }

  static func fieldMap(_ project: Project) -> FieldMap {
    var map = FieldMap()
    for field in RecordFields.fields(of: project) where map.values[field.name] == nil {
      map.order.append(field.name)
      map.values[field.name] = field.json
    }
    return map
  }

  static func topLevel(_ name: String) -> String {
    name.firstIndex(of: ".").map { String(name[..<$0]) } ?? name
  }
}
