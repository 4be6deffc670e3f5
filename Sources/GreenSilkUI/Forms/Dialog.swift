import GreenSilkCore

/// A modal question or view drawn over the screen; it takes the keys.
public enum Dialog: Hashable, Sendable {
  case confirmDelete(DeleteTarget)
  case moveStage(MoveState)
  case conflict(ConflictState)
  case restoreDraft(Draft, FormState)
}

/// What a delete confirm is about.
public enum DeleteTarget: Hashable, Sendable {
  case project(Project)
  case activity(EnvoyActivity)

  /// `project P-0042 "Gwadar desalination plant"`.
  public var label: String {
    switch self {
    case .project(let p): "project \(p.id) \u{201C}\(p.title)\u{201D}"
    case .activity(let a): "activity \(a.id) \u{201C}\(a.title)\u{201D}"
    }
  }
}

/// The stage-move picker: the stages the rules allow from here, and a
/// reason when the target needs one.
public struct MoveState: Hashable, Sendable {
  public var project: Project
  public var targets: [Stage]
  public var selected = 0
  /// Typing the reason (cancelled / suspended).
  public var reason: TextEditing?
  /// Why the last attempt was refused.
  public var refusal: String?

  public init(project: Project) {
    self.project = project
    targets = StageRules.allowedTargets(from: project.stage)
  }

  public var target: Stage? { targets.indices.contains(selected) ? targets[selected] : nil }
}

/// A save refused because someone else changed the record: both versions
/// field by field; the user keeps theirs, takes the other, or picks per
/// field. Nothing is lost: Esc goes back to the form with every edit.
public struct ConflictState: Hashable, Sendable {
  public struct Row: Hashable, Sendable {
    public var field: String
    public var mine: String?
    public var theirs: String?
    /// Take the version on disk for this field (else keep mine).
    public var takeTheirs: Bool
  }

  public var attempted: FormState.Assembled
  /// The version on disk now (nil when it was deleted).
  public var theirs: TheirVersion?
  public var rows: [Row]
  public var selected = 0
  /// The form to go back to.
  public var form: FormState?
  public var message: String

  public enum TheirVersion: Hashable, Sendable {
    case project(Project)
    case activity(EnvoyActivity)
  }
}
