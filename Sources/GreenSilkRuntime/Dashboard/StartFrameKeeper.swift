import GreenSilkCore
import GreenSilkUI

/// Everything a dashboard session needs to keep the next start's first
/// frame (`StartupFrame`): the file, and the parts of its key that stay
/// fixed for the session (the data directory, the user's draft and undo
/// files, the display choices, --read-only, the user). The data files'
/// identities, the window size and the day are given when a key is made:
/// at the start, and again when a session that followed changes ends
/// (`DashboardProgram.keepStartFrame`).
public struct StartFrameKeeper: Sendable {
  public let file: StartupFrame
  let directory: String
  /// The user's draft and undo journal: a start offers the draft back and
  /// shows what can be undone.
  let userFiles: [String]
  let display: DisplayChoices
  let readOnly: Bool
  let user: String

  public init(
    dataDirectory: String, user: String, environment: [String: String], display: DisplayChoices, readOnly: Bool
  ) {
    file = StartupFrame(dataDirectory: dataDirectory, user: user, environment: environment)
    directory = dataDirectory
    userFiles = [
      DraftStore(dataDirectory: dataDirectory, user: user, environment: environment).path,
      UndoJournal(dataDirectory: dataDirectory, user: user, environment: environment).path,
    ]
    self.display = display
    self.readOnly = readOnly
    self.user = user
  }

  /// What the first frame depends on in files, `identities` being the
  /// data files' (`FileStore.identities()`): taken before the data is
  /// read, so that a change during the load makes the key older, never
  /// newer, than the frame.
  public func sources(identities: [String: FileSystem.Identity]) -> String {
    StartupFrame.sources(directory: directory, identities: identities, files: userFiles)
  }

  /// The whole key for a frame drawn from the data `sources` names.
  public func key(sources: String, size: Size, asciiOnly: Bool, today: Day) -> String {
    StartupFrame.key(
      sources: sources, size: size, asciiOnly: asciiOnly, display: display, readOnly: readOnly, user: user, today: today)
  }
}
