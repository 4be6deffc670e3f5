import GreenSilkCore

/// Follows the data directory for a running screen (the dashboard, the
/// kiosk): inotify wakes the loop when there is inotify, and the files'
/// identities (inode, size, mtime) decide whether anything really
/// changed, so a reload reads files only when one changed, and a broken
/// file is not read again until it changes again.
public final class DataFollower {
  public let store: FileStore
  private let watcher: DataWatcher
  private var knownIdentities: [String: FileSystem.Identity]

  public init(store: FileStore, initial: LoadResult) {
    self.store = store
    watcher = DataWatcher(directory: store.directory)
    knownIdentities = initial.fileIdentities
  }

  /// The inotify descriptor to poll; nil without inotify (then ask
  /// `changedOnDisk` about once a second).
  public var descriptor: Int32? { watcher.descriptor }

  /// After a wake on `descriptor`: whether the directory saw any events.
  public func drainEvents() -> Bool { !watcher.drain().isEmpty }

  /// Whether a file changed since the last load (stat only, no reading).
  public var changedOnDisk: Bool { store.identities() != knownIdentities }

  /// This process has just written the files itself: their new identities
  /// are known, so the write is not reloaded as someone else's change.
  public func acceptOwnWrite() { knownIdentities = store.identities() }

  /// Loads the data again when a file changed since the last load; nil
  /// when none did. A failed load is remembered like a good one.
  public func reloadIfChanged() -> Result<LoadResult, any Error>? {
    let identities = store.identities()
    guard identities != knownIdentities else { return nil }
    do {
      ReloadTestHook.run()
      let result = try store.load()
      knownIdentities = result.fileIdentities
      return .success(result)
    } catch {
      knownIdentities = identities
      return .failure(error)
    }
  }
}
