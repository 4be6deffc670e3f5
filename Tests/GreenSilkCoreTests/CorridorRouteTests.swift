import Foundation
import Testing

@testable import GreenSilkCore

/// `corridor-routes.jsonl`, read with the data set like every collection:
/// the shipped file, bad lines as `FILE:LINE`, order, dangling corridors,
/// and the writers that must keep it (`DataSetWriter`, `normalize`).
@Suite("Corridor routes (corridor-routes.jsonl)")
struct CorridorRouteTests {
  static let dataDirectory: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path + "/data"
  }()

  static let fileName = CorridorRoute.file.fileName

  /// A copy of the shipped data directory whose routes file is `routes`
  /// (nil: no routes file at all), loaded; with the issues about routes.
  static func load(routes: String?, corridors: ((String) -> String)? = nil) throws -> (LoadResult, [LoadIssue]) {
    let directory = try TempDataDirectory()
    for file in DataFile.allCases where file != .corridorRoutes {
      var text = try String(contentsOfFile: dataDirectory + "/" + file.fileName, encoding: .utf8)
      if file == .corridors, let corridors { text = corridors(text) }
      try directory.write(file.fileName, text)
    }
    if let routes { try directory.write(fileName, routes) }
    let result = try FileStore(directory: directory.path, displayDirectory: "d", readOnly: true).load()
    return (result, result.issues.filter { $0.file == "d/" + fileName })
  }

  @Test("the shipped file loads whole with the data set: every corridor has a sourced route")
  func shipped() throws {
    let result = try FileStore(directory: Self.dataDirectory, displayDirectory: "data", readOnly: true).load()
    #expect(result.issues == [])
    let routes = result.dataSet.routes
    #expect(Set(routes.map(\.corridor)) == Set(CorridorCode.allCases))
    #expect(routes.map(\.id) == routes.map(\.id).sorted())
    #expect(result.lineNumbers[.corridorRoutes]?["CPEC"] == 8)
    for route in routes {
      #expect(route.nodes.count >= 2)
      #expect(route.source.url?.hasPrefix("http") == true, "\(route.id)")
      #expect(route.sourceTitle?.isEmpty == false, "\(route.id)")
    }
    let cpec = try #require(routes.first { $0.id == "CPEC" })
    #expect(cpec.nodes.first?.name == "Kashgar" && cpec.nodes.last?.name == "Gwadar")
    let nelb = try #require(routes.first { $0.id == "NELB" })
    #expect(nelb.nodes.first?.name == "Lianyungang" && nelb.nodes.last?.name == "Rotterdam")
  }

  @Test("every line is in canonical form: decoding and writing it back gives the same bytes")
  func canonical() throws {
    let text = try String(contentsOfFile: Self.dataDirectory + "/" + Self.fileName, encoding: .utf8)
    for line in text.split(separator: "\n") {
      let route = try CorridorRoute(jsonLine: String(line))
      #expect(route.jsonLine == String(line))
    }
  }

  @Test("an unknown field survives a read and a write, like in every data file")
  func unknownFieldsKept() throws {
    let line = #"{"id":"CPEC","rev":2,"corridor":"CPEC","nodes":[{"name":"A","lon":1,"lat":2},{"name":"B","lon":3,"lat":4}],"source":{"dataset":"x"},"colour":"teal"}"#
    let route = try CorridorRoute(jsonLine: line)
    #expect(route.revision == 2)
    #expect(route.jsonLine == line)
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
  func badLine(line: String, reason: String) throws {
    let good = #"{"id":"BCIMEC","corridor":"BCIMEC","nodes":[{"name":"Kunming","lon":102.83,"lat":24.88},{"name":"Dhaka","lon":90.41,"lat":23.81}],"source":{"dataset":"x"}}"#
    let (result, issues) = try Self.load(routes: good + "\n" + line + "\n")
    #expect(result.dataSet.routes.map(\.id) == ["BCIMEC"])
    #expect(issues.count == 1)
    #expect(issues.first?.description.hasPrefix("d/corridor-routes.jsonl:2: ") == true)
    #expect(issues.first?.reason.contains(reason) == true, "\(issues.first?.reason ?? "no issue")")
  }

  @Test("a duplicate id is refused and an unsorted file is flagged")
  func duplicatesAndOrder() throws {
    let line = { (id: String) in
      #"{"id":"\#(id)","corridor":"CMREC","nodes":[{"name":"A","lon":1,"lat":2},{"name":"B","lon":3,"lat":4}],"source":{"dataset":"x"}}"#
    }
    let text = [line("CMREC-b"), line("CMREC-a"), line("CMREC-b")].joined(separator: "\n")
    let (result, issues) = try Self.load(routes: text)
    #expect(result.dataSet.routes.map(\.id) == ["CMREC-a", "CMREC-b"])
    #expect(issues.map(\.description) == [
      #"d/corridor-routes.jsonl:2: "CMREC-a" comes after "CMREC-b"; keep the lines sorted by id (loaded anyway)"#,
      #"d/corridor-routes.jsonl:3: duplicate id "CMREC-b" (first on line 1); this line is not loaded"#,
    ])
  }

  @Test("a route of a corridor missing from corridors.jsonl is reported and left out")
  func danglingCorridor() throws {
    let routes = try String(contentsOfFile: Self.dataDirectory + "/" + Self.fileName, encoding: .utf8)
    let (result, issues) = try Self.load(routes: routes) { corridors in
      corridors.split(separator: "\n").filter { !$0.hasPrefix(#"{"id":"CPEC""#) }.map { $0 + "\n" }.joined()
    }
    #expect(!result.dataSet.routes.contains { $0.corridor == .cpec })
    #expect(result.dataSet.routes.count == 8)
    #expect(issues.map(\.description) == [
      #"d/corridor-routes.jsonl:8: unknown corridor "CPEC" (not in corridors.jsonl)"#
    ])
  }

  @Test("a data directory without the file has no routes and no issue")
  func missing() throws {
    let (result, issues) = try Self.load(routes: nil)
    #expect(result.dataSet.routes.isEmpty)
    #expect(issues.isEmpty)
  }

  @Test("DataSetWriter writes the routes; normalize sorts them and keeps unknown fields")
  func writersKeepTheRoutes() throws {
    let shipped = try FileStore(directory: Self.dataDirectory, readOnly: true).load().dataSet
    let directory = try TempDataDirectory()
    try DataSetWriter.write(shipped, to: directory.path + "/out")
    let written = try FileStore(directory: directory.path + "/out", readOnly: true).load()
    #expect(written.issues == [])
    #expect(written.dataSet.routes == shipped.routes)
    let original = try String(contentsOfFile: Self.dataDirectory + "/" + Self.fileName, encoding: .utf8)
    #expect(try String(contentsOfFile: directory.path + "/out/" + Self.fileName, encoding: .utf8) == original)

    // Unsorted, with a field GreenSilk does not know: normalize sorts the
    // lines and keeps the field.
    var lines = original.split(separator: "\n").map(String.init)
    lines[0] = String(lines[0].dropLast()) + #","colour":"teal"}"#
    try directory.write("out/" + Self.fileName, lines.reversed().map { $0 + "\n" }.joined())
    let outcome = try Normalizer.normalize(FileStore(directory: directory.path + "/out"))
    #expect(outcome.rewritten == [.corridorRoutes])
    #expect(try directory.read("out/" + Self.fileName) == lines.map { $0 + "\n" }.joined())
  }
}
