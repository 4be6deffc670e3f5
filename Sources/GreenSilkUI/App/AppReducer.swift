import GreenSilkCore

/// The one place where the dashboard's state changes.
public enum AppReducer {
  public static func reduce(_ state: inout AppState, _ action: AppAction) -> [AppEffect] {
    switch action {
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
        state.status = StatusMessage(
          "\(result.issues.count) line(s) in the data did not load — run `greensilk validate` for details",
          kind: .warning)
      }
      return []
    case .dataLoadFailed(let message):
      state.status = StatusMessage("reload failed, still showing the last good data: \(message)", kind: .error)
      return []
    case .themeChanged(let name, let message):
      state.settings.themeName = name
      state.status = message.map { StatusMessage($0, kind: .warning) } ?? StatusMessage("theme: \(name)")
      return []
    }
  }

  /// Swaps in new data, recomputing what derives from it and keeping each
  /// screen's selection on the same records where they still exist.
  static func replaceContext(_ state: inout AppState, data: DataSet, issues: [LoadIssue]) {
    state.context = DataContext(data: data, issues: issues, today: state.clock.day)
    state.pipeline.recompute(state.context)
    state.corridors.recompute(state.context)
    state.envoys.recompute(state.context)
  }

  // MARK: - Keys

  static func keyPressed(_ key: Key, _ state: inout AppState) -> [AppEffect] {
    if key == .resize { return [] }
    if state.help != nil { return helpKey(key, &state) }
    if state.screen == .pipeline && state.pipeline.isEditingQuery { return filterKey(key, &state) }
    let context = KeyContext(state.screen)
    guard let command = KeyMap.command(for: key, in: context) else { return [] }
    return perform(command, &state)
  }

  static func helpKey(_ key: Key, _ state: inout AppState) -> [AppEffect] {
    switch key {
    case .escape, .character("?"), .character("q"), .function(1), .enter: state.help = nil
    case .down, .character("j"): state.help = (state.help ?? 0) + 1
    case .up, .character("k"): state.help = max(0, (state.help ?? 0) - 1)
    case .pageDown, .character(" "): state.help = (state.help ?? 0) + pageRows(state)
    case .pageUp: state.help = max(0, (state.help ?? 0) - pageRows(state))
    case .ctrl("c"): return perform(.quit, &state)
    default: break
    }
    return []
  }

  /// Typing into the pipeline filter: printable keys extend the query,
  /// Backspace shortens it, Enter keeps it, Esc clears it.
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
    case .enter, .down, .up, .tab:
      state.pipeline.isEditingQuery = false
      return []
    case .escape:
      state.pipeline.isEditingQuery = false
      state.pipeline.query = ""
    case .ctrl("c"):
      return perform(.quit, &state)
    default:
      return []
    }
    state.pipeline.applyQuery(state.context)
    return []
  }

  static func pageRows(_ state: AppState) -> Int { max(1, state.size.height - 8) }

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
    case .quit:
      state.shouldQuit = true
      return [.quit]
    case .cycleTheme:
      return [.cycleTheme]
    case .reload:
      return [.reloadData]
    default:
      switch state.screen {
      case .overview: break
      case .corridors: corridorsCommand(command, &state)
      case .pipeline: pipelineCommand(command, &state)
      case .detail: detailCommand(command, &state)
      case .envoys: envoysCommand(command, &state)
      }
    }
    return []
  }

  static func show(_ screen: Screen, _ state: inout AppState) {
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

  static func corridorsCommand(_ command: Command, _ state: inout AppState) {
    switch (state.corridors.focus, command) {
    case (.list, .moveSelection(let delta)):
      state.corridors.selected = min(max(state.corridors.selected + delta, 0), CorridorCode.allCases.count - 1)
      state.corridors.table = TableState()
      state.corridors.recompute(state.context)
    case (.list, .first), (.list, .last):
      state.corridors.selected = command == .first ? 0 : CorridorCode.allCases.count - 1
      state.corridors.table = TableState()
      state.corridors.recompute(state.context)
    case (.list, .open):
      if !state.corridors.projects.isEmpty { state.corridors.focus = .table }
    case (.table, .open):
      if let project = state.corridors.selectedProject(state.context) { open(project, from: .corridors, &state) }
    case (.table, .back):
      state.corridors.focus = .list
    case (.table, _):
      move(&state.corridors.table, command, rowCount: state.corridors.projects.count, page: pageRows(state) / 2)
    default:
      break
    }
  }

  static func pipelineCommand(_ command: Command, _ state: inout AppState) {
    var pipeline = state.pipeline
    let context = state.context
    switch command {
    case .startFilter:
      pipeline.isEditingQuery = true
    case .toggleView:
      let selected = pipeline.selectedProject(context)?.id
      pipeline.mode = pipeline.mode == .kanban ? .table : .kanban
      pipeline.reselect(selected, context)
    case .sortNext:
      let keys = ProjectSortKey.allCases
      pipeline.sortKey = keys[((keys.firstIndex(of: pipeline.sortKey) ?? 0) + 1) % keys.count]
      pipeline.recompute(context)
    case .sortReverse:
      pipeline.ascending.toggle()
      pipeline.recompute(context)
    case .cycleAreaFacet:
      pipeline.facets.area = cycle(pipeline.facets.area, CooperationArea.allCases)
      pipeline.applyFacets(context)
    case .cycleCorridorFacet:
      pipeline.facets.corridor = cycle(pipeline.facets.corridor, CorridorCode.allCases)
      pipeline.applyFacets(context)
    case .cycleLightFacet:
      pipeline.facets.light = cycle(pipeline.facets.light, LightFacet.allCases)
      pipeline.applyFacets(context)
    case .cycleStageFacet:
      pipeline.facets.stage = cycle(pipeline.facets.stage, Stage.allCases)
      pipeline.applyFacets(context)
    case .clearFilters:
      pipeline.query = ""
      pipeline.facets = PipelineFacets()
      pipeline.applyFacets(context)
    case .moveFocusLeft:
      if pipeline.mode == .kanban { pipeline.kanbanColumn = max(0, pipeline.kanbanColumn - 1) }
    case .moveFocusRight:
      if pipeline.mode == .kanban { pipeline.kanbanColumn = min(Stage.allCases.count - 1, pipeline.kanbanColumn + 1) }
    case .open:
      state.pipeline = pipeline
      if let project = pipeline.selectedProject(context) { open(project, from: .pipeline, &state) }
      return
    default:
      let page = pageRows(state)
      switch pipeline.mode {
      case .table: move(&pipeline.table, command, rowCount: pipeline.visible.count, page: page)
      case .kanban:
        let column = pipeline.kanbanColumn
        move(&pipeline.kanbanStates[column], command, rowCount: pipeline.columns[column].count, page: page)
      }
    }
    state.pipeline = pipeline
  }

  /// The next value in `all` after `current`, then nil ("any"), then the first.
  static func cycle<T: Equatable>(_ current: T?, _ all: [T]) -> T? {
    guard let current, let index = all.firstIndex(of: current) else { return all.first }
    return index + 1 < all.count ? all[index + 1] : nil
  }

  static func detailCommand(_ command: Command, _ state: inout AppState) {
    switch command {
    case .moveSelection(let delta): state.detail.scroll = max(0, state.detail.scroll + delta)
    case .page(let pages): state.detail.scroll = max(0, state.detail.scroll + pages * pageRows(state))
    case .first: state.detail.scroll = 0
    case .back: state.screen = state.detailReturn == .detail ? .pipeline : state.detailReturn
    default: break
    }
  }

  static func envoysCommand(_ command: Command, _ state: inout AppState) {
    move(&state.envoys.table, command, rowCount: state.envoys.order.count, page: pageRows(state) / 2)
  }
}
