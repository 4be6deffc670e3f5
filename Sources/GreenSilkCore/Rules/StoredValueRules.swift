/// Rules about what a file holds rather than what a record means, which
/// `validate` once accepted silently (issue 16): revisions below 1 (or
/// missing, read as 0), negative money in financing tranches, negative
/// program totals and participant counts. Each record still loads; the
/// problem is reported as FILE:LINE and a form shows it at its field.
enum StoredValueRules {
  static func check(_ data: DataSet) -> [RecordRules.Problem] {
    var out: [RecordRules.Problem] = []
    func revisions<R: StoredRecord>(_ records: [R]) {
      for record in records where record.revision < 1 {
        out.append(
          RecordRules.Problem(
            file: R.file, id: record.id, rule: "revision",
            message:
              "\(record.id): rev is \(record.revision) (or missing); every record has a revision of 1 or more, which each save raises (greensilk normalize does not change it: set it to 1)"
          ))
      }
    }
    revisions(data.countries)
    revisions(data.corridors)
    revisions(data.memberships)
    revisions(data.areas)
    revisions(data.projects)
    revisions(data.activities)
    revisions(data.programTotals)
    revisions(data.routes)
    for total in data.programTotals where total.value < 0 {
      out.append(
        RecordRules.Problem(
          file: .programTotals, id: total.id, rule: "negative-total",
          message: "\(total.id): program total value \(NumberText.compact(total.value)) is negative",
          field: TotalField.value.path))
    }
    return out
  }

  /// Per project (forms check these too).
  static func check(_ project: Project) -> [RecordRules.Problem] {
    var out: [RecordRules.Problem] = []
    for (index, tranche) in (project.budget?.financing ?? []).enumerated() {
      if let amount = tranche.amount, amount < 0 {
        out.append(
          RecordRules.Problem(
            file: .projects, id: project.id, rule: "financing-amount",
            message: "\(project.id): financing tranche \(index + 1) has a negative amount",
            field: BudgetField.financing.path))
      }
    }
    return out
  }

  /// Per activity.
  static func check(_ activity: EnvoyActivity) -> [RecordRules.Problem] {
    var out: [RecordRules.Problem] = []
    for entry in activity.participants where entry.count < 0 {
      out.append(
        RecordRules.Problem(
          file: .activities, id: activity.id, rule: "participant-count",
          message: "\(activity.id): participant count for \(entry.country) is negative",
          field: ActivityField.participants.path))
    }
    if let reported = activity.reportedTotal, reported < 0 {
      out.append(
        RecordRules.Problem(
          file: .activities, id: activity.id, rule: "participant-count",
          message: "\(activity.id): reported total \(reported) is negative", field: ActivityField.reportedTotal.path))
    }
    return out
  }
}
