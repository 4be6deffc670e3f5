import GreenSilkCore

/// Everything the dashboard shows, as one value. Only `reduce` changes it;
/// views read it and write cells, so any screen can be driven and
/// snapshotted without a terminal (`AppDriver`).
public struct AppState: Equatable, Sendable {
  public var context: DataContext
  public var screen: Screen = .overview {
    didSet { deriveForScreen() }
  }
  /// Where Esc goes back to from the project detail.
  public var detailReturn: Screen = .pipeline
  public var corridors = CorridorsState()
  public var pipeline = PipelineState()
  public var detail = DetailState()
  public var envoys = EnvoysState()
  public var map = MapState()
  /// The pipeline's facets before the map's Enter filtered it to a
  /// country or corridor: Esc in the pipeline puts them back and returns
  /// to the map. Nil when the pipeline was not opened from the map.
  public var pipelineReturn: PipelineFacets?
  /// The help overlay's scroll position when it is shown.
  public var help: Int?
  /// Whether the overlay at `help` lists the data's problems (`!`)
  /// rather than the keys.
  public var helpListsProblems = false
  /// An open create/edit form (drawn over the body; takes the keys).
  public var form: FormState?
  /// A question or a view over everything (delete confirm, stage move,
  /// save conflict, draft restore).
  public var dialog: Dialog?
  /// This session's changes, for undo and redo.
  public var history = ChangeHistory()
  /// Sync with the other offices (issue 14): state, progress, conflicts.
  public var sync = SyncIndicator()
  /// What a pinned identity (`--as --role --corridors`) may change; the
  /// edit keys refuse what it forbids, and `RecordEditor` refuses it again
  /// on the way to the store.
  public var access: AccessPolicy = .unrestricted
  public var status: StatusMessage?
  public var clock: LocalTime
  public var size: Size
  public var settings: DisplaySettings
  public var shouldQuit = false

  public init(context: DataContext, clock: LocalTime, size: Size, settings: DisplaySettings) {
    // The totals count what the settings say (`--all-in-totals`).
    self.context =
      context.scope == settings.totalsScope
      ? context
      : DataContext(data: context.data, issues: context.issues, today: context.today, scope: settings.totalsScope)
    self.clock = clock
    self.size = size
    self.settings = settings
    pipeline.recompute(context)
    sync.conflicts = SyncIndicator.conflicts(in: context.data)
  }

  /// The corridors' and envoys' lists were derived from an older context:
  /// they are derived again when their screen is shown, not on every
  /// reload (a dashboard on another screen follows saves without that
  /// cost; issue 17).
  public private(set) var corridorsOutdated = true
  public private(set) var envoysOutdated = true

  /// After the context changed: the screen on view gets its lists now,
  /// the others when they are next shown.
  mutating func contextChanged() {
    corridorsOutdated = true
    envoysOutdated = true
    deriveForScreen()
  }

  /// Brings the lists of the screen on view up to date (called whenever
  /// `screen` is set, whoever sets it).
  mutating func deriveForScreen() {
    if screen == .corridors && corridorsOutdated {
      corridors.recompute(context)
      corridorsOutdated = false
    }
    if screen == .envoys && envoysOutdated {
      envoys.recompute(context)
      envoysOutdated = false
    }
  }

  public var data: DataSet { context.data }
}

/// How the screen is drawn, decided at start-up or by keys.
public struct DisplaySettings: Hashable, Sendable {
  public var glyphs: GlyphSet
  public var themeName: String
  public var readOnly: Bool
  /// Why the data is read-only, for the status line ("--read-only" or
  /// "data directory not writable").
  public var readOnlyReason: String?
  /// Why Ctrl-E may not start `$EDITOR` (a pinned identity); nil when it may.
  public var externalEditorRefusal: String?
  /// Which records the totals count: only those that count (default), or
  /// all (`--all-in-totals`, key `A`), labelled on every total.
  public var totalsScope: TotalsScope

  public init(
    glyphs: GlyphSet = .unicode, themeName: String = "default", readOnly: Bool = false, readOnlyReason: String? = nil,
    totalsScope: TotalsScope = .eligible
  ) {
    self.glyphs = glyphs
    self.themeName = themeName
    self.readOnly = readOnly
    self.readOnlyReason = readOnlyReason
    self.totalsScope = totalsScope
  }
}

/// A one-line message in the status line.
public struct StatusMessage: Hashable, Sendable {
  public enum Kind: Sendable { case info, success, warning, error }
  public var text: String
  public var kind: Kind

  public init(_ text: String, kind: Kind = .info) {
    self.text = text
    self.kind = kind
  }

  public var role: Role {
    switch kind {
    case .info: .info
    case .success: .success
    case .warning: .warning
    case .error: .error
    }
  }
}
