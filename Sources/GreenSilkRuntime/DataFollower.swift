import GreenSilkCore

/// Follows the data directory for a running screen (the dashboard, the
/// kiosk): inotify wakes the loop when there is inotify, and the files'
/// identities (inode, size, mtime) decide whether anything really
/// changed, so a reload reads files only when one changed, and a broken
/// file is not read again until it changes again.
///
/// Reloads run off the loop (`ReloadWorker`): `requestReload` starts one,
/// the loop wakes on `reloadDescriptor` when it has finished, and
/// `takeFinishedReload` hands over what to apply. One reload at a time;
/// requests that come while one runs coalesce into at most one more,
/// started when it ends. The follower alone owns the known identities,
/// and only on the loop's thread.
///
/// Own writes and reloads, in order: every own write bumps `generation`.
/// A reload asked for before it read the files as they were then, perhaps
/// before this process wrote them; applying it would put back data older
/// than the screen's. So a reload that finishes under an older generation
/// is applied only if it read exactly the files as this process last
/// wrote them, and otherwise replaced by a forced reload of the files as
/// they are now (which hold the own write and anything else).
public final class DataFollower {
  public let store: FileStore
  private let watcher: DataWatcher
  private let worker: ReloadWorker
  private let readsAuditTail: Bool
  private var knownIdentities: [String: FileSystem.Identity]
  /// The last load, kept so that a change to a few project parts re-reads
  /// only those (`FileStore.reload(_:parts:)`, on the worker); it shares
  /// its storage with the screen's copy until the screen changes its own.
  private var lastLoad: LoadResult?
  /// Parts this process wrote itself since `lastLoad`: the screen has the
  /// change, `lastLoad` does not, so the next partial reload reads them too.
  private var ownParts = Set<Int>()
  /// Bumped by each own write (`acceptOwnWrite`).
  public private(set) var generation = 0
  /// The reload running on the worker, if one is.
  private var running: ReloadJob?
  /// A reload asked for while one ran (nil: none), started when it ends;
  /// true when any of the requests was forced.
  private var queuedForce: Bool?
  /// `beginOwnWrite` saw files changed by someone else.
  private var changedBeforeOwnWrite = false
  /// The last reload failed: the screen keeps older data than the files.
  private var lastReloadFailed = false

  /// `readsAuditTail`: every reload that read something also reads the
  /// audit log's tail on the worker (the kiosk's ticker).
  public init(store: FileStore, initial: LoadResult, readsAuditTail: Bool = false) {
    self.store = store
    self.readsAuditTail = readsAuditTail
    watcher = DataWatcher(directory: store.directory)
    worker = ReloadWorker(store: store)
    knownIdentities = initial.fileIdentities
    lastLoad = initial
  }

  /// The inotify descriptor to poll; nil without inotify (then ask for a
  /// reload about once a second: the worker compares the identities).
  public var descriptor: Int32? { watcher.descriptor }

  /// Readable when a reload has finished: the loop polls it and then
  /// calls `takeFinishedReload`.
  public var reloadDescriptor: Int32 { worker.wakeDescriptor }

  /// Whether a reload is running on the worker.
  public var isReloading: Bool { running != nil }

  /// After a wake on `descriptor`: whether the directory saw any events.
  public func drainEvents() -> Bool { !watcher.drain().isEmpty }

  /// Asks for a reload: the worker stats the files and loads them if one
  /// changed since the last load (`force`: loads anyway). While a reload
  /// runs, the request waits for it to end (several coalesce into one).
  public func requestReload(force: Bool = false) {
    if running != nil {
      queuedForce = (queuedForce ?? false) || force
      return
    }
    let job = ReloadJob(
      generation: generation, known: knownIdentities, force: force, readsAuditTail: readsAuditTail,
      previous: lastLoad, ownParts: ownParts)
    running = job
    worker.start(job)
  }

  /// After a wake on `reloadDescriptor`: what the finished reload brings
  /// to the screen, or nil (nothing changed; a result made stale by an
  /// own write; a spurious wake). Starts the queued reload, if any.
  public func takeFinishedReload() -> ReloadOutcome? {
    guard let finished = worker.take() else { return nil }
    running = nil
    let outcome = outcome(of: finished)
    if let force = queuedForce {
      queuedForce = nil
      requestReload(force: force)
    }
    return outcome
  }

  private func outcome(of finished: ReloadFinished) -> ReloadOutcome? {
    guard finished.job.generation == generation else {
      // This process wrote the files after the reload began.
      switch finished.found {
      case .unchanged:
        // It compared before the write; the write's identities are known.
        return nil
      case .loaded(let result) where result.fileIdentities == knownIdentities:
        // It read the files as this process left them: current.
        lastLoad = result
        ownParts = []
        lastReloadFailed = false
        return .loaded(result, auditTail: finished.auditTail)
      case .loaded, .failed:
        // Older than the screen, or newer still: read them again.
        queuedForce = true
        return nil
      }
    }
    switch finished.found {
    case .unchanged:
      return nil
    case .loaded(let result):
      knownIdentities = result.fileIdentities
      lastLoad = result
      ownParts = []
      lastReloadFailed = false
      return .loaded(result, auditTail: finished.auditTail)
    case .failed(let message, let identities):
      // Remembered like a good load: not read again until it changes.
      knownIdentities = identities
      lastReloadFailed = true
      return .failed(message, auditTail: finished.auditTail)
    }
  }

  /// Before this process writes the files: if they changed since the last
  /// load (someone else wrote), the write's own identities will hide that
  /// change, so a forced reload follows the write (`acceptOwnWrite`).
  public func beginOwnWrite() {
    if store.identities() != knownIdentities { changedBeforeOwnWrite = true }
  }

  /// This process has just written the files itself: their new identities
  /// are known, so the write is not reloaded as someone else's change; a
  /// reload already running read older files (see the type's comment).
  public func acceptOwnWrite() {
    let now = store.identities()
    ownParts.formUnion(FileStore.changedParts(from: knownIdentities, to: now) ?? [])
    knownIdentities = now
    generation += 1
    if changedBeforeOwnWrite {
      changedBeforeOwnWrite = false
      requestReload(force: true)
    }
  }

  /// The data files' identities when the screen shows them exactly as
  /// they are on disk now (loaded, or written by this process, and
  /// nothing since); nil while a change is unread, being read, or failed
  /// to load.
  public func identitiesShown() -> [String: FileSystem.Identity]? {
    guard running == nil, queuedForce == nil, !changedBeforeOwnWrite, !lastReloadFailed else { return nil }
    let now = store.identities()
    return now == knownIdentities ? now : nil
  }

  /// For tests and a headless run: waits (at most `seconds`) until the
  /// running reload has finished, without taking its result. Returns
  /// whether one has (or none was running).
  public func waitForReload(seconds: Double) -> Bool {
    guard running != nil else { return true }
    return worker.waitUntilFinished(milliseconds: Int32(seconds * 1000))
  }
}

/// What a finished reload brings to the screen (applied on the loop's
/// thread by the program's reducer).
public enum ReloadOutcome: Sendable {
  /// The files as loaded now; `auditTail` for the kiosk's ticker.
  case loaded(LoadResult, auditTail: [AuditEntry]?)
  /// The load failed (why); the last good data stays on screen.
  case failed(String, auditTail: [AuditEntry]?)
}
