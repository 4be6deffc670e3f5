import Foundation
import Testing

/// Emoji sequences, flags, combining marks and Hangul jamo in titles must
/// not shift a row in tmux (issue 17: before the fix, borders moved and
/// cells went stale on hundreds of rows at 80x24).
///
/// The same walk over the screens runs twice, side by side in two tmux
/// panes: once on data whose titles hold the troublesome clusters, once on
/// a twin where each cluster is replaced by plain text of the width the
/// dashboard gives it (`〇`, one wide character, for two columns; `~` for
/// one). If no row shifts, the two panes differ only where the clusters
/// are: every other cell — borders, labels, the text after a cluster — is
/// the same character in the same column.
@Suite("Grapheme clusters in tmux")
struct GraphemeAlignmentTests {
  /// A cluster and the columns the dashboard draws it in.
  struct Sample {
    var text: String
    var width: Int
    var twin: String { width == 2 ? "〇" : "~" }
  }

  static let samples: [Sample] = [
    Sample(text: "👨\u{200D}👩\u{200D}👧", width: 2),  // ZWJ family
    Sample(text: "👍\u{1F3FD}", width: 2),  // skin tone
    Sample(text: "🇵🇰", width: 2),  // flag
    Sample(text: "❤\u{FE0F}", width: 2),  // VS16
    Sample(text: "1\u{FE0F}\u{20E3}", width: 2),  // keycap
    Sample(text: "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", width: 2),  // tag sequence
    Sample(text: "⌚\u{FE0E}", width: 1),  // VS15
    Sample(text: "e\u{301}", width: 1),  // combining mark
    Sample(text: "\u{1112}\u{1161}\u{11AB}", width: 2),  // conjoining jamo
    Sample(text: "का", width: 2),  // Devanagari spacing mark: two cells
    Sample(text: "😀", width: 2),
    Sample(text: "🇵", width: 2),  // lone regional indicator
    Sample(text: "क\u{94D}\u{200D}ष", width: 2),  // ZWJ between letters
    Sample(text: "👩\u{1F3FF}\u{200D}🚀", width: 2),
  ]

  /// Titles of every project and activity: "S001 <cluster> <old title>",
  /// the clusters in turn, so that every screen shows many, and sorting by
  /// title keeps the same order in both panes.
  static func title(_ index: Int, _ cluster: String, _ old: String) -> String {
    let number = String(index + 1)
    return "S" + String(repeating: "0", count: max(0, 3 - number.count)) + number + " " + cluster + " " + old
  }

  /// Writes the samples (or their twins) into a copy of the shipped data.
  static func data(twins: Bool) throws -> String {
    let data = try E2E.copyOfShippedData()
    for file in ["projects.jsonl", "activities.jsonl"] {
      let path = data + "/" + file
      var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        .map(String.init)
      var index = 0
      for (number, line) in lines.enumerated() where line.hasPrefix("{\"id\":") {
        let sample = samples[index % samples.count]
        let cluster = twins ? sample.twin : sample.text
        guard let start = line.range(of: "\"title\":\""), let end = line[start.upperBound...].range(of: "\",\"") else {
          throw E2EFailure("no title in \(file) line \(number + 1)")
        }
        var edited = line
        edited.replaceSubrange(start.upperBound..<end.lowerBound, with: title(index, cluster, String(line[start.upperBound..<end.lowerBound])))
        if index == 0, let summary = edited.range(of: "\"summary\":\"") {
          // The first project's summary holds every sample, to be wrapped.
          let all = samples.map { twins ? $0.twin : $0.text }.joined(separator: " ")
          edited.insert(contentsOf: "All clusters: \(all). ", at: summary.upperBound)
        }
        lines[number] = edited
        index += 1
      }
      try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
    return data
  }

  /// The C library's `wcwidth`, which tmux measures with (Glibc's Swift
  /// module does not declare it).
  static let wcwidth: (@convention(c) (wchar_t) -> Int32)? = {
    guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "wcwidth") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (wchar_t) -> Int32).self)
  }()

  /// One pane cell: the text tmux captured for it, "" for the second
  /// column of a wide character.
  static func cells(of row: String, wcwidth: @convention(c) (wchar_t) -> Int32) -> [String] {
    var cells: [String] = []
    for character in row {
      var width = 0
      for scalar in character.unicodeScalars { width += max(0, Int(wcwidth(wchar_t(bitPattern: scalar.value)))) }
      if width == 0, !cells.isEmpty {
        cells[cells.count - 1] += String(character)
        continue
      }
      cells.append(String(character))
      if width >= 2 { cells.append(contentsOf: Array(repeating: "", count: width - 1)) }
    }
    return cells
  }

  /// Rows of the sample pane that do not line up with the twin pane.
  static func misaligned(
    sample: [String], twin: [String], screen: String, wcwidth: @convention(c) (wchar_t) -> Int32
  ) -> [String] {
    var problems: [String] = []
    for (y, (row, twinRow)) in zip(sample, twin).enumerated() {
      let got = cells(of: row, wcwidth: wcwidth)
      var expected = cells(of: twinRow, wcwidth: wcwidth)
      if y == 0 {
        // The clock in the title bar may turn between the two captures.
        expected = zip(expected, got).map { $0.0.allSatisfy(\.isNumber) && $0.1.allSatisfy(\.isNumber) ? $0.1 : $0.0 }
      }
      var x = 0
      var aligned = got.count <= 80 && expected.count <= 80
      while aligned, x < max(got.count, expected.count) {
        let want = x < expected.count ? expected[x] : " "
        let have = x < got.count ? got[x] : " "
        if want == "〇" || want == "~" {
          // A cluster's place: its cells must start here and end where
          // the twin ends (a placeholder, or one cell per spacing scalar).
          let width = want == "〇" ? 2 : 1
          aligned = !have.isEmpty && (x + width >= got.count || !got[x + width].isEmpty)
          x += width
          continue
        }
        aligned = want == have
        x += 1
      }
      if !aligned { problems.append("\(screen) row \(y):\n  got  |\(row)|\n  want |\(twinRow)|") }
    }
    return problems
  }

  @Test func rowsLineUpOnEveryScreenAt80x24() throws {
    // wcwidth, as tmux measures, in this thread only.
    guard let wcwidth = Self.wcwidth else { throw E2EFailure("no wcwidth in the C library") }
    guard let utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil) else { throw E2EFailure("no C.UTF-8 locale") }
    let previous = uselocale(utf8)
    defer {
      uselocale(previous)
      freelocale(utf8)
    }
    let home = try E2E.makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let environment = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": home, "XDG_STATE_HOME": home + "/state"]
    let sample = try DashboardInTmux(environment: environment, data: try Self.data(twins: false))
    let twin = try DashboardInTmux(environment: environment, data: try Self.data(twins: true))
    try sample.waitForStart()
    try twin.waitForStart()

    // Screens, the pipeline as a table, the first project, its form.
    let steps: [(keys: [String], name: String)] = [
      ([], "overview"), (["2"], "corridors"), (["Down"], "corridors, second"), (["3"], "pipeline"),
      (["Right"], "pipeline, next stage"), (["v"], "pipeline table"), (["PageDown"], "pipeline table, next page"),
      (["Home"], "pipeline table, first"), (["Enter"], "project"), (["PageDown"], "project, scrolled"),
      (["e"], "form"), (["Tab"], "form, title"), (["Escape", "3", "Down", "Enter"], "second project"),
      (["5"], "envoys"), (["Down", "Down"], "envoys, third activity"), (["1"], "overview again"),
    ]
    var problems: [String] = []
    var rows = 0
    var clustersShown = 0  // twin cells seen: the walk must show the samples
    for step in steps {
      for key in step.keys {
        try sample.session.send(key)
        try twin.session.send(key)
      }
      let captured = try settled(sample.session)
      let twinCaptured = try settled(twin.session)
      rows += captured.count
      clustersShown += twinCaptured.joined().filter { $0 == "〇" || $0 == "~" }.count
      problems += Self.misaligned(sample: captured, twin: twinCaptured, screen: step.name, wcwidth: wcwidth)
    }
    #expect(clustersShown >= 100, "the walk showed only \(clustersShown) clusters")
    #expect(problems.isEmpty, "\(problems.count) of \(rows) rows do not line up:\n\(problems.prefix(12).joined(separator: "\n"))")
    try sample.session.send("q")
    try twin.session.send("q")
  }

  /// The pane's rows once it has stopped changing.
  func settled(_ session: TmuxSession) throws -> [String] {
    var last = try session.lines()
    for _ in 0..<50 {
      usleep(150_000)
      let now = try session.lines()
      if now == last { return now }
      last = now
    }
    return last
  }
}
