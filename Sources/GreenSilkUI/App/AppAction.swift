import GreenSilkCore

/// What happened, as the reducer hears it: input, time, data and theme
/// events. Named after the event, not the intended effect.
public enum AppAction: Equatable, Sendable {
  /// The terminal is open: its size, and whether it shows ASCII only.
  case terminalOpened(Size, asciiOnly: Bool)
  case keyPressed(Key)
  case resized(Size)
  case clockTicked(LocalTime)
  case dataLoaded(LoadResult)
  case dataLoadFailed(String)
  case themeChanged(name: String, message: String?)
  /// The store's answer to a save, delete, undo or redo.
  case editFinished(EditOutcome)
  /// `$EDITOR` exited; nil when it failed or was not started.
  case externalEditorFinished(String?)
  /// A draft saved when the last session was cut off.
  case draftFound(Draft)
  /// Where sync stands (nil: the data directory does not sync).
  case syncStatusRead(SyncStatus?)
  /// A running sync's step ("fetching from the hub").
  case syncProgress(String)
  case syncFinished(SyncOutcome)
}

/// What became of an edit the runtime ran against the store.
public enum EditOutcome: Equatable, Sendable {
  /// Saved (created, updated, deleted, moved): the change for the undo
  /// stack, and a verb for the status line.
  case saved(EditedRecord, verb: String)
  /// Undo or redo saved: the inverse change for the other stack.
  case reverted(EditedRecord, undo: Bool)
  /// Someone else changed the record first; nothing was written.
  case conflict(StoreConflict, attempted: FormState.Assembled)
  /// Anything else (read-only, I/O): nothing was written.
  case failed(String)
}

/// What the runtime must do after a reduce: the reducer itself never
/// touches files or the terminal.
public enum AppEffect: Equatable, Sendable {
  case quit
  case cycleTheme
  case reloadData
  /// Create or update through the store (`verb` for the audit and status).
  case save(FormState.Assembled, verb: String)
  /// Delete this record (as it was read) through the store.
  case delete(AnyEditableRecord)
  /// Revert a session change (undo when `undo`, else redo).
  case revert(EditedRecord, undo: Bool)
  /// The undo and redo stacks changed: keep them for the next session
  /// (`UndoJournal`).
  case persistHistory
  /// Edit this text in `$EDITOR` (the runtime suspends the screen).
  case openExternalEditor(String)
  /// The draft was restored or refused: remove its file.
  case discardDraft
  /// Sync with the hub now, off the UI thread (`SyncWorker`).
  case syncNow
}
