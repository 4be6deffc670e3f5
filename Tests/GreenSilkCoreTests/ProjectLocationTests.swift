import Foundation
import Testing

@testable import GreenSilkCore

/// A project's optional `location`: read and written in the files as
/// `{"lon":…,"lat":…}`, refused with FILE:LINE when it is not a place on
/// the earth, typed in forms latitude first or with hemisphere letters.
@Suite("Project location field")
struct ProjectLocationTests {
  static let sukkur = GeoPoint(longitude: 68.86, latitude: 27.7)

  @Test("a line with a location reads it and writes the same bytes back; none is left out")
  func roundTrip() throws {
    let project = Project(id: "P-9001", revision: 1, title: "Barrage rehabilitation", location: Self.sukkur)
    let line = project.jsonLine
    #expect(line.contains(#""location":{"lon":68.86,"lat":27.7}"#))
    let read = try Project(jsonLine: line)
    #expect(read.location == Self.sukkur)
    #expect(read.jsonLine == line)
    let without = Project(id: "P-9002", revision: 1, title: "No place")
    #expect(!without.jsonLine.contains("location"))
    #expect(try Project(jsonLine: without.jsonLine).location == nil)
  }

  @Test(
    "a location that is not a place is refused at read time",
    arguments: [
      (#"{"lon":68.86,"lat":95}"#, "latitude 95.0 is outside -90...90"),
      (#"{"lon":-200,"lat":10}"#, "longitude -200.0 is outside -180...190"),
      (#"{"lon":68.86}"#, "needs both \"lon\" and \"lat\""),
      (#""Sukkur""#, "expected an object"),
    ])
  func refused(value: String, reason: String) throws {
    let line = #"{"id":"P-9001","rev":1,"title":"T","stage":"concept","location":"# + value + "}"
    #expect(throws: (any Error).self) { try Project(jsonLine: line) }
    do {
      _ = try Project(jsonLine: line)
    } catch {
      #expect(String(describing: error).contains(reason), "\(error)")
    }
  }

  @Test("validate names the file and line of a bad location")
  func fileAndLine() throws {
    let directory = try TempDataDirectory()
    let shipped = CorridorRouteTests.dataDirectory
    for file in DataFile.allCases {
      var text = try String(contentsOfFile: shipped + "/" + file.fileName, encoding: .utf8)
      if file == .projects {
        // The third line gains a latitude off the earth.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[2] = String(lines[2].dropLast()) + #","location":{"lon":68.86,"lat":-91}}"#
        text = lines.joined(separator: "\n")
      }
      try directory.write(file.fileName, text)
    }
    let result = try FileStore(directory: directory.path, displayDirectory: "d", readOnly: true).load()
    let issue = try #require(result.issues.first { $0.file == "d/projects.jsonl" })
    #expect(issue.line == 3)
    #expect(issue.reason.contains("latitude -91.0 is outside -90...90"), "\(issue)")
  }

  @Test(
    "forms read a place latitude first, or with hemisphere letters in either order",
    arguments: ["27.7, 68.86", "27.70N 68.86E", "68.86E 27.70N", " 27.7 ; 68.86 ", "27.7n 68.86e"])
  func formParses(text: String) throws {
    #expect(try FieldSyntax.location(text) == Self.sukkur)
  }

  @Test("forms show a place latitude first and refuse what is not one", arguments: [
    ("", nil), ("Sukkur", "not a place"), ("27.7N 68.86N", "one latitude (N/S) and one longitude (E/W)"),
    ("27.7N 68.86", "give both coordinates"), ("95, 10", "latitude 95.0 is outside"), ("-3N 10E", "not a coordinate"),
  ] as [(String, String?)])
  func formRefuses(text: String, message: String?) {
    do {
      let place = try FieldSyntax.location(text)
      #expect(message == nil && place == nil, "\(text) read as \(String(describing: place))")
    } catch {
      #expect(message.map { error.message.contains($0) } == true, "\(text): \(error.message)")
    }
    #expect(FieldSyntax.text(Self.sukkur) == "27.70N 68.86E")
  }

  @Test("the declaration puts it in the form and on the detail screen, with the CSV column as JSON")
  func declared() throws {
    let field = try #require(Project.declaration.leaf(named: "location"))
    #expect(field.label == "Location")
    #expect(field.form?.kind == .text)
    #expect(field.detail != nil)
    #expect(field.column == .json)
    var project = Project(id: "P-9001", title: "T")
    try field.form?.apply("27.7, 68.86", &project, FormContext(countryNames: [:]))
    #expect(project.location == Self.sukkur)
  }
}

extension ProjectLocationTests {
  @Test("CSV export writes the location as JSON in its column, and import csv reads it back")
  func csvRoundTrip() throws {
    let target = try ShippedDataCopy(withRecords: false)
    var project = Fixtures.projects[2]
    project.location = Self.sukkur
    let bytes = try RecordExporter.csv([project])
    #expect(String(decoding: bytes, as: UTF8.self).contains(#""{""lon"":68.86,""lat"":27.7}""#))
    let plans = try RecordImporter.plan(
      bytes: bytes, format: .csv, displayPath: "in.csv", data: try target.store.load().dataSet,
      user: ImportFixtures.user, now: ImportFixtures.now)
    guard case .projects(let plan) = plans else {
      Issue.record("expected projects")
      return
    }
    #expect(plan.problems.isEmpty, "\(plan.problems)")
    try target.store.write(plan)
    #expect(try target.store.load().dataSet.projects.first?.location == Self.sukkur)
  }
}
