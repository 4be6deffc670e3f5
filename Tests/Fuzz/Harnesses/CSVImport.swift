#if canImport(Glibc)
  import Glibc
#endif

@testable import GreenSilkCore

// libFuzzer harness: the CSV scanner alone, and the whole AidData import
// plan (scanner, fields, mapper, merge) with AidData's real header row in
// front of the fuzzed rows, so that the mapper is reached.

nonisolated(unsafe) var fuzzHeader: [UInt8] = {
  // The first line of the real AidData sample (Tests/Fuzz/run-fuzzers.sh
  // passes its path); a few columns when it is not there.
  if let path = getenv("GREENSILK_FUZZ_HEADER").map({ String(cString: $0) }),
    let bytes = try? FileSystem.read(path), let end = bytes.firstIndex(of: 0x0A)
  {
    return Array(bytes[...end])
  }
  return Array("AidData Record ID,Title,Status,Recipient ISO-3,Amount (Constant USD 2021)\n".utf8)
}()

nonisolated(unsafe) var fuzzData: DataSet = {
  if let path = getenv("GREENSILK_FUZZ_DATA").map({ String(cString: $0) }),
    let loaded = try? FileStore(directory: path, readOnly: true).load()
  {
    return loaded.dataSet
  }
  return DataSet(meta: DataSetMeta(label: .illustrative, title: "fuzz"))
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let document = CSVDocument(bytes: bytes)
  for row in document.rows.prefix(64) { _ = try? document.fields(of: row) }
  _ = try? AidDataImporter.plan(
    bytes: fuzzHeader + bytes, displayPath: "fuzz.csv", data: fuzzData, user: UserIdentity(login: "fuzz"),
    now: Timestamp("2026-11-29T10:00:00Z")!)
  _ = CSVCellGuard.self
  return 0
}
