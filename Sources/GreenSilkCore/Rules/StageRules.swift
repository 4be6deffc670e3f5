/// A rule a stage move broke: which rule, why, and what to fill in first.
public struct RuleViolation: Hashable, Sendable, CustomStringConvertible {
  /// Stable rule identifier, e.g. `screening-before-approval`.
  public var rule: String
  /// What is wrong, for the person moving the project.
  public var message: String
  /// The fields to fill in first (`screening.climate`).
  public var fields: [FieldPath]
  /// The field the move is about (the stage): a form shows the message
  /// there.
  public var at: FieldPath { ProjectField.stage.path }

  public var description: String { "\(message) [\(rule)]" }
}

/// The written rules for moving a project between stages, all in one
/// place. The UI, the headless commands and the tests all ask here.
///
/// The stage graph (forward along the pipeline, one step back for
/// corrections, suspension and cancellation from open stages):
///
///     concept → screening → approved → implementation → finalisation → closed
///        ↘          ↘           ↘              ↘                  ↘
///                            cancelled                suspended ⇄ (approved, implementation)
///
/// Preconditions on top of the graph:
/// - `screening-before-approval`: approved (and anything after) needs the
///   environmental screening recorded: the three BRIGC dimensions rated
///   and the IFC/EP category set.
/// - `red-light-mitigation`: a red-light project cannot be approved without
///   a mitigation note.
/// - `category-a-mitigation`: an E&S category A project cannot be
///   approved without a mitigation note (Equator Principles: category A
///   needs an ESIA).
/// - `implementation-needs-plan`: implementation needs planned start and
///   end dates and a budget amount.
/// - `finalisation-needs-start`: finalisation needs the actual start date.
/// - `closure-needs-end`: closed needs the actual end date.
/// - `reason-required`: cancelled and suspended need a reason.
public enum StageRules {
  /// The stages a project may move to from `stage`, in menu order.
  public static func allowedTargets(from stage: Stage) -> [Stage] {
    switch stage {
    case .concept: [.screening, .cancelled]
    case .screening: [.concept, .approved, .cancelled]
    case .approved: [.screening, .implementation, .suspended, .cancelled]
    case .implementation: [.finalisation, .suspended, .cancelled]
    case .finalisation: [.implementation, .closed]
    case .suspended: [.approved, .implementation, .cancelled]
    case .closed: [.finalisation]
    case .cancelled: [.concept]
    }
  }

  /// Everything that stops `project` from moving to `target` (empty: the
  /// move is allowed). `project` carries any fields the user filled in for
  /// the move, such as the reason.
  public static func violations(moving project: Project, to target: Stage) -> [RuleViolation] {
    let id = project.id
    if target == project.stage {
      return [
        RuleViolation(rule: "no-op", message: "\(id) is already in \(target.label.lowercased())", fields: [])
      ]
    }
    guard allowedTargets(from: project.stage).contains(target) else {
      let options = allowedTargets(from: project.stage).map { $0.label.lowercased() }.joined(separator: ", ")
      return [
        RuleViolation(
          rule: "stage-graph",
          message: "\(id) cannot move from \(project.stage.label.lowercased()) to \(target.label.lowercased()); from here it can go to: \(options)",
          fields: [])
      ]
    }
    return preconditions(project, at: target, resuming: project.stage == .suspended)
  }

  /// What `project` must have filled in to stand at `target`, whatever
  /// stage it comes from (a new record created directly in a later
  /// stage is held to the same conditions). `resuming` skips the plan
  /// check for a project coming back from suspension.
  public static func preconditions(_ project: Project, at target: Stage, resuming: Bool = false) -> [RuleViolation] {
    let id = project.id
    var out: [RuleViolation] = []
    let screening = project.screening
    if target >= .approved && target <= .closed {
      var missing: [FieldPath] = []
      if screening.pollution == .unknown { missing.append(ScreeningField.pollution.path) }
      if screening.climate == .unknown { missing.append(ScreeningField.climate.path) }
      if screening.biodiversity == .unknown { missing.append(ScreeningField.biodiversity.path) }
      if screening.esCategory == nil { missing.append(ScreeningField.esCategory.path) }
      if !missing.isEmpty && target == .approved {
        let names = missing.map(phrase).joined(separator: ", ")
        out.append(
          RuleViolation(
            rule: "screening-before-approval",
            message: "\(id) cannot be approved before its environmental screening is recorded: fill in \(names)",
            fields: missing))
      }
      if target == .approved && screening.light == .red && !screening.hasMitigationNote {
        out.append(
          RuleViolation(
            rule: "red-light-mitigation",
            message: "\(id) has a red light (significant, irreversible impact): write a mitigation note before approval",
            fields: [ScreeningField.mitigationNote.path]))
      }
      if target == .approved && screening.esCategory == .a && !screening.hasMitigationNote {
        out.append(
          RuleViolation(
            rule: "category-a-mitigation",
            message: "\(id) is E&S category A: write a mitigation note (the ESIA's measures) before approval",
            fields: [ScreeningField.mitigationNote.path]))
      }
    }
    if target == .implementation && !resuming {
      var missing: [FieldPath] = []
      if project.dates.plannedStart == nil { missing.append(DatesField.plannedStart.path) }
      if project.dates.plannedEnd == nil { missing.append(DatesField.plannedEnd.path) }
      if project.budget?.amount == nil { missing.append(BudgetField.amount.path) }
      if !missing.isEmpty {
        out.append(
          RuleViolation(
            rule: "implementation-needs-plan",
            message: "\(id) cannot start implementation without a plan: fill in \(missing.map(phrase).joined(separator: ", "))",
            fields: missing))
      }
    }
    if target == .finalisation && project.dates.actualStart == nil {
      out.append(
        RuleViolation(
          rule: "finalisation-needs-start",
          message: "\(id) cannot reach finalisation without an actual start date: fill in \(phrase(DatesField.actualStart.path))",
          fields: [DatesField.actualStart.path]))
    }
    if target == .closed && project.dates.actualEnd == nil {
      out.append(
        RuleViolation(
          rule: "closure-needs-end",
          message: "\(id) cannot be closed without an actual end date: fill in \(phrase(DatesField.actualEnd.path))",
          fields: [DatesField.actualEnd.path]))
    }
    if (target == .cancelled || target == .suspended)
      && (project.stageReason ?? "").allSatisfy({ $0 == " " || $0 == "\n" })
    {
      out.append(
        RuleViolation(
          rule: "reason-required",
          message: "\(id) cannot be \(target.label.lowercased()) without a reason: write why in the \(phrase(ProjectField.stageReason.path))",
          fields: [ProjectField.stageReason.path]))
    }
    return out
  }

  /// The project after a permitted move, or the violations.
  public static func move(_ project: Project, to target: Stage) -> Result<Project, StageMoveRefused> {
    let problems = violations(moving: project, to: target)
    guard problems.isEmpty else { return .failure(StageMoveRefused(violations: problems)) }
    var moved = project
    moved.stage = target
    if target != .cancelled && target != .suspended { moved.stageReason = nil }
    return .success(moved)
  }

  /// What a message calls a field ("pollution rating").
  static func phrase(_ field: FieldPath) -> String { Project.declaration.phrase(of: field.name) }
}

extension Project {
  /// A form's save runs the transition rules when the stage changed, and
  /// holds a new project to the conditions of the stage it is created in.
  public func transitionViolations(from original: Project?) -> [RuleViolation] {
    guard let original else { return StageRules.preconditions(self, at: stage) }
    guard original.stage != stage else { return [] }
    var moving = self
    moving.stage = original.stage
    return StageRules.violations(moving: moving, to: stage)
  }
}

/// A refused stage move, with every rule it broke.
public struct StageMoveRefused: Error, Hashable, Sendable, CustomStringConvertible {
  public var violations: [RuleViolation]
  public var description: String { violations.map(\.message).joined(separator: "; ") }
}
