/// `RecordExporter`'s formats written a chunk of records at a time
/// (issue 13): an export of the whole GCDF portfolio attaches each
/// project's 126 source columns from the sidecar, about 170 MB of text
/// for 21,000 projects, so only one chunk's worth is held at once. The
/// bytes are the same as `RecordExporter.export` writes (the tests check).
public enum StreamingExporter {
  /// Records formatted between two writes.
  static let chunkSize = 1024

  /// Writes `records` in `format` through `write`, each record passed
  /// through `prepare` (e.g. `SourceRowReader.attach`) just before it is
  /// formatted.
  public static func export<R: StoredRecord>(
    _ records: [R], format: ExportFormat, verbatimCells: Bool = false, prepare: (R) -> R = { $0 },
    write: ([UInt8]) throws -> Void
  ) throws {
    switch format {
    case .csv:
      guard let layout = RecordColumns.of(R.self) else {
        throw FieldError("\(R.file.fileName) cannot be exported as CSV")
      }
      // The columns: our fields, then every unknown field any record has
      // (which `prepare` does not change: it fills in a field's value).
      var extras: [String] = []
      var seen = Set(layout.known)
      for record in records {
        for field in RecordFields.fields(of: record) where !seen.contains(field.name) {
          seen.insert(field.name)
          extras.append(field.name)
        }
      }
      let columns = layout.known + extras
      var header: [UInt8] = []
      for (index, column) in columns.enumerated() {
        if index > 0 { header.append(UInt8(ascii: ",")) }
        RecordExporter.appendField(verbatimCells ? column : CSVCellGuard.neutralized(column), to: &header)
      }
      header.append(0x0A)
      try write(header)
      for start in stride(from: 0, to: records.count, by: chunkSize) {
        let chunk = records[start..<min(records.count, start + chunkSize)].map(prepare)
        let rows = RecordExporter.inParallel(chunk) { record -> [UInt8] in
          var byName: [String: String] = [:]
          for field in RecordFields.fields(of: record) where byName[field.name] == nil { byName[field.name] = field.json }
          var out: [UInt8] = []
          for (index, column) in columns.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            let cell = byName[column].map { layout.cell(column, json: $0) } ?? ""
            RecordExporter.appendField(verbatimCells ? cell : CSVCellGuard.neutralized(cell), to: &out)
          }
          out.append(0x0A)
          return out
        }
        var out: [UInt8] = []
        out.reserveCapacity(rows.reduce(0) { $0 + $1.count })
        for row in rows { out += row }
        try write(out)
      }
    case .json, .jsonl:
      if format == .json { try write(Array("[\n".utf8)) }
      for start in stride(from: 0, to: records.count, by: chunkSize) {
        var out: [UInt8] = []
        for index in start..<min(records.count, start + chunkSize) {
          var writer = JSONWriter()
          prepare(records[index]).encode(into: &writer)
          out += writer.bytes
          if format == .json && index + 1 < records.count { out.append(UInt8(ascii: ",")) }
          out.append(0x0A)
        }
        try write(out)
      }
      if format == .json { try write(Array("]\n".utf8)) }
    }
  }
}
