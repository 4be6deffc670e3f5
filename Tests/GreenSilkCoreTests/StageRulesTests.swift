import Testing

@testable import GreenSilkCore

@Suite struct StageRulesTests {
  func project(_ stage: Stage, _ edit: (inout Project) -> Void = { _ in }) -> Project {
    var p = Project(id: "P-0042", title: "Test", stage: stage)
    edit(&p)
    return p
  }

  func rules(_ p: Project, _ target: Stage) -> [String] {
    StageRules.violations(moving: p, to: target).map(\.rule)
  }

  @Test func approvalNeedsRecordedScreening() {
    let p = project(.screening)
    let violations = StageRules.violations(moving: p, to: .approved)
    #expect(violations.map(\.rule) == ["screening-before-approval"])
    #expect(
      violations.first?.message
        == "P-0042 cannot be approved before its environmental screening is recorded: fill in pollution rating, climate rating, biodiversity rating, E&S category"
    )
    #expect(violations.first?.fields.map(\.name) == ["screening.pollution", "screening.climate", "screening.biodiversity", "screening.es_category"])
  }

  @Test func approvalAllowedOnceScreened() {
    let p = project(.screening) { $0.screening = Fixtures.screened }
    #expect(rules(p, .approved).isEmpty)
    guard case .success(let moved) = StageRules.move(p, to: .approved) else {
      Issue.record("move refused")
      return
    }
    #expect(moved.stage == .approved)
  }

  @Test func redLightNeedsMitigationNote() {
    var p = project(.screening) {
      $0.screening = Screening(pollution: .significantIrreversible, climate: .neutralMitigable, biodiversity: .neutralMitigable, esCategory: .b)
    }
    #expect(rules(p, .approved) == ["red-light-mitigation"])
    p.screening.mitigationNote = "   "
    #expect(rules(p, .approved) == ["red-light-mitigation"])
    p.screening.mitigationNote = "Flue-gas desulphurisation; offsets"
    #expect(rules(p, .approved).isEmpty)
  }

  @Test func categoryANeedsMitigationNote() {
    var p = project(.screening) {
      $0.screening = Screening(pollution: .positive, climate: .positive, biodiversity: .neutralMitigable, esCategory: .a)
    }
    #expect(rules(p, .approved) == ["category-a-mitigation"])
    p.screening.mitigationNote = "ESIA measures"
    #expect(rules(p, .approved).isEmpty)
  }

  @Test func implementationNeedsPlanDatesAndBudget() {
    var p = project(.approved) { $0.screening = Fixtures.screened }
    let violation = StageRules.violations(moving: p, to: .implementation).first
    #expect(violation?.rule == "implementation-needs-plan")
    #expect(violation?.fields.map(\.name) == ["dates.planned_start", "dates.planned_end", "budget.amount"])
    p.dates = ProjectDates(plannedStart: Day("2026-01-01"), plannedEnd: Day("2027-01-01"))
    p.budget = Budget(currency: "USD", amount: 10)
    #expect(rules(p, .implementation).isEmpty)
  }

  @Test func resumingFromSuspensionSkipsThePlanCheck() {
    let p = project(.suspended) { $0.stageReason = "Flood" }
    #expect(rules(p, .implementation).isEmpty)
  }

  @Test func finalisationNeedsActualStart() {
    var p = project(.implementation)
    #expect(rules(p, .finalisation) == ["finalisation-needs-start"])
    p.dates.actualStart = Day("2025-01-01")
    #expect(rules(p, .finalisation).isEmpty)
  }

  @Test func closureNeedsActualEnd() {
    var p = project(.finalisation)
    #expect(rules(p, .closed) == ["closure-needs-end"])
    p.dates.actualEnd = Day("2026-01-01")
    #expect(rules(p, .closed).isEmpty)
  }

  @Test(arguments: [Stage.cancelled, Stage.suspended])
  func cancelAndSuspendNeedAReason(target: Stage) {
    var p = project(.approved)
    #expect(rules(p, target) == ["reason-required"])
    #expect(
      StageRules.violations(moving: p, to: target).first?.message
        == "P-0042 cannot be \(target.label.lowercased()) without a reason: write why in the stage reason")
    p.stageReason = "Financing withdrawn"
    #expect(rules(p, target).isEmpty)
  }

  @Test func stageGraphRefusesJumps() {
    let p = project(.concept)
    let violation = StageRules.violations(moving: p, to: .implementation).first
    #expect(violation?.rule == "stage-graph")
    #expect(violation?.message == "P-0042 cannot move from concept to implementation; from here it can go to: screening, cancelled")
    #expect(rules(p, .concept) == ["no-op"])
  }

  @Test func everyAllowedTargetIsReachableWithTheRightFields() {
    // Fill everything the rules can ask for; then every edge of the graph is allowed.
    for from in Stage.allCases {
      for target in StageRules.allowedTargets(from: from) {
        let p = project(from) {
          $0.screening = Fixtures.screened
          $0.stageReason = "reason"
          $0.budget = Budget(currency: "USD", amount: 1)
          $0.dates = ProjectDates(
            plannedStart: Day("2024-01-01"), actualStart: Day("2024-01-01"), plannedEnd: Day("2025-01-01"),
            actualEnd: Day("2025-01-01"))
        }
        #expect(rules(p, target).isEmpty, "\(from) → \(target)")
      }
    }
  }

  @Test func movingOutOfCancellationClearsTheReason() throws {
    let p = project(.cancelled) { $0.stageReason = "No funds" }
    let moved = try StageRules.move(p, to: .concept).get()
    #expect(moved.stageReason == nil)
  }
}
