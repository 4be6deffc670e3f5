import Foundation
import Testing

@testable import GreenSilkCore

/// Issue 16 items 5-7 and issue 17 part 4: what the store reads is a
/// regular file inside the data directory, bounded in size and line
/// length, nested at most 64 deep, with numbers in range; anything else is
/// a FILE:LINE problem, never a hang, a crash or a quoted foreign file.
@Suite struct InputSafetyTests {
  /// Loads on another thread and gives up after `seconds`: on a build
  /// that blocks in open() the test fails instead of hanging the run (the
  /// stuck thread is left behind).
  func loadWithin(_ seconds: Double, _ store: FileStore) throws -> LoadResult {
    nonisolated(unsafe) var outcome: Result<LoadResult, any Error>?
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      outcome = Result { try store.load() }
      done.signal()
    }
    guard done.wait(timeout: .now() + seconds) == .success, let outcome else {
      throw InputSafetyFailure("load did not finish within \(seconds) s")
    }
    return try outcome.get()
  }

  func issues(_ result: LoadResult, _ file: String) -> [LoadIssue] {
    result.issues.filter { $0.file.hasSuffix("/" + file) }
  }

  // MARK: - Item 5: regular files only, never blocking

  @Test func aFIFOAsADataFileIsRefusedWithoutBlocking() throws {
    let dir = try TempDataDirectory()
    unlink(dir.path + "/projects.jsonl")
    #expect(mkfifo(dir.path + "/projects.jsonl", 0o644) == 0)
    let result = try loadWithin(5, dir.store)
    let problems = issues(result, "projects.jsonl")
    #expect(problems.count == 1)
    #expect(problems.first?.reason.contains("FIFO") == true)
    #expect(problems.first?.reason.contains("not a regular file") == true)
    // The rest of the data still loads.
    #expect(result.dataSet.countries.count == 5)
    #expect(result.dataSet.projects.isEmpty)
  }

  @Test func aFIFOAsTheMetadataFileIsRefusedWithoutBlocking() throws {
    let dir = try TempDataDirectory()
    unlink(dir.path + "/dataset.json")
    #expect(mkfifo(dir.path + "/dataset.json", 0o644) == 0)
    let result = try loadWithin(5, dir.store)
    #expect(issues(result, "dataset.json").first?.reason.contains("FIFO") == true)
    #expect(result.dataSet.projects.count == 3)
  }

  @Test(arguments: ["/dev/zero", "/dev/urandom"])
  func aLinkToADeviceIsRefused(device: String) throws {
    let dir = try TempDataDirectory()
    unlink(dir.path + "/activities.jsonl")
    #expect(symlink(device, dir.path + "/activities.jsonl") == 0)
    let result = try loadWithin(5, dir.store)
    let problems = issues(result, "activities.jsonl")
    #expect(problems.count == 1)
    // Outside the data directory: refused before it is even opened.
    #expect(problems.first?.reason.contains("outside the data directory") == true)
    #expect(result.dataSet.projects.count == 3)
  }

  @Test func aDeviceNodeInsideTheDirectoryIsRefusedByItsKind() throws {
    let dir = try TempDataDirectory()
    unlink(dir.path + "/activities.jsonl")
    // A character device made where we may: a link inside the directory to
    // a link outside is still outside, so use a directory instead.
    #expect(mkdir(dir.path + "/activities.jsonl", 0o755) == 0)
    let result = try loadWithin(5, dir.store)
    #expect(issues(result, "activities.jsonl").first?.reason == "a directory, not a regular file; not read")
  }

  @Test func aSaveRefusesToReplaceAFIFO() throws {
    let dir = try TempDataDirectory()
    unlink(dir.path + "/projects.jsonl")
    #expect(mkfifo(dir.path + "/projects.jsonl", 0o644) == 0)
    #expect(throws: StoreError.self) {
      try dir.store.save(Project(id: "P-0009", revision: 0, title: "New", stage: .concept), expecting: nil)
    }
    var info = stat()
    #expect(lstat(dir.path + "/projects.jsonl", &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
  }

  @Test func aFileLargerThanTheBoundIsRefusedUnread() throws {
    let dir = try TempDataDirectory()
    let path = dir.path + "/activities.jsonl"
    // Sparse: two GiB of holes cost no disk and no time to make.
    #expect(truncate(path, off_t(ReadLimits.maxFileBytes) * 2) == 0)
    let result = try loadWithin(5, dir.store)
    #expect(issues(result, "activities.jsonl").first?.reason.contains("more than the 1024 MiB a file may have") == true)
  }

  @Test func aLineLongerThanTheBoundIsReportedAndTheNextLineLoads() throws {
    let dir = try TempDataDirectory()
    let long = "{\"id\":\"P-0000\",\"title\":\"" + String(repeating: "x", count: ReadLimits.maxLineBytes + 10) + "\"}"
    try dir.write("projects.jsonl", [long] + Fixtures.projects.map(\.jsonLine))
    let result = try dir.store.load()
    #expect(issues(result, "projects.jsonl").map(\.line) == [1])
    #expect(issues(result, "projects.jsonl").first?.reason.contains("longer than 4 MiB") == true)
    #expect(result.dataSet.projects.map(\.id) == ["P-0001", "P-0002", "P-0003"])
    // The same through the in-memory parser (normalize's).
    let bytes = try dir.bytes("projects.jsonl")
    let parsed = CollectionParser.parse(Project.self, bytes: bytes, displayPath: "p")
    #expect(parsed.issues.map(\.line) == [1])
    #expect(parsed.records.count == 3)
  }

  @Test func anEndlessLineHoldsOneBlockAndIsReportedOnce() throws {
    let dir = try TempDataDirectory()
    // 9 MiB without a newline, then a good line: the streaming reader drops
    // the long one as it goes.
    let long = String(repeating: "[", count: 9 << 20)
    try dir.write("activities.jsonl", [long, Fixtures.activity.jsonLine])
    let parsed = try #require(
      try CollectionParser.parseFile(
        EnvoyActivity.self, path: dir.path + "/activities.jsonl", displayPath: "a", blockSize: 1 << 20))
    #expect(parsed.issues.map(\.line) == [1])
    #expect(parsed.records.map(\.id) == [Fixtures.activity.id])
    #expect(parsed.lineOfID[Fixtures.activity.id] == 2)
  }

  // MARK: - Issue 17 part 4: links stay inside the data directory

  @Test func aLinkToEtcPasswdIsNeverQuoted() throws {
    let dir = try TempDataDirectory()
    for name in ["countries.jsonl", "dataset.json", "audit.jsonl"] {
      unlink(dir.path + "/" + name)
      #expect(symlink("/etc/passwd", dir.path + "/" + name) == 0)
    }
    let result = try loadWithin(5, dir.store)
    let text = result.issues.map(\.description).joined(separator: "\n")
    #expect(!text.contains("root"))
    #expect(!text.contains("/etc/passwd"))
    #expect(!text.contains("/bin/"))
    #expect(issues(result, "countries.jsonl").first?.reason.contains("outside the data directory") == true)
    #expect(issues(result, "dataset.json").first?.reason.contains("outside the data directory") == true)
    // The audit log is not followed out either.
    #expect(throws: FileSystemError.self) { try AuditLog.read(dir.store) }
    #expect(try AuditLog.readTail(dir.store, bytes: 4096).isEmpty)
  }

  @Test func aLinkToARegularFileInsideTheDirectoryIsFollowed() throws {
    let dir = try TempDataDirectory()
    #expect(mkdir(dir.path + "/shared", 0o755) == 0)
    #expect(rename(dir.path + "/projects.jsonl", dir.path + "/shared/projects.jsonl") == 0)
    #expect(symlink("shared/projects.jsonl", dir.path + "/projects.jsonl") == 0)
    let result = try dir.store.load()
    #expect(result.issues == [])
    #expect(result.dataSet.projects.count == 3)
  }

  @Test func aLinkThatClimbsOutAndBackInIsJudgedByWhereItLands() throws {
    let dir = try TempDataDirectory()
    let name = (dir.path as NSString).lastPathComponent
    #expect(rename(dir.path + "/projects.jsonl", dir.path + "/real.jsonl") == 0)
    #expect(symlink("../\(name)/real.jsonl", dir.path + "/projects.jsonl") == 0)
    #expect(try dir.store.load().dataSet.projects.count == 3)
    // A sibling directory whose name starts like ours is outside.
    let sibling = dir.path + "-evil"
    #expect(mkdir(sibling, 0o755) == 0)
    defer { try? FileManager.default.removeItem(atPath: sibling) }
    try Fixtures.projects.map { $0.jsonLine + "\n" }.joined().write(toFile: sibling + "/p.jsonl", atomically: false, encoding: .utf8)
    unlink(dir.path + "/projects.jsonl")
    #expect(symlink(sibling + "/p.jsonl", dir.path + "/projects.jsonl") == 0)
    let result = try dir.store.load()
    #expect(issues(result, "projects.jsonl").first?.reason.contains("outside the data directory") == true)
  }

  @Test func aFileNamedOnTheCommandLineMayBeALinkButMustBeRegular() throws {
    let dir = try TempDataDirectory()
    #expect(symlink(dir.path + "/countries.jsonl", dir.path + "/elsewhere.csv") == 0)
    #expect(try FileSystem.read(dir.path + "/elsewhere.csv")?.isEmpty == false)
    #expect(mkfifo(dir.path + "/pipe.csv", 0o644) == 0)
    let error = #expect(throws: FileSystemError.self) { try FileSystem.read(dir.path + "/pipe.csv") }
    #expect(error?.description == dir.path + "/pipe.csv: a FIFO (named pipe), not a regular file; not read")
  }

  // MARK: - Item 6: nesting bounded, unknown values skipped without recursion

  static let deepLine: String = {
    // 37,500 levels: past where the recursive skip overflowed the stack.
    let depth = 37_500
    return "{\"id\":\"P-0004\",\"title\":\"Deep\",\"stage\":\"concept\",\"x\":" + String(repeating: "[", count: depth)
      + String(repeating: "]", count: depth) + "}"
  }()

  @Test func deepNestingInAnUnknownFieldIsALineProblemNotACrash() throws {
    let dir = try TempDataDirectory()
    try dir.write("projects.jsonl", Fixtures.projects.map(\.jsonLine) + [Self.deepLine])
    let result = try dir.store.load()
    let problems = issues(result, "projects.jsonl")
    #expect(problems.map(\.line) == [4])
    #expect(problems.first?.reason.contains("nested deeper than 64 levels") == true)
    #expect(result.dataSet.projects.count == 3)
  }

  @Test func deepNestingOfObjectsAndInDatasetJSONIsAProblemWithALine() throws {
    let dir = try TempDataDirectory()
    let objects = String(repeating: "{\"a\":", count: 40_000) + "1" + String(repeating: "}", count: 40_000)
    try dir.write("dataset.json", "{\n  \"schema\": 1,\n  \"label\": \"illustrative\",\n  \"x\": \(objects)\n}\n")
    let result = try dir.store.load()
    let problems = issues(result, "dataset.json")
    #expect(problems.map(\.line) == [4])
    #expect(problems.first?.reason.contains("nested deeper than 64 levels") == true)
  }

  @Test func nestingUpToTheBoundIsKeptWhole() throws {
    let inner = String(repeating: "[", count: 63) + "1" + String(repeating: "]", count: 63)
    let line = "{\"id\":\"P-0004\",\"title\":\"Deep\",\"stage\":\"concept\",\"x\":\(inner)}"
    let project = try Project(jsonLine: line)
    #expect(project.extras.first?.json == inner)
    let over = "[" + inner + "]"
    #expect(throws: JSONError.self) {
      try Project(jsonLine: "{\"id\":\"P-0004\",\"title\":\"Deep\",\"stage\":\"concept\",\"x\":\(over)}")
    }
  }

  // MARK: - Item 7: numbers out of range refused where they are read

  func projectLine(amount: String = "1000000", indicator: (String, String, String)? = nil) -> String {
    var project = Fixtures.projects[2]
    project.indicators = [Indicator(title: "Trees", unit: "trees", baseline: 1, target: 2, actual: 3, goal: .y2030)]
    var line = project.jsonLine.replacingOccurrences(of: "\"amount\":1000000", with: "\"amount\":\(amount)")
    if let (baseline, target, actual) = indicator {
      line = line.replacingOccurrences(of: "\"baseline\":1", with: "\"baseline\":\(baseline)")
        .replacingOccurrences(of: "\"target\":2", with: "\"target\":\(target)")
        .replacingOccurrences(of: "\"actual\":3", with: "\"actual\":\(actual)")
    }
    return line
  }

  static let extremes = ["9223372036854775807", "-9223372036854775807", "9223372036854775808", "1e400", "-1e400"]

  @Test(arguments: extremes)
  func anOutOfRangeBudgetIsALineProblem(value: String) throws {
    let dir = try TempDataDirectory()
    let line = projectLine(amount: value)
    #expect(line.contains(value))
    try dir.write("projects.jsonl", [line])
    let result = try dir.store.load()
    let problem = try #require(issues(result, "projects.jsonl").first)
    #expect(problem.line == 1)
    #expect(problem.reason.contains("budget.amount"))
    #expect(problem.reason.contains("out of range"))
  }

  @Test(arguments: [0, 1, 2], extremes)
  func anOutOfRangeIndicatorValueIsALineProblem(position: Int, value: String) throws {
    let dir = try TempDataDirectory()
    var values = ["1", "2", "3"]
    values[position] = value
    try dir.write("projects.jsonl", [projectLine(indicator: (values[0], values[1], values[2]))])
    let result = try dir.store.load()
    let problem = try #require(issues(result, "projects.jsonl").first)
    #expect(problem.line == 1)
    #expect(problem.reason.contains("indicators[0]"))
    #expect(problem.reason.contains("out of range"))
  }

  @Test(arguments: ["9223372036854775807", "-9223372036854775808", "1e400"])
  func anOutOfRangeProgramTotalIsALineProblem(value: String) throws {
    let dir = try TempDataDirectory()
    let total = ProgramTotal(
      id: "T-1", revision: 1, program: "green-silk-road-envoys", metric: "trainees", value: 7, asOf: Day("2024-01-01")!,
      source: SourceRef(dataset: "t", url: "https://example.org"))
    let line = total.jsonLine.replacingOccurrences(of: "\"value\":7", with: "\"value\":\(value)")
    #expect(line.contains(value))
    try dir.write("program-totals.jsonl", [line])
    let result = try dir.store.load()
    #expect(issues(result, "program-totals.jsonl").map(\.line) == [1])
    #expect(result.dataSet.programTotals.isEmpty)
  }

  @Test func theLargestValuesThatPassAddUpAndPrintWithoutATrap() throws {
    let dir = try TempDataDirectory()
    let big = "1000000000000000"  // 10^15, the bound
    var lines: [String] = []
    for index in 0..<20 {
      lines.append(
        projectLine(amount: big, indicator: (big, "-" + big, big)).replacingOccurrences(
          of: "\"P-0003\"", with: "\"P-1\(String(format: "%03d", index))\""))
    }
    try dir.write("projects.jsonl", lines)
    var activity = Fixtures.activity
    activity.participants = [CountryCount(country: CountryCode("MYS")!, count: 1_000_000_000_000_000)]
    activity.reportedTotal = 1_000_000_000_000_000
    var activities: [String] = []
    for index in 0..<10_000 {
      var copy = activity
      copy.id = "A-\(index)"
      activities.append(copy.jsonLine)
    }
    try dir.write("activities.jsonl", activities.sorted())
    let result = try dir.store.load()
    #expect(result.issues.isEmpty)
    #expect(result.dataSet.projects.count == 20)
    // 10,000 x 10^15 participants: past Int.max, saturated rather than trapped.
    let summary = EnvoySummary(result.dataSet, today: Day("2026-11-20")!)
    #expect(summary.participants == Int.max)
    let portfolio = Portfolio(result.dataSet, today: Day("2026-11-20")!)
    #expect(portfolio.budgetUSD >= 2e16)
    _ = RecordRules.check(result.dataSet)
    let document = ReportBuilder.build(result.dataSet, audit: [], options: ReportOptions(asOf: Day("2026-11-20")!))
    #expect(!TextReportRenderer.text(document).isEmpty)
    #expect(!TextReportRenderer.markdown(document).isEmpty)
    #expect(!JSONReportRenderer.json(document).isEmpty)
    #expect(!HTMLReportRenderer.html(document).isEmpty)
  }
}

struct InputSafetyFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
