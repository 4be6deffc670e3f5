import Foundation
import GreenSilkCore
import Testing

/// Issue 16, item 3: `greensilk edit FILE`, the safe way to edit a data
/// file by hand, with a real editor process (a shell script as $EDITOR).
@Suite struct HandEditEndToEndTests {
  /// An editor script; `$1` is the copy, `COUNT` counts its runs.
  static func editor(_ directory: String, _ body: String) throws -> String {
    let path = directory + "/editor.sh"
    try ("#!/bin/sh\nset -e\nCOUNT=\(directory)/runs\necho x >> \"$COUNT\"\nruns=$(wc -l < \"$COUNT\")\n" + body + "\n")
      .write(toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0o755)
    return path
  }

  static func line(_ data: String, _ id: String) throws -> String {
    try String(contentsOfFile: data + "/projects.jsonl", encoding: .utf8).split(separator: "\n")
      .first { $0.hasPrefix("{\"id\":\"\(id)\"") }.map(String.init) ?? ""
  }

  @Test func anEditBumpsTheRevisionOfTheChangedRecordAndAuditsIt() throws {
    let data = try E2E.copyOfShippedData()
    let work = try E2E.makeTemporaryDirectory()
    let before = try Project(jsonLine: try Self.line(data, "P-0001"))
    let untouched = try Self.line(data, "P-0002")
    let script = try Self.editor(work, #"sed -i '/^{"id":"P-0001"/s/"title":"/"title":"Hand: /' "$1""#)
    let result = try E2E.run(["edit", "projects", "--data", data], environment: ["EDITOR": script, "USER": "handy"])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains("0 created, 1 changed, 0 deleted"), "\(result.out)")
    let after = try Project(jsonLine: try Self.line(data, "P-0001"))
    #expect(after.title == "Hand: " + before.title)
    #expect(after.revision == before.revision + 1)
    #expect(after.changedBy == "handy")
    #expect(try Self.line(data, "P-0002") == untouched)
    let history = try E2E.run(["history", "P-0001", "--data", data])
    #expect(history.out.contains("Hand: "), "\(history.out)")
    #expect(try FileStore(directory: data).load().issues.isEmpty)
  }

  @Test func problemsAreNamedByLineAndTheEditorOpensAgain() throws {
    let data = try E2E.copyOfShippedData()
    let work = try E2E.makeTemporaryDirectory()
    // First run: a broken line and an unknown country. Second run: fixed.
    let script = try Self.editor(
      work,
      #"""
      if [ "$runs" = 1 ]; then
        printf '%s\n' '{"id":"P-9999","rev":1,"title":"Broken' >> "$1"
        sed -i '/^{"id":"P-0001"/s/"title":"/"title":"Retitled /' "$1"
      else
        sed -i '/P-9999/d' "$1"
      fi
      """#)
    let result = try E2E.run(["edit", "projects", "--data", data], environment: ["EDITOR": script], input: "e\n")
    #expect(result.status == 0, "\(result.err)")
    #expect(result.err.contains("projects.jsonl:102: "), "problems name the line: \(result.err)")
    #expect(result.err.contains("[e]dit again or [a]bort?"))
    #expect(try String(contentsOfFile: work + "/runs", encoding: .utf8).split(separator: "\n").count == 2)
    #expect(try Self.line(data, "P-0001").contains("\"title\":\"Retitled "))
  }

  @Test func abortingKeepsTheEditedCopyAndWritesNothing() throws {
    let data = try E2E.copyOfShippedData()
    let work = try E2E.makeTemporaryDirectory()
    let original = try String(contentsOfFile: data + "/projects.jsonl", encoding: .utf8)
    let script = try Self.editor(
      work, #"sed -i '/^{"id":"P-0001"/s/"title":"/"title":"Kept in the copy /' "$1"; printf '%s\n' 'not json' >> "$1""#)
    let result = try E2E.run(["edit", "projects", "--data", data], environment: ["EDITOR": script], input: "a\n")
    #expect(result.status == 1)
    #expect(try String(contentsOfFile: data + "/projects.jsonl", encoding: .utf8) == original)
    let kept = result.err.split(separator: "\n").last { $0.contains("your edited copy is kept at ") }
    let copy = try #require(kept.map { String($0.split(separator: " ").last ?? "") })
    #expect(try String(contentsOfFile: copy, encoding: .utf8).contains("Kept in the copy "), "nothing typed is lost")
    #expect((try? AuditLog.read(FileStore(directory: data)).entries) ?? [] == [])
  }
}
