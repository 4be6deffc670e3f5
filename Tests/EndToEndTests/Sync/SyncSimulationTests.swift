import Foundation
import GreenSilkCore
import Testing

/// A randomised simulation of three offices editing offline and syncing
/// in random order through a hub (real git, the real merge driver; the
/// hub is a local bare repository: SSH is the other suite's concern).
/// Creates, field edits, stage moves and deletes; at the end every office
/// syncs until all agree. Each edit is then present, held in a conflict,
/// superseded (overwritten by an edit made after its office had seen it),
/// or lost; lost must be 0 and the offices must converge.
///
/// Always run small (3 × 40 edits). The full run, 3 × 200 or more:
/// `GREENSILK_SYNC_SIM_EDITS=250 swift test --skip-build --filter SyncSimulation`
/// (Tests/scripts/sync-simulation.sh); `GREENSILK_SYNC_SIM_SEED` picks the seed.
@Suite(.serialized) struct SyncSimulationTests {
  @Test func randomEditsAndSyncsLoseNothingAndConverge() throws {
    let env = ProcessInfo.processInfo.environment
    let perOffice = Int(env["GREENSILK_SYNC_SIM_EDITS"] ?? "") ?? 40
    let seed = UInt64(env["GREENSILK_SYNC_SIM_SEED"] ?? "") ?? 20_261_202
    var sim = try SyncSimulation(seed: seed)
    let result = try sim.run(editsPerOffice: perOffice)
    print("sync simulation: " + result.line)
    #expect(result.lost == 0, "\(result.lostDetails.prefix(10))")
    #expect(result.converged)
    #expect(result.made == 3 * perOffice)
    #expect(result.held > 0 || perOffice < 40, "a run this long should meet at least one true conflict")
  }
}

struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

struct SyncSimulation {
  struct Edit {
    var office: Int
    var origin: String
    /// The field, or nil for a delete.
    var field: String?
    var json: String?
  }

  struct Result {
    var made = 0
    var present = 0
    var held = 0
    var superseded = 0
    var lost = 0
    var syncs = 0
    var renamed = 0
    var converged = false
    var lostDetails: [String] = []
    var line: String {
      "edits made \(made), present \(present), held in conflicts \(held), superseded \(superseded), lost \(lost); syncs \(syncs), ids renumbered \(renamed); converged: \(converged ? "yes" : "NO")"
    }
  }

  static let originKey = "sim_origin"
  let root: String
  let offices: [String]
  var rng: SplitMix64
  var edits: [Edit] = []
  var supersededEdits = Set<Int>()
  var seen: [Set<Int>]
  var hubSeen = Set<Int>()
  var syncs = 0
  var creates = 0

  init(seed: UInt64) throws {
    rng = SplitMix64(state: seed)
    root = try E2E.makeTemporaryDirectory()
    let hub = root + "/hub.git"
    _ = try Spawn.run("/usr/bin/git", ["init", "-q", "--bare", "-b", "main", hub], environment: ProcessInfo.processInfo.environment)
    let first = root + "/office0"
    try FileManager.default.copyItem(atPath: E2E.repoRoot + "/data", toPath: first)
    try? FileManager.default.removeItem(atPath: first + "/.greensilk.lock")
    _ = try SyncSetup(directory: first, executable: E2E.binary).run(remote: hub)
    var names = [first]
    for index in 1...2 {
      let path = root + "/office\(index)"
      let cloned = try Spawn.run("/usr/bin/git", ["clone", "-q", hub, path], environment: ProcessInfo.processInfo.environment)
      guard cloned.status == 0 else { throw E2EFailure("clone: \(cloned.err)") }
      _ = try SyncSetup(directory: path, executable: E2E.binary).run(remote: nil)
      names.append(path)
    }
    offices = names
    seen = Array(repeating: [], count: names.count)
  }

  static func origin(of project: Project) -> String {
    project.extras.first { $0.key == originKey }.map { String($0.json.dropFirst().dropLast()) } ?? project.id
  }

  static func fieldJSON(_ project: Project, _ name: String) -> String? {
    RecordFields.fields(of: project).first { $0.name == name }?.json
  }

  mutating func record(_ edit: Edit) {
    let office = edit.office
    for index in seen[office] where edits[index].origin == edit.origin && (edit.field == nil || edits[index].field == edit.field) {
      supersededEdits.insert(index)
    }
    edits.append(edit)
    seen[office].insert(edits.count - 1)
  }

  mutating func edit(office: Int) throws {
    let store = FileStore(directory: offices[office])
    let projects = try store.load().dataSet.projects
    let roll = Int.random(in: 0..<100, using: &rng)
    let user = UserIdentity(login: "user\(office)")
    if roll < 10 || projects.isEmpty {
      creates += 1
      let highest = projects.compactMap { $0.id.hasPrefix("P-") ? Int($0.id.dropFirst(2)) : nil }.max() ?? 0
      let id = "P-" + String(format: "%04d", highest + 1)
      let origin = "o\(office)-c\(creates)"
      var project = Project(id: id, title: "created \(origin)", stage: .concept, source: SourceRef(dataset: "local"))
      project.extras = [RawField(key: Self.originKey, json: "\"\(origin)\"")]
      let audit = AuditEntry(
        at: .now(), user: user, action: "create", file: .projects, id: id, revision: 1,
        changes: RecordFields.changes(from: nil, to: project))
      try store.apply([RecordChange.create(project)], audit: [audit])
      record(Edit(office: office, origin: origin, field: "title", json: Self.fieldJSON(project, "title")))
      return
    }
    let before = projects[Int.random(in: 0..<projects.count, using: &rng)]
    if roll < 18 {
      let audit = AuditEntry(
        at: .now(), user: user, action: "delete", file: .projects, id: before.id, revision: nil,
        changes: RecordFields.changes(from: before, to: nil))
      try store.apply([RecordChange<Project>.delete(id: before.id, expecting: before.revision)], audit: [audit])
      record(Edit(office: office, origin: Self.origin(of: before), field: nil, json: nil))
      return
    }
    var after = before
    let field: String
    if roll < 40 {
      field = "stage"
      // Always a real move (a "move" to the stage it is in changes nothing).
      let stages: [Stage] = [.concept, .screening, .approved, .implementation].filter { $0 != before.stage }
      after.stage = stages[Int.random(in: 0..<stages.count, using: &rng)]
    } else if roll < 70 {
      field = "title"
      after.title = "title \(edits.count) by office \(office)"
    } else {
      field = "summary"
      after.summary = "summary \(edits.count) by office \(office)"
    }
    let audit = AuditEntry(
      at: .now(), user: user, action: "update", file: .projects, id: before.id, revision: before.revision + 1,
      changes: RecordFields.changes(from: before, to: after))
    try store.apply([RecordChange.update(after, expecting: before.revision)], audit: [audit])
    record(Edit(office: office, origin: Self.origin(of: before), field: field, json: Self.fieldJSON(after, field)))
  }

  mutating func sync(office: Int) throws {
    _ = try SyncEngine(directory: offices[office]).sync()
    syncs += 1
    seen[office].formUnion(hubSeen)
    hubSeen = seen[office]
  }

  mutating func run(editsPerOffice: Int) throws -> Result {
    var remaining = Array(repeating: editsPerOffice, count: offices.count)
    while remaining.contains(where: { $0 > 0 }) {
      let candidates = remaining.indices.filter { remaining[$0] > 0 }
      let office = candidates[Int.random(in: 0..<candidates.count, using: &rng)]
      try edit(office: office)
      remaining[office] -= 1
      if Int.random(in: 0..<100, using: &rng) < 12 {
        try sync(office: Int.random(in: 0..<offices.count, using: &rng))
      }
    }
    // Everyone syncs until all agree (two rounds suffice: the first
    // gathers every change at the hub, the second hands it out).
    for _ in 0..<2 {
      for office in offices.indices.shuffled(using: &rng) { try sync(office: office) }
    }
    return try check()
  }

  func check() throws -> Result {
    var result = Result()
    result.made = edits.count
    result.syncs = syncs
    let files = try offices.map { office in
      try SyncFiles.dataFiles(in: office).map { name in (name, try Data(contentsOf: URL(fileURLWithPath: office + "/" + name))) }
    }
    result.converged = files.dropFirst().allSatisfy { $0.map(\.0) == files[0].map(\.0) && $0.map(\.1) == files[0].map(\.1) }
    let final = try FileStore(directory: offices[0]).load().dataSet.projects
    var byOrigin: [String: Project] = [:]
    for project in final { byOrigin[Self.origin(of: project)] = project }
    result.renamed = final.filter { $0.extras.contains { $0.key == "renamed_from" } }.count
    for (index, edit) in edits.enumerated() {
      if supersededEdits.contains(index) {
        result.superseded += 1
        continue
      }
      let project = byOrigin[edit.origin]
      let held = project.flatMap { HeldConflict.held(in: $0) }
      guard let field = edit.field else {
        if project == nil {
          result.present += 1
        } else if held?.deleted == true {
          result.held += 1
        } else {
          result.lost += 1
          result.lostDetails.append("delete of \(edit.origin) by office \(edit.office)")
        }
        continue
      }
      if let project, Self.fieldJSON(project, field) == edit.json {
        result.present += 1
      } else if let held, held.fields.contains(where: { $0.field == field && $0.other == edit.json }) {
        result.held += 1
      } else {
        result.lost += 1
        result.lostDetails.append(
          "\(field)=\(edit.json ?? "nil") on \(edit.origin) by office \(edit.office): now \(project.flatMap { Self.fieldJSON($0, field) } ?? "record gone")")
      }
    }
    return result
  }
}
