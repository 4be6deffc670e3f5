import Foundation
import Testing

@testable import GreenSilkCore

@Suite("Corridor routes (corridor-routes.jsonl)")
struct CorridorRouteTests {
  static let dataDirectory: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path + "/data"
  }()

  @Test("the shipped file loads whole: every corridor has a sourced route")
  func shipped() throws {
    let loaded = CorridorRouteFile.load(directory: Self.dataDirectory, displayDirectory: "data")
    #expect(loaded.issues == [])
    #expect(!loaded.isMissing)
    #expect(Set(loaded.routes.map(\.corridor)) == Set(CorridorCode.allCases))
    #expect(loaded.routes.map(\.id) == loaded.routes.map(\.id).sorted())
    for route in loaded.routes {
      #expect(route.nodes.count >= 2)
      #expect(route.source.url?.hasPrefix("http") == true, "\(route.id)")
      #expect(route.sourceTitle?.isEmpty == false, "\(route.id)")
    }
    let cpec = try #require(loaded.routes.first { $0.id == "CPEC" })
    #expect(cpec.nodes.first?.name == "Kashgar" && cpec.nodes.last?.name == "Gwadar")
    let nelb = try #require(loaded.routes.first { $0.id == "NELB" })
    #expect(nelb.nodes.first?.name == "Lianyungang" && nelb.nodes.last?.name == "Rotterdam")
  }

  @Test("every line is in canonical form: decoding and writing it back gives the same bytes")
  func canonical() throws {
    let text = try String(contentsOfFile: Self.dataDirectory + "/" + CorridorRouteFile.fileName, encoding: .utf8)
    for line in text.split(separator: "\n") {
      let route = try JSONReader.withReader(String(line)) { try CorridorRoute(reading: &$0) }
      #expect(route.jsonLine == String(line))
    }
  }

  @Test(
    "bad lines are reported as FILE:LINE with the reason, and the rest loads",
    arguments: [
      (#"{"id":"CPEC","corridor":"CPEC","nodes":[{"name":"A","lon":1,"lat":2}],"source":{"dataset":"x"}}"#, "at least two nodes"),
      (#"{"id":"CPEC","corridor":"CPEC","nodes":[{"name":"A","lon":1,"lat":95},{"name":"B","lon":1,"lat":2}],"source":{"dataset":"x"}}"#, "latitude 95.0 is outside"),
      (#"{"id":"CPEC","corridor":"CPEC","nodes":[{"name":"A","lon":1},{"name":"B","lon":1,"lat":2}],"source":{"dataset":"x"}}"#, #"missing field "lat" (A)"#),
      (#"{"id":"NELB-2","corridor":"CPEC","nodes":[{"name":"A","lon":1,"lat":2},{"name":"B","lon":1,"lat":2}],"source":{"dataset":"x"}}"#, #"must be the corridor's code or start with "CPEC-""#),
      (#"{"id":"XX","corridor":"SILK","nodes":[],"source":{"dataset":"x"}}"#, "unknown corridor \"SILK\""),
      (#"{"id":"CPEC","corridor":"CPEC","nodes":[{"name":"A","lon":1,"lat":2},{"name":"B","lon":1,"lat":2}]}"#, #"missing field "source""#),
      (#"{"id":"CPEC","corridor":"CPEC","nodes":[{"name":"A","lon":1,"lat":2},{"name":"B","lon":1,"lat":2}],"source":{}}"#, #"missing field "dataset""#),
      (#"{"id":"CPEC", "corridor":"#, #"field "corridor": expected a string, found the end of the line"#),
      (#"{"id":"CPEC" "corridor":"CPEC"}"#, "invalid JSON at column 14"),
    ] as [(String, String)])
  func badLine(line: String, reason: String) {
    let good = #"{"id":"BCIMEC","corridor":"BCIMEC","nodes":[{"name":"Kunming","lon":102.83,"lat":24.88},{"name":"Dhaka","lon":90.41,"lat":23.81}],"source":{"dataset":"x"}}"#
    let loaded = CorridorRouteFile.parse(Array((good + "\n" + line + "\n").utf8), displayPath: "data/corridor-routes.jsonl")
    #expect(loaded.routes.map(\.id) == ["BCIMEC"])
    #expect(loaded.issues.count == 1)
    #expect(loaded.issues.first?.description.hasPrefix("data/corridor-routes.jsonl:2: ") == true)
    #expect(loaded.issues.first?.reason.contains(reason) == true, "\(loaded.issues.first?.reason ?? "no issue")")
  }

  @Test("a duplicate id is refused and an unsorted file is flagged")
  func duplicatesAndOrder() {
    let line = { (id: String) in
      #"{"id":"\#(id)","corridor":"CMREC","nodes":[{"name":"A","lon":1,"lat":2},{"name":"B","lon":3,"lat":4}],"source":{"dataset":"x"}}"#
    }
    let text = [line("CMREC-b"), line("CMREC-a"), line("CMREC-b")].joined(separator: "\n")
    let loaded = CorridorRouteFile.parse(Array(text.utf8), displayPath: "r.jsonl")
    #expect(loaded.routes.map(\.id) == ["CMREC-b", "CMREC-a"])
    #expect(loaded.issues.map(\.description) == [
      #"r.jsonl:2: "CMREC-a" comes after "CMREC-b"; keep the lines sorted by id (loaded anyway)"#,
      #"r.jsonl:3: duplicate id "CMREC-b" (first on line 1); this line is not loaded"#,
    ])
  }

  @Test("a data directory without the file has no routes and no issue")
  func missing() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("routes-\(getpid())").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let loaded = CorridorRouteFile.load(directory: directory, displayDirectory: "d")
    #expect(loaded.isMissing && loaded.routes.isEmpty && loaded.issues.isEmpty)
  }
}
