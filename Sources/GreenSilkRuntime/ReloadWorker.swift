import GreenSilkCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// What one reload is asked to do, as the loop saw things when it asked.
struct ReloadJob: Sendable {
  /// `DataFollower.generation` when the reload was asked for: an own
  /// write since then makes what this reload read possibly older than
  /// the data on screen.
  let generation: Int
  /// The identities of the files as last loaded (or written by this
  /// process): the reload reads nothing when they are still the same.
  let known: [String: FileSystem.Identity]
  /// Load even when the identities did not change (an own write hid
  /// someone else's change, see `DataFollower.beginOwnWrite`).
  let force: Bool
  /// Also read the audit log's tail (the kiosk's ticker).
  let readsAuditTail: Bool
  /// The last load: when only project parts changed, only those are read
  /// again into a copy of it (`FileStore.reload(_:parts:)`).
  let previous: LoadResult?
  /// Parts this process wrote since `previous` (read again too).
  let ownParts: Set<Int>
}

/// What a reload found, handed from the worker to the loop.
struct ReloadFinished: Sendable {
  enum Found: Sendable {
    /// No file changed since `known`: nothing was read.
    case unchanged
    case loaded(LoadResult)
    /// The load failed; the identities it saw, so that a broken file is
    /// not read again until it changes again.
    case failed(String, identities: [String: FileSystem.Identity])

    var readSomething: Bool {
      if case .unchanged = self { return false }
      return true
    }
  }
  let job: ReloadJob
  let found: Found
  let auditTail: [AuditEntry]?
}

/// Runs reloads off the event loop (issue 16, item 5: "the event loop must
/// never block on file I/O"): each reload on a detached thread of its
/// own, the finished one left in a mailbox and announced by a byte on a
/// pipe the loop polls with the tty, the signals and inotify. One reload
/// at a time is the caller's rule (`DataFollower`); the worker only runs
/// what it is given.
///
/// A thread stuck in `read()` on a hung file system is never joined: the
/// process exits with it running. The pipe is closed only when the last
/// reference goes, and a running thread holds one, so a late thread never
/// writes into a descriptor number reused for something else.
final class ReloadWorker: Sendable {
  let store: FileStore
  /// Readable when a reload has finished (the loop polls it).
  let wakeDescriptor: Int32
  private let wakeWriter: Int32
  private let mailbox = Mutex<ReloadFinished?>(nil)

  init(store: FileStore) {
    self.store = store
    var ends: [Int32] = [-1, -1]
    // O_NONBLOCK on both ends: the loop drains without waiting, and a
    // wake-up byte already in the pipe is as good as a second one.
    if pipe(&ends) == 0 {
      for end in ends {
        _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        _ = fcntl(end, F_SETFD, FD_CLOEXEC)
      }
    } else {
      ends = [-1, -1]
    }
    wakeDescriptor = ends[0]
    wakeWriter = ends[1]
  }

  deinit {
    if wakeDescriptor >= 0 { close(wakeDescriptor) }
    if wakeWriter >= 0 { close(wakeWriter) }
  }

  /// Starts `job` on a new thread; runs it here if no thread can be made
  /// or there is no pipe to wake the loop with (out of descriptors): the
  /// reload then blocks the loop, as it always did before, and the loop
  /// takes it at its next wake (`Runtime.step(.timer)`).
  func start(_ job: ReloadJob) {
    guard wakeDescriptor >= 0 else { return run(job) }
    let box = Unmanaged.passRetained(ThreadStart(worker: self, job: job)).toOpaque()
    var thread = pthread_t()
    // The thread is born with the loop's signals blocked, so they always
    // reach the loop's thread (its self-pipe) and never interrupt the
    // worker's reads. Faults (SIGSEGV, a Swift trap) stay unblocked: the
    // handler that restores the terminal must run for them.
    var loopSignals = sigset_t()
    var previous = sigset_t()
    sigemptyset(&loopSignals)
    for signal in TerminalEvent.reportedSignals + [SIGWINCH, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE] { sigaddset(&loopSignals, signal) }
    pthread_sigmask(SIG_BLOCK, &loopSignals, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    let made = pthread_create(
      &thread, nil,
      { argument in
        let start = Unmanaged<ThreadStart>.fromOpaque(argument!).takeRetainedValue()
        start.worker.run(start.job)
        return nil
      }, box)
    if made == 0 {
      pthread_detach(thread)
    } else {
      let start = Unmanaged<ThreadStart>.fromOpaque(box).takeRetainedValue()
      run(start.job)
    }
  }

  /// The finished reload, if one is waiting; drains the pipe.
  func take() -> ReloadFinished? {
    var bytes = [UInt8](repeating: 0, count: 64)
    while wakeDescriptor >= 0 && read(wakeDescriptor, &bytes, bytes.count) > 0 {}
    // The byte comes after the mailbox is filled, so an empty mailbox
    // here means a byte already taken with an earlier result.
    return mailbox.withLock { finished in
      defer { finished = nil }
      return finished
    }
  }

  /// Waits until a finished reload's byte is in the pipe (at most
  /// `milliseconds`), without taking it: for tests and headless runs.
  func waitUntilFinished(milliseconds: Int32) -> Bool {
    // Without a pipe the reload ran on the caller's thread: finished.
    guard wakeDescriptor >= 0 else { return true }
    var descriptor = pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)
    while true {
      let ready = poll(&descriptor, 1, milliseconds)
      if ready < 0 && errno == EINTR { continue }
      return ready > 0
    }
  }

  /// The reload itself, on the worker's thread: a stat of each file, and
  /// a load only when one changed (or when forced).
  private func run(_ job: ReloadJob) {
    let identities = store.identities()
    let found: ReloadFinished.Found
    if !job.force && identities == job.known {
      found = .unchanged
    } else {
      ReloadTestHook.run(.beforeLoad, directory: store.directory)
      do {
        // A forced reload reads everything: it is the one that must not
        // trust the identities.
        if !job.force, let previous = job.previous, previous.projectsInParts,
          let parts = FileStore.changedParts(from: job.known, to: identities)
        {
          found = .loaded(store.reload(previous, parts: parts.union(job.ownParts)))
        } else {
          found = .loaded(try store.load())
        }
      } catch {
        found = .failed("\(error)", identities: identities)
      }
    }
    ReloadTestHook.run(.afterLoad, directory: store.directory)
    var tail: [AuditEntry]?
    if job.readsAuditTail && found.readSomething {
      // The ticker: never the whole log, which only grows.
      tail = try? AuditLog.readTail(store, bytes: 64 * 1024)
    }
    mailbox.withLock { $0 = ReloadFinished(job: job, found: found, auditTail: tail) }
    guard wakeWriter >= 0 else { return }
    var byte: UInt8 = 1
    _ = write(wakeWriter, &byte, 1)
  }

  private final class ThreadStart: Sendable {
    let worker: ReloadWorker
    let job: ReloadJob
    init(worker: ReloadWorker, job: ReloadJob) {
      self.worker = worker
      self.job = job
    }
  }
}
