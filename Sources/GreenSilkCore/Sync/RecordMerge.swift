#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The three-way merge of a JSON Lines record file by record id, then
/// field by field (DECISIONS.md, "Sync: merging records"):
/// - a record changed on one side only takes that side;
/// - a record changed on both sides merges field by field; a field changed
///   on both sides to different values is a true conflict: the record keeps
///   this side's value and holds the other in its `merge_conflict`
///   (`HeldConflict`), so neither is lost;
/// - delete against edit keeps the edited record, marked `deleted`;
/// - the same new id created on both sides with different contents keeps
///   both: theirs (in a sync, the hub's: other offices may know it by that
///   id already) keeps the id, ours (not yet seen by anyone) is renumbered
///   to `ID.2` (`.3`, … the first free) and carries `"renamed_from":"ID"`,
///   the mapping;
/// - revisions: a record taken whole from one side keeps its revision; a
///   record merged from both gets one above the higher of the two, so a
///   form opened on either version meets a revision conflict, not a silent
///   overwrite.
/// The result is sorted by id, one record per line, never with markers.
///
/// `virtualBase`: git merging two common ancestors into the base of a
/// criss-cross merge (`merge.greensilk.recursive`). There a disagreement
/// must stay a disagreement for the real merge, so instead of keeping one
/// side it keeps the older base's value (a field), the base's version
/// (delete against edit) or nothing (the same new id): both sides then
/// differ from this base, and the real merge holds the conflict.
public enum RecordMerge {
  public struct Outcome: Sendable {
    public var bytes: [UInt8]
    /// Records holding a conflict this merge made or grew, and its fields.
    public var conflicts: [(id: String, fields: [String], deleted: Bool)] = []
    /// Records renumbered because both sides created the same id.
    public var renamed: [(from: String, to: String)] = []
  }

  static let stampKeys: Set<String> = ["changed_by", "changed_at"]
  static let renamedKey = "renamed_from"

  /// Nil when a side has a line without a string id, or an id twice: such
  /// a file cannot be merged by id (the driver falls back to git's text
  /// merge, and `sync` refuses what that leaves).
  public static func merge(
    base: [UInt8], ours: [UInt8], theirs: [UInt8], leafKeys: Set<String>, virtualBase: Bool = false
  ) -> Outcome? {
    if ours == theirs || theirs == base { return Outcome(bytes: ours) }
    if ours == base { return Outcome(bytes: theirs) }
    guard let b = index(base), let o = index(ours), let t = index(theirs) else { return nil }
    func text(_ bytes: [UInt8], _ range: Range<Int>?) -> String? {
      range.map { String(decoding: bytes[$0], as: UTF8.self) }
    }
    func same(_ x: [UInt8], _ xr: Range<Int>?, _ y: [UInt8], _ yr: Range<Int>?) -> Bool {
      switch (xr, yr) {
      case (nil, nil): true
      case (let xr?, let yr?): bytesEqual(x, xr, y, yr)
      default: false
      }
    }
    var outcome = Outcome(bytes: [])
    var result: [String: ArraySlice<UInt8>] = [:]
    result.reserveCapacity(max(o.count, t.count))
    var allIDs = Set(o.keys).union(t.keys)
    let whole = leafKeys.union([HeldConflict.key])
    for id in allIDs.union(b.keys) {
      let (br, or, tr) = (b[id], o[id], t[id])
      if same(ours, or, theirs, tr) {
        if let or { result[id] = ours[or] }
      } else if same(ours, or, base, br) {
        if let tr { result[id] = theirs[tr] }
      } else if same(theirs, tr, base, br) {
        if let or { result[id] = ours[or] }
      } else if virtualBase, or != nil, tr != nil, br == nil {
        continue
      } else if virtualBase, or == nil || tr == nil {
        if let br { result[id] = base[br] }
      } else if let or, let tr, br == nil {
        // Created on both sides, differently: keep both. Theirs (the
        // hub's, in a sync) keeps the id: other offices may already have
        // it and edit it by that id; ours has been seen by nobody yet.
        let first = text(theirs, tr)!
        let second = text(ours, or)!
        var n = 2
        while allIDs.contains("\(id).\(n)") { n += 1 }
        let newID = "\(id).\(n)"
        allIDs.insert(newID)
        result[id] = ArraySlice(first.utf8)
        result[newID] = ArraySlice(renumbered(second, to: newID, from: id, whole: whole).utf8)
        outcome.renamed.append((id, newID))
      } else if let or, let tr {
        let merged = mergeFields(
          base: text(base, br), ours: text(ours, or)!, theirs: text(theirs, tr)!, whole: whole, virtualBase: virtualBase)
        result[id] = ArraySlice(merged.line.utf8)
        if let held = merged.newConflict { outcome.conflicts.append((id, held.fieldNames, held.deleted)) }
      } else {
        // Deleted on one side, edited on the other: keep the edit, held.
        let (kept, keptBytes) = or != nil ? (or!, ours) : (tr!, theirs)
        let line = markDeleted(String(decoding: keptBytes[kept], as: UTF8.self), whole: whole)
        result[id] = ArraySlice(line.utf8)
        outcome.conflicts.append((id, [], true))
      }
    }
    // Ids are ASCII (RecordID), so String order is byte order.
    let ids = result.keys.sorted()
    var bytes: [UInt8] = []
    bytes.reserveCapacity(max(ours.count, theirs.count) + 1024)
    for id in ids {
      bytes += result[id]!
      bytes.append(0x0A)
    }
    outcome.bytes = bytes
    outcome.conflicts.sort { $0.id < $1.id }
    return outcome
  }

  /// memcmp of two line ranges (a generic element-wise comparison of
  /// 10 KB GCDF lines was a visible part of a 226 MB merge).
  static func bytesEqual(_ x: [UInt8], _ xr: Range<Int>, _ y: [UInt8], _ yr: Range<Int>) -> Bool {
    guard xr.count == yr.count else { return false }
    return x.withUnsafeBufferPointer { xb in
      y.withUnsafeBufferPointer { yb in memcmp(xb.baseAddress! + xr.lowerBound, yb.baseAddress! + yr.lowerBound, xr.count) == 0 }
    }
  }

  /// Id → line range; nil when a line has no id or an id comes twice.
  static func index(_ bytes: [UInt8]) -> [String: Range<Int>]? {
    let lines = JSONLines.lines(bytes)
    var out: [String: Range<Int>] = [:]
    out.reserveCapacity(lines.count)
    for range in lines {
      guard let id = JSONLines.id(of: bytes[range]), out.updateValue(range, forKey: id) == nil else { return nil }
    }
    return out
  }

  struct FieldMerge {
    var line: String
    /// The conflict this merge added (nil when it added none).
    var newConflict: HeldConflict?
  }

  /// Both sides changed the record: merge field by field.
  static func mergeFields(base: String?, ours: String, theirs: String, whole: Set<String>, virtualBase: Bool = false) -> FieldMerge {
    let bf = base.map { RecordFields.fields(ofJSON: $0, keepingWhole: whole) } ?? []
    let of = RecordFields.fields(ofJSON: ours, keepingWhole: whole)
    let tf = RecordFields.fields(ofJSON: theirs, keepingWhole: whole)
    let bv = values(bf)
    let ov = values(of)
    let tv = values(tf)
    var names = of.map(\.name)
    for field in tf where ov[field.name] == nil { names.append(field.name) }
    if virtualBase {
      for field in bf where ov[field.name] == nil && tv[field.name] == nil { names.append(field.name) }
    }

    var merged: [FieldValue] = []
    var added = HeldConflict()
    // The stamp (who changed it last, when) of the later change.
    let stampSide = (ov["changed_at"] ?? "") >= (tv["changed_at"] ?? "") ? ov : tv
    for name in names where name != HeldConflict.key {
      let value: String?
      if name == "rev" {
        value = ov[name] ?? tv[name]  // set below
      } else if stampKeys.contains(name) {
        value = stampSide[name]
      } else {
        let (o, t, b) = (ov[name], tv[name], bv[name])
        if o == t || t == b {
          value = o
        } else if o == b {
          value = t
        } else if virtualBase {
          value = b
        } else {
          value = o
          added.fields.append(HeldConflict.Field(field: name, other: t, base: b))
        }
      }
      if let value { merged.append(FieldValue(name: name, json: value)) }
    }
    // The held conflicts: three-way like any field, a union when both grew.
    let (oc, tc, bc) = (conflict(ov), conflict(tv), conflict(bv))
    var held = oc == tc || tc == bc ? oc : (oc == bc ? tc : (oc ?? HeldConflict()).union(tc ?? HeldConflict()))
    if !added.isEmpty { held = (held ?? HeldConflict()).union(added) }
    let current = values(merged)
    held = held?.dropping(settledBy: current)
    if let settled = held, !settled.isEmpty { merged.append(FieldValue(name: HeldConflict.key, json: settled.json)) }

    let content = merged.filter { $0.name != "rev" }
    if content == of.filter({ $0.name != "rev" }) { return FieldMerge(line: ours, newConflict: nil) }
    if content == tf.filter({ $0.name != "rev" }) { return FieldMerge(line: theirs, newConflict: nil) }
    let revision = max(Int(ov["rev"] ?? "") ?? 0, Int(tv["rev"] ?? "") ?? 0) + 1
    if let index = merged.firstIndex(where: { $0.name == "rev" }) {
      merged[index].json = String(revision)
    }
    return FieldMerge(line: RecordFields.assemble(merged), newConflict: added.isEmpty ? nil : added)
  }

  /// The edited version, marked as deleted by the other side, one
  /// revision on.
  static func markDeleted(_ line: String, whole: Set<String>) -> String {
    var fields = RecordFields.fields(ofJSON: line, keepingWhole: whole)
    let existing = fields.first { $0.name == HeldConflict.key }.flatMap { try? HeldConflict(json: $0.json) }
    var held = existing ?? HeldConflict()
    held.deleted = true
    fields.removeAll { $0.name == HeldConflict.key }
    if let index = fields.firstIndex(where: { $0.name == "rev" }) {
      fields[index].json = String((Int(fields[index].json) ?? 0) + 1)
    }
    fields.append(FieldValue(name: HeldConflict.key, json: held.json))
    return RecordFields.assemble(fields)
  }

  /// The record under a new id, with the id it was created under.
  static func renumbered(_ line: String, to newID: String, from oldID: String, whole: Set<String>) -> String {
    var fields = RecordFields.fields(ofJSON: line, keepingWhole: whole)
    fields.removeAll { $0.name == renamedKey }
    if let index = fields.firstIndex(where: { $0.name == "id" }) { fields[index].json = quoted(newID) }
    fields.append(FieldValue(name: renamedKey, json: quoted(oldID)))
    return RecordFields.assemble(fields)
  }

  static func quoted(_ text: String) -> String {
    var w = JSONWriter()
    w.string(text)
    return w.text
  }

  static func values(_ fields: [FieldValue]) -> [String: String] {
    Dictionary(fields.map { ($0.name, $0.json) }, uniquingKeysWith: { a, _ in a })
  }

  static func conflict(_ values: [String: String]) -> HeldConflict? {
    values[HeldConflict.key].flatMap { try? HeldConflict(json: $0) }
  }
}
