import CNcursesw
import Glibc
import GreenSilkRuntime
import GreenSilkUI

/// The terminal, through ncurses: the only code in GreenSilk that writes
/// to the tty. It draws cells (only those that changed), reports its
/// size, decodes keys, and restores the terminal on `shutdown()`.
///
/// Not thread-safe, like ncurses itself: create it, draw and read keys on
/// one thread (the app's main loop, with `EventLoop`).
///
/// Opened with `newterm` rather than `initscr`: the two set up the same
/// screen, but `initscr` calls `exit()` when `TERM` is unusable, where
/// `newterm` returns an error the app can report after restoring nothing.
/// A terminal that cannot move the cursor (`dumb`) or prints on paper
/// (terminfo `hc`) is refused before ncurses touches the tty.
///
/// ncurses is never told a window larger than `DrawableArea.largest`: it
/// keeps several cells of memory for every cell of the window, and a
/// client may claim 65535x65535. Such a window reports its real `size`
/// while ncurses keeps `DrawableArea.drawn(for:)`, the notice's corner.
public final class NcursesTerminal {
  public let options: TerminalOptions
  /// The colour depth in use (terminal, `NO_COLOR` and options combined).
  public let colorDepth: ColorDepth
  /// Whether the locale's character set is UTF-8.
  public let isUTF8: Bool
  /// True when only ASCII is written (no UTF-8 locale, or forced). The
  /// app should then render with `GlyphSet.ascii`; anything non-ASCII
  /// that still arrives is replaced (`AsciiFallback`).
  public var asciiOnly: Bool { !isUTF8 || options.forceASCII }
  /// The descriptor keys are read from (for `poll`).
  public let inputDescriptor: Int32
  /// The descriptor ncurses writes to (for the window size).
  public let outputDescriptor: Int32
  /// The window's size in cells, updated on resize (the real one, even
  /// when it is too large to draw).
  public private(set) var size: Size

  private let screen: OpaquePointer
  private let inputFile: UnsafeMutablePointer<FILE>
  private let outputFile: UnsafeMutablePointer<FILE>
  private var pairs: ColorPairs?
  private var theme: Theme?
  private var palette: ThemePalette?
  /// Style → ncurses attributes and pair: filled lazily, cleared when the
  /// theme changes.
  private var drawStyles: [Style: (attributes: attr_t, pair: Int32)] = [:]
  private var lastFrame: Buffer?
  private var needsFullRepaint = true
  private var wideText: [wchar_t] = Array(repeating: 0, count: 8)
  private var isShutDown = false

  /// Opens the terminal and switches it to GreenSilk's mode: raw keys (no
  /// signals from Ctrl-C or Ctrl-Z, no echo), keypad decoding, a short
  /// ESC delay, a hidden cursor and colours if there are any.
  public init(options: TerminalOptions = TerminalOptions()) throws(TerminalError) {
    self.options = options
    // Before newterm: ncurses decides how to encode characters from the
    // locale, and without this every non-ASCII cell would garble.
    _ = gs_setlocale_from_environment()
    let codeset = gs_codeset().map { String(cString: $0) } ?? ""
    isUTF8 = ["UTF-8", "UTF8"].contains(codeset.uppercased())

    let (input, output) = try Self.openDescriptors(options.device)
    // Both ends must be a terminal: keys are read in raw mode, and a
    // non-tty input (a file, /dev/null) would poll readable forever.
    guard isatty(output) == 1, isatty(input) == 1 else {
      close(input)
      close(output)
      throw .notATerminal
    }
    guard let inputFile = fdopen(input, "r"), let outputFile = fdopen(output, "w") else {
      close(input)
      close(output)
      throw .notATerminal
    }
    let type = options.terminalType ?? Environment.value("TERM") ?? "unknown"
    // The shell's modes, for the fatal-signal handler to put back.
    FatalSignalReset.saveModes(of: output)
    do {
      try Self.probe(type, descriptor: output)
    } catch {
      fclose(inputFile)
      fclose(outputFile)
      throw error
    }
    guard let screen = Self.newScreen(type, output: outputFile, input: inputFile, descriptor: output) else {
      fclose(inputFile)
      fclose(outputFile)
      throw .unsupportedTerminal(type: type)
    }
    self.screen = screen
    self.inputFile = inputFile
    self.outputFile = outputFile
    inputDescriptor = input
    outputDescriptor = output

    raw()
    noecho()
    nonl()
    let window = gs_stdscr()
    keypad(window, true)
    // We poll() the descriptor ourselves; wget_wch must never block.
    nodelay(window, true)
    // One frame, one write: by default ncurses polls the keyboard between
    // lines and flushes before each poll (typeahead checking), so a full
    // 120x40 frame left in ~40 writes, as many packets over SSH. Our frames
    // are diffs computed before drawing; nothing is gained by abandoning
    // one halfway for a pending key.
    typeahead(-1)
    set_escdelay(options.escapeDelay)
    Self.defineExtraKeys()
    curs_set(0)
    colorDepth = Self.startColors(options, pairs: &pairs)
    size = Self.windowSize()
    windowSizeChanged()
    // Clear the screen now, so the first frame is drawn on a clean slate.
    refresh()
    // From here a trap would leave the terminal raw: reset it if so.
    FatalSignalReset.arm(descriptor: output)
  }

  deinit { shutdown() }

  // MARK: - Drawing

  /// Writes `changes` (from `Buffer.diff(from:)`) in `theme`, then shows
  /// them. Only these cells are written; to repaint everything after a
  /// theme switch use `present`, or pass every cell.
  public func draw(_ changes: [CellChange], theme: Theme) {
    guard !isShutDown else { return }
    _ = use(theme)
    write(changes)
    flush()
  }

  /// Shows `frame`, writing only the cells that differ from the frame
  /// presented before. Everything is rewritten after `invalidate()`, a
  /// resize, a theme change, or when the colour-pair table was recycled.
  public func present(_ frame: Buffer, theme: Theme) {
    guard !isShutDown else { return }
    let themeChanged = use(theme)
    let changes: [CellChange]
    if let lastFrame, !needsFullRepaint, !themeChanged, lastFrame.size == frame.size {
      changes = frame.diff(from: lastFrame)
    } else {
      werase(gs_stdscr())
      changes = frame.diff(from: Buffer(width: 0, height: 0))
    }
    needsFullRepaint = false
    if !write(changes) {
      // The pair table was reset mid-frame: cells drawn before it now have
      // stale colours, so draw the whole frame once more.
      werase(gs_stdscr())
      write(frame.diff(from: Buffer(width: 0, height: 0)))
    }
    lastFrame = frame
    flush()
  }

  /// Forces the next `present` to repaint every cell, and ncurses to
  /// clear the physical screen first: after a theme switch, SIGCONT, a
  /// tmux re-attach, or anything else that may have garbled the screen.
  public func invalidate() {
    needsFullRepaint = true
    clearok(gs_stdscr(), true)
  }

  // MARK: - Input and size

  /// Every key ncurses has ready, without waiting (`wget_wch` until ERR).
  /// ncurses buffers what it read, so after poll() reports input this
  /// must drain fully or keys would wait for the next byte to arrive.
  public func readKeys() -> [Key] {
    guard !isShutDown else { return [] }
    var keys: [Key] = []
    var value: wint_t = 0
    while true {
      let status = wget_wch(gs_stdscr(), &value)
      guard let key = KeyDecoder.decode(status: status, value: UInt32(value)) else { break }
      if key == .resize { windowSizeChanged() }
      keys.append(key)
    }
    return keys
  }

  /// Re-reads the window size from the tty (after SIGWINCH), gives
  /// ncurses the part of it to draw (`DrawableArea.drawn(for:)`), and
  /// returns the new size. Never fails: a size it cannot read leaves the
  /// old one.
  @discardableResult
  public func windowSizeChanged() -> Size {
    guard !isShutDown else { return size }
    var rows: Int32 = 0
    var columns: Int32 = 0
    if gs_window_size(outputDescriptor, &rows, &columns) == 0, rows > 0, columns > 0 {
      size = Size(width: Int(columns), height: Int(rows))
    }
    let drawn = DrawableArea.drawn(for: size)
    if drawn != Self.windowSize() {
      // resize_term, not resizeterm: the latter also queues a KEY_RESIZE,
      // which would report this resize a second time (or, at start-up,
      // a resize that never happened).
      resize_term(Int32(drawn.height), Int32(drawn.width))
    }
    invalidate()
    return size
  }

  /// Leaves the screen for a while (running `$EDITOR`), terminal restored.
  public func suspend() {
    guard !isShutDown else { return }
    endwin()
  }

  /// Comes back after `suspend()` or SIGCONT: puts the terminal back in
  /// GreenSilk's mode (the shell may have changed it while we were
  /// stopped), rereads the size, and repaints on the next `present`.
  public func resume() {
    guard !isShutDown else { return }
    // endwin then refresh is ncurses' documented way back into visual
    // mode: it re-applies the tty modes, keypad and alternate screen.
    endwin()
    refresh()
    windowSizeChanged()
  }

  /// Restores the terminal (modes, cursor, main screen). Safe to call more
  /// than once; nothing is drawn afterwards.
  public func shutdown() {
    guard !isShutDown else { return }
    isShutDown = true
    FatalSignalReset.disarm()
    endwin()
    delscreen(screen)
    fclose(inputFile)
    fclose(outputFile)
  }

  // MARK: - Private

  /// Makes `theme` current; true when it differs from the previous one.
  private func use(_ theme: Theme) -> Bool {
    guard theme != self.theme else { return false }
    self.theme = theme
    palette = theme.palette(for: colorDepth)
    drawStyles.removeAll(keepingCapacity: true)
    return true
  }

  /// Writes cells; false when the pair table was reset on the way.
  @discardableResult
  private func write(_ changes: [CellChange]) -> Bool {
    var intact = true
    for change in changes {
      let style: (attributes: attr_t, pair: Int32)
      if let known = drawStyles[change.cell.style] {
        style = known
      } else {
        let (made, wasReset) = makeDrawStyle(change.cell.style)
        if wasReset {
          intact = false
          drawStyles.removeAll(keepingCapacity: true)
        }
        drawStyles[change.cell.style] = made
        style = made
      }
      writeCell(change.cell, x: change.x, y: change.y, style: style)
    }
    return intact
  }

  private func makeDrawStyle(_ style: Style) -> ((attributes: attr_t, pair: Int32), Bool) {
    let resolved = palette?[style] ?? .plain
    var attributes = gs_attr_normal()
    let bits: [(TextAttributes, attr_t)] = [
      (.bold, gs_attr_bold()), (.dim, gs_attr_dim()), (.reverse, gs_attr_reverse()),
      (.underline, gs_attr_underline()), (.italic, gs_attr_italic()),
    ]
    for (flag, bit) in bits where resolved.attributes.contains(flag) { attributes |= bit }
    guard var pairs else { return ((attributes, 0), false) }
    let (pair, wasReset) = pairs.pair(for: resolved)
    self.pairs = pairs
    return ((attributes, pair), wasReset)
  }

  /// Writes one cell. Control characters never reach the terminal (a cell
  /// built without `Buffer.put` could hold one); in ASCII mode non-ASCII
  /// becomes a stand-in; and a glyph whose width the C library sees
  /// differently from our layout is replaced, so columns never drift.
  private func writeCell(
    _ cell: Cell, x: Int, y: Int, style: (attributes: attr_t, pair: Int32)
  ) {
    var symbol = cell.symbol
    if symbol.unicodeScalars.contains(where: Sanitizer.isControl) {
      symbol = Sanitizer.visible(symbol)
    }
    let width = max(1, Int(cell.width))
    if asciiOnly {
      symbol = AsciiFallback.ascii(for: symbol)
    } else if let first = symbol.unicodeScalars.first,
      Int(gs_wcwidth(wchar_t(bitPattern: first.value))) != width
    {
      symbol = "?"
    }
    var count = 0
    for scalar in symbol.unicodeScalars where count < 5 {
      wideText[count] = wchar_t(bitPattern: scalar.value)
      count += 1
    }
    if count == 0 {
      wideText[0] = 0x20
      count = 1
    }
    wideText[count] = 0
    wideText.withUnsafeBufferPointer { text in
      _ = gs_put_cell(Int32(y), Int32(x), text.baseAddress, style.attributes, style.pair)
    }
    // A wide glyph written as one narrow stand-in: blank its second column.
    if width == 2 && symbol.unicodeScalars.count == 1
      && (asciiOnly || gs_wcwidth(wideText[0]) == 1)
    {
      wideText[0] = 0x20
      wideText[1] = 0
      wideText.withUnsafeBufferPointer { text in
        _ = gs_put_cell(Int32(y), Int32(x + 1), text.baseAddress, style.attributes, style.pair)
      }
    }
  }

  private func flush() {
    wrefresh(gs_stdscr())
  }

  /// Sequences some terminals send whatever terminfo says (a terminal
  /// that ignores keypad mode, tmux and screen variants, the Linux
  /// console's Home/End): taught to ncurses so those keys are not lost.
  private static func defineExtraKeys() {
    let keys: [(String, Int32)] = [
      ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT),
      ("\u{1B}OA", KEY_UP), ("\u{1B}OB", KEY_DOWN), ("\u{1B}OC", KEY_RIGHT), ("\u{1B}OD", KEY_LEFT),
      ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END), ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END),
      ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[8~", KEY_END),
      ("\u{1B}[Z", KEY_BTAB),
    ]
    for (sequence, code) in keys where key_defined(sequence) == 0 {
      define_key(sequence, code)
    }
  }

  /// Refuses a terminal type that cannot show a screen, before ncurses
  /// touches the tty: unknown (or generic), printing on paper (terminfo
  /// `hc`), or unable to move the cursor (`dumb`).
  private static func probe(_ type: String, descriptor: Int32) throws(TerminalError) {
    var hardcopy: Int32 = 0
    var addressable: Int32 = 0
    let found = gs_probe_terminal(type, descriptor, &hardcopy, &addressable) == OK
    if hardcopy != 0 { throw .unusableTerminal(type: type, reason: "it is a hard-copy terminal") }
    guard found else { throw .unsupportedTerminal(type: type) }
    if addressable == 0 { throw .unusableTerminal(type: type, reason: "it cannot move the cursor") }
  }

  /// `newterm`, told a size it can draw. It allocates its screens at the
  /// size it finds (LINES and COLUMNS when set, else the tty's), and a
  /// client may claim 65535x65535: gigabytes, or a failure. For the
  /// length of the call LINES and COLUMNS hold `DrawableArea.drawn(for:)`
  /// of the tty's size; the values before are put back (`$EDITOR` and
  /// any other child sees the environment it would have seen).
  private static func newScreen(
    _ type: String, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>, descriptor: Int32
  ) -> OpaquePointer? {
    var rows: Int32 = 0
    var columns: Int32 = 0
    guard gs_window_size(descriptor, &rows, &columns) == 0, rows > 0, columns > 0 else {
      return newterm(type, output, input)
    }
    let drawn = DrawableArea.drawn(for: Size(width: Int(columns), height: Int(rows)))
    let names = ["LINES", "COLUMNS"]
    let saved = names.map { name in getenv(name).map { String(cString: $0) } }
    setenv("LINES", String(drawn.height), 1)
    setenv("COLUMNS", String(drawn.width), 1)
    defer {
      for (name, value) in zip(names, saved) {
        if let value { setenv(name, value, 1) } else { unsetenv(name) }
      }
    }
    return newterm(type, output, input)
  }

  /// The size ncurses is drawing.
  private static func windowSize() -> Size {
    var rows: Int32 = 0
    var columns: Int32 = 0
    gs_getmaxyx(gs_stdscr(), &rows, &columns)
    return Size(width: Int(max(0, columns)), height: Int(max(0, rows)))
  }

  /// Turns colour on unless the depth ends up mono; returns the depth.
  private static func startColors(_ options: TerminalOptions, pairs: inout ColorPairs?)
    -> ColorDepth
  {
    // Decide what we can before start_color, which already writes to the
    // terminal (it resets the colours) and which mono must not call.
    let noColor = options.noColor.map { !$0.isEmpty } ?? false
    guard !noColor, options.maximumColorDepth != .mono, has_colors(), start_color() == OK else {
      return .mono
    }
    let defaultColors = use_default_colors() == OK
    let colors = Int(gs_colors())
    let depth = ColorDepth.detect(
      colors: colors, noColor: options.noColor, override: options.maximumColorDepth)
    if depth != .mono {
      pairs = ColorPairs(
        colors: colors, capacity: Int(gs_color_pairs()), defaultColors: defaultColors)
    }
    return depth
  }

  /// Our own copies of the descriptors: ncurses' FILE streams close them.
  private static func openDescriptors(_ device: TerminalOptions.Device) throws(TerminalError)
    -> (Int32, Int32)
  {
    switch device {
    case .controllingTerminal:
      return (dup(STDIN_FILENO), dup(STDOUT_FILENO))
    case .fileDescriptors(let input, let output):
      return (dup(input), dup(output))
    case .path(let path):
      let fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
      guard fd >= 0 else { throw .cannotOpen(path: path, errno: errno) }
      let second = dup(fd)
      return (fd, second)
    }
  }
}
