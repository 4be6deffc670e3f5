/// Runs `body` with the terminal open and always restores it afterwards,
/// on return and on throw. Quitting on a signal is the same path: the
/// loop reports `.signal`, the body returns, and shutdown runs here.
///
///     try withTerminal { terminal in
///       try runApp(terminal)
///     }
public func withTerminal<Result>(
  _ options: TerminalOptions = TerminalOptions(),
  _ body: (NcursesTerminal) throws -> Result
) throws -> Result {
  let terminal = try NcursesTerminal(options: options)
  defer { terminal.shutdown() }
  return try body(terminal)
}
