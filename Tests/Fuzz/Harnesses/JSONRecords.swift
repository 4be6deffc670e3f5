// libFuzzer harness: the JSON reader and every record decoder, over one
// input taken as a whole collection file (lines, UTF-8 validation, each
// record type's decoder, unknown fields kept and skipped), as
// dataset.json and as an audit line. Built by Tests/Fuzz/run-fuzzers.sh
// against GreenSilkCore built with -enable-testing.
@testable import GreenSilkCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONRecords(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  func collection<R: StoredRecord>(_ type: R.Type) {
    let parsed = CollectionParser.parse(R.self, bytes: bytes, displayPath: "fuzz.jsonl")
    // What loaded must write and read back (the store's round trip).
    for record in parsed.records {
      let line = record.jsonLine
      _ = try? JSONReader.withReader(line) { try R(reading: &$0) }
    }
  }
  collection(Project.self)
  collection(EnvoyActivity.self)
  collection(ProgramTotal.self)
  collection(Country.self)
  collection(Corridor.self)
  collection(CorridorMembership.self)
  collection(AreaInfo.self)
  collection(CorridorRoute.self)
  let text = String(decoding: bytes, as: UTF8.self)
  _ = try? DataSetMeta(fileText: text)
  _ = try? AuditEntry(jsonLine: text)
  _ = try? JSONReader.withReader(text) { try $0.readRawValue() }
  return 0
}
