import GreenSilkCore
import GreenSilkTerminal
import GreenSilkUI

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the dashboard on the real terminal: the single-threaded loop of
/// DESIGN.md §3. Input, signals and data-directory changes all arrive
/// through one `poll`; between events the process sleeps (idle CPU ~0).
/// The loop turns events into actions, reduces, runs the effects the
/// reducer asks for, renders, and writes only the cells that changed.
final class DashboardRuntime {
  let store: FileStore
  var state: AppState
  var theme: Theme
  let catalog: ThemeCatalog
  let display: DisplayOptions
  let data: DataFollower
  var reloadDue: ContinuousClock.Instant?
  let clock = ContinuousClock()
  /// Diagnostics go to the file named by $GREENSILK_LOG, else
  /// nowhere: nothing may print while the screen is up, and a read-only
  /// session writes no file it was not asked to.
  let logger = Logger(path: Environment.value("GREENSILK_LOG"))
  let editor: RecordEditor
  let drafts: DraftStore
  let undoJournal: UndoJournal

  init(store: FileStore, initial: LoadResult, display: DisplayOptions, explicitReadOnly: Bool) throws {
    self.store = store
    self.display = display
    let located = ThemeCatalog.locate(themesDirectory: display.themesDirectory)
    catalog = located.catalog
    let loaded = catalog.load(display.theme)
    theme = loaded.theme
    data = DataFollower(store: store, initial: initial)
    let environment = Environment.snapshot()
    let user = UserIdentity.current(environment: environment)
    editor = RecordEditor(store: store, user: user)
    drafts = DraftStore(dataDirectory: store.directory, user: user.login, environment: environment)
    undoJournal = UndoJournal(dataDirectory: store.directory, user: user.login, environment: environment)
    let readOnlyReason: String? =
      explicitReadOnly ? "started with --read-only" : (store.isReadOnly ? "the data directory is not writable" : nil)
    let settings = DisplaySettings(
      glyphs: display.ascii ? .ascii : .unicode, themeName: loaded.theme.name, readOnly: store.isReadOnly,
      readOnlyReason: readOnlyReason)
    let now = LocalTime.at()
    state = AppState(
      context: DataContext(data: initial.dataSet, issues: initial.issues, today: now.day), clock: now,
      size: Size(width: 80, height: 24), settings: settings)
    // This user's changes from earlier sessions stay undoable.
    if !settings.readOnly { state.history = undoJournal.load() }
    let problems = (located.diagnostics + loaded.diagnostics).map(\.description)
    if let first = problems.first {
      state.status = StatusMessage(first + (problems.count > 1 ? " (+\(problems.count - 1) more)" : ""), kind: .warning)
    } else if !initial.issues.isEmpty {
      state.status = StatusMessage(
        "\(initial.issues.count) line(s) in the data did not load — run `greensilk validate` for details", kind: .warning)
    }
  }

  /// Runs until the user quits or a signal ends it; returns the exit status.
  func run(timer: StartupTimer = StartupTimer()) throws -> Int32 {
    var timer = timer
    let options = TerminalOptions(maximumColorDepth: display.mono ? .mono : nil, forceASCII: display.ascii)
    return try withTerminal(options) { terminal in
      if terminal.asciiOnly { state.settings.glyphs = .ascii }
      state.size = terminal.size
      let loop = try EventLoop(terminal: terminal)
      defer { loop.close() }
      if let fd = data.descriptor { loop.watch(fd) }
      if !state.settings.readOnly, let draft = drafts.load() { dispatch(.draftFound(draft), terminal) }
      timer.mark("terminal")
      terminal.present(AppView.render(state), theme: theme)
      timer.mark("first frame")
      logger.log(timer.summary)
      while true {
        let events = loop.wait(timeout: nextWake())
        var exitStatus: Int32?
        for event in events {
          switch event {
          case .key(let key): dispatch(.keyPressed(key), terminal)
          case .resize(let size): dispatch(.resized(size), terminal)
          case .signal(let signal):
            if signal == SIGCONT {
              terminal.invalidate()
            } else {
              logger.log("ending on signal \(signal)")
              exitStatus = 128 + signal
            }
          case .readable(let fd) where fd == data.descriptor:
            if data.drainEvents() { reloadDue = clock.now.advanced(by: .milliseconds(150)) }
          case .readable: break
          case .inputClosed:
            exitStatus = 128 + SIGHUP
          case .timeout: break
          }
        }
        if let exitStatus {
          keepDraft()
          return exitStatus
        }
        if state.shouldQuit { return 0 }
        timers(terminal)
        terminal.present(AppView.render(state), theme: theme)
      }
    }
  }

  /// When the loop must wake without input: the next minute for the
  /// clock, a pending reload, or a once-a-second check when inotify is
  /// unavailable.
  func nextWake() -> Duration {
    let now = LocalTime.at()
    var wait = Duration.seconds(60 - now.second)
    if let reloadDue { wait = min(wait, max(.zero, reloadDue - clock.now)) }
    if data.descriptor == nil { wait = min(wait, .seconds(1)) }
    return wait
  }

  func timers(_ terminal: NcursesTerminal) {
    let now = LocalTime.at()
    if now.minute != state.clock.minute || now.day != state.clock.day { _ = AppReducer.reduce(&state, .clockTicked(now)) }
    if data.descriptor == nil && data.changedOnDisk { reloadDue = clock.now }
    if let due = reloadDue, clock.now >= due {
      reloadDue = nil
      reload()
    }
  }

  func dispatch(_ action: AppAction, _ terminal: NcursesTerminal) {
    for effect in AppReducer.reduce(&state, action) { run(effect, terminal) }
  }

  func run(_ effect: AppEffect, _ terminal: NcursesTerminal) {
    switch effect {
    case .quit: break
    case .save, .delete, .revert:
      if let outcome = EditRunner(editor: editor).outcome(of: effect) {
        data.acceptOwnWrite()
        dispatch(.editFinished(outcome), terminal)
        switch outcome {
        case .saved, .reverted: keepUndoJournal()
        case .conflict, .failed: break  // nothing written, history unchanged
        }
      }
    case .openExternalEditor(let text):
      dispatch(.externalEditorFinished(ExternalEditor.edit(text, terminal: terminal, logger: logger)), terminal)
    case .discardDraft:
      drafts.discard()
    case .cycleTheme:
      let name = catalog.next(after: theme.name)
      let loaded = catalog.load(name)
      theme = loaded.theme
      terminal.invalidate()
      _ = AppReducer.reduce(&state, .themeChanged(name: loaded.theme.name, message: loaded.diagnostics.first?.description))
    case .reloadData:
      terminal.invalidate()
      reload()
    }
  }

  /// The link dropped or we were told to stop with a form open and
  /// changed: keep it as a draft for the next start (never in read-only).
  func keepDraft() {
    guard let form = state.form, form.isDirty, !state.settings.readOnly else { return }
    let draft = Draft(
      dataDirectory: drafts.dataDirectory, savedAt: Timestamp.now(), kind: form.subject.noun,
      recordID: form.subject.recordID, baseRevision: nil, payload: form.draftPayload)
    do {
      try drafts.save(draft)
      logger.log("kept a draft of \(draft.recordID) at \(drafts.path)")
    } catch {
      logger.log("could not keep the draft: \(error)")
    }
  }

  /// Keeps the undo and redo stacks for the next session. A failure costs
  /// only the next session's undo, never data: it is logged, not shown.
  func keepUndoJournal() {
    do {
      try undoJournal.save(state.history)
    } catch {
      logger.log("could not keep the undo journal: \(error)")
    }
  }

  /// Reloads the data if a file changed; a failure keeps the last good data.
  func reload() {
    switch data.reloadIfChanged() {
    case .success(let result)?: _ = AppReducer.reduce(&state, .dataLoaded(result))
    case .failure(let error)?: _ = AppReducer.reduce(&state, .dataLoadFailed("\(error)"))
    case nil: break
    }
  }
}
