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

  /// What the first frame depends on in files: the binary, the data
  /// files' `identities` (`FileStore.identities()`) and the user's draft
  /// and undo journal. Taken before the data is read, so that a change
  /// during the load makes the key older, never newer, than the frame.
  public func sources(identities: [String: FileSystem.Identity]) -> String {
    var text = StartupFrame.magic + "\n" + directory
    func add(_ name: String, _ identity: FileSystem.Identity?) {
      text += "\n" + name + " "
      if let identity {
        text += "\(identity.device) \(identity.inode) \(identity.size) \(identity.modifiedNanoseconds)"
      }
    }
    add("binary", FileSystem.identity("/proc/self/exe"))
    for (name, identity) in identities.sorted(by: { $0.key < $1.key }) { add(name, identity) }
    for file in userFiles { add(file, FileSystem.identity(file)) }
    return text
  }

  /// Everything a frame drawn from the data `sources` names depends on,
  /// as one digest: with the terminal, the display choices, --read-only,
  /// the user and the day.
  public func key(sources: String, size: Size, asciiOnly: Bool, today: Day) -> String {
    SourceRowText.digest(
      sources + "\n\(size.width)x\(size.height) ascii=\(asciiOnly) read-only=\(readOnly)\n\(display)\n\(user)\n\(today)")
  }
}
