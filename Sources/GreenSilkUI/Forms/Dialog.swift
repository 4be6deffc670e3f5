import GreenSilkCore

/// A modal question or view drawn over the screen; it takes the keys.
public enum Dialog: Hashable, Sendable {
  /// The record to delete.
  case confirmDelete(AnyEditableRecord)
  case moveStage(MoveState)
  case conflict(ConflictState)
  case restoreDraft(Draft, FormState)
  /// The records holding a merge conflict from a sync (C).
  case syncConflicts(SyncConflictList)
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
    /// The field's file name (`screening.climate`; a field a newer
    /// version wrote has no declaration, so the name is not a `FieldPath`).
    public var field: String
    /// What the view calls it ("climate rating").
    public var label: String
    public var mine: String?
    public var theirs: String?
    /// Take the version on disk for this field (else keep mine).
    public var takeTheirs: Bool
  }

  public var attempted: RecordEdit
  /// The version on disk now (nil when it was deleted).
  public var theirs: AnyEditableRecord?
  public var rows: [Row]
  public var selected = 0
  /// The form to go back to.
  public var form: FormState?
  public var message: String
  /// Set when the view resolves a conflict a sync held in the record
  /// (mine: the value kept; theirs: the other office's).
  public var held: HeldResolution? = nil
}
