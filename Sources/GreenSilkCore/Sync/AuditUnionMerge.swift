/// The merge of an append-only log (the audit): the union of its entries.
/// Each line is one entry; an entry's identity is its whole line (when,
/// who, which record, what changed), counted, so two identical entries
/// made in one second both survive. Ours first, in order, then the
/// entries only theirs has, in their order: deterministic, and never a
/// conflict.
public enum AuditUnionMerge {
  public static func merge(base: [UInt8], ours: [UInt8], theirs: [UInt8]) -> [UInt8] {
    if ours == theirs || theirs == base { return ours }
    if ours == base { return theirs }
    var counts: [ArraySlice<UInt8>: Int] = [:]
    let ourLines = JSONLines.lines(ours)
    for range in ourLines { counts[ours[range], default: 0] += 1 }
    var out: [UInt8] = []
    out.reserveCapacity(ours.count + theirs.count - base.count)
    for range in ourLines {
      out += ours[range]
      out.append(0x0A)
    }
    for range in JSONLines.lines(theirs) {
      let line = theirs[range]
      if let count = counts[line], count > 0 {
        counts[line] = count - 1
      } else {
        out += line
        out.append(0x0A)
      }
    }
    return out
  }
}
