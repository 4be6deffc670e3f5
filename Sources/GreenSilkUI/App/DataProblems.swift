import GreenSilkCore

/// What the dashboard says about the data's problems (issue 16): the
/// status line names the first one as FILE:LINE: reason and how many more
/// there are, and `!` lists them all in an overlay (the help overlay's
/// box, one section per file), so nobody has to leave for
/// `greensilk validate` to find the line.
public enum DataProblems {
  /// "data problem: data/projects.jsonl:12: field "title": … (+3 more: ! lists them)".
  public static func statusText(_ issues: [LoadIssue]) -> String? {
    guard let first = issues.first else { return nil }
    let more = issues.count > 1 ? " (+\(issues.count - 1) more: ! lists them)" : " (! lists it)"
    return "data problem: \(first)\(more)"
  }

  /// The status line's right-hand mark: the count and the key.
  static func mark(_ issues: [LoadIssue]) -> String {
    " ! \(issues.count) data problem\(issues.count == 1 ? "" : "s") "
  }

  /// The `!` overlay: per file, each line and its reason.
  static func overlay(_ state: AppState) -> HelpOverlay {
    var sections: [HelpOverlay.Section] = []
    for issue in state.context.issues {
      let hint = KeyHint(issue.line > 0 ? "line \(issue.line)" : "file", issue.reason)
      if sections.last?.title == issue.file {
        sections[sections.count - 1].bindings.append(hint)
      } else {
        sections.append(HelpOverlay.Section(issue.file, [hint]))
      }
    }
    if sections.isEmpty { sections = [HelpOverlay.Section("No problems", [KeyHint("", "every file loaded")])] }
    let count = state.context.issues.count
    return HelpOverlay(sections: sections, glyphs: state.settings.glyphs)
      .title("Data problems (\(count)) — greensilk validate lists them too").closeHint("! or Esc closes")
  }
}
