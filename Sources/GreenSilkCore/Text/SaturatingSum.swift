/// Sums of counts read from files: each count is at most 10^15
/// (`ReadLimits.maxMagnitude`), but 9,224 of them can pass `Int.max`, and
/// Swift traps on overflow. A sum that would overflow stays at the
/// largest (or smallest) Int instead, which every formatter prints.
extension Int {
  public func addingSaturating(_ other: Int) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    guard overflow else { return sum }
    return other > 0 ? .max : .min
  }
}

extension Sequence {
  /// `reduce(0) { $0 + value($1) }` that saturates instead of trapping.
  public func saturatingSum(_ value: (Element) -> Int) -> Int {
    var total = 0
    for element in self { total = total.addingSaturating(value(element)) }
    return total
  }
}
