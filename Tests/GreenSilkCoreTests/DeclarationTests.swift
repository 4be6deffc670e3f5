import Testing

@testable import GreenSilkCore

/// What the record declarations give the code around the file format:
/// the CSV columns and their kinds, import ownership, the forms' fields in
/// order, and fields that rules name. Today's fields are spelled out here
/// on purpose: a declaration change that moves, drops or retypes one of
/// them, or takes it from the import, fails a line. A field added later
/// passes (the lists are read as "these, in this order, among others"),
/// so that adding a field stays a change to its struct and its
/// declaration.
@Suite struct DeclarationTests {
  /// Whether `expected` appears in `actual` in the same order.
  func inOrder(_ expected: [String], within actual: [String]) -> Bool {
    var rest = actual[...]
    for name in expected {
      guard let found = rest.firstIndex(of: name) else { return false }
      rest = rest[(found + 1)...]
    }
    return true
  }

  @Test func projectColumnsAreTheFlattenedFieldsInFileOrder() {
    let today = [
      "id", "rev", "title", "summary", "area", "key_project", "corridors", "countries", "lead_agency", "partners",
      "stage", "stage_reason", "status_raw", "screening.pollution", "screening.climate", "screening.biodiversity",
      "screening.es_category", "screening.mitigation_note", "screening.assessed_on", "screening.assessor",
      "delivery", "budget.currency", "budget.amount", "budget.amount_usd", "budget.usd_basis", "budget.financing",
      "dates.planned_start", "dates.actual_start", "dates.planned_end", "dates.actual_end", "dates.commitment",
      "milestones", "indicators", "sdgs", "sector.code", "sector.name", "flow_type", "flow_class",
      "financial_distress", "source.dataset", "source.record_id", "source.url", "source.as_of", "source.note",
      "changed_by", "changed_at", "imported",
    ]
    let columns = RecordColumns.projects
    #expect(inOrder(today, within: columns.known))
    #expect(columns.known == Project.declaration.leaves.map(\.name))
    let json: Set<String> = [
      "rev", "key_project", "corridors", "countries", "partners", "budget.amount", "budget.amount_usd",
      "budget.financing", "milestones", "indicators", "sdgs", "financial_distress", "imported",
    ]
    for column in today { #expect(columns.holdsJSON(column) == json.contains(column), "\(column)") }
    let kinds = Dictionary(uniqueKeysWithValues: Project.declaration.leaves.map { ($0.name, $0.column) })
    for column in ["key_project", "financial_distress"] { #expect(kinds[column] == .boolean) }
    for column in ["id", "title", "stage"] { #expect(kinds[column] == .requiredText) }
    #expect(today.filter { kinds[$0] == .boolean || kinds[$0] == .requiredText }.count == 5)
  }

  @Test func activityColumns() {
    let today = [
      "id", "rev", "title", "kind", "focus", "host", "location", "start", "end", "participants", "reported_total",
      "source.dataset", "source.record_id", "source.url", "source.as_of", "source.note", "changed_by", "changed_at",
    ]
    #expect(inOrder(today, within: RecordColumns.activities.known))
    let kinds = Dictionary(uniqueKeysWithValues: EnvoyActivity.declaration.leaves.map { ($0.name, $0.column) })
    #expect(today.filter { kinds[$0]?.holdsJSON == true } == ["rev", "participants", "reported_total"])
    #expect(
      today.filter { kinds[$0] == .requiredText } == ["id", "title", "kind", "focus", "host", "location", "start", "end"])
  }

  @Test func aidDataOwnsTheFieldsItFillsIn() {
    let owned: Set<String> = [
      "title", "summary", "corridors", "countries", "partners", "stage", "stage_reason", "status_raw", "budget",
      "dates", "sector", "flow_type", "flow_class", "financial_distress", "source",
    ]
    let notOwned: Set<String> = [
      "id", "rev", "area", "key_project", "lead_agency", "screening", "delivery", "milestones", "indicators", "sdgs",
      "changed_by", "changed_at", "imported",
    ]
    let declared = Project.declaration.importOwnedKeys
    #expect(declared.isSuperset(of: owned) && declared.isDisjoint(with: notOwned))
    // Nested fields follow their object.
    #expect(Project.declaration.leaf(named: "budget.amount")?.importOwned == true)
    #expect(Project.declaration.leaf(named: "screening.climate")?.importOwned == false)
  }

  @Test func formsListTheirFieldsInFormOrder() {
    #expect(
      inOrder(
        [
          "id", "title", "summary", "area", "key_project", "corridors", "countries", "lead_agency", "partners",
          "stage", "stage_reason", "screening.pollution", "screening.climate", "screening.biodiversity",
          "screening.es_category", "screening.mitigation_note", "screening.assessed_on", "screening.assessor",
          "delivery", "budget.currency", "budget.amount", "budget.amount_usd", "budget.financing",
          "dates.planned_start", "dates.planned_end", "dates.actual_start", "dates.actual_end", "milestones",
          "indicators", "sdgs", "source.dataset", "source.url", "source.note",
        ], within: Project.declaration.formFields.map(\.name)))
    #expect(
      inOrder(
        [
          "id", "title", "kind", "focus", "host", "location", "start", "end", "participants", "reported_total",
          "source.dataset", "source.url", "source.note",
        ], within: EnvoyActivity.declaration.formFields.map(\.name)))
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
