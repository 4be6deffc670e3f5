import GreenSilkCore
import GreenSilkUI

#if canImport(Glibc)
  import Glibc
#endif

/// Runs sync work (git, through `SyncEngine`) on a thread of its own so
/// the dashboard's loop never waits on the network: the loop polls
/// `take()` at its timer, which the program shortens while work runs.
/// The merge itself changes the data files under the store's lock, and
/// the loop's file watcher reloads them as for any outside change.
public final class SyncWorker: @unchecked Sendable {
  let directory: String
  let displayDirectory: String
  private var mutex = pthread_mutex_t()
  // Guarded by `mutex`.
  private var busy = false
  private var news: [AppAction] = []
  /// Work asked for while other work ran: done next, in order.
  private var queue: [@Sendable (SyncWorker) -> Void] = []

  /// Nil when the data directory is not a git repository.
  public init?(store: FileStore) {
    guard SyncRepository(directory: store.directory).isRepository else { return nil }
    directory = store.directory
    displayDirectory = store.displayDirectory
    pthread_mutex_init(&mutex, nil)
  }

  deinit { pthread_mutex_destroy(&mutex) }

  public var isBusy: Bool { locked { busy } }

  /// What happened since the last call, as actions for the reducer.
  public func take() -> [AppAction] {
    locked {
      defer { news = [] }
      return news
    }
  }

  /// Reads the status (ahead/behind, last sync) in the background.
  public func readStatus() {
    start { [directory, displayDirectory] worker in
      let status = try? SyncStatus.read(directory: directory, displayDirectory: displayDirectory)
      worker.post(.syncStatusRead(status))
    }
  }

  /// Syncs in the background, posting each step and the outcome.
  public func sync() {
    start { [directory, displayDirectory] worker in
      let engine = SyncEngine(directory: directory, displayDirectory: displayDirectory)
      let outcome: SyncOutcome
      do {
        let report = try engine.sync { step in worker.post(.syncProgress(step)) }
        let status = try? SyncStatus.read(directory: directory, displayDirectory: displayDirectory)
        outcome = SyncOutcome(message: "synced: " + report.summary, failed: false, status: status)
      } catch {
        let status = try? SyncStatus.read(directory: directory, displayDirectory: displayDirectory)
        outcome = SyncOutcome(message: "sync stopped: \(error)", failed: true, status: status)
      }
      worker.post(.syncFinished(outcome))
    }
  }

  func post(_ action: AppAction) { locked { news.append(action) } }

  /// Waits (at most `seconds`) for the running work to end: for tests
  /// and for a clean exit.
  public func wait(seconds: Double) {
    var waited = 0.0
    while isBusy && waited < seconds {
      usleep(20_000)
      waited += 0.02
    }
  }

  /// Runs `work` on the worker's thread, after whatever runs now.
  private func start(_ work: @escaping @Sendable (SyncWorker) -> Void) {
    let claimed: Bool = locked {
      queue.append(work)
      if busy { return false }
      busy = true
      return true
    }
    guard claimed else { return }
    let box = Unmanaged.passRetained(Job(worker: self)).toOpaque()
    var thread = pthread_t()
    let made = pthread_create(&thread, nil, { argument in
      let job = Unmanaged<Job>.fromOpaque(argument!).takeRetainedValue()
      while let next = job.worker.nextJob() { next(job.worker) }
      return nil
    }, box)
    if made == 0 {
      pthread_detach(thread)
    } else {
      Unmanaged<Job>.fromOpaque(box).release()
      locked {
        busy = false
        queue = []
      }
      post(.syncFinished(SyncOutcome(message: "sync could not start a thread (error \(made))", failed: true, status: nil)))
    }
  }

  /// The next queued work, or nil (and no longer busy) when none is left.
  func nextJob() -> (@Sendable (SyncWorker) -> Void)? {
    locked {
      if queue.isEmpty {
        busy = false
        return nil
      }
      return queue.removeFirst()
    }
  }

  func locked<T>(_ body: () -> T) -> T {
    pthread_mutex_lock(&mutex)
    defer { pthread_mutex_unlock(&mutex) }
    return body()
  }

  private final class Job: @unchecked Sendable {
    let worker: SyncWorker
    init(worker: SyncWorker) { self.worker = worker }
  }
}
