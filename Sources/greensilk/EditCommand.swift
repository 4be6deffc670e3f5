import ArgumentParser
import GreenSilkCore
import GreenSilkRuntime

#if canImport(Glibc)
  import Glibc
#endif

/// `greensilk edit FILE`: the safe way to edit a data file by hand
/// (issue 16, item 3). An editor that saves `projects.jsonl` directly
/// takes no lock, bumps no revision and writes no audit line, so a
/// dashboard save or an import running at the same time is silently
/// undone. This edits a copy, checks it as `validate` would, and writes it
/// back like any save: under the lock, revisions bumped, audited first.
struct EditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit",
    abstract: "Edit a data file by hand in $VISUAL or $EDITOR, safely.",
    discussion: """
      Opens a copy of the file (projects, activities, or any other collection: \
      `greensilk edit projects` or `greensilk edit data/projects.jsonl`) in $VISUAL, \
      else $EDITOR, else vi. When the editor exits, every line is checked as the \
      loader checks it; problems are printed as FILE:LINE: reason and you choose to \
      edit again or to stop (the copy is kept, nothing is lost). Then, under the data \
      directory's lock, the records you changed get the next revision and your name, \
      each change is written to the audit log, and the file is replaced atomically. \
      If someone saved the file while you were editing, nothing is written and your \
      copy is kept: run the command again and redo the edit on the current file.

      The lock is not held while the editor is open, so dashboards and imports are \
      never kept waiting by an editor left open.

      Exit status: 0 written (or nothing changed); 1 stopped with problems, or the \
      file changed meanwhile; 2 unusable arguments or data directory.
      """
  )

  @OptionGroup var data: DataOptions
  @Argument(help: ArgumentHelp("The data file: its name (projects) or path (data/projects.jsonl).", valueName: "file"))
  var file: String

  func run() throws {
    try failing {
      // Under a pinned identity (an SSH key's forced command) no key may
      // start a program: $EDITOR would be a shell.
      if try data.access.policy().isPinned {
        throw CommandFailure(
          message: "greensilk: edit starts $EDITOR, which a pinned identity (--as) may not do; nothing was written",
          status: 2)
      }
      let store = try data.openStore()
      guard !store.isReadOnly else {
        throw CommandFailure(message: "greensilk: \(store.displayDirectory): not writable; nothing to edit", status: 2)
      }
      guard let dataFile = Self.dataFile(named: file) else {
        let names = DataFile.allCases.map(\.rawValue).joined(separator: ", ")
        throw CommandFailure(message: "greensilk: \(file): not a data file (one of \(names))", status: 2)
      }
      if dataFile == .projects && store.projectsAreSplit {
        // A portfolio in parts (over 2,000 projects) is edited record by
        // record: in the dashboard's form, or by export and import.
        throw CommandFailure(
          message: "greensilk: \(store.displayDirectory)'s projects are in parts under \(ProjectParts.folderName)/ "
            + "(a portfolio over \(ProjectParts.splitThreshold) projects); edit them in the dashboard's form, or with "
            + "export and import csv; nothing was written",
          status: 2)
      }
      switch dataFile {
      case .countries: try HandEditSession<Country>(store: store).run()
      case .corridors: try HandEditSession<Corridor>(store: store).run()
      case .corridorCountries: try HandEditSession<CorridorMembership>(store: store).run()
      case .areas: try HandEditSession<AreaInfo>(store: store).run()
      case .projects: try HandEditSession<Project>(store: store).run()
      case .activities: try HandEditSession<EnvoyActivity>(store: store).run()
      case .programTotals: try HandEditSession<ProgramTotal>(store: store).run()
      case .corridorRoutes: try HandEditSession<CorridorRoute>(store: store).run()
      }
    }
  }

  /// `projects`, `projects.jsonl` or a path ending in it.
  static func dataFile(named name: String) -> DataFile? {
    var last = FileSystem.lastComponent(of: name)
    if last.hasSuffix(".jsonl") { last.removeLast(".jsonl".count) }
    return DataFile(rawValue: last)
  }
}

/// One `greensilk edit` of one collection file.
struct HandEditSession<R: StoredRecord> {
  let store: FileStore

  func run() throws {
    let path = store.path(of: R.file)
    let base: [UInt8]
    do { base = try FileSystem.read(path, within: store.directory) ?? [] } catch { throw CommandFailure(message: "greensilk: \(error)", status: 2) }
    // The copy sits in a private directory beside the other files, so that
    // the loader can check it with every reference: hard links where the
    // file system allows, else copies. Never symbolic links: the loader
    // follows none out of its directory (issue 17, part 4).
    var template = Array("/tmp/greensilk-edit-XXXXXX".utf8CString)
    guard mkdtemp(&template) != nil else {
      throw CommandFailure(message: "greensilk: cannot make a temporary directory for the copy", status: 2)
    }
    let workspace = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    let copy = FileSystem.join(workspace, R.file.fileName)
    for name in [FileStore.metaFileName] + DataFile.allCases.filter({ $0 != R.file }).map(\.fileName) {
      let target = absolute(store.path(of: .projects).replacingLastComponent(with: name))
      let place = FileSystem.join(workspace, name)
      if FileSystem.exists(target) && link(target, place) != 0, let bytes = try? FileSystem.read(target) {
        try? FileSystem.writeAtomically(place, bytes)
      }
    }
    do { try FileSystem.writeAtomically(copy, base) } catch { throw CommandFailure(message: "greensilk: \(error)", status: 2) }
    let knownBad = badLines(directory: store.directory)

    while true {
      guard runEditor(on: copy) else {
        throw CommandFailure(
          message: "greensilk: the editor did not finish cleanly; nothing was written (your copy: \(copy))", status: 1)
      }
      let edited = (try? FileSystem.read(copy)) ?? []
      var edit = HandEdit<R>(base: base, edited: edited, displayName: copy, user: UserIdentity.current(environment: Environment.snapshot()), now: Timestamp.now())
      edit.problems += referenceProblems(workspace: workspace, knownBad: knownBad, already: Set(edit.problems.map(\.line)))
      edit.problems.sort { $0.line < $1.line }
      if !edit.problems.isEmpty {
        for problem in edit.problems { FileHandleOutput.standardError.writeLine("\(problem)") }
        if ask("\(edit.problems.count) problem(s). [e]dit again or [a]bort? ") == "e" { continue }
        throw CommandFailure(
          message: "greensilk: nothing was written; your edited copy is kept at \(copy)", status: 1)
      }
      guard edit.hasChanges else {
        FileHandleOutput.standardOutput.writeLine("no changes to \(R.file.fileName)")
        removeWorkspace(workspace)
        return
      }
      do {
        try store.replace(edit, ifStill: base)
      } catch StoreError.replaced(let replaced) {
        throw CommandFailure(message: "greensilk: \(replaced)\ngreensilk: your edited copy is kept at \(copy)", status: 1)
      } catch {
        throw CommandFailure(message: "greensilk: \(error)\ngreensilk: your edited copy is kept at \(copy)", status: 1)
      }
      FileHandleOutput.standardOutput.writeLine(
        "wrote \(FileSystem.join(store.displayDirectory, R.file.fileName)): \(edit.created) created, \(edit.updated) changed, \(edit.deleted) deleted (revisions bumped, audited)"
      )
      removeWorkspace(workspace)
      return
    }
  }

  /// `sh -c '$EDITOR "$1"' sh FILE`, on this terminal; true when it exited 0.
  func runEditor(on path: String) -> Bool {
    let environment = Environment.snapshot()
    let command: String = environment["VISUAL"] ?? environment["EDITOR"] ?? "vi"
    let arguments: [String] = ["/bin/sh", "-c", command + " \"$1\"", "sh", path]
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, "/bin/sh", nil, nil, &argv, environ) == 0 else { return false }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return status == 0
  }

  /// Problems the loader finds in the edited copy with the rest of the
  /// data around it (unknown countries, corridors, duplicates), except on
  /// lines that were already bad before and are left as they were.
  func referenceProblems(workspace: String, knownBad: Set<[UInt8]>, already: Set<Int>) -> [LoadIssue] {
    guard let result = try? FileStore(directory: workspace, readOnly: true).load() else { return [] }
    let name = FileSystem.join(workspace, R.file.fileName)
    let lines = HandEdit<R>.lines((try? FileSystem.read(name)) ?? [])
    return result.issues.filter { issue in
      issue.file == name && issue.line > 0 && !already.contains(issue.line)
        && !(lines.indices.contains(issue.line - 1) && knownBad.contains(lines[issue.line - 1]))
    }
  }

  /// The lines of the file that do not load today: left as they are,
  /// they are no reason to refuse an edit.
  func badLines(directory: String) -> Set<[UInt8]> {
    guard let result = try? FileStore(directory: directory, readOnly: true).load() else { return [] }
    let lines = HandEdit<R>.lines((try? FileSystem.read(store.path(of: R.file))) ?? [])
    var out = Set<[UInt8]>()
    for issue in result.issues where issue.file.hasSuffix("/" + R.file.fileName) && lines.indices.contains(issue.line - 1) {
      out.insert(lines[issue.line - 1])
    }
    return out
  }

  func ask(_ question: String) -> String {
    FileHandleOutput.standardError.write(question)
    guard let line = readLine() else { return "a" }
    return line.first { $0 != " " && $0 != "\t" }.map { String($0).lowercased() } ?? "a"
  }

  func removeWorkspace(_ workspace: String) {
    for name in [FileStore.metaFileName] + DataFile.allCases.map(\.fileName) {
      unlink(FileSystem.join(workspace, name))
    }
    rmdir(workspace)
  }

  func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    if let resolved = realpath(path, &buffer) { return String(cString: resolved) }
    return path
  }
}

extension String {
  fileprivate func replacingLastComponent(with name: String) -> String {
    FileSystem.join(FileSystem.parentDirectory(of: self), name)
  }
}
