#if canImport(Glibc)
  import Glibc
#endif
import Dispatch

/// The formats `greensilk export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
  case csv, json, jsonl
}

/// Writes records as CSV (quoted as CSV.swift writes and reads it; the
/// tests read the output back with the library), as a JSON array, or as
/// JSON Lines. The JSON forms are our
/// file form, record for record; CSV is described in `RecordColumns`.
/// CSV cells that a spreadsheet could run as a formula are written with a
/// `'` in front (`CSVCellGuard`) unless `verbatimCells` is set.
public enum RecordExporter {
  public static func export<R: StoredRecord>(
    _ records: [R], format: ExportFormat, verbatimCells: Bool = false
  ) throws -> [UInt8] {
    switch format {
    case .csv: return try csv(records, verbatimCells: verbatimCells)
    case .json: return json(records)
    case .jsonl: return jsonLines(records)
    }
  }

  /// A header row and one row per record; LF line ends, UTF-8, no BOM.
  /// Every cell, header included, goes through `CSVCellGuard` unless
  /// `verbatimCells`.
  public static func csv<R: StoredRecord>(_ records: [R], verbatimCells: Bool = false) throws -> [UInt8] {
    guard let layout = RecordColumns.of(R.self) else {
      throw FieldError("\(R.file.fileName) cannot be exported as CSV")
    }
    let fieldLists = inParallel(records) { RecordFields.fields(of: $0) }
    let columns = layout.columns(for: fieldLists)
    let rows = inParallel(fieldLists) { fields -> [String] in
      var byName: [String: String] = [:]
      for field in fields where byName[field.name] == nil { byName[field.name] = field.json }
      return columns.map { column in byName[column].map { layout.cell(column, json: $0) } ?? "" }
    }
    // Rows are written on all cores and joined in order.
    let chunks = try inParallelChunks([columns] + rows) { part -> [UInt8] in
      var out: [UInt8] = []
      for row in part {
        for (index, cell) in row.enumerated() {
          if index > 0 { out.append(UInt8(ascii: ",")) }
          appendField(verbatimCells ? cell : CSVCellGuard.neutralized(cell), to: &out)
        }
        out.append(0x0A)
      }
      return out
    }
    var out: [UInt8] = []
    out.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
    for chunk in chunks { out += chunk }
    return out
  }

  /// CSV.swift's rule for quoting a field, on bytes: any of `"` `,` CR LF.
  static func needsQuotes(_ text: String) -> Bool {
    text.utf8.contains { $0 == 0x22 || $0 == 0x2C || $0 == 0x0D || $0 == 0x0A }
  }

  /// A field as CSV.swift writes it: quoted (inner quotes doubled) when it
  /// needs quotes, as is otherwise.
  static func appendField(_ text: String, to out: inout [UInt8]) {
    guard needsQuotes(text) else {
      out += text.utf8
      return
    }
    out.append(0x22)
    for byte in text.utf8 {
      if byte == 0x22 { out.append(0x22) }
      out.append(byte)
    }
    out.append(0x22)
  }

  /// `transform` applied to every element on all cores, in order.
  static func inParallel<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
    (try? inParallelChunks(items) { $0.map(transform) }.flatMap { $0 }) ?? items.map(transform)
  }

  /// `body` applied to consecutive chunks of `items` on all cores; the
  /// chunks' results in order. Small inputs stay on this thread.
  static func inParallelChunks<T: Sendable, U: Sendable>(
    _ items: [T], _ body: @Sendable (ArraySlice<T>) throws -> U
  ) throws -> [U] {
    let cores = max(1, min(16, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
    let parts = min(cores, max(1, items.count / 64))
    guard parts > 1 else { return [try body(items[...])] }
    let results = UnsafeMutableBufferPointer<Result<U, any Error>?>.allocate(capacity: parts)
    results.initialize(repeating: nil)
    defer { results.deinitialize().deallocate() }
    // Each iteration writes only its own slot.
    nonisolated(unsafe) let slots = results
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let range = (items.count * part / parts)..<(items.count * (part + 1) / parts)
      slots[part] = Result { try body(items[range]) }
    }
    return try results.map { try $0?.get() ?? body([]) }
  }

  /// `[`, one record per line, `]`: valid JSON that still diffs by line.
  public static func json<R: StoredRecord>(_ records: [R]) -> [UInt8] {
    var out = Array("[\n".utf8)
    for (index, record) in records.enumerated() {
      var writer = JSONWriter()
      record.encode(into: &writer)
      out += writer.bytes
      out += Array((index + 1 < records.count ? ",\n" : "\n").utf8)
    }
    out += Array("]\n".utf8)
    return out
  }

  /// One record per line, exactly as in the data files.
  public static func jsonLines<R: StoredRecord>(_ records: [R]) -> [UInt8] {
    var out: [UInt8] = []
    for record in records {
      var writer = JSONWriter()
      record.encode(into: &writer)
      out += writer.bytes
      out.append(0x0A)
    }
    return out
  }
}
