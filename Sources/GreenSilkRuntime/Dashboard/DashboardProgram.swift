import GreenSilkCore
import GreenSilkUI

#if canImport(Glibc)
  import Glibc
#endif

/// The dashboard, as the runtime drives it: `AppState` reduced by
/// `AppReducer`, drawn by `AppView`, its effects run here (saves through
/// `EditRunner`, `$EDITOR`, drafts, the undo journal, themes, reloads).
public final class DashboardProgram: Program {
  public private(set) var state: AppState
  public private(set) var theme: Theme
  public let data: DataFollower
  public private(set) var exitStatus: Int32?
  let catalog: ThemeCatalog
  let editor: RecordEditor
  let drafts: DraftStore
  let undoJournal: UndoJournal
  /// `$VISUAL`, else `$EDITOR`, else `vi`: what Ctrl-E starts; nil under
  /// a pinned identity (`--as`), where no key may start a process.
  let editorCommand: String?
  let clock: RuntimeClock
  let logger: Logger
  /// Git sync off the UI thread; nil when the data directory does not sync.
  let syncWorker: SyncWorker?
  /// Keeps the next start's first frame when the session ends; nil when
  /// none is kept (a pinned identity, --read-only).
  let keeper: StartFrameKeeper?
  /// What a start shows before any key (`startState`): the settings and
  /// the theme's problems as this start found them.
  let startSettings: DisplaySettings
  let startProblems: [String]
  /// Whether the terminal draws only ASCII (known once it has opened).
  private var startedASCII: Bool?

  /// Sets up the dashboard on loaded data. `environment` holds the
  /// variables GreenSilk reads (`Environment.snapshot()`): the user, the
  /// state directory for drafts and the undo journal, the editor.
  /// `readOnlyReason` is why editing is off when it is on purpose
  /// (`--read-only`); a store that cannot write is read-only anyway.
  /// `access` is what a pinned identity may change (`--as --role`), and
  /// `user` who the audit log names (default: the Unix account).
  /// `keeper` keeps the next start's first frame when the session ends.
  public init(
    store: FileStore, initial: LoadResult, display: DisplayChoices, readOnlyReason: String? = nil,
    environment: [String: String], access: AccessPolicy = .unrestricted, user: UserIdentity? = nil,
    clock: RuntimeClock = .system, logger: Logger = .disabled, startTheme: StartTheme? = nil,
    keeper: StartFrameKeeper? = nil
  ) {
    self.keeper = keeper
    self.clock = clock
    self.logger = logger
    let start = startTheme ?? Self.startTheme(for: display)
    catalog = start.catalog
    theme = start.theme
    data = DataFollower(store: store, initial: initial)
    let user = user ?? UserIdentity.current(environment: environment)
    editor = RecordEditor(store: store, user: user, access: access, now: clock.timestamp)
    // A pinned identity (--as) starts no process from a key: no git either.
    syncWorker = access.isPinned ? nil : SyncWorker(store: store)
    drafts = DraftStore(dataDirectory: store.directory, user: user.login, environment: environment)
    undoJournal = UndoJournal(dataDirectory: store.directory, user: user.login, environment: environment)
    editorCommand = access.isPinned ? nil : environment["VISUAL"] ?? environment["EDITOR"] ?? "vi"
    let viewer = access.role == .viewer ? "\(access.name ?? "this session") is a viewer" : nil
    let reason = readOnlyReason ?? viewer ?? (store.isReadOnly ? "the data directory is not writable" : nil)
    let settings = DisplaySettings(
      glyphs: display.ascii ? .ascii : .unicode, themeName: start.theme.name, readOnly: reason != nil || store.isReadOnly,
      readOnlyReason: reason, totalsScope: display.totals)
    startSettings = settings
    startProblems = start.problems.map(\.description)
    let now = clock.localTime()
    state = Self.startState(
      context: DataContext(data: initial.dataSet, issues: initial.issues, today: now.day), clock: now,
      settings: settings, access: access, undoJournal: undoJournal, themeProblems: startProblems)
  }

  /// The state a start shows before any key, on `context`: what `init`
  /// sets up, and what `keepStartFrame` draws for the next start.
  static func startState(
    context: DataContext, clock: LocalTime, settings: DisplaySettings, access: AccessPolicy, undoJournal: UndoJournal,
    themeProblems: [String]
  ) -> AppState {
    var state = AppState(context: context, clock: clock, size: Size(width: 80, height: 24), settings: settings)
    state.access = access
    if access.isPinned {
      state.settings.externalEditorRefusal =
        "Ctrl-E is off for \(access.name ?? "") (a pinned SSH key starts no program): edit the field here with Enter"
    }
    // This user's changes from earlier sessions stay undoable.
    if !settings.readOnly { state.history = undoJournal.load() }
    if let first = themeProblems.first {
      state.status = StatusMessage(
        first + (themeProblems.count > 1 ? " (+\(themeProblems.count - 1) more)" : ""), kind: .warning)
    } else if let text = DataProblems.statusText(context.issues) {
      state.status = StatusMessage(text, kind: .warning)
    }
    return state
  }

  /// When the session ends: the frame the next start would draw first,
  /// drawn on the data on screen now and kept for it (`StartupFrame`), so
  /// that the first start after changes this dashboard followed (a
  /// colleague's saves, its own, a new day, another window size) is as
  /// quick as one on unchanged data. Only when the screen shows the files
  /// exactly as they are on disk and no draft waits to be offered back;
  /// otherwise the next start draws its own.
  func keepStartFrame() {
    guard let keeper, let asciiOnly = startedASCII, !DrawableArea.isTooLarge(state.size),
      let identities = data.identitiesShown(), !FileSystem.exists(drafts.path)
    else { return }
    let now = clock.localTime()
    let context =
      state.context.today == now.day
      ? state.context : DataContext(data: state.context.data, issues: state.context.issues, today: now.day)
    var start = Self.startState(
      context: context, clock: now, settings: startSettings, access: state.access, undoJournal: undoJournal,
      themeProblems: startProblems)
    for action in startActions(size: state.size, asciiOnly: asciiOnly, draft: nil) {
      _ = AppReducer.reduce(&start, action)
    }
    let key = keeper.key(
      sources: keeper.sources(identities: identities), size: state.size, asciiOnly: asciiOnly, today: now.day)
    keeper.file.save(AppView.render(start), key: key, clock: now.hourMinute)
  }

  /// What the terminal's opening brings to a start's state: its size, a
  /// draft to offer back, and when sync is on, its line in the status bar
  /// (the numbers come later).
  func startActions(size: Size, asciiOnly: Bool, draft: Draft?) -> [AppAction] {
    var actions: [AppAction] = [.terminalOpened(size, asciiOnly: asciiOnly)]
    if let draft { actions.append(.draftFound(draft)) }
    if syncWorker != nil {
      actions.append(.syncStatusRead(SyncStatus(remote: nil, ahead: nil, behind: nil, pendingFiles: [], lastSync: nil, conflicts: [])))
    }
    return actions
  }

  /// The themes a start finds and the theme it draws in, with the
  /// problems met on the way (shown in the status line).
  public struct StartTheme: Sendable {
    let catalog: ThemeCatalog
    public let theme: Theme
    let problems: [ThemeDiagnostic]
  }

  /// The theme a start with `display` draws in. Loaded before the
  /// program exists when the kept first frame is shown, and then handed
  /// to `init` (`startTheme`) so that it is loaded once.
  public static func startTheme(for display: DisplayChoices) -> StartTheme {
    let located = ThemeCatalog.locate(themesDirectory: display.themesDirectory)
    let loaded = located.catalog.load(display.theme ?? "default")
    return StartTheme(catalog: located.catalog, theme: loaded.theme, problems: located.diagnostics + loaded.diagnostics)
  }

  public func render() -> Buffer { AppView.render(state) }

  public func actions(for event: RuntimeEvent) -> [AppAction] {
    switch event {
    case .started(let size, let asciiOnly):
      startedASCII = asciiOnly
      syncWorker?.readStatus()
      return startActions(size: size, asciiOnly: asciiOnly, draft: state.settings.readOnly ? nil : drafts.load())
    case .key(let key): return [.keyPressed(key)]
    case .resize(let size): return [.resized(size)]
    case .timer:
      let now = clock.localTime()
      let news = syncWorker?.take() ?? []
      return (now.minute != state.clock.minute || now.day != state.clock.day ? [.clockTicked(now)] : []) + news
    case .signal, .dataChanged, .reloadFinished, .inputClosed: return []
    }
  }

  public func reduce(_ action: AppAction) -> [AppEffect] {
    let effects = AppReducer.reduce(&state, action)
    keepDraftCurrent()
    return effects
  }

  /// The draft this session has on disk (its payload), if any.
  private var draftOnDisk: String?

  /// The open form, changed, is on disk as a draft after every action
  /// (issue 16, item 4): a dashboard that freezes, is killed or crashes
  /// loses nothing typed; the next start offers it back. Written only
  /// when it changed, and without fsync (a process that dies does not
  /// lose a renamed file; the kernel still has it), so a key costs a
  /// small write and a rename. Removed once the form is saved or left.
  func keepDraftCurrent() {
    guard !state.settings.readOnly else { return }
    if let form = openForm, form.isDirty {
      let payload = form.draftPayload
      guard payload != draftOnDisk else { return }
      let draft = Draft(
        dataDirectory: drafts.dataDirectory, savedAt: clock.timestamp(), kind: form.subject.noun,
        recordID: form.subject.recordID, baseRevision: nil, payload: payload)
      do {
        try drafts.save(draft, durable: false)
        draftOnDisk = payload
      } catch {
        logger.log("could not keep the draft: \(error)")
      }
    } else if draftOnDisk != nil {
      drafts.discard()
      draftOnDisk = nil
    }
  }

  /// The form being edited: in the form itself, or held by the conflict
  /// view while the user chooses (Esc there gives it back).
  var openForm: FormState? {
    if let form = state.form { return form }
    if case .conflict(let conflict)? = state.dialog { return conflict.form }
    return nil
  }

  public func perform(_ effect: AppEffect, on terminal: any Terminal) -> [AppAction] {
    switch effect {
    case .quit:
      keepStartFrame()
      exitStatus = 0
      return []
    case .save, .delete, .revert:
      data.beginOwnWrite()
      guard let outcome = EditRunner(editor: editor).outcome(of: effect) else { return [] }
      data.acceptOwnWrite()
      return [.editFinished(outcome)]
    case .persistHistory:
      // A failure costs only the next session's undo, never data: logged, not shown.
      do { try undoJournal.save(state.history) } catch { logger.log("could not keep the undo journal: \(error)") }
      return []
    case .openExternalEditor(let text):
      // The reducer already refuses Ctrl-E under a pinned identity; this
      // is the second lock, where the process would be started.
      guard let editorCommand else { return [] }
      return [.externalEditorFinished(ExternalEditor.edit(text, command: editorCommand, terminal: terminal, logger: logger))]
    case .discardDraft:
      // The draft offered at the start was restored or refused; a form
      // restored from it is written again as this session's draft.
      drafts.discard()
      draftOnDisk = nil
      keepDraftCurrent()
      return []
    case .cycleTheme:
      let loaded = catalog.load(catalog.next(after: theme.name))
      theme = loaded.theme
      terminal.invalidate()
      return [.themeChanged(name: loaded.theme.name, message: loaded.diagnostics.first?.description)]
    case .reloadData:
      // Ctrl-L: repaint now; the data follows when the worker has read it.
      terminal.invalidate()
      data.requestReload()
      return []
    case .syncNow:
      syncWorker?.sync()
      return []
    }
  }

  /// A reload finished off the loop: the new data, or the failure (which
  /// keeps the last good data).
  public func reloaded(_ outcome: ReloadOutcome) -> [AppAction] {
    switch outcome {
    case .loaded(let result, _):
      // A pull changes files too: the sync numbers are read again.
      if let syncWorker, !state.sync.running { syncWorker.readStatus() }
      return [.dataLoaded(result)]
    case .failed(let message, _): return [.dataLoadFailed(message)]
    }
  }

  /// Any signal the runtime reports, or the terminal gone: the form, if
  /// one is open and changed, is kept as a draft; the status is 128 plus
  /// the signal (SIGHUP's for a closed terminal).
  public func interrupted(by event: RuntimeEvent) -> Int32? {
    let status: Int32 = if case .signal(let signal) = event { 128 + signal } else { 128 + SIGHUP }
    logger.log("ending with status \(status) (\(event))")
    keepDraft()
    keepStartFrame()
    return status
  }

  /// The next minute, for the clock in the title bar.
  /// While sync work runs, a tenth of a second, to show its progress.
  public func secondsUntilNextChange() -> Double {
    if let syncWorker, syncWorker.isBusy || state.sync.running { return 0.1 }
    return Double(60 - clock.localTime().second)
  }

  /// The link dropped or we were told to stop with a form open and
  /// changed: keep it as a draft for the next start (never in read-only).
  func keepDraft() {
    guard let form = openForm, form.isDirty, !state.settings.readOnly else { return }
    let draft = Draft(
      dataDirectory: drafts.dataDirectory, savedAt: clock.timestamp(), kind: form.subject.noun,
      recordID: form.subject.recordID, baseRevision: nil, payload: form.draftPayload)
    do {
      try drafts.save(draft)
      draftOnDisk = draft.payload
      logger.log("kept a draft of \(draft.recordID) at \(drafts.path)")
    } catch {
      logger.log("could not keep the draft: \(error)")
    }
  }
}
