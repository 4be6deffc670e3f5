/// Warnings where sourced records contradict a sourced total, as far as a
/// rule can tell (issue 12). `greensilk validate` prints them as
/// `FILE:LINE: warning: …`; they do not fail validation, because either
/// side may be the one that is wrong and only a person can tell which.
///
/// The rule: event records (envoy activities) whose source is not
/// illustrative, held on or before an official program total's date,
/// cannot add up to more participants, or come from more countries, than
/// that total says, unless the total is only a lower bound ("more than",
/// "at least"). "About" allows 10% either way; "nearly" and an exact
/// figure allow nothing.
public enum ConsistencyRules {
  public struct Warning: Hashable, Sendable {
    public var file: DataFile
    public var id: String
    public var rule: String
    public var message: String
  }

  /// The program the activities file records (its events are all the
  /// Green Silk Road Envoys Program's).
  public static let activityProgram = "green-silk-road-envoys"

  public static func check(_ data: DataSet) -> [Warning] {
    var out: [Warning] = []
    for total in data.programTotals where total.program == activityProgram {
      guard let bound = upperBound(total) else { continue }
      let events = data.activities.filter { !$0.source.isIllustrative && $0.end <= total.asOf }
      guard !events.isEmpty else { continue }
      let stated = (total.qualifier.map { $0 + " " } ?? "") + ReportBuilder.number(total.value)
      switch total.metric {
      case "participants":
        let sum = events.reduce(0) { $0 + $1.totalParticipants }
        if Double(sum) > bound {
          out.append(
            Warning(
              file: .programTotals, id: total.id, rule: "events-above-official-total",
              message:
                "\(total.id): sourced event records up to \(total.asOf) add up to \(NumberText.integer(sum)) participants "
                + "(\(events.map(\.id).joined(separator: ", "))), more than the official total \"\(stated)\" of that date"))
        }
      case "countries":
        let countries = Set(events.flatMap { $0.participants.map(\.country) })
        if Double(countries.count) > bound {
          out.append(
            Warning(
              file: .programTotals, id: total.id, rule: "events-above-official-total",
              message:
                "\(total.id): sourced event records up to \(total.asOf) name participants from \(countries.count) countries, "
                + "more than the official total \"\(stated)\" of that date"))
        }
      default:
        continue
      }
    }
    return out
  }

  /// The most the total allows, or nil when it is only a lower bound.
  static func upperBound(_ total: ProgramTotal) -> Double? {
    switch total.qualifier?.lowercased().trimmingSpaces() ?? "" {
    case "more than", "over", "at least", "over more than": nil
    case "about", "around", "approximately", "some": total.value * 1.1
    default: total.value
    }
  }
}
