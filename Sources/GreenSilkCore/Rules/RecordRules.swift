/// Rules every record must satisfy whatever its history (stage moves are
/// `StageRules`). `greensilk validate` reports each broken rule as
/// `FILE:LINE: reason`; the record still loads.
///
/// Deliberately not here: "approved needs screening". Projects enter the
/// store in later stages by import (AidData does not rate screening), so
/// that rule governs the act of approving, not the state.
public enum RecordRules {
  public struct Problem: Hashable, Sendable {
    public var file: DataFile
    public var id: String
    public var rule: String
    public var message: String
    /// The field to fix (a form shows the message there); nil when the
    /// problem is not one field's.
    public var field: FieldPath? = nil
  }

  public static func check(_ data: DataSet) -> [Problem] {
    var out: [Problem] = []
    for project in data.projects { out += check(project) }
    for activity in data.activities { out += check(activity) }
    out += checkKeyProjects(data)
    out += checkReferenceTables(data)
    out += StoredValueRules.check(data)
    for total in data.programTotals where total.source.url == nil {
      out.append(
        Problem(
          file: .programTotals, id: total.id, rule: "sourced-figure",
          message: "program total \(total.id) has no source URL; official figures must carry their source",
          field: TotalField.source.path(SourceField.url)))
    }
    return out
  }

  public static func check(_ project: Project) -> [Problem] {
    var out: [Problem] = []
    func add(_ rule: String, _ field: FieldPath, _ message: String) {
      out.append(Problem(file: .projects, id: project.id, rule: rule, message: "\(project.id): \(message)", field: field))
    }
    if project.title.allSatisfy(\.isWhitespace) { add("title-required", ProjectField.title.path, "the title is empty") }
    if (project.stage == .cancelled || project.stage == .suspended)
      && (project.stageReason ?? "").allSatisfy(\.isWhitespace)
    {
      add("reason-required", ProjectField.stageReason.path, "\(project.stage.label.lowercased()) without a stage reason")
    }
    if project.light == .red && project.stage >= .approved && project.stage != .cancelled
      && !project.screening.hasMitigationNote
    {
      add(
        "red-light-mitigation", ScreeningField.mitigationNote.path,
        "red light in \(project.stage.label.lowercased()) without a mitigation note")
    }
    if project.isKeyProject && project.area == nil {
      add("key-project-area", ProjectField.area.path, "a key project needs a cooperation area")
    }
    if let start = project.dates.plannedStart, let end = project.dates.plannedEnd, end < start {
      add("date-order", DatesField.plannedEnd.path, "planned end \(end) is before planned start \(start)")
    }
    if let start = project.dates.actualStart, let end = project.dates.actualEnd, end < start {
      add("date-order", DatesField.actualEnd.path, "actual end \(end) is before actual start \(start)")
    }
    if let budget = project.budget {
      if !isCurrencyCode(budget.currency) {
        add("currency-code", BudgetField.currency.path, "currency \"\(budget.currency)\" is not a three-letter ISO 4217 code")
      }
      if let amount = budget.amount, amount < 0 { add("budget-amount", BudgetField.amount.path, "budget amount is negative") }
      let financed = budget.financing.compactMap(\.amount).reduce(0, +)
      if let amount = budget.amount, financed > amount * 1.000001 {
        add(
          "financing-exceeds-budget", BudgetField.financing.path,
          "financing tranches add up to \(financed), more than the budget \(amount)")
      }
    }
    for (index, milestone) in project.milestones.enumerated() where milestone.title.allSatisfy(\.isWhitespace) {
      add("milestone-title", ProjectField.milestones.path, "milestone \(index + 1) has no title")
    }
    for indicator in project.indicators where indicator.unit.isEmpty {
      add("indicator-unit", ProjectField.indicators.path, "indicator \"\(indicator.title)\" has no unit")
    }
    out += StoredValueRules.check(project)
    return out
  }

  public static func check(_ activity: EnvoyActivity) -> [Problem] {
    var out: [Problem] = []
    func add(_ rule: String, _ field: FieldPath, _ message: String) {
      out.append(Problem(file: .activities, id: activity.id, rule: rule, message: "\(activity.id): \(message)", field: field))
    }
    if activity.end < activity.start {
      add("date-order", ActivityField.end.path, "end \(activity.end) is before start \(activity.start)")
    }
    if let reported = activity.reportedTotal, reported < activity.countedParticipants {
      add(
        "participant-total", ActivityField.reportedTotal.path,
        "reported total \(reported) is smaller than the \(activity.countedParticipants) participants counted by country")
    }
    if activity.title.allSatisfy(\.isWhitespace) { add("title-required", ActivityField.title.path, "the title is empty") }
    out += StoredValueRules.check(activity)
    return out
  }

  static func checkKeyProjects(_ data: DataSet) -> [Problem] {
    var out: [Problem] = []
    var counts: [CooperationArea: [String]] = [:]
    for project in data.projects where project.isKeyProject {
      if let area = project.area { counts[area, default: []].append(project.id) }
    }
    for area in CooperationArea.allCases {
      let ids = counts[area] ?? []
      if ids.count > area.planKeyProjects, let extra = ids.dropFirst(area.planKeyProjects).first {
        out.append(
          Problem(
            file: .projects, id: extra, rule: "key-project-count",
            message:
              "\(extra): \(area.label.lowercased()) has \(ids.count) key projects but the plan has \(area.planKeyProjects)",
            field: ProjectField.area.path))
      }
    }
    return out
  }

  static func checkReferenceTables(_ data: DataSet) -> [Problem] {
    var out: [Problem] = []
    for info in data.areas where info.keyProjects != info.area.planKeyProjects {
      out.append(
        Problem(
          file: .areas, id: info.id, rule: "plan-key-projects",
          message:
            "\(info.id): key_projects is \(info.keyProjects) but Plan §IX gives \(info.area.planKeyProjects)"))
    }
    for area in CooperationArea.allCases where !data.areas.contains(where: { $0.area == area }) {
      out.append(Problem(file: .areas, id: area.rawValue, rule: "six-areas", message: "cooperation area \(area.rawValue) is missing"))
    }
    for code in CorridorCode.allCases where data.corridor(code) == nil {
      out.append(Problem(file: .corridors, id: code.rawValue, rule: "six-corridors", message: "corridor \(code.rawValue) is missing"))
    }
    return out
  }

  static func isCurrencyCode(_ text: String) -> Bool {
    text.utf8.count == 3 && text.utf8.allSatisfy { $0 >= 65 && $0 <= 90 }
  }
}
