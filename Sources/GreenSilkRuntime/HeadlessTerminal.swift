import GreenSilkUI

/// A terminal in memory, for tests: it keeps the last frame presented and
/// counts what the runtime asked of it, and `waitForEvents` plays back
/// the batches of events a test queued (then reports the input closed,
/// so that a test's `run` always ends).
///
///     let terminal = HeadlessTerminal(size: Size(width: 100, height: 30))
///     terminal.queue([.key(.character("3"))], [.key(.character("q"))])
///     let status = Runtime(program: program, terminal: terminal).run()
public final class HeadlessTerminal: Terminal {
  public var size: Size
  public var asciiOnly: Bool
  /// The last frame presented, and the theme it was drawn in.
  public private(set) var frame: Buffer?
  public private(set) var theme: Theme?
  public private(set) var presentCount = 0
  /// Frames that repainted every cell (the first, and any after
  /// `invalidate`), as a real terminal would.
  public private(set) var fullRepaints = 0
  public private(set) var invalidations = 0
  public private(set) var suspensions = 0
  public private(set) var resumptions = 0
  /// Between `suspend` and `resume` (another program has the screen).
  public private(set) var isSuspended = false
  public private(set) var watched: [Int32] = []
  /// The timeouts `waitForEvents` was called with, in order.
  public private(set) var waits: [Duration?] = []
  private var batches: [[TerminalEvent]] = []
  private var needsFullRepaint = true

  public init(size: Size = Size(width: 80, height: 24), asciiOnly: Bool = false) {
    self.size = size
    self.asciiOnly = asciiOnly
  }

  /// Events for the next calls to `waitForEvents`, one batch per call.
  public func queue(_ batches: [TerminalEvent]...) {
    self.batches += batches
  }

  /// The last frame's rows as text (nil before the first frame).
  public var text: String? { frame.map { frame in (0..<frame.height).map(frame.line).joined(separator: "\n") } }

  public func present(_ frame: Buffer, theme: Theme) {
    if needsFullRepaint || self.frame?.size != frame.size || self.theme != theme { fullRepaints += 1 }
    needsFullRepaint = false
    self.frame = frame
    self.theme = theme
    presentCount += 1
  }

  public func invalidate() {
    invalidations += 1
    needsFullRepaint = true
  }

  public func suspend() {
    suspensions += 1
    isSuspended = true
  }

  public func resume() {
    resumptions += 1
    isSuspended = false
    needsFullRepaint = true
  }

  public func watch(_ descriptor: Int32) {
    if !watched.contains(descriptor) { watched.append(descriptor) }
  }

  public func waitForEvents(timeout: Duration?) -> [TerminalEvent] {
    waits.append(timeout)
    guard !batches.isEmpty else { return [.inputClosed] }
    let next = batches.removeFirst()
    return next.isEmpty ? [.timeout] : next
  }
}
