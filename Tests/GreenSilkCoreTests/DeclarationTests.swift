import Testing

@testable import GreenSilkCore

/// What the record declarations give the code around the file format:
/// the CSV columns and their kinds, import ownership, the forms' fields in
/// order, and fields that rules name. The lists are spelled out here on
/// purpose: a declaration change that moves a column or a form field, or
/// takes a field from the import, shows up as a failing line.
@Suite struct DeclarationTests {
  @Test func projectColumnsAreTheFlattenedFieldsInFileOrder() {
    #expect(
      RecordColumns.projects.known == [
        "id", "rev", "title", "summary", "area", "key_project", "corridors", "countries", "lead_agency", "partners",
        "stage", "stage_reason", "status_raw", "screening.pollution", "screening.climate", "screening.biodiversity",
        "screening.es_category", "screening.mitigation_note", "screening.assessed_on", "screening.assessor",
        "delivery", "budget.currency", "budget.amount", "budget.amount_usd", "budget.usd_basis", "budget.financing",
        "dates.planned_start", "dates.actual_start", "dates.planned_end", "dates.actual_end", "dates.commitment",
        "milestones", "indicators", "sdgs", "sector.code", "sector.name", "flow_type", "flow_class",
        "financial_distress", "source.dataset", "source.record_id", "source.url", "source.as_of", "source.note",
        "changed_by", "changed_at", "imported",
      ])
    let columns = RecordColumns.projects
    let json = Set(columns.known.filter(columns.holdsJSON))
    #expect(
      json == [
        "rev", "key_project", "corridors", "countries", "partners", "budget.amount", "budget.amount_usd",
        "budget.financing", "milestones", "indicators", "sdgs", "financial_distress", "imported",
      ])
    let leaves = Project.declaration.leaves
    #expect(Set(leaves.filter { $0.column == .boolean }.map(\.name)) == ["key_project", "financial_distress"])
    #expect(Set(leaves.filter { $0.column == .requiredText }.map(\.name)) == ["id", "title", "stage"])
  }

  @Test func activityColumns() {
    #expect(
      RecordColumns.activities.known == [
        "id", "rev", "title", "kind", "focus", "host", "location", "start", "end", "participants", "reported_total",
        "source.dataset", "source.record_id", "source.url", "source.as_of", "source.note", "changed_by", "changed_at",
      ])
    let leaves = EnvoyActivity.declaration.leaves
    #expect(Set(leaves.filter { $0.column.holdsJSON }.map(\.name)) == ["rev", "participants", "reported_total"])
    #expect(
      Set(leaves.filter { $0.column == .requiredText }.map(\.name))
        == ["id", "title", "kind", "focus", "start", "end", "host", "location"])
  }

  @Test func aidDataOwnsTheFieldsItFillsIn() {
    #expect(
      Project.declaration.importOwnedKeys == [
        "title", "summary", "corridors", "countries", "partners", "stage", "stage_reason", "status_raw", "budget",
        "dates", "sector", "flow_type", "flow_class", "financial_distress", "source",
      ])
    // Nested fields follow their object.
    #expect(Project.declaration.leaf(named: "budget.amount")?.importOwned == true)
    #expect(Project.declaration.leaf(named: "screening.climate")?.importOwned == false)
  }

  @Test func formsListTheirFieldsInFormOrder() {
    #expect(
      Project.declaration.formFields.map(\.name) == [
        "id", "title", "summary", "area", "key_project", "corridors", "countries", "lead_agency", "partners",
        "stage", "stage_reason", "screening.pollution", "screening.climate", "screening.biodiversity",
        "screening.es_category", "screening.mitigation_note", "screening.assessed_on", "screening.assessor",
        "delivery", "budget.currency", "budget.amount", "budget.amount_usd", "budget.financing",
        "dates.planned_start", "dates.planned_end", "dates.actual_start", "dates.actual_end", "milestones",
        "indicators", "sdgs", "source.dataset", "source.url", "source.note",
      ])
    #expect(
      EnvoyActivity.declaration.formFields.map(\.name) == [
        "id", "title", "kind", "focus", "host", "location", "start", "end", "participants", "reported_total",
        "source.dataset", "source.url", "source.note",
      ])
  }

  @Test func rolesDecideBookkeepingAndWhatCanBeIllustrative() {
    #expect(Project.bookkeepingKeys == ["rev", "changed_by", "changed_at"])
    #expect(EnvoyActivity.bookkeepingKeys == ["rev", "changed_by", "changed_at"])
    let illustrative = Set(Project.declaration.leaves.filter(\.role.canBeIllustrative).map(\.name))
    #expect(illustrative.contains("budget.amount") && illustrative.contains("stage"))
    #expect(!illustrative.contains("id") && !illustrative.contains("source.dataset") && !illustrative.contains("sector.name"))
  }

  /// Every field a rule names can be shown and fixed in the form.
  @Test func everyFieldARuleNamesIsInTheForm() {
    let formFields = Set(Project.declaration.formFields.map(\.name))
    var named: [FieldPath] = []
    var blank = Project(id: "P-1", title: " ", stage: .concept)
    for target in Stage.allCases { named += StageRules.preconditions(blank, at: target).flatMap { $0.fields + [$0.at] } }
    blank.stage = .cancelled
    blank.isKeyProject = true
    blank.screening = Screening(pollution: .significantIrreversible, climate: .positive, biodiversity: .positive)
    blank.dates = ProjectDates(plannedStart: Day("2026-02-01"), actualStart: Day("2026-02-01"), plannedEnd: Day("2026-01-01"), actualEnd: Day("2026-01-01"))
    blank.budget = Budget(currency: "us", amount: -1, financing: [Financing(instrument: .grant, amount: 5)])
    blank.milestones = [Milestone(title: " ", due: Day("2026-01-01")!)]
    blank.indicators = [Indicator(title: "x", unit: "", baseline: 0, target: 1, goal: .y2030)]
    var red = Project(id: "P-2", title: "Red", stage: .implementation)
    red.screening = Screening(pollution: .significantIrreversible, climate: .positive, biodiversity: .positive)
    let problems = RecordRules.check(blank) + RecordRules.check(red)
    #expect(Set(problems.map(\.rule)).count == 10)
    named += problems.compactMap(\.field)
    #expect(!named.isEmpty)
    for field in named {
      #expect(field.file == .projects)
      #expect(formFields.contains(field.name), "\(field) is named by a rule but not in the form")
    }
    #expect(problems.allSatisfy { $0.field != nil })
  }

  @Test func phrasesForMessages() {
    let declaration = Project.declaration
    #expect(declaration.phrase(of: "screening.pollution") == "pollution rating")
    #expect(declaration.phrase(of: "screening.es_category") == "E&S category")
    #expect(declaration.phrase(of: "budget.amount") == "budget amount")
    #expect(declaration.phrase(of: "dates.planned_start") == "planned start")
    #expect(declaration.phrase(of: "budget") == "budget")
    #expect(declaration.phrase(of: "x_from_a_newer_version") == "x from a newer version")
  }
}
