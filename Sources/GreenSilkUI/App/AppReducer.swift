import GreenSilkCore

/// The one place where the dashboard's state changes.
public enum AppReducer {
  public static func reduce(_ state: inout AppState, _ action: AppAction) -> [AppEffect] {
    let effects = reduceAction(&state, action)
    // Whatever happened (a key, a resize, a reload), the map on screen
    // gets its counts and its raster here, before the view draws it.
    if state.screen == .map { syncMap(&state) }
    return effects
  }

  /// Counts the filtered projects and rasterises the base map for the
  /// map's canvas when the data, the filter, the view or the size changed.
  static func syncMap(_ state: inout AppState) {
    state.map.sync(state.context, rows: state.pipeline.visible, canvas: MapScreen.canvasSize(in: state.size))
  }

  static func reduceAction(_ state: inout AppState, _ action: AppAction) -> [AppEffect] {
    switch action {
    case .terminalOpened(let size, let asciiOnly):
      state.size = size
      if asciiOnly { state.settings.glyphs = .ascii }
      return []
    case .keyPressed(let key):
      return keyPressed(key, &state)
    case .resized(let size):
      state.size = size
      return []
    case .clockTicked(let time):
      let dayChanged = time.day != state.clock.day
      state.clock = time
      if dayChanged { replaceContext(&state, data: state.context.data, issues: state.context.issues) }
      return []
    case .dataLoaded(let result):
      replaceContext(&state, data: result.dataSet, issues: result.issues)
      if result.issues.isEmpty {
        if case .warning = state.status?.kind { state.status = nil }
      } else {
        state.status = DataProblems.statusText(result.issues).map { StatusMessage($0, kind: .warning) }
      }
      return []
    case .dataLoadFailed(let message):
      state.status = StatusMessage("reload failed, still showing the last good data: \(message)", kind: .error)
      return []
    case .themeChanged(let name, let message):
      state.settings.themeName = name
      state.status = message.map { StatusMessage($0, kind: .warning) } ?? StatusMessage("theme: \(name)")
      return []
    case .editFinished(let outcome):
      editFinished(outcome, &state)
      switch outcome {
      case .saved, .reverted: return [.persistHistory]
      case .conflict, .failed: return []  // nothing written, history unchanged
      }
    case .externalEditorFinished(let text):
      externalEditorFinished(text, &state)
      return []
    case .draftFound(let draft):
      let context = FormContext(countryNames: state.data.countryNames)
      guard !state.settings.readOnly, let form = FormState.restoring(draft.payload, context: context) else { return [] }
      state.dialog = .restoreDraft(draft, form)
      return []
    case .syncStatusRead, .syncProgress, .syncFinished:
      syncAction(action, &state)
      return []
    }
  }

  /// Swaps in new data, recomputing what derives from it and keeping each
  /// screen's selection on the same records where they still exist.
  /// When only some projects changed in place (the usual reload while
  /// another session saves: same ids in the same order), the search index
  /// and the pipeline's lists are patched at those projects instead of
  /// derived again from all 21,000 (issue 17).
  static func replaceContext(_ state: inout AppState, data: DataSet, issues: [LoadIssue]) {
    let previous = state.context
    let today = state.clock.day
    let scope = state.settings.totalsScope
    if previous.today == today, previous.scope == scope,
      let changed = ProjectSearchIndex.changedPositions(from: previous.data.projects, to: data.projects)
    {
      state.context = DataContext(
        data: data, issues: issues, today: today, scope: scope, previous: previous, changed: changed)
      state.pipeline.update(state.context, changed: changed)
    } else {
      state.context = DataContext(data: data, issues: issues, today: today, scope: scope)
      state.pipeline.recompute(state.context, previous: previous)
    }
    state.contextChanged()
    state.map.invalidate()
    state.sync.conflicts = SyncIndicator.conflicts(in: data)
  }

  // MARK: - Keys

  static func keyPressed(_ key: Key, _ state: inout AppState) -> [AppEffect] {
    if key == .resize { return [] }
    if state.help != nil { return helpKey(key, &state) }
    if state.dialog != nil { return dialogKey(key, &state) }
    if state.form != nil { return formKey(key, &state) }
    if state.screen == .pipeline && state.pipeline.isEditingQuery { return filterKey(key, &state) }
    let context = KeyContext(state.screen)
    guard let command = KeyMap.command(for: key, in: context) else { return [] }
    return perform(command, &state)
  }

  static func helpKey(_ key: Key, _ state: inout AppState) -> [AppEffect] {
    switch key {
    case .escape, .character("?"), .character("!"), .character("q"), .function(1), .enter: state.help = nil
    case .down, .character("j"): state.help = (state.help ?? 0) + 1
    case .up, .character("k"): state.help = max(0, (state.help ?? 0) - 1)
    case .pageDown, .character(" "): state.help = (state.help ?? 0) + AppView.helpPageRows(state)
    case .pageUp: state.help = max(0, (state.help ?? 0) - AppView.helpPageRows(state))
    case .ctrl("c"): return perform(.quit, &state)
    default: break
    }
    return []
  }

  /// Typing into the pipeline filter: printable keys extend the query,
  /// Backspace shortens it, Ctrl-W drops the last word, Enter keeps it,
  /// Esc clears it. ↑/↓ keep it and move the cursor in the results.
  static func filterKey(_ key: Key, _ state: inout AppState) -> [AppEffect] {
    switch key {
    case .character(let c):
      state.pipeline.query.append(c)
    case .backspace, .delete:
      if state.pipeline.query.isEmpty {
        state.pipeline.isEditingQuery = false
        return []
      }
      state.pipeline.query.removeLast()
    case .ctrl("u"):
      state.pipeline.query = ""
    case .ctrl("w"):
      var query = state.pipeline.query
      while query.last == " " { query.removeLast() }
      while let last = query.last, last != " " { query.removeLast() }
      state.pipeline.query = query
    case .enter, .tab:
      state.pipeline.isEditingQuery = false
      return []
    case .down, .up:
      state.pipeline.isEditingQuery = false
      return perform(.moveSelection(key == .down ? 1 : -1), &state)
    case .escape:
      state.pipeline.isEditingQuery = false
      state.pipeline.query = ""
    case .ctrl("c"):
      return perform(.quit, &state)
    default:
      return []
    }
    state.pipeline.applyQuery(state.context)
    scrollPipelineToSelection(&state)
    return []
  }

  // MARK: - Commands

  static func perform(_ command: Command, _ state: inout AppState) -> [AppEffect] {
    switch command {
    case .showScreen(let screen):
      show(screen, &state)
    case .nextScreen:
      show(state.screen.next, &state)
    case .previousScreen:
      show(state.screen.previous, &state)
    case .toggleHelp:
      state.help = state.help == nil ? 0 : nil
      state.helpListsProblems = false
    case .showProblems:
      state.help = 0
      state.helpListsProblems = true
    case .quit:
      state.shouldQuit = true
      return [.quit]
    case .cycleTheme:
      return [.cycleTheme]
    case .reload:
      return [.reloadData]
    case .toggleAllInTotals:
      state.settings.totalsScope = state.settings.totalsScope == .eligible ? .everything : .eligible
      replaceContext(&state, data: state.context.data, issues: state.context.issues)
      let portfolio = state.context.portfolio
      state.status =
        state.settings.totalsScope == .everything
        ? StatusMessage(portfolio.shortScopeNote + " · A: counted only", kind: .warning)
        : StatusMessage(portfolio.shortScopeNote + " · A: all")
      return []
    case .newRecord, .editRecord, .deleteRecord, .moveStage, .undo, .redo:
      return editCommand(command, &state)
    case .syncNow, .showConflicts:
      return syncCommand(command, &state)
    default:
      switch state.screen {
      case .overview: break
      case .corridors: corridorsCommand(command, &state)
      case .pipeline: pipelineCommand(command, &state)
      case .detail: detailCommand(command, &state)
      case .envoys: envoysCommand(command, &state)
      case .map: mapCommand(command, &state)
      }
    }
    return []
  }

  static func show(_ screen: Screen, _ state: inout AppState) {
    // Esc in the pipeline goes back to the map only on the way from it
    // (the project detail opened from there included).
    if screen != .pipeline && screen != .detail { state.pipelineReturn = nil }
    if screen == .detail && state.screen != .detail {
      state.detailReturn = state.screen
      if state.detail.projectID == nil, let project = currentProject(state) {
        state.detail.projectID = project.id
      }
    }
    state.screen = screen
  }

  /// The project the cursor is on in the screen that has one.
  static func currentProject(_ state: AppState) -> Project? {
    switch state.screen {
    case .pipeline: state.pipeline.selectedProject(state.context)
    case .corridors: state.corridors.selectedProject(state.context)
    default: nil
    }
  }

  static func open(_ project: Project, from screen: Screen, _ state: inout AppState) {
    state.detail = DetailState()
    state.detail.projectID = project.id
    state.detailReturn = screen
    state.screen = .detail
  }

  static func move(_ table: inout TableState, _ command: Command, rowCount: Int, page: Int) {
    switch command {
    case .moveSelection(let delta): table.moveSelection(by: delta, rowCount: rowCount)
    case .page(let pages): table.page(pages, visibleRows: page, rowCount: rowCount)
    case .first: table.selectFirst(rowCount: rowCount)
    case .last: table.selectLast(rowCount: rowCount)
    default: break
    }
  }
}
